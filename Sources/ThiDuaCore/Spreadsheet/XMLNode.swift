import ThiDuaBase

/// Why an XML part of a spreadsheet could not be read.
public struct XMLProblem: Error, Equatable, Sendable {
    /// What is wrong, in Vietnamese.
    public var message: String
    /// Byte offset in the part where it was found.
    public var offset: Int
}

/// An element of a small XML document: local name (namespace prefix dropped), attributes,
/// child elements and the text directly inside it.
///
/// Only what SpreadsheetML needs: elements, attributes, character data, the five predefined
/// entities and character references, CDATA, comments and processing instructions. A DOCTYPE
/// is refused, so no entity can expand (the "billion laughs").
public struct XMLNode: Sendable, Equatable {
    /// The local name: "c" for both `<c>` and `<x:c>`.
    public var name: String
    /// Attributes by local name.
    public var attributes: [String: String]
    /// Child elements in order.
    public var children: [XMLNode]
    /// The character data directly inside, concatenated.
    public var text: String

    /// The first child named `name`.
    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Every child named `name`.
    public func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Parses `bytes` (UTF-8) and returns the root element.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 64) throws(XMLProblem) -> XMLNode {
        var parser = XMLScanner(bytes: bytes, maxDepth: maxDepth)
        return try parser.document()
    }
}

/// A recursive-descent scanner over UTF-8 bytes.
struct XMLScanner {
    let bytes: [UInt8]
    let maxDepth: Int
    var at = 0

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
    }

    func fail(_ message: String) -> XMLProblem { XMLProblem(message: message, offset: at) }

    mutating func document() throws(XMLProblem) -> XMLNode {
        var root: XMLNode?
        while true {
            skipSpace()
            guard at < bytes.count else { break }
            guard bytes[at] == UInt8(ascii: "<") else { throw fail("có chữ nằm ngoài phần tử gốc") }
            if try skipMarkup() { continue }
            guard root == nil else { throw fail("có hai phần tử gốc") }
            root = try element(depth: 0)
        }
        guard let root else { throw fail("không có phần tử XML nào") }
        return root
    }

    /// Skips `<?…?>`, `<!--…-->`; refuses `<!DOCTYPE`. True when something was skipped.
    mutating func skipMarkup() throws(XMLProblem) -> Bool {
        if starts("<?") {
            try skip(past: "?>")
            return true
        }
        if starts("<!--") {
            try skip(past: "-->")
            return true
        }
        if starts("<!DOCTYPE") || starts("<!ENTITY") { throw fail("tệp XML có khai báo DOCTYPE, không được chấp nhận") }
        return false
    }

    mutating func element(depth: Int) throws(XMLProblem) -> XMLNode {
        guard depth < maxDepth else { throw fail("các phần tử XML lồng nhau quá \(maxDepth) tầng") }
        at += 1  // "<"
        let qualified = name()
        guard !qualified.isEmpty else { throw fail("thiếu tên phần tử sau «<»") }
        var node = XMLNode(name: Self.local(qualified), attributes: [:], children: [], text: "")
        while true {
            skipSpace()
            guard at < bytes.count else { throw fail("phần tử «\(qualified)» bị cắt cụt") }
            if starts("/>") {
                at += 2
                return node
            }
            if bytes[at] == UInt8(ascii: ">") {
                at += 1
                break
            }
            let key = name()
            guard !key.isEmpty else { throw fail("thuộc tính không hợp lệ trong «\(qualified)»") }
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "=") else { throw fail("thiếu «=» sau thuộc tính «\(key)»") }
            at += 1
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else {
                throw fail("giá trị thuộc tính «\(key)» phải nằm trong dấu nháy")
            }
            let quote = bytes[at]
            at += 1
            let start = at
            while at < bytes.count && bytes[at] != quote { at += 1 }
            guard at < bytes.count else { throw fail("giá trị thuộc tính «\(key)» không được đóng") }
            let value = try decode(start, at)
            at += 1
            if !key.hasPrefix("xmlns") { node.attributes[Self.local(key)] = value }
        }
        var text: [UInt8] = []
        while true {
            guard at < bytes.count else { throw fail("phần tử «\(qualified)» không được đóng") }
            if bytes[at] != UInt8(ascii: "<") {
                let start = at
                while at < bytes.count && bytes[at] != UInt8(ascii: "<") { at += 1 }
                text += Array(try decode(start, at).utf8)
                continue
            }
            if starts("</") {
                at += 2
                let closing = name()
                skipSpace()
                guard closing == qualified, at < bytes.count, bytes[at] == UInt8(ascii: ">") else {
                    throw fail("thẻ đóng «\(closing)» không khớp với «\(qualified)»")
                }
                at += 1
                node.text = String(decoding: text, as: UTF8.self)
                return node
            }
            if starts("<![CDATA[") {
                at += 9
                let start = at
                try skip(past: "]]>")
                text += bytes[start..<(at - 3)]
                continue
            }
            if try skipMarkup() { continue }
            node.children.append(try element(depth: depth + 1))
        }
    }

    /// A name: every byte up to space, "=", "/", ">" (UTF-8 names pass through).
    mutating func name() -> String {
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<")
            {
                break
            }
            at += 1
        }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    /// The text of `bytes[start..<end]` with entity and character references replaced.
    func decode(_ start: Int, _ end: Int) throws(XMLProblem) -> String {
        guard bytes[start..<end].contains(UInt8(ascii: "&")) else { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var out: [UInt8] = []
        var index = start
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                out.append(byte)
                index += 1
                continue
            }
            guard let semicolon = bytes[index..<end].firstIndex(of: UInt8(ascii: ";")), semicolon - index <= 12 else {
                throw XMLProblem(message: "ký tự «&» không thuộc tham chiếu nào", offset: index)
            }
            let reference = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
            switch reference {
            case "amp": out.append(UInt8(ascii: "&"))
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                var number: UInt32?
                if reference.hasPrefix("#x") {
                    number = UInt32(reference.dropFirst(2), radix: 16)
                } else if reference.hasPrefix("#") {
                    number = UInt32(reference.dropFirst(1))
                }
                guard let number, let scalar = Unicode.Scalar(number), number != 0 else {
                    throw XMLProblem(message: "tham chiếu «&\(reference);» không được hỗ trợ", offset: index)
                }
                out += Array(String(Character(scalar)).utf8)
            }
            index = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    func starts(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for index in 0..<count where bytes[at + index] != buffer[index] { return false }
            return true
        }
    }

    mutating func skip(past literal: StaticString) throws(XMLProblem) {
        while at < bytes.count {
            if starts(literal) {
                at += literal.utf8CodeUnitCount
                return
            }
            at += 1
        }
        throw fail("tệp XML bị cắt cụt")
    }

    mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A || bytes[at] == 0x0D { at += 1 }
    }

    static func local(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }
}
