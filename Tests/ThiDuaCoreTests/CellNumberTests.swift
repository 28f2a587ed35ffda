import Testing

@testable import ThiDuaCore

/// Numbers as Vietnamese users type them: "." groups thousands, "," marks the fraction; a
/// single comma before exactly three digits could be either and is refused.
@Suite struct CellNumberTests {
    @Test func thousandsAndDecimals() throws {
        #expect(CellParsing.decimal("1.250") == 1250)
        #expect(CellParsing.decimal("12.500") == 12500)
        #expect(CellParsing.decimal("1.250.000") == 1_250_000)
        #expect(CellParsing.decimal("1.234,5") == 1234.5)
        #expect(CellParsing.decimal("98,5") == 98.5)
        #expect(CellParsing.decimal("98.5") == 98.5)
        #expect(CellParsing.decimal("0.250") == 0.25)
        #expect(CellParsing.decimal("1,25") == 1.25)
        #expect(CellParsing.decimal("1,250") == nil)
        #expect(try CellParsing.integer("1.250").get() == 1250)
        #expect(try CellParsing.percent("99,4%").get() == 99.4)
        #expect(try CellParsing.percent("99.4 %").get() == 99.4)
    }

    @Test func ambiguousNumbersAreExplained() throws {
        let problem = try #require(CellParsing.ambiguity("1,250"))
        #expect(problem.message == "số «1,250» không rõ nghĩa: có thể là 1,25 hoặc 1.250")
        #expect(problem.hint?.contains("viết 1.250 nếu là số nghìn") == true)
        #expect(CellParsing.ambiguity("1,25") == nil)
        #expect(CellParsing.ambiguity("1.250") == nil)
        let field = FieldSpec(id: "so-ho-so", label: "Số hồ sơ", kind: .number)
        let parser = FieldParser(index: RosterIndex(Roster(units: [], people: [])), form: FormSpec(id: "f", title: "F", fields: [field]))
        guard case .failure(let failure) = parser.parse(.text("1,250"), as: field) else {
            Issue.record("1,250 was accepted")
            return
        }
        #expect(failure.message.hasPrefix("«Số hồ sơ»: số «1,250» không rõ nghĩa"))
        #expect(try parser.parse(.text("1.250"), as: field).get() == .number(1250))
        // A number cell of a spreadsheet is a number, never text to re-read.
        #expect(try parser.parse(.number("1.25"), as: field).get() == .number(1.25))
    }
}
