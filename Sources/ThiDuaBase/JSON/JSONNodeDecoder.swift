import Foundation

/// A decoder that can hand over the node it stands on, so `JSONValue` can keep a subtree whole.
package protocol JSONNodeDecoding {
    var currentNode: JSONNode { get }
}

/// A key present in a JSON object that no decoder asked for: a typo or a key from another version.
public struct UnknownKey: Equatable, Sendable {
    /// JSON path of the key: "awards[0].standrd".
    public var path: String
    public var key: String
    public var line: Int
    public var column: Int
    /// The keys that object accepts, for a did-you-mean.
    public var known: [String]
}

/// Decodes `Decodable` values from a `JSONNode`, keeping the path and position of every value
/// and noting which keys each object was asked for, so keys nobody read can be reported.
public enum JSONNodeDecoder {
    /// Decodes a value without noting which keys were read, for callers that do not report
    /// unknown keys.
    static func decodeIgnoringUnknownKeys<T: Decodable>(_ type: T.Type, from node: JSONNode) throws -> T {
        try T(from: NodeDecoder(node: node, codingPath: [], context: DecodeContext(tracking: false)))
    }

    /// The text in NFC, as every decoded string is stored. Text that surely is NFC already is
    /// returned as it is, without Foundation's normalisation (most of a file's strings): scalars
    /// below U+0300, the precomposed Vietnamese letters U+1EA0–U+1EF9, and the punctuation,
    /// currency, arrow and mathematical blocks plans use (“ ” – — … ≥ → ₫): U+2010–U+2027,
    /// U+2030–U+205E, U+20A0–U+20C0, U+2190–U+22FF. Every one of these has combining class 0,
    /// is unchanged by NFC and is never the second of a canonical composition, so a string made
    /// only of them is NFC (checked against Python's unicodedata 14.0).
    static func nfc(_ s: String) -> String {
        // The same test on the UTF-8 bytes where the string has them in one piece (a native
        // string always does): no scalar decoding for the plain ASCII most keys and ids are.
        if let sure = s.utf8.withContiguousStorageIfAvailable(isSurelyNFC) {
            return sure ? s : VietnameseText.nfc(s)
        }
        for scalar in s.unicodeScalars where !isSurelyNFC(scalar.value) {
            return VietnameseText.nfc(s)
        }
        return s
    }

    /// Whether a scalar is one of those listed above `nfc(_:)`.
    @inline(__always)
    private static func isSurelyNFC(_ v: UInt32) -> Bool {
        v < 0x0300 || (0x1EA0...0x1EF9).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
            || (0x20A0...0x20C0).contains(v) || (0x2190...0x22FF).contains(v)
    }

    /// `isSurelyNFC` for every scalar of valid UTF-8 (a `String`'s bytes always are).
    private static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
            } else if b < 0xE0 {
                // Two bytes: U+0080…U+07FF, below U+0300 exactly when the lead byte is below 0xCC.
                guard b < 0xCC else { return false }
                i += 2
            } else if b < 0xF0 {
                guard i + 2 < n else { return false }
                let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                guard isSurelyNFC(v) else { return false }
                i += 3
            } else {
                return false  // four bytes: U+10000 and above, none of them listed
            }
        }
        return true
    }

    /// Decodes a value and lists the keys it did not read.
    public static func decode<T: Decodable>(_ type: T.Type, from node: JSONNode) throws -> (T, [UnknownKey]) {
        let context = DecodeContext()
        let decoder = NodeDecoder(node: node, codingPath: [], context: context)
        let value = try T(from: decoder)
        var unknown: [UnknownKey] = []
        collectUnknown(node, path: "", context: context, into: &unknown)
        return (value, unknown)
    }

    /// Renders a coding path as a JSON path: `awards[2].standard`.
    public static func pathString(_ codingPath: [CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let i = key.intValue {
                out += "[\(i)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out
    }

    /// The node at a coding path, for positions in messages.
    public static func node(at codingPath: [CodingKey], in root: JSONNode) -> JSONNode? {
        var current = root
        for key in codingPath {
            switch current.kind {
            case .object:
                guard let next = current[key.stringValue] else { return nil }
                current = next
            case .array(let items):
                guard let i = key.intValue, items.indices.contains(i) else { return nil }
                current = items[i]
            default:
                return nil
            }
        }
        return current
    }

    private static func collectUnknown(_ node: JSONNode, path: String, context: DecodeContext, into out: inout [UnknownKey]) {
        if context.opaque.contains(path) { return }
        switch node.kind {
        case .object(let members):
            let asked = context.asked[path]?.keys
            for member in members {
                let childPath = path.isEmpty ? member.key : "\(path).\(member.key)"
                if let asked, !asked.contains(member.key) {
                    let present = Set(members.map(\.key))
                    out.append(
                        UnknownKey(
                            path: childPath, key: member.key, line: member.line, column: member.column,
                            known: asked.subtracting(present).sorted()))
                    continue
                }
                collectUnknown(member.value, path: childPath, context: context, into: &out)
            }
        case .array(let items):
            for (i, item) in items.enumerated() {
                collectUnknown(item, path: "\(path)[\(i)]", context: context, into: &out)
            }
        default:
            break
        }
    }
}

/// The keys asked of one object. A reference, so each container adds to its object's set
/// directly instead of looking the object's path up in `DecodeContext.asked` for every key.
final class AskedKeys {
    var keys: Set<String> = []
}

/// What one decoding pass learned: the keys asked of each object, the subtrees kept whole.
final class DecodeContext {
    var asked: [String: AskedKeys] = [:]
    var opaque: Set<String> = []
    /// Whether to record `asked` and `opaque`. Off when nobody will read them (`JSONValue.decode`
    /// discards unknown keys), which saves building a path string for every key asked.
    let tracking: Bool

    init(tracking: Bool = true) {
        self.tracking = tracking
    }
}

struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ i: Int) { intValue = i }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// Vietnamese names of the Swift types a file may be asked for.
func expectedName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "chuỗi"
    case is Int.Type: return "số nguyên"
    case is Double.Type: return "số"
    case is Bool.Type: return "true hoặc false"
    default: return String(describing: type)
    }
}

