import ThiDuaBase

/// Why a ZIP archive (an .xlsx file) could not be read. Every case is a refusal: nothing of
/// the archive is used.
public enum ZipReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No end-of-central-directory record: not a ZIP file, or cut short.
    case notZip
    /// A record points outside the file or is cut short.
    case damaged(String)
    /// ZIP64, several disks, encryption or a compression method other than stored/deflate.
    case unsupported(String)
    /// More entries than the limit.
    case tooManyEntries(count: Int, limit: Int)
    /// An entry name that is absolute, climbs with "..", uses "\" or is not UTF-8.
    case unsafeName(String)
    /// Two entries with the same name.
    case duplicateName(String)
    /// An entry larger than the per-entry limit once decompressed.
    case entryTooLarge(name: String, size: Int, limit: Int)
    /// All entries together larger than the total limit once decompressed.
    case totalTooLarge(size: Int, limit: Int)
    /// An entry that expands far more than real documents do (a "zip bomb").
    case ratioTooHigh(name: String, ratio: Int, limit: Int)
    /// The DEFLATE data of an entry is broken.
    case corrupt(name: String, InflateError)
    /// The decompressed size differs from the size the directory declares.
    case sizeMismatch(name: String, declared: Int, actual: Int)
    /// The CRC-32 of the decompressed bytes differs from the declared one.
    case checksumMismatch(name: String)
    /// The archive has no entry of that name.
    case missingEntry(String)

    /// The message for the user, in Vietnamese.
    public var description: String {
        switch self {
        case .notZip: "tệp không phải là tệp ZIP/.xlsx (không tìm thấy mục lục cuối tệp); có thể tệp bị cắt cụt"
        case .damaged(let what): "tệp ZIP bị hỏng: \(what)"
        case .unsupported(let what): "tệp ZIP dùng tính năng không được hỗ trợ: \(what)"
        case .tooManyEntries(let count, let limit): "tệp ZIP có \(count) mục, vượt giới hạn \(limit) mục"
        case .unsafeName(let name): "tệp ZIP có mục tên «\(name)» không an toàn (đường dẫn tuyệt đối, có «..» hoặc dấu \\)"
        case .duplicateName(let name): "tệp ZIP có hai mục cùng tên «\(name)»"
        case .entryTooLarge(let name, let size, let limit):
            "mục «\(name)» khi giải nén dài \(Numbers.grouped(size)) byte, vượt giới hạn \(Numbers.grouped(limit)) byte"
        case .totalTooLarge(let size, let limit):
            "tệp ZIP khi giải nén dài \(Numbers.grouped(size)) byte, vượt giới hạn \(Numbers.grouped(limit)) byte"
        case .ratioTooHigh(let name, let ratio, let limit):
            "mục «\(name)» nén với tỷ lệ \(ratio):1, vượt giới hạn \(limit):1 (dấu hiệu tệp \"bom ZIP\")"
        case .corrupt(let name, let problem): "dữ liệu nén của mục «\(name)» bị hỏng (\(problem))"
        case .sizeMismatch(let name, let declared, let actual):
            "mục «\(name)» giải nén ra \(actual) byte nhưng mục lục ghi \(declared) byte"
        case .checksumMismatch(let name): "mục «\(name)» sai mã kiểm tra CRC-32: tệp bị hỏng"
        case .missingEntry(let name): "tệp không có mục «\(name)»"
        }
    }
}
