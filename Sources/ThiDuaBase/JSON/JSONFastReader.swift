/// Reads plain, strict JSON straight into `JSONValue`, for the journal's lines.
///
/// `JSONParser` builds a `JSONNode` tree with a line and column for every value and key, so a
/// hand-edited campaign file's messages can point at the place; `JSONNode.value` then copies
/// the tree into `JSONValue`. A journal line is written by `JSONWriter` and read back in bulk
/// on every replay, where the positions are never used: this reader skips both the positions
/// and the copy (about half of replay's time went there, see docs/performance.md).
///
/// The contract: `object(_:)` returns exactly what `try? JSONParser.parse(bytes)` gives (the
/// members' values as `JSONNode.value` reads them, and each number's text), or nil. Whenever
/// the input is anything but plain strict JSON — a comment, a trailing comma, a byte-order
/// mark, a duplicate key, a number followed by `%` or by `,digit` in an object, a string that
/// is not valid UTF-8, nesting deeper than `JSONParser.maximumDepth`, or any syntax error — it
/// gives up with nil, and the caller takes `JSONParser` for the value or its error. So it can
/// only ever be faster, never different.
package struct JSONFastReader {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private var index = 0
    private var depth = 0
    /// The text of each number-valued member of the outermost object, when `object` asks.
    private var numberTexts: [String?] = []

    private init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no base address; nothing in it is read then.
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = buffer.count
    }

    /// A whole document that is an object: its members, with the text of each member whose
    /// value is a number (`JSONNode` keeps that text; `Int(seqText)` needs it); nil as above.
    package static func object(_ buffer: UnsafeBufferPointer<UInt8>) -> (members: [JSONValue.Member], numberTexts: [String?])? {
        var reader = JSONFastReader(buffer)
        reader.skipSpace()
        guard reader.index < reader.count, reader.base[reader.index] == UInt8(ascii: "{") else { return nil }
        guard case .object(let members)? = reader.object(keepingNumberTexts: true) else { return nil }
        reader.skipSpace()
        guard reader.index == reader.count else { return nil }
        return (members, reader.numberTexts)
    }

    /// Spaces, tabs and line ends; a `/` (a comment) is left for the caller to give up on.
    @inline(__always)
    private mutating func skipSpace() {
        while index < count {
            let b = base[index]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            index += 1
        }
    }

    private mutating func value() -> JSONValue? {
        guard index < count else { return nil }
        switch base[index] {
        case UInt8(ascii: "{"): return object(keepingNumberTexts: false)
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "t"): return word("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return word("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return word("null") ? .null : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()?.value
        default: return nil
        }
    }

    private mutating func word(_ w: StaticString) -> Bool {
        let n = w.utf8CodeUnitCount
        guard index + n <= count else { return false }
        let p = w.utf8Start
        for k in 0..<n where base[index + k] != p[k] { return false }
        index += n
        return true
    }

    private mutating func enter() -> Bool {
        depth += 1
        return depth <= JSONParser.maximumDepth
    }

    /// An object; with `keepingNumberTexts`, `numberTexts` gets the text of each member's value
    /// when that is a number (nil for other members), in member order.
    private mutating func object(keepingNumberTexts: Bool) -> JSONValue? {
        guard enter() else { return nil }
        index += 1
        var members: [JSONValue.Member] = []
        skipSpace()
        if index < count && base[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        // Duplicate keys as `JSONParser` finds them (String equality): among the members while
        // the object is small, then in a set.
        var seen: Set<String>?
        while true {
            skipSpace()
            guard index < count, base[index] == UInt8(ascii: "\"") else { return nil }  // includes a trailing comma
            guard let key = string() else { return nil }
            if seen != nil {
                guard seen!.insert(key).inserted else { return nil }
            } else {
                for m in members where m.key == key { return nil }
                if members.count >= 16 {
                    seen = Set(members.map(\.key))
                    seen!.insert(key)
                }
            }
            skipSpace()
            guard index < count, base[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            guard index < count else { return nil }
            let value: JSONValue
            let first = base[index]
            if first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) {
                guard let n = number() else { return nil }
                // "98,5": `JSONParser` reports it (a decimal comma), so leave it to that.
                if index + 1 < count, base[index] == UInt8(ascii: ","), base[index + 1] >= UInt8(ascii: "0"),
                    base[index + 1] <= UInt8(ascii: "9")
                {
                    return nil
                }
                value = n.value
                if keepingNumberTexts {
                    numberTexts.append(String(decoding: UnsafeBufferPointer(start: base + n.start, count: index - n.start), as: UTF8.self))
                }
            } else {
                guard let v = self.value() else { return nil }
                value = v
                if keepingNumberTexts { numberTexts.append(nil) }
            }
            members.append(JSONValue.Member(key: key, value: value))
            skipSpace()
            guard index < count else { return nil }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "}") {
                index += 1
                break
            }
            return nil
        }
        depth -= 1
        return .object(members)
    }

    private mutating func array() -> JSONValue? {
        guard enter() else { return nil }
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < count && base[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipSpace()
            guard let item = value() else { return nil }  // includes a trailing comma
            items.append(item)
            skipSpace()
            guard index < count else { return nil }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "]") {
                index += 1
                break
            }
            return nil
        }
        depth -= 1
        return .array(items)
    }

    /// A number by `JSONParser`'s grammar (leading zeros allowed), as `JSONNode.value` reads
    /// it: `Double(text) ?? 0`. Whole numbers of up to 15 digits are exact in a `Double` and
    /// computed directly; others go through `Double(String)` as the node does.
    private mutating func number() -> (value: JSONValue, start: Int)? {
        let start = index
        var negative = false
        if base[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var whole: Int64 = 0
        let digitsStart = index
        while index < count, base[index] >= UInt8(ascii: "0"), base[index] <= UInt8(ascii: "9") {
            whole = whole &* 10 &+ Int64(base[index] &- UInt8(ascii: "0"))
            index += 1
        }
        let wholeDigits = index - digitsStart
        guard wholeDigits > 0 else { return nil }
        var plain = true
        if index < count, base[index] == UInt8(ascii: ".") {
            plain = false
            index += 1
            let fractionStart = index
            while index < count, base[index] >= UInt8(ascii: "0"), base[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > fractionStart else { return nil }
        }
        if index < count, base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E") {
            plain = false
            index += 1
            if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            let exponentStart = index
            while index < count, base[index] >= UInt8(ascii: "0"), base[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > exponentStart else { return nil }
        }
        if index < count, base[index] == UInt8(ascii: "%") { return nil }
        if plain && wholeDigits <= 15 {
            let d = Double(whole)
            return (.number(negative ? -d : d), start)
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
        return (.number(Double(text) ?? 0), start)
    }

    /// A string; nil for a control character, an escape `JSONParser` refuses, or text that is
    /// not valid UTF-8.
    private mutating func string() -> String? {
        index += 1
        let start = index
        var ascii = true
        while index < count {
            let b = base[index]
            if b == UInt8(ascii: "\"") {
                let bytes = UnsafeBufferPointer(start: base + start, count: index - start)
                index += 1
                if ascii { return String(decoding: bytes, as: UTF8.self) }
                return String(validating: bytes, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { return escapedString(from: start) }
            if b < 0x20 { return nil }
            if b >= 0x80 { ascii = false }
            index += 1
        }
        return nil
    }

    /// The rest of a string with escapes, decoded as `JSONParser` decodes them.
    private mutating func escapedString(from start: Int) -> String? {
        var out: [UInt8] = Array(UnsafeBufferPointer(start: base + start, count: index - start))
        while true {
            guard index < count else { return nil }
            let b = base[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                break
            }
            if b < 0x20 { return nil }
            if b == UInt8(ascii: "\\") {
                index += 1
                guard index < count else { return nil }
                let e = base[index]
                index += 1
                if let byte = JSONEscapes.single(e) {
                    out.append(byte)
                    continue
                }
                switch e {
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < count, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else { return nil }
                        index += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    return nil
                }
                continue
            }
            out.append(b)
            index += 1
        }
        return String(validating: out, as: UTF8.self)
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = base[index]
            guard let d = JSONEscapes.hexValue(c) else { return nil }
            v = v * 16 + d
            index += 1
        }
        return v
    }
}
