import Foundation
import Testing
import ThiDuaCLI

/// Runs `thidua` in-process on the repository workspace and compares output with golden files.
enum Harness {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let golden = testsFolder.appendingPathComponent("Golden")
    static let seeds = testsFolder.appendingPathComponent("Seeds")
    static let seedIDs = [
        "phung-chi-kien-dvcq-2024", "phuong-6-cchc-2023", "phu-ly-cqtt-2024", "minh-xuan-dvk-2026", "nam-gia-nghia-cchc-2026",
    ]

    struct Result {
        var code: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], in directory: URL = root) -> Result {
        let capture = CapturingConsole()
        let code = CLI.run(arguments, console: capture.console, currentDirectory: directory.path)
        return Result(code: code, output: capture.output, errors: capture.errors)
    }

    /// Compares with `Golden/<name>`; `RECORD_SNAPSHOTS=1` writes the file instead.
    static func assertGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let expectedLines = expected.components(separatedBy: "\n")
            let actualLines = text.components(separatedBy: "\n")
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ =
                first.map { "line \($0.offset + 1):\n- \($0.element.0)\n+ \($0.element.1)" }
                ?? "lengths differ (\(expectedLines.count) vs \(actualLines.count) lines)"
            Issue.record(
                "output differs from Golden/\(name) at \(where_)\nRe-record with RECORD_SNAPSHOTS=1 if the change is intended.",
                sourceLocation: sourceLocation)
        }
    }
}
