import Foundation
import Testing
import ThiDuaCLI

@testable import ThiDuaCore

// Journals of a generated ward, cut, rewritten and read whole: shared by the suites on
// incremental replay, checkpoints and status digests.

/// The `thidua-bench` executable built beside the tests, if it was built.
func benchTool() -> URL? {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("thidua-bench")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    return nil
}

/// A generated ward (every bundled campaign with a year of events), in a fresh folder.
func generatedWard() throws -> (base: URL, ward: URL) {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-incremental-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = benchTool()
    process.arguments = ["generate", "--wards", "1", "--keep", base.path, "--repo", Harness.root.path, "--threads", "1"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let wards = try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("wards").path).sorted()
    return (base, base.appendingPathComponent("wards").appendingPathComponent(try #require(wards.first)))
}

/// A journal's lines (without newlines) as bytes.
func lines(of store: JournalStore) throws -> [[UInt8]] {
    let bytes = try #require(FileManager.default.contents(atPath: store.url.path))
    return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
}

/// Rewrites a journal as `lines` with a head naming the last one, as if the journal had been
/// that all along (another process, a restore from backup).
func rewrite(_ store: JournalStore, _ lines: [[UInt8]]) throws {
    var bytes: [UInt8] = []
    for line in lines { bytes += line + [0x0A] }
    try Data(bytes).write(to: store.url)
    let hash = lines.last.map { SHA256.hex(SHA256.hash($0)) } ?? JournalEvent.genesis
    try Data("{\"seq\":\(lines.count),\"hash\":\"\(hash)\"}\n".utf8).write(to: URL(fileURLWithPath: store.url.path + ".head"))
}

/// A back office with its own memory (a process of its own) that checkpoints every journal.
func office(_ ward: URL, checkpoints: Bool = true) -> BackOffice {
    let workspace = Workspace(root: ward)
    var office = BackOffice(
        workspace: workspace, registry: CompiledTypes.registry(for: workspace), memory: OfficeMemory(), checkpoints: checkpoints)
    office.checkpointMinimumLines = 1
    return office
}

/// The state of a whole read, as every command computed it before checkpoints.
func fullReplay(_ store: JournalStore) throws -> CampaignState {
    let contents = try store.read()
    #expect(contents.failure == nil)
    return CampaignState(events: contents.events)
}
