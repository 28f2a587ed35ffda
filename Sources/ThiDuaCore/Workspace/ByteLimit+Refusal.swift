import ThiDuaBase

extension ByteLimit {
    /// The refusal of a file of `size` bytes, saying the limit.
    func refusal(size: Int) -> FileAccessError {
        FileAccessError(reason: refusalReason(size: size))
    }
}
