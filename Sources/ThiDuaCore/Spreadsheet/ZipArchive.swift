import ThiDuaBase

/// How much a ZIP archive may hold once decompressed; anything past a limit is refused before
/// the memory is spent.
public struct ZipLimits: Sendable, Equatable {
    /// Most entries in the central directory.
    public var entries: Int
    /// Most bytes of one entry, decompressed.
    public var entryBytes: Int
    /// Most bytes of all entries together, decompressed.
    public var totalBytes: Int
    /// Highest ratio decompressed : compressed, checked for entries past `ratioFloor` bytes.
    public var ratio: Int
    /// Entries smaller than this may have any ratio (tiny XML parts compress very well).
    public var ratioFloor: Int

    /// A set of limits.
    public init(entries: Int, entryBytes: Int, totalBytes: Int, ratio: Int, ratioFloor: Int) {
        self.entries = entries
        self.entryBytes = entryBytes
        self.totalBytes = totalBytes
        self.ratio = ratio
        self.ratioFloor = ratioFloor
    }

    /// Enough for a ward's rosters and forms: 1,000 entries, 16 MiB an entry (a sheet of about
    /// 55,000 roster rows; 10,000 rows saved by LibreOffice take 2.8 MB), 48 MiB in all, 200:1
    /// past 1 MiB (that sheet compresses 12:1; DEFLATE can reach about 1,030:1). The sheet is
    /// held as a tree, about ten times its size in memory, so the limits also bound memory.
    public static let spreadsheet = ZipLimits(
        entries: 1_000, entryBytes: 16 << 20, totalBytes: 48 << 20, ratio: 200, ratioFloor: 1 << 20)
}

/// One entry of the central directory.
public struct ZipEntry: Sendable, Equatable {
    /// The name, a relative path with "/".
    public var name: String
    /// 0 stored, 8 deflated.
    var method: Int
    var crc: UInt32
    var compressedSize: Int
    /// The decompressed size the directory declares.
    public var size: Int
    var localHeaderOffset: Int
}

/// Reads a ZIP archive held in memory (the container of .xlsx files).
///
/// The central directory is read and checked as a whole on `init`: entry count, names, declared
/// sizes and ratios against `ZipLimits`. `data(_:)` then decompresses one entry, never past its
/// declared size, and checks its CRC-32. ZIP64, encryption and methods other than stored (0)
/// and deflate (8) are refused.
public struct ZipArchive: Sendable {
    /// The entries in directory order.
    public let entries: [ZipEntry]
    private let bytes: [UInt8]
    private let byName: [String: Int]

