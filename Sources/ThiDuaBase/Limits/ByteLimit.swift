/// A cap on a file's size, with the words that name the kind of file in messages.
public struct ByteLimit: Sendable, Equatable {
    /// The largest size accepted, in bytes.
    public var bytes: Int
    /// What the file is, in Vietnamese ("tệp CSV", "tệp phong trào"…).
    public var what: String

    public init(bytes: Int, what: String) {
        self.bytes = bytes
        self.what = what
    }

    /// The Vietnamese reason a file of `size` bytes is refused, saying the limit.
    public func refusalReason(size: Int) -> String {
        "tệp có \(InputLimits.size(size)), vượt giới hạn \(InputLimits.size(bytes)) của ThiDua đối với \(what); hãy chia thành nhiều tệp nhỏ hơn hoặc kiểm tra lại đúng tệp chưa"
    }
}
