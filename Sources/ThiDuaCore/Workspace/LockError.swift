import ThiDuaBase

/// A lock that could not be taken: `busy` when another process held it past the wait.
public struct LockError: Error, Equatable, Sendable {
    /// The Vietnamese message, saying who holds the lock and what to do.
    public var message: String
    /// True when the lock was held by another process for the whole wait.
    public var busy: Bool
}
