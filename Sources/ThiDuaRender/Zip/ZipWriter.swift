import ThiDuaCore

/// Why a ZIP archive could not be written.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The entry name is empty, absolute, uses backslashes or "." / ".." segments.
    case invalidName(String)
    /// Two entries share a name.
    case duplicateName(String)
    /// The name is longer than 65 535 bytes of UTF-8.
    case nameTooLong(String)
    /// The entry is too large for a ZIP32 archive (4 GB).
    case entryTooLarge(name: String, size: Int)
    /// The archive would pass the ZIP32 limit of 4 GB.
    case archiveTooLarge(size: Int)
    /// More entries than a ZIP32 archive can count.
    case tooManyEntries(Int)

    /// The message for the user, in Vietnamese.
    public var description: String {
        switch self {
        case .invalidName(let name): "Tên mục «\(name)» không hợp lệ trong tệp ZIP (cần đường dẫn tương đối, dùng dấu /)."
        case .duplicateName(let name): "Tệp ZIP đã có mục «\(name)»."
        case .nameTooLong(let name): "Tên mục «\(name.prefix(40))…» dài quá 65.535 byte."
        case .entryTooLarge(let name, let size): "Mục «\(name)» (\(size) byte) vượt giới hạn 4 GB của tệp ZIP."
        case .archiveTooLarge(let size): "Tệp ZIP (\(size) byte) vượt giới hạn 4 GB."
        case .tooManyEntries(let count): "Tệp ZIP có \(count) mục, vượt giới hạn 65.534 mục."
        }
    }
}

/// Writes a ZIP archive of stored (uncompressed) entries, byte-for-byte reproducible.
///
/// Every entry carries the same DOS timestamp (1980-01-01 00:00) and the UTF-8 name flag, so
/// the same entries in the same order always give the same bytes. Sizes and offsets are
/// checked against the ZIP32 limits and reported as `ZipError`, never trapped.
public struct ZipWriter: Sendable {
    /// DOS time of every entry: 00:00:00.
    public static let dosTime: UInt16 = 0
    /// DOS date of every entry: 1980-01-01, the earliest DOS date (day 1, month 1, year 0).
    public static let dosDate: UInt16 = 1 << 5 | 1

    /// Sizes and offsets must stay below this (0xFFFFFFFF itself marks ZIP64).
    private let sizeLimit: Int
    /// Entry counts must stay below this (0xFFFF itself marks ZIP64).
    private let entryLimit: Int
    private var archive: [UInt8] = []
    private var directory: [UInt8] = []
    private var names: Set<String> = []

    /// The number of entries added so far.
    public private(set) var count = 0

    /// An empty archive with the ZIP32 limits.
    public init() {
        self.init(sizeLimit: Int(UInt32.max), entryLimit: Int(UInt16.max))
    }

    /// An archive with smaller limits, so tests can reach them without gigabytes.
    init(sizeLimit: Int, entryLimit: Int) {
        self.sizeLimit = sizeLimit
        self.entryLimit = entryLimit
    }

    /// Adds an entry stored without compression. `name` is a relative path with "/".
    public mutating func add(_ name: String, _ data: [UInt8]) throws(ZipError) {
        let segments = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"),
            !segments.contains(where: { $0 == "." || $0 == ".." || ($0.isEmpty && $0.endIndex != name.endIndex) })
        else { throw .invalidName(name) }
        guard !names.contains(name) else { throw .duplicateName(name) }
        let nameBytes = Array(name.utf8)
        guard nameBytes.count <= Int(UInt16.max) else { throw .nameTooLong(name) }
        guard data.count < sizeLimit else { throw .entryTooLarge(name: name, size: data.count) }
        guard count + 1 < entryLimit else { throw .tooManyEntries(count + 1) }
        let offset = archive.count
        let end = offset + 30 + nameBytes.count + data.count
        guard end < sizeLimit else { throw .archiveTooLarge(size: end) }

        let crc = CRC32.checksum(data)
        let size = UInt32(data.count)
        var local = ByteWriter()
        local.u32(0x0403_4B50)
        local.u16(20)  // version needed: 2.0
        local.u16(Self.utf8Flag)
        local.u16(0)  // stored
        local.u16(Self.dosTime)
        local.u16(Self.dosDate)
        local.u32(crc)
        local.u32(size)
        local.u32(size)
        local.u16(UInt16(nameBytes.count))
        local.u16(0)  // extra field length
        local.bytes += nameBytes
        archive += local.bytes
        archive += data

        var central = ByteWriter()
        central.u32(0x0201_4B50)
        central.u16(20)  // made by: MS-DOS, 2.0 (no Unix permissions to carry)
        central.u16(20)
        central.u16(Self.utf8Flag)
        central.u16(0)
        central.u16(Self.dosTime)
        central.u16(Self.dosDate)
        central.u32(crc)
        central.u32(size)
        central.u32(size)
        central.u16(UInt16(nameBytes.count))
        central.u16(0)  // extra field length
        central.u16(0)  // comment length
        central.u16(0)  // disk number
        central.u16(0)  // internal attributes
        central.u32(0)  // external attributes
        central.u32(UInt32(offset))
        central.bytes += nameBytes
        directory += central.bytes

        names.insert(name)
        count += 1
    }

    /// The whole archive: entries, central directory, end of central directory record.
    public func finish() throws(ZipError) -> [UInt8] {
        let directoryOffset = archive.count
        let total = directoryOffset + directory.count + 22
        guard total < sizeLimit else { throw .archiveTooLarge(size: total) }
        var end = ByteWriter()
        end.u32(0x0605_4B50)
        end.u16(0)  // this disk
        end.u16(0)  // disk with the central directory
        end.u16(UInt16(count))
        end.u16(UInt16(count))
        end.u32(UInt32(directory.count))
        end.u32(UInt32(directoryOffset))
        end.u16(0)  // comment length
        return archive + directory + end.bytes
    }

    /// General purpose flag bit 11: names are UTF-8.
    private static let utf8Flag: UInt16 = 1 << 11
}

/// Little-endian fields, as ZIP stores them.
private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
