import ThiDuaBase

/// Why a file of the workspace could not be opened, read or written: a Vietnamese reason
/// without the file's name (the caller says which file), and the `errno` when there was one.
public struct FileAccessError: Error, Equatable, Sendable {
    /// The Vietnamese reason, e.g. "ổ đĩa đã đầy… (ENOSPC)".
    public var reason: String
    /// The system error code, or nil when ThiDua itself refused (a link, a size over the limit).
    public var code: Int32?

    public init(reason: String, code: Int32? = nil) {
        self.reason = reason
        self.code = code
    }

    /// The current `errno` in Vietnamese.
    static func system(_ code: Int32) -> FileAccessError {
        FileAccessError(reason: SystemError.text(code), code: code)
    }
}
