import Foundation

/// A command-line tool the tests use when it is installed (unzip, soffice, pdftotext). Under
/// `CI=true` a missing tool is a failure instead of a skip: CI installs them.
public enum ExternalTool {
    public static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    public static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether a test that needs these tools should run: they are installed, or CI requires them.
    public static func availableOrRequired(_ names: String...) -> Bool {
        isCI || names.allSatisfy { find($0) != nil }
    }

    public static func require(_ name: String) throws -> URL {
        guard let url = find(name) else {
            throw Missing(description: "\(name) is required under CI=true but is not installed")
        }
        return url
    }

    public static func temporaryFolder(_ label: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs the tool, its output and errors together in a file (no pipe to fill up), and
    /// stops it after `timeout` seconds.
    public static func run(_ tool: URL, _ arguments: [String], timeout: TimeInterval = 60) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-tool-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return (-1, "timed out after \(Int(timeout)) s")
        }
        process.waitUntilExit()
        // Lenient: a tool in the C locale may print names in another encoding.
        let output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, output)
    }
}
