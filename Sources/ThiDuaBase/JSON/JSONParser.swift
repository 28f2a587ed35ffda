/// A JSON syntax error with its position.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    /// Vietnamese: what was found and what was expected.
    public var message: String
}

/// Parses JSON with the relaxations a hand-edited campaign file needs: `//` and `/* */`
/// comments, trailing commas, and a leading byte-order mark. Duplicate keys are errors, and
/// nesting is bounded so a hostile file cannot exhaust the stack.
public struct JSONParser {
    /// Deepest nesting accepted.
    public static let maximumDepth = 200

    let bytes: [UInt8]
    var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
        }
    }

    /// Parses a whole document.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        try parser.skipSpace()
        let node = try parser.parseValue()
        try parser.skipSpace()
        if parser.index < parser.bytes.count {
            throw parser.error("có nội dung thừa sau giá trị JSON (thấy \(parser.describeCurrent())); tệp chỉ chứa một đối tượng")
        }
        return node
    }

    /// Parses a whole document from text.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }

    /// Where `trackedColumn()` last counted to: the byte, the line start it counted from, and
    /// the column there.
    private var countedIndex = 0
    private var countedLineStart = -1
    private var countedColumn = 1

    private var column: Int {
        // Columns count characters, not bytes: continuation bytes do not start a character.
        var count = 1
        var i = lineStart
        while i < index && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return max(1, count - 0)
    }

    /// The same number as `column`, counted on from where the last call stopped instead of
    /// from the start of the line. Every value and key asks for its column, so counting from
    /// the line start made a one-line document (a journal line) quadratic in its length.
    private mutating func trackedColumn() -> Int {
        if countedLineStart != lineStart || countedIndex > index {
            countedLineStart = lineStart
            countedIndex = lineStart
            countedColumn = 1
        }
        let end = min(index, bytes.count)
        var i = countedIndex
        var count = countedColumn
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        countedIndex = max(i, countedIndex)
        countedColumn = count
        return count
    }

    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column, message: message)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "hết tệp" }
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[index..<end], as: UTF8.self)
        return "«\(text)»"
    }

    private mutating func skipSpace() throws(JSONSyntaxError) {
        while index < bytes.count {
            let b = bytes[index]
            if b == 0x0A {
                index += 1
                line += 1
                lineStart = index
            } else if b == 0x20 || b == 0x09 || b == 0x0D {
                index += 1
            } else if b == 0x2F, index + 1 < bytes.count, bytes[index + 1] == 0x2F {
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            } else if b == 0x2F, index + 1 < bytes.count, bytes[index + 1] == 0x2A {
                let startLine = line
                index += 2
                var closed = false
                while index < bytes.count {
                    if bytes[index] == 0x2A, index + 1 < bytes.count, bytes[index + 1] == 0x2F {
                        index += 2
                        closed = true
                        break
                    }
                    if bytes[index] == 0x0A {
                        line += 1
                        lineStart = index + 1
                    }
                    index += 1
                }
                if !closed {
                    throw JSONSyntaxError(
                        line: startLine, column: 1, message: "chú thích /* mở ở dòng \(startLine) không được đóng bằng */")
                }
            } else {
                return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw error("tệp kết thúc khi đang chờ một giá trị JSON") }
        let startLine = line
        let startColumn = trackedColumn()
        let b = bytes[index]
        switch b {
        case UInt8(ascii: "{"):
            return JSONNode(try parseObject(), line: startLine, column: startColumn)
        case UInt8(ascii: "["):
            return JSONNode(try parseArray(), line: startLine, column: startColumn)
        case UInt8(ascii: "\""):
            return JSONNode(.string(try parseString()), line: startLine, column: startColumn)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONNode(.bool(true), line: startLine, column: startColumn)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONNode(.bool(false), line: startLine, column: startColumn)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONNode(.null, line: startLine, column: startColumn)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber()), line: startLine, column: startColumn)
        default:
            throw error("thấy \(describeCurrent()) nhưng cần một giá trị JSON (chuỗi trong dấu \", số, true, false, null, [ hoặc {)")
        }
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
            throw error("thấy \(describeCurrent()) nhưng cần «\(word)»; chuỗi phải nằm trong dấu \"")
        }
        index += w.count
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("lồng nhau quá sâu (hơn \(JSONParser.maximumDepth) tầng)")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONNode.Kind {
        try enter()
        index += 1
        var members: [JSONMember] = []
        // Duplicate keys are looked up among the members while the object is small (no hashing,
        // no dictionary per object: journal lines hold many small objects), then in a dictionary.
        var seen: [String: Int]?
        try skipSpace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            try skipSpace()
            guard index < bytes.count else { throw error("tệp kết thúc khi đối tượng { chưa đóng bằng }") }
            if bytes[index] == UInt8(ascii: "}") {  // trailing comma
                index += 1
                break
            }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error("thấy \(describeCurrent()) nhưng cần tên khóa trong dấu \" hoặc }")
            }
            let keyLine = line
            let keyColumn = trackedColumn()
            let key = try parseString()
            let earlier: Int?
            if let seen {
                earlier = seen[key]
            } else {
                earlier = members.first { $0.key == key }?.line
            }
            if let first = earlier {
                throw JSONSyntaxError(
                    line: keyLine, column: keyColumn,
                    message: "khóa «\(key)» lặp lại (đã có ở dòng \(first)); mỗi khóa chỉ được xuất hiện một lần")
            }
            if seen != nil {
                seen?[key] = keyLine
            } else if members.count >= 16 {
                seen = Dictionary(members.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
                seen?[key] = keyLine
            }
            try skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("thấy \(describeCurrent()) sau khóa «\(key)» nhưng cần dấu :")
            }
            index += 1
            try skipSpace()
            let value = try parseValue()
            if case .number(let text) = value.kind, index + 1 < bytes.count, bytes[index] == UInt8(ascii: ","),
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1])
            {
                // "98,5" typed the Vietnamese way: JSON would read a new key and fail obscurely.
                throw error(
                    "số thập phân trong JSON dùng dấu chấm: viết \(text).\(String(UnicodeScalar(bytes[index + 1]))) thay cho \(text),\(String(UnicodeScalar(bytes[index + 1])))"
                )
            }
            members.append(JSONMember(key: key, line: keyLine, column: keyColumn, value: value))
            try skipSpace()
            guard index < bytes.count else { throw error("tệp kết thúc khi đối tượng { chưa đóng bằng }") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                break
            }
            throw error("thấy \(describeCurrent()) nhưng cần dấu , hoặc } (có thể thiếu dấu phẩy sau giá trị trước)")
        }
        depth -= 1
        return .object(members)
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONNode.Kind {
        try enter()
        index += 1
        var items: [JSONNode] = []
        while true {
            try skipSpace()
            guard index < bytes.count else { throw error("tệp kết thúc khi mảng [ chưa đóng bằng ]") }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                break
            }
            items.append(try parseValue())
            try skipSpace()
            guard index < bytes.count else { throw error("tệp kết thúc khi mảng [ chưa đóng bằng ]") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                break
            }
            throw error("thấy \(describeCurrent()) nhưng cần dấu , hoặc ]")
        }
        depth -= 1
        return .array(items)
    }
}
