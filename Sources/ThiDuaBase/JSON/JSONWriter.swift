/// Writes JSON deterministically: keys in the order given, no extra space, integers without a
/// fraction. The journal hashes the exact bytes of each line, so the form must never vary.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    public static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += number(d)
        case .string(let s): string(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                string(member.key, into: &out)
                out += ":"
                write(member.value, into: &out)
            }
            out += "}"
        }
    }

    /// A number as JSON: whole values without a fraction; non-finite values (never produced by
    /// the parser) as null so the output stays valid JSON.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 9.007_199_254_740_992e15 { return String(Int64(d)) }
        return "\(d)"
    }

    public static func string(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole (the same scalars, so the same bytes)
        // instead of scalar by scalar. A byte below 0x80 is never part of a multi-byte
        // character, so looking at the bytes finds every quote, backslash and control character.
        if !s.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// The member with that key, for objects.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, when this is one.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number, when this is one.
    public var number: Double? {
        if case .number(let d) = self { return d }
        return nil
    }

    /// The Boolean, when this is one.
    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The items, when this is an array.
    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// Encodes any `Encodable` value as a `JSONValue`, through JSONSerialization-free writing.
    public static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONValueEncoder.encode(value)
    }

    /// Decodes a value of `T` from this JSON value.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // Replay's hot types read themselves directly (same result, see `JSONValueDecodable`).
        if let direct = T.self as? any JSONValueDecodable.Type, let value = direct.init(exactly: self) as? T {
            return value
        }
        // The unknown keys were discarded here anyway: skip recording them.
        return try JSONNodeDecoder.decodeIgnoringUnknownKeys(T.self, from: node)
    }
}
