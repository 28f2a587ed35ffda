import Foundation

/// One folder of the malformed corpus, `Corpus/<category>/cases.json`: where each file goes in
/// the workspace, the command that reads it, and what every case must print.
struct CorpusCategory: Decodable {
    /// The workspace the cases start from: a name `FaultWorkspaces` knows.
    var setup: String
    /// The workspace folder the case file is copied into (`campaigns`, `inbox`, …).
    var into: String
    /// The name the file takes there, when it is not the case file's own (`money.json`).
    var `as`: String?
    /// The command line; `{file}` is the copied file's absolute path.
    var command: [String]
    /// What the category holds, for people reading the manifest.
    var about: String
    var cases: [CorpusCase]
}

/// One malformed input and the clear error it must give.
struct CorpusCase: Decodable {
    /// The file in the category folder.
    var file: String
    /// A fragment of the Vietnamese message.
    var expect: String
    /// The line the message must point at, as `<file>:<line>`.
    var at: Int?
    /// The exit code: 1 unless said (64 for a usage error, 0 for a case that only warns).
    var exit: Int32?
    /// A command of its own instead of the category's.
    var command: [String]?
    /// A setup of its own instead of the category's.
    var setup: String?
    /// Support files copied in first: corpus path → workspace path; `{also}` in the command is
    /// the first one's absolute path.
    var also: [String: String]?
    /// What the message must name instead of the file, when the file is not at fault (an
    /// unknown campaign or form given on the command line).
    var place: String?
    /// A known gap: the message is clear but does not name the file. Checked as a known issue,
    /// so the suite tells when it is fixed.
    var gap: String?
    /// Why the case is as it is.
    var note: String?
}

/// The corpus on disk.
enum Corpus {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let folder = testsFolder.appendingPathComponent("Corpus")
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    /// Every category, by folder name, sorted.
    static func categories() throws -> [(name: String, category: CorpusCategory)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.compactMap { name in
            let manifest = folder.appendingPathComponent(name).appendingPathComponent("cases.json")
            guard FileManager.default.fileExists(atPath: manifest.path) else { return nil }
            return (name, try JSONDecoder().decode(CorpusCategory.self, from: Data(contentsOf: manifest)))
        }
    }
}
