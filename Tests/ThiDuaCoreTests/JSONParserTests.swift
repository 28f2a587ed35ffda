import Testing
import ThiDuaCore

@Suite("JSON parser")
struct JSONParserTests {
    @Test("comments, trailing commas and a BOM are accepted")
    func relaxations() throws {
        let text = "\u{FEFF}// đầu tệp\n{\"a\": [1, 2,], /* giữa */ \"b\": \"x\",}"
        let node = try JSONParser.parse(text)
        #expect(node["a"]?.value == .array([.number(1), .number(2)]))
        #expect(node["b"]?.value == .string("x"))
    }

    @Test("positions are lines and characters, not bytes")
    func positions() throws {
        let node = try JSONParser.parse("{\n  \"tên\": \"Ủy ban\",\n  \"số\": 4\n}")
        guard case .object(let members) = node.kind else {
            Issue.record("not an object")
            return
        }
        #expect(members[1].line == 3)
        #expect(members[1].column == 3)
        #expect(members[1].value.column == 9)
    }

    @Test("escapes and surrogate pairs decode")
    func escapes() throws {
        let node = try JSONParser.parse(#"["\u1ee6y", "\ud83d\ude00", "a\nb"]"#)
        #expect(node.value == .array([.string("Ủy"), .string("😀"), .string("a\nb")]))
    }

    @Test("a syntax error names its line")
    func syntaxErrorLine() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("{\n\"a\": 1\n\"b\": 2}") }
        do {
            _ = try JSONParser.parse("{\n\"a\": 1\n\"b\": 2}")
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test("NFD text is stored as NFC")
    func normalisesToNFC() throws {
        struct Named: Decodable { var name: String }
        let nfd = "Nguye\u{0302}\u{0303}n"
        let node = try JSONParser.parse("{\"name\": \"\(nfd)\"}")
        let (value, _) = try JSONNodeDecoder.decode(Named.self, from: node)
        #expect(value.name == "Nguyễn")
        #expect(Array(value.name.unicodeScalars).count == 6)
    }
}
