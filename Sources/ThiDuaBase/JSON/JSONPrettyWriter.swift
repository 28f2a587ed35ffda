/// Writes JSON for people to edit: two-space indentation, keys in the order given, and a small
/// object or array of plain values kept on one line, the way the bundled campaign files are
/// laid out. Top-level keys may carry `//` comment lines (ThiDua reads JSON with comments).
public enum JSONPrettyWriter {
    /// A line longer than this is broken over several lines.
    static let lineLimit = 110

    public static func write(_ value: JSONValue, comments: [String: [String]] = [:]) -> String {
        var out = ""
        write(value, indent: "", comments: comments, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: JSONValue, indent: String, comments: [String: [String]], into out: inout String) {
        if let inline = inline(value), inline.count + indent.count <= lineLimit {
            out += inline
            return
        }
        let inner = indent + "  "
        switch value {
        case .array(let items):
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                write(item, indent: inner, comments: [:], into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            out += "{\n"
            for (i, member) in members.enumerated() {
                for line in comments[member.key] ?? [] {
                    out += inner + "// " + line + "\n"
                }
                out += inner
                JSONWriter.string(member.key, into: &out)
                out += ": "
                write(member.value, indent: inner, comments: [:], into: &out)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        default:
            JSONWriter.write(value, into: &out)
        }
    }

    /// The value on one line with a space after each comma and colon, when it holds no object
    /// or array of more than plain values; nil otherwise.
    private static func inline(_ value: JSONValue) -> String? {
        switch value {
        case .array(let items):
            var parts: [String] = []
            for item in items {
                guard let part = inlineLeaf(item) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .object(let members):
            var parts: [String] = []
            for member in members {
                guard let part = inlineLeaf(member.value) else { return nil }
                var key = ""
                JSONWriter.string(member.key, into: &key)
                parts.append(key + ": " + part)
            }
            return "{" + parts.joined(separator: ", ") + "}"
        default:
            return JSONWriter.write(value)
        }
    }

    /// A plain value, or an array or object of plain values, on one line.
    private static func inlineLeaf(_ value: JSONValue) -> String? {
        switch value {
        case .array(let items):
            guard items.allSatisfy(\.isPlain) else { return nil }
            return "[" + items.map { JSONWriter.write($0) }.joined(separator: ", ") + "]"
        case .object(let members):
            guard members.allSatisfy({ $0.value.isPlain }) else { return nil }
            return "{"
                + members.map { member in
                    var key = ""
                    JSONWriter.string(member.key, into: &key)
                    return key + ": " + JSONWriter.write(member.value)
                }.joined(separator: ", ") + "}"
        default:
            return JSONWriter.write(value)
        }
    }
}

extension JSONValue {
    /// Neither an array nor an object.
    var isPlain: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
