import Foundation
import ThiDuaBase

/// How long a writer waits for a lock, and where it says that it waits.
public struct LockPolicy: Sendable {
    /// Seconds to wait before giving up with a message naming the holder.
    public var timeout: Double
    /// Told once, in Vietnamese, when the lock is busy and the wait begins (who holds it).
    public var notice: @Sendable (String) -> Void

    public init(timeout: Double = 10, notice: @escaping @Sendable (String) -> Void = LockPolicy.standardError) {
        self.timeout = timeout
        self.notice = notice
    }

    /// The default: wait 10 s (or `THIDUA_LOCK_WAIT` seconds, 0 to 600, when set), telling the
    /// user on standard error.
    public static let standard: LockPolicy = {
        if let text = ProcessInfo.processInfo.environment["THIDUA_LOCK_WAIT"], let seconds = Double(text), (0...600).contains(seconds) {
            return LockPolicy(timeout: seconds)
        }
        return LockPolicy()
    }()

    /// Writes a line to standard error.
    public static let standardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
