import ThiDuaBase

/// Why DEFLATE data (RFC 1951) could not be decompressed.
public enum InflateError: Error, Equatable, Sendable {
    /// The data ends inside a block.
    case truncated
    /// Block type 3, which RFC 1951 reserves.
    case reservedBlockType
    /// A stored block whose length and its complement disagree.
    case storedLengthMismatch
    /// A code-length table that is over-subscribed, incomplete where it may not be, or
    /// repeats a length before any was given.
    case badCodeLengths
    /// A bit pattern that is no code of the block's tables, or a reserved symbol (286, 287, 30, 31).
    case badCode
    /// A back reference before the start of the output.
    case distanceTooFar
    /// The output would pass the limit the caller set.
    case outputTooLarge(limit: Int)
}

/// Decompresses raw DEFLATE data (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Written for the ZIP entries of .xlsx files: the whole output is kept in memory and may not
/// pass `limit` bytes, so a small archive cannot expand into gigabytes.
public enum Inflate {
    /// The decompressed bytes of `input`; stops with an error at the first byte past `limit`.
    public static func inflate(_ input: [UInt8], limit: Int) throws(InflateError) -> [UInt8] {
        var state = InflateState(input: input, limit: limit)
        try state.run()
        return state.output
    }
}

/// A canonical Huffman code as RFC 1951 §3.2.2 builds it from code lengths: the number of
/// codes of each length and the symbols in code order.
struct HuffmanTable {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

    /// Checks the lengths: an over-subscribed code is refused; an incomplete one (bit patterns
    /// left unused) only where `allowIncomplete` says so, or when it has at most one code, which
    /// RFC 1951 §3.2.7 allows and zlib writes for data with a single symbol.
    init(lengths: [Int], allowIncomplete: Bool) throws(InflateError) {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[length] += 1 }
        var left = 1
        for length in 1...15 {
            left <<= 1
            left -= counts[length]
            if left < 0 { throw .badCodeLengths }
        }
        let used = lengths.count(where: { $0 > 0 })
        if left > 0 && !allowIncomplete && used > 1 { throw .badCodeLengths }
        self.init(unchecked: lengths)
    }

    /// Builds the table without checks (the fixed tables of RFC 1951 §3.2.6).
    init(unchecked lengths: [Int]) {
        for length in lengths { counts[length] += 1 }
        counts[0] = 0
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = [Int](repeating: 0, count: lengths.count(where: { $0 > 0 }))
        for (symbol, length) in lengths.enumerated() where length > 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
    }
}

/// The bit reader, the output and the block loop.
struct InflateState {
    let input: [UInt8]
    let limit: Int
    var position = 0
    var bitBuffer = 0
    var bitCount = 0
    var output: [UInt8] = []

    init(input: [UInt8], limit: Int) {
        self.input = input
        self.limit = limit
    }

    /// `count` bits, least significant first, as RFC 1951 §3.1.1 packs them.
    mutating func bits(_ count: Int) throws(InflateError) -> Int {
        while bitCount < count {
            guard position < input.count else { throw .truncated }
            bitBuffer |= Int(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        let value = bitBuffer & ((1 << count) - 1)
        bitBuffer >>= count
        bitCount -= count
        return value
    }

    /// One symbol: the code is read bit by bit, most significant first, against the counts.
    mutating func decode(_ table: HuffmanTable) throws(InflateError) -> Int {
        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            code |= try bits(1)
            let count = table.counts[length]
            if code - first < count { return table.symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .badCode
    }

    mutating func run() throws(InflateError) {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(Self.fixedLiterals, Self.fixedDistances)
            case 2:
                let (literals, distances) = try dynamicTables()
                try codes(literals, distances)
            default: throw .reservedBlockType
            }
        }
    }

    mutating func stored() throws(InflateError) {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw .truncated }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        position += 4
        guard length == complement ^ 0xFFFF else { throw .storedLengthMismatch }
        guard position + length <= input.count else { throw .truncated }
        guard output.count + length <= limit else { throw .outputTooLarge(limit: limit) }
        output += input[position..<position + length]
        position += length
    }

    mutating func codes(_ literals: HuffmanTable, _ distances: HuffmanTable) throws(InflateError) {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                guard output.count < limit else { throw .outputTooLarge(limit: limit) }
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < 29 else { throw .badCode }
            let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
            let distanceIndex = try decode(distances)
            guard distanceIndex < 30 else { throw .badCode }
            let distance = Self.distanceBase[distanceIndex] + (try bits(Self.distanceExtra[distanceIndex]))
            guard distance <= output.count else { throw .distanceTooFar }
            guard output.count + length <= limit else { throw .outputTooLarge(limit: limit) }
            // Byte by byte: a copy may overlap the bytes it produces (distance < length).
            var from = output.count - distance
            for _ in 0..<length {
                output.append(output[from])
                from += 1
            }
        }
    }

    /// The literal/length and distance tables of a dynamic block (RFC 1951 §3.2.7).
    mutating func dynamicTables() throws(InflateError) -> (HuffmanTable, HuffmanTable) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .badCodeLengths }
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            codeLengthLengths[Self.codeLengthOrder[index]] = try bits(3)
        }
        let codeLengthTable = try HuffmanTable(lengths: codeLengthLengths, allowIncomplete: false)
        var lengths: [Int] = []
        let total = literalCount + distanceCount
        while lengths.count < total {
            let symbol = try decode(codeLengthTable)
            var repeated = 0
            var value = 0
            switch symbol {
            case 0...15:
                lengths.append(symbol)
                continue
            case 16:
                guard let previous = lengths.last else { throw .badCodeLengths }
                value = previous
                repeated = 3 + (try bits(2))
            case 17: repeated = 3 + (try bits(3))
            default: repeated = 11 + (try bits(7))
            }
            guard lengths.count + repeated <= total else { throw .badCodeLengths }
            lengths += repeatElement(value, count: repeated)
        }
        // The end-of-block code must exist, or the block could never end.
        guard lengths[256] > 0 else { throw .badCodeLengths }
        let literals = try HuffmanTable(lengths: Array(lengths[..<literalCount]), allowIncomplete: false)
        let distances = try HuffmanTable(lengths: Array(lengths[literalCount...]), allowIncomplete: false)
        return (literals, distances)
    }

    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289,
        16385, 24577,
    ]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// RFC 1951 §3.2.6: literals 0–143 are 8 bits, 144–255 nine, 256–279 seven, 280–287 eight.
    static let fixedLiterals = HuffmanTable(unchecked: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })

    /// RFC 1951 §3.2.6: thirty 5-bit distance codes (30 and 31 never occur).
    static let fixedDistances = HuffmanTable(unchecked: [Int](repeating: 5, count: 30))
}