    /// Reads the directory of `bytes`.
    public init(_ bytes: [UInt8], limits: ZipLimits = .spreadsheet) throws(ZipReadError) {
        self.bytes = bytes
        let end = try Self.endRecord(bytes)
        let diskNumber = Self.u16(bytes, end + 4)
        let directoryDisk = Self.u16(bytes, end + 6)
        let count = Self.u16(bytes, end + 10)
        let directorySize = Self.u32(bytes, end + 12)
        let directoryOffset = Self.u32(bytes, end + 16)
        guard diskNumber == 0, directoryDisk == 0, count == Self.u16(bytes, end + 8) else {
            throw .unsupported("tệp ZIP chia nhiều phần")
        }
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw .unsupported("ZIP64 (tệp trên 4 GB)")
        }
        guard count <= limits.entries else { throw .tooManyEntries(count: count, limit: limits.entries) }
        guard directoryOffset + directorySize <= end else { throw .damaged("mục lục nằm ngoài tệp") }
        var entries: [ZipEntry] = []
        var byName: [String: Int] = [:]
        var total = 0
        var at = directoryOffset
        for _ in 0..<count {
            guard at + 46 <= end, Self.u32(bytes, at) == 0x0201_4B50 else { throw .damaged("mục lục bị cắt cụt hoặc sai cấu trúc") }
            let flags = Self.u16(bytes, at + 8)
            let method = Self.u16(bytes, at + 10)
            let crc = UInt32(Self.u32(bytes, at + 16))
            let compressed = Self.u32(bytes, at + 20)
            let size = Self.u32(bytes, at + 24)
            let nameLength = Self.u16(bytes, at + 28)
            let extraLength = Self.u16(bytes, at + 30)
            let commentLength = Self.u16(bytes, at + 32)
            let offset = Self.u32(bytes, at + 42)
            let nameEnd = at + 46 + nameLength
            guard nameEnd + extraLength + commentLength <= end else { throw .damaged("mục lục bị cắt cụt") }
            guard let name = String(validating: bytes[(at + 46)..<nameEnd], as: UTF8.self) else {
                throw .unsafeName(String(decoding: bytes[(at + 46)..<nameEnd], as: UTF8.self))
            }
            guard Self.isSafe(name) else { throw .unsafeName(name) }
            guard byName[name] == nil else { throw .duplicateName(name) }
            if flags & 1 != 0 { throw .unsupported("mục «\(name)» được mã hóa bằng mật khẩu") }
            guard method == 0 || method == 8 else { throw .unsupported("mục «\(name)» nén theo phương pháp số \(method)") }
            if compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { throw .unsupported("ZIP64 (tệp trên 4 GB)") }
            guard size <= limits.entryBytes else { throw .entryTooLarge(name: name, size: size, limit: limits.entryBytes) }
            total += size
            guard total <= limits.totalBytes else { throw .totalTooLarge(size: total, limit: limits.totalBytes) }
            if size > limits.ratioFloor {
                let ratio = size / max(compressed, 1)
                guard ratio <= limits.ratio else { throw .ratioTooHigh(name: name, ratio: ratio, limit: limits.ratio) }
            }
            if method == 0 && compressed != size { throw .sizeMismatch(name: name, declared: size, actual: compressed) }
            byName[name] = entries.count
            entries.append(
                ZipEntry(name: name, method: method, crc: crc, compressedSize: compressed, size: size, localHeaderOffset: offset))
            at = nameEnd + extraLength + commentLength
        }
        self.entries = entries
        self.byName = byName
    }

    /// Whether the archive has an entry named `name`.
    public func contains(_ name: String) -> Bool { byName[name] != nil }

    /// The decompressed bytes of entry `name`, checked against its size and CRC-32.
    public func data(_ name: String) throws(ZipReadError) -> [UInt8] {
        guard let index = byName[name] else { throw .missingEntry(name) }
        let entry = entries[index]
        let local = entry.localHeaderOffset
        guard local + 30 <= bytes.count, Self.u32(bytes, local) == 0x0403_4B50 else {
            throw .damaged("phần đầu của mục «\(name)» không đúng chỗ mục lục ghi")
        }
        let start = local + 30 + Self.u16(bytes, local + 26) + Self.u16(bytes, local + 28)
        guard start + entry.compressedSize <= bytes.count else { throw .damaged("mục «\(name)» bị cắt cụt") }
        let raw = Array(bytes[start..<(start + entry.compressedSize)])
        let output: [UInt8]
        if entry.method == 0 {
            output = raw
        } else {
            do {
                output = try Inflate.inflate(raw, limit: entry.size)
            } catch .outputTooLarge {
                throw .sizeMismatch(name: name, declared: entry.size, actual: entry.size + 1)
            } catch {
                throw .corrupt(name: name, error)
            }
        }
        guard output.count == entry.size else { throw .sizeMismatch(name: name, declared: entry.size, actual: output.count) }
        guard CRC32.checksum(output) == entry.crc else { throw .checksumMismatch(name: name) }
        return output
    }

    /// Whether bytes start like a ZIP archive ("PK\u{3}\u{4}", or an empty archive's "PK\u{5}\u{6}").
    public static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// A relative path with "/" and no "." or ".." segment, no drive letter, no backslash.
    static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return false }
        let segments = name.split(separator: "/", omittingEmptySubsequences: false)
        if let first = segments.first, first.count == 2, first.hasSuffix(":") { return false }
        return !segments.contains { $0 == "." || $0 == ".." }
    }

    /// The offset of the end-of-central-directory record: searched backwards over the last
    /// 22 + 65,535 bytes (the record plus the longest comment).
    private static func endRecord(_ bytes: [UInt8]) throws(ZipReadError) -> Int {
        guard bytes.count >= 22 else { throw .notZip }
        var at = bytes.count - 22
        let floor = max(0, bytes.count - 22 - 0xFFFF)
        while at >= floor {
            if bytes[at] == 0x50 && u32(bytes, at) == 0x0605_4B50 && at + 22 + u16(bytes, at + 20) == bytes.count { return at }
            at -= 1
        }
        throw .notZip
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> Int {
        Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> Int {
        u16(bytes, at) | u16(bytes, at + 2) << 16
    }
}
