import Foundation
import Testing

/// Golden files: text compared with a file kept beside the tests, or written there when the
/// environment has `RECORD_SNAPSHOTS=1`.
public enum GoldenFile {
    /// Compares `text` with `folder/name`, recording an issue that shows the first differing line.
    public static func assert(_ text: String, _ name: String, in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
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
