import Foundation
import Testing
import ThiDuaCore

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the `thidua-bench` executable built beside the tests.
func benchExecutable() -> URL? {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("thidua-bench")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    for configuration in ["debug", "release"] {
        let candidate = root.appendingPathComponent(".build/\(configuration)/thidua-bench")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}

/// Starts a writer; its standard output collects in a file.
func startWriter(_ journal: URL, count: Int, tag: String, output: URL) throws -> Process {
    let process = Process()
    process.executableURL = benchExecutable()
    process.arguments = ["journal-writer", journal.path, String(count), tag]
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// (tag, n) pairs a writer reported as appended.
func acknowledged(_ output: URL) -> [(String, Int)] {
    let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line in
        let parts = line.split(separator: " ")
        guard parts.count == 4, parts[0] == "ok", let n = Int(parts[2]) else { return nil }  // a line cut by the kill is not an acknowledgement
        return (String(parts[1]), n)
    }
}

func recorded(_ store: JournalStore) throws -> Set<String> {
    Set(
        try store.read().events.compactMap { event in
            guard case .object(let members) = event.payload,
                let tag = members.first(where: { $0.key == "tag" })?.value, case .string(let t) = tag,
                let n = members.first(where: { $0.key == "n" })?.value, case .number(let value) = n
            else { return nil }
            return "\(t)/\(Int(value))"
        })
}

@Suite("Journal under crashes and concurrency", .serialized, .enabled(if: benchExecutable() != nil, "thidua-bench is not built"))
struct CrashTests {
    @Test("SIGKILL at random moments loses no acknowledged append and leaves a valid chain")
    func killedWriters() throws {
        let folder = temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("a.journal.jsonl")
        let store = JournalStore(url: journal)
        var generator = SystemRandomNumberGenerator()
        var acknowledgedAll: [(String, Int)] = []
        let trials = 200
        for trial in 0..<trials {
            let output = folder.appendingPathComponent("out-\(trial).txt")
            let process = try startWriter(journal, count: 1000, tag: "t\(trial)", output: output)
            usleep(UInt32.random(in: 5_000...60_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            acknowledgedAll += acknowledged(output)
            // After every crash the journal must open and its chain must hold.
            let contents = try store.read()
            #expect(contents.failure == nil, "trial \(trial): \(String(describing: contents.failure))")
        }
        let present = try recorded(store)
        let lost = acknowledgedAll.filter { !present.contains("\($0.0)/\($0.1)") }
        #expect(lost.isEmpty, "acknowledged but missing: \(lost.prefix(5))")
        // Under a loaded machine the writer gets fewer appends in before each kill; a quarter still proves the point.
        #expect(acknowledgedAll.count > 0, "the writers never wrote; the test proves nothing")
        // One more append sets aside any torn tail; then the whole chain verifies.
        _ = try store.append([JournalStore.Draft(kind: "test", actor: "kiểm tra", date: CivilDate(year: 2026, month: 1, day: 1)!, payload: .null)], time: "t")
        let report = try store.verify()
        #expect(report.isValid, "\(String(describing: report.failure))")
        #expect(report.tornBytes == 0)
        print("crash test: \(trials) kills, \(acknowledgedAll.count) acknowledged appends, \(report.lines) lines, all present")
    }

    @Test("two processes appending 500 events each give 1,000 events and a valid chain")
    func concurrentWriters() throws {
        let folder = temporaryFolder("concurrent")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("a.journal.jsonl")
        let a = try startWriter(journal, count: 500, tag: "a", output: folder.appendingPathComponent("a.txt"))
        let b = try startWriter(journal, count: 500, tag: "b", output: folder.appendingPathComponent("b.txt"))
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let store = JournalStore(url: journal)
        let contents = try store.read()
        #expect(contents.events.count == 1000)
        #expect(contents.failure == nil)
        #expect(try store.verify().isValid)
        let present = try recorded(store)
        #expect(present.count == 1000)
        // Each writer's own events stay in its order.
        for tag in ["a", "b"] {
            let ns = contents.events.compactMap { event -> Int? in
                guard case .object(let m) = event.payload, m.first?.value == .string(tag), case .number(let n)? = m.last?.value else { return nil }
                return Int(n)
            }
            #expect(ns == Array(0..<500))
        }
    }
}
