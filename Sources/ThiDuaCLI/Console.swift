import Foundation

/// Where a command writes: standard output and standard error, or buffers in tests.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        writeOut = out
        writeErr = err
    }

    /// The process's standard output and error.
    public static func standard() -> Console {
        Console(
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// Writes a line (or text already ending in a newline) to standard output.
    public func print(_ text: String) {
        lock.withLock { writeOut(text.hasSuffix("\n") ? text : text + "\n") }
    }

    /// Writes a line to standard error.
    public func error(_ text: String) {
        lock.withLock { writeErr(text.hasSuffix("\n") ? text : text + "\n") }
    }
}

/// A console that keeps what was written, for tests.
public final class CapturingConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    public private(set) var console: Console!

    public init() {
        console = Console(
            out: { [unowned self] s in lock.withLock { outText += s } },
            err: { [unowned self] s in lock.withLock { errText += s } })
    }

    public var output: String { lock.withLock { outText } }
    public var errors: String { lock.withLock { errText } }
}
