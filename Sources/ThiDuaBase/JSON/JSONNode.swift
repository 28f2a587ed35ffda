/// A parsed JSON value that remembers where it stood in its file, so every message can name
/// the line and column.
public struct JSONNode: Sendable, Hashable {
    /// The value's kind and content. Numbers keep their text so integers are read exactly.
    public enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([JSONMember])
    }

    public var kind: Kind
    /// 1-based line of the value's first character.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int

    public init(_ kind: Kind, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The member of an object with that key.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A short Vietnamese description of what this value is, for "found …" in messages.
    public var foundDescription: String {
        switch kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let text): return "số \(text)"
        case .string(let s):
            let shown = s.count > 60 ? String(s.prefix(57)) + "…" : s
            return "chuỗi «\(shown)»"
        case .array(let items): return "mảng \(items.count) phần tử"
        case .object: return "đối tượng {…}"
        }
    }

    /// The plain value, without positions.
    public var value: JSONValue {
        switch kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let text): return .number(Double(text) ?? 0)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(\.value))
        case .object(let members): return .object(members.map { JSONValue.Member(key: $0.key, value: $0.value.value) })
        }
    }
}

/// One key and value of a JSON object, with the key's position.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var line: Int
    public var column: Int
    public var value: JSONNode

    public init(key: String, line: Int, column: Int, value: JSONNode) {
        self.key = key
        self.line = line
        self.column = column
        self.value = value
    }
}

/// A plain JSON value, for parts of a file that a plugin reads on its own (`typeSettings`).
public enum JSONValue: Sendable, Hashable, Codable {
    /// One key and value of an object; order is kept.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([Member])

    /// The node form (without positions), so the value can be decoded with `JSONNodeDecoder`.
    public var node: JSONNode {
        switch self {
        case .null: return JSONNode(.null)
        case .bool(let b): return JSONNode(.bool(b))
        case .number(let d):
            let text = d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
            return JSONNode(.number(text))
        case .string(let s): return JSONNode(.string(s))
        case .array(let items): return JSONNode(.array(items.map(\.node)))
        case .object(let members):
            return JSONNode(.object(members.map { JSONMember(key: $0.key, line: 0, column: 0, value: $0.value.node) }))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        if let node = (decoder as? JSONNodeDecoding)?.currentNode {
            self = node.value
            return
        }
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(
                try keyed.allKeys.map { Member(key: $0.stringValue, value: try keyed.decode(JSONValue.self, forKey: $0)) })
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let b = try? single.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? single.decode(Double.self) {
            self = .number(d)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .number(let d):
            var c = encoder.singleValueContainer()
            if d == d.rounded() && abs(d) < 1e15 { try c.encode(Int64(d)) } else { try c.encode(d) }
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let members):
            var c = encoder.container(keyedBy: AnyKey.self)
            for m in members { try c.encode(m.value, forKey: AnyKey(m.key)) }
        }
    }
}
