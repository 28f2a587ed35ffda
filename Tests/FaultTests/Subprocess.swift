import Foundation

/// Runs the built `thidua` (or another program) as a child process: a Swift trap there shows
/// as a signal instead of killing the test process.
enum Subprocess {
    struct Outcome {
        /// The exit status, or the signal number when `signaled`.
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var output: String
        var errors: String

        var summary: String {
            if timedOut { return "timed out" }
            return signaled ? "killed by signal \(status)" : "exit \(status)"
        }
    }

    /// The `thidua` executable SwiftPM built beside the test bundle, if any.
    static let thidua: URL? = {
        var folders: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        folders.append(Corpus.repository.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("thidua") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `executable` with `arguments`; stops it after `timeout` seconds.
    static func run(_ executable: URL, _ arguments: [String], timeout: TimeInterval = 60, environment extra: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        // A crash must end the child at once; the interactive backtracer could wait on a terminal.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let outData = Collected()
        let errData = Collected()
        out.fileHandleForReading.readabilityHandler = { outData.append($0.availableData) }
        err.fileHandleForReading.readabilityHandler = { errData.append($0.availableData) }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                timedOut = true
                break
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        process.waitUntilExit()
        out.fileHandleForReading.readabilityHandler = nil
        err.fileHandleForReading.readabilityHandler = nil
        outData.append(out.fileHandleForReading.readDataToEndOfFile())
        errData.append(err.fileHandleForReading.readDataToEndOfFile())
        return Outcome(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
            output: outData.text, errors: errData.text)
    }

    /// Bytes gathered from a pipe by its handler thread.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.withLock { data.append(more) } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }

    /// Whether this process runs as root, for whom file permissions do not stop a write.
    static var isRoot: Bool { geteuid() == 0 }

    /// The first of `names` found on the PATH.
    static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
