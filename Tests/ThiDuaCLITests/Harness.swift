import Foundation
import Testing
import ThiDuaCLI
import ThiDuaTestSupport

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
        GoldenFile.assert(text, name, in: golden, sourceLocation: sourceLocation)
    }
}
