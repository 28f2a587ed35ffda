import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension FaultWorkspace {
    /// The arguments every run of the built `thidua` gets before the command's own.
    func prefix(today: String = FaultWorkspace.today) -> [String] {
        ["--workspace", root.path, "--today", today, "--actor", "Cán bộ kiểm thử"]
    }

    /// Runs the built `thidua` as a child process (nil, with an issue recorded, when it is not built).
    func spawn(_ arguments: [String], timeout: TimeInterval = 60, environment: [String: String] = [:]) throws -> Subprocess.Outcome? {
        guard let binary = Subprocess.thidua else {
            Issue.record("the built `thidua` was not found beside the test bundle")
            return nil
        }
        return try Subprocess.run(binary, prefix() + arguments, timeout: timeout, environment: environment)
    }

    /// Starts the built `thidua` without waiting; its output goes nowhere.
    func start(_ arguments: [String], environment: [String: String] = [:], errors: URL? = nil) throws -> Process? {
        guard let binary = Subprocess.thidua else { return nil }
        let process = Process()
        process.executableURL = binary
        process.arguments = prefix() + arguments
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        if let errors {
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// The URL of a path of the workspace.
    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The bytes of a file of the workspace (empty when absent).
    func bytes(_ relative: String) -> Data { FileManager.default.contents(atPath: url(relative).path) ?? Data() }

    /// A file outside the workspace, for a link to point at; removed by the caller.
    static func victim(_ text: String = "tệp của người dùng, không được đụng tới\n") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-victim-\(UUID().uuidString)")
        try Data(text.utf8).write(to: url)
        return url
    }
}
