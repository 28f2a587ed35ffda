import Foundation

/// A decoder that can hand over the node it stands on, so `JSONValue` can keep a subtree whole.
protocol JSONNodeDecoding {
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
            let asked = context.asked[path]
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

/// What one decoding pass learned: the keys asked of each object, the subtrees kept whole.
final class DecodeContext {
    var asked: [String: Set<String>] = [:]
    var opaque: Set<String> = []
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

    var path: String { JSONNodeDecoder.pathString(codingPath) }

    var currentNode: JSONNode {
        context.opaque.insert(path)
        return node
    }

    func mismatch(_ type: Any.Type, _ wanted: String) -> DecodingError {
        DecodingError.typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "thấy \(node.foundDescription) nhưng cần \(wanted)"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node.kind else { throw mismatch([String: Any].self, "một đối tượng { … }") }
        if context.asked[path] == nil { context.asked[path] = [] }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(decoder: self, members: members))
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
        return s.precomposedStringWithCanonicalMapping
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

struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let members: [JSONMember]

    var codingPath: [CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    private func ask(_ key: Key) -> JSONNode? {
        decoder.context.asked[decoder.path, default: []].insert(key.stringValue)
        return members.first { $0.key == key.stringValue }?.value
    }

    func contains(_ key: Key) -> Bool { ask(key) != nil }

    private func child(_ key: Key) throws -> NodeDecoder {
        guard let node = ask(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "thiếu khóa bắt buộc «\(key.stringValue)»"))
        }
        return NodeDecoder(node: node, codingPath: codingPath + [key], context: decoder.context)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let node = ask(key) else { return true }
        if case .null = node.kind { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try T(from: try child(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = ask(key) else { return nil }
        if case .null = node.kind { return nil }
        return try T(from: NodeDecoder(node: node, codingPath: codingPath + [key], context: decoder.context))
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> Decoder { try child(key) }
}

struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [JSONNode]
    var currentIndex = 0

    init(decoder: NodeDecoder, items: [JSONNode]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                Any.self, .init(codingPath: codingPath, debugDescription: "mảng không còn phần tử"))
        }
        let d = NodeDecoder(
            node: items[currentIndex], codingPath: codingPath + [IndexKey(currentIndex)], context: decoder.context)
        currentIndex += 1
        return d
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if case .null = items[currentIndex].kind {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: try next())
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try next().unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { try next() }
}