struct NodeDecoder: Decoder, JSONNodeDecoding, SingleValueDecodingContainer {
    let node: JSONNode
    let codingPath: [CodingKey]
    let context: DecodeContext
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// `JSONNodeDecoder.pathString(codingPath)`, built once from the parent's path as the
    /// decoder is made (every key asked of an object needs it), or "" when nothing is tracked.
    let path: String

    init(node: JSONNode, codingPath: [CodingKey], context: DecodeContext) {
        self.init(node: node, codingPath: codingPath, context: context, path: context.tracking ? JSONNodeDecoder.pathString(codingPath) : "")
    }

    private init(node: JSONNode, codingPath: [CodingKey], context: DecodeContext, path: String) {
        self.node = node
        self.codingPath = codingPath
        self.context = context
        self.path = path
    }

    /// The decoder of a child value, `key` below this one.
    func child(_ node: JSONNode, _ key: CodingKey) -> NodeDecoder {
        var childPath = ""
        if context.tracking {
            // The same fold as `pathString`, one key further.
            if let i = key.intValue {
                childPath = path + "[\(i)]"
            } else {
                childPath = path.isEmpty ? key.stringValue : path + "." + key.stringValue
            }
        }
        return NodeDecoder(node: node, codingPath: codingPath + [key], context: context, path: childPath)
    }

    var currentNode: JSONNode {
        if context.tracking { context.opaque.insert(path) }
        return node
    }

    func mismatch(_ type: Any.Type, _ wanted: String) -> DecodingError {
        DecodingError.typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "thấy \(node.foundDescription) nhưng cần \(wanted)"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node.kind else { throw mismatch([String: Any].self, "một đối tượng { … }") }
        var asked: AskedKeys?
        if context.tracking {
            asked = context.asked[path] ?? AskedKeys()
            context.asked[path] = asked
        }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(decoder: self, members: members, asked: asked))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .array(let items) = node.kind else { throw mismatch([Any].self, "một mảng [ … ]") }
        return UnkeyedNodeContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { self }

    func decodeNil() -> Bool {
        if case .null = node.kind { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let b) = node.kind else { throw mismatch(type, "true hoặc false") }
        return b
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let s) = node.kind else { throw mismatch(type, "một chuỗi trong dấu \"") }
        // Vietnamese typed on another machine may arrive decomposed (NFD); compare and store NFC.
        return JSONNodeDecoder.nfc(s)
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case .number(let text) = node.kind, let d = Double(text), d.isFinite else {
            throw mismatch(type, "một số (dấu chấm thập phân, ví dụ 98.5)")
        }
        return d
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int.Type) throws -> Int {
        guard case .number(let text) = node.kind else { throw mismatch(type, "một số nguyên") }
        if let i = Int(text) { return i }
        throw mismatch(type, "một số nguyên (không có phần thập phân, trong khoảng của Int)")
    }

    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }

    private func narrow<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let i = try decode(Int.self)
        guard let v = I(exactly: i) else { throw mismatch(type, "một số nguyên trong khoảng \(I.min)…\(I.max)") }
        return v
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: self)
    }
}
