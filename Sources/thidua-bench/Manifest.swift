import Foundation
import ThiDuaCore

/// `bench-manifest.json` at the root of a generated folder: what was generated from what, so
/// `--keep DIR` can reuse the workspaces of an identical earlier run.
struct Manifest: Codable {
    /// Bumped whenever the generator writes different events for the same seed.
    static let currentVersion = 2

    var version: Int
    var seed: UInt64
    var wards: Int
    var batching: String
    var campaigns: [String]
    /// SHA-256 of the campaign, type and directive files copied into each ward.
    var sizes: String
    var generation: BenchResults.Generation?

    func matches(_ other: Manifest) -> Bool {
        version == other.version && seed == other.seed && wards == other.wards && batching == other.batching
            && campaigns == other.campaigns && sizes == other.sizes
    }

    static func file(_ root: URL) -> URL { root.appendingPathComponent("bench-manifest.json") }

    static func read(_ root: URL) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: file(root).path) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    func write(_ root: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: Self.file(root))
    }

    /// A digest of the files every ward gets, so a changed campaign file forces a new generation.
    static func sizes(of templates: Templates) -> String {
        var hasher = SHA256()
        for url in templates.campaigns.map(\.file) + templates.typeFiles + templates.directiveFiles {
            hasher.update(url.lastPathComponent)
            hasher.update(Array(FileManager.default.contents(atPath: url.path) ?? Data()))
        }
        return SHA256.hex(hasher.finalize())
    }

    /// The ward workspaces under a generated folder, in order.
    static func wardFolders(_ root: URL) throws -> [URL] {
        let folder = root.appendingPathComponent("wards")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("w") }.sorted()
        return names.map { folder.appendingPathComponent($0, isDirectory: true) }
    }
}
