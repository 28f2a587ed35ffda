/// The compact binary form of a state checkpoint: numbers as LEB128 varints (signed ones
/// zig-zagged), strings once each in a table and then by index. Written and read by hand, so a
/// checkpoint loads without a parser or a general decoder.
struct CheckpointWriter {
    private(set) var body: [UInt8] = []
    private var strings: [String] = []
    private var index: [String: Int] = [:]

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            body.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        body.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { body.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    /// A string by its index in the table.
    mutating func string(_ value: String) {
        if let known = index[value] {
            unsigned(UInt64(known))
            return
        }
        index[value] = strings.count
        unsigned(UInt64(strings.count))
        strings.append(value)
    }

    /// Absent (0) or present (1) and then the value.
    mutating func optional<T>(_ value: T?, _ write: (inout CheckpointWriter, T) -> Void) {
        guard let value else { return body.append(0) }
        body.append(1)
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout CheckpointWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }

    mutating func date(_ value: CivilDate) {
        int(value.year)
        unsigned(UInt64(value.month))
        unsigned(UInt64(value.day))
    }

    /// The string table followed by the body.
    func finished() -> [UInt8] {
        var table = CheckpointWriter()
        table.unsigned(UInt64(strings.count))
        for string in strings {
            var s = string
            s.withUTF8 { utf8 in
                table.unsigned(UInt64(utf8.count))
                table.body.append(contentsOf: utf8)
            }
        }
        return table.body + body
    }
}

/// Reads what `CheckpointWriter` wrote; any byte out of place throws, and the checkpoint is
/// then not used.
struct CheckpointReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var at: Int
    private var strings: [String] = []

    /// Reads the string table at `start`.
    init(_ bytes: [UInt8], from start: Int) throws(Damaged) {
        self.bytes = bytes
        at = start
        let count = try length()
        strings.reserveCapacity(count)
        for _ in 0..<count {
            let n = try length()
            let end = at + n
            guard end <= bytes.count else { throw Damaged() }
            guard let s = bytes.withUnsafeBufferPointer({ String(validating: UnsafeBufferPointer(rebasing: $0[at..<end]), as: UTF8.self) })
            else { throw Damaged() }
            strings.append(s)
            at = end
        }
    }

    var isAtEnd: Bool { at == bytes.count }

    mutating func unsigned() throws(Damaged) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            guard shift < 64 else { throw Damaged() }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        throw Damaged()
    }

    /// A count or length: never more than the bytes left, so a damaged count cannot allocate.
    mutating func length() throws(Damaged) -> Int {
        let v = try unsigned()
        guard v <= UInt64(bytes.count - at) else { throw Damaged() }
        return Int(v)
    }

    mutating func int() throws(Damaged) -> Int {
        let v = try unsigned()
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func byte() throws(Damaged) -> UInt8 {
        guard at < bytes.count else { throw Damaged() }
        at += 1
        return bytes[at - 1]
    }

    mutating func bool() throws(Damaged) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    mutating func double() throws(Damaged) -> Double {
        guard at + 8 <= bytes.count else { throw Damaged() }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[at + i]) << UInt64(8 * i) }
        at += 8
        return Double(bitPattern: bits)
    }

    /// A string of the table, with its index (ids are checked once per index).
    mutating func indexedString() throws(Damaged) -> (String, Int) {
        let i = try unsigned()
        guard i < UInt64(strings.count) else { throw Damaged() }
        return (strings[Int(i)], Int(i))
    }

    mutating func string() throws(Damaged) -> String { try indexedString().0 }

    mutating func optional<T>(_ read: (inout CheckpointReader) throws(Damaged) -> T) throws(Damaged) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CheckpointReader) throws(Damaged) -> T) throws(Damaged) -> [T] {
        let count = try length()
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try read(&self)) }
        return out
    }

    mutating func date() throws(Damaged) -> CivilDate {
        let year = try int()
        let month = try unsigned()
        let day = try unsigned()
        guard month <= 12, day <= 31, let date = CivilDate(year: year, month: Int(month), day: Int(day)) else { throw Damaged() }
        return date
    }

    /// The string table's entries (for checking ids once each).
    func string(at index: Int) -> String { strings[index] }
}
