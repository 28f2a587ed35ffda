import Foundation
import Testing
import ThiDuaCore

/// A day written as a decision writes it; an impossible literal fails the test that uses it.
private func day(_ text: String) throws -> CivilDate {
    try #require(CivilDate(parsing: text))
}

private let moneyFixtures = CoreFixtures.fixtures.appendingPathComponent("money")

private func override(_ text: String) -> (tables: MoneyTables, diagnostics: [Diagnostic]) {
    MoneyTables.loading(overrideBytes: Array(text.utf8), file: "tables/money.json")
}

/// One bad override file and a fragment of the error it must give.
struct BadOverride: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var expect: String
    /// The JSON path the finding must name, when it names one.
    var path: String?

    var testDescription: String { name }
}

private let validSalary = #"{ "from": "01/07/2026", "amount": 2530000, "source": "thông báo" }"#
private let validForm = #"{ "form": "giay-khen-chu-tich-xa", "multiple": 0.3 }"#

/// An override file that adds one decree.
private func newDecree(_ id: String, from: String, to: String? = nil, forms: String = validForm) -> String {
    let end = to.map { #", "to": "\#($0)""# } ?? ""
    return #"{ "decrees": [{ "id": "\#(id)", "title": "x", "from": "\#(from)"\#(end), "collectiveFactor": 2, "forms": [\#(forms)] }] }"#
}

private let badOverrides: [BadOverride] = [
    BadOverride(
        name: "a base salary date already in the standard table",
        text: #"{ "baseSalaries": [{ "from": "01/07/2024", "amount": 2400000, "source": "x" }] }"#,
        expect: "ngày 01/7/2024 đã có mức lương cơ sở 2.340.000 đồng (73/2024/NĐ-CP)", path: "baseSalaries[0].from"),
    BadOverride(
        name: "the same date twice in the file", text: #"{ "baseSalaries": [\#(validSalary), \#(validSalary)] }"#,
        expect: "đã có mức lương cơ sở 2.530.000 đồng", path: "baseSalaries[1].from"),
    BadOverride(
        name: "a negative base salary",
        text: #"{ "baseSalaries": [\#(validSalary), { "from": "01/07/2027", "amount": -1, "source": "x" }] }"#,
        expect: "mức lương cơ sở phải là số đồng dương, thấy -1", path: "baseSalaries[1].amount"),
    BadOverride(
        name: "an empty source", text: #"{ "baseSalaries": [{ "from": "01/07/2026", "amount": 2530000, "source": " " }] }"#,
        expect: "cần nêu văn bản", path: "baseSalaries[0].source"),
    BadOverride(
        name: "a negative multiple in a change",
        text: #"{ "decreeChanges": [{ "decree": "98/2023/NĐ-CP", "forms": [{ "form": "giay-khen", "multiple": -0.3 }] }] }"#,
        expect: "hệ số phải lớn hơn 0, thấy -0,3", path: "decreeChanges[0].forms[0].multiple"),
    BadOverride(
        name: "a new decree overlapping ND 152/2025",
        text: newDecree("1/2026/NĐ-CP", from: "01/01/2026"),
        expect: "Nghị định 1/2026/NĐ-CP (từ 01/01/2026) trùng với Nghị định 152/2025/NĐ-CP (từ 01/7/2025)", path: "decrees[0].from"),
    BadOverride(
        name: "a change that stretches ND 91/2017 over ND 98/2023",
        text: #"{ "decreeChanges": [{ "decree": "91/2017/NĐ-CP", "to": "30/06/2024" }] }"#,
        expect: "Nghị định 98/2023/NĐ-CP (01/01/2024 – 30/6/2025) trùng với Nghị định 91/2017/NĐ-CP", path: "decreeChanges[0].to"),
    BadOverride(
        name: "a known decree number added again",
        text: newDecree("98/2023/NĐ-CP", from: "01/01/2030"),
        expect: "nghị định «98/2023/NĐ-CP» đã có trong bảng", path: "decrees[0].id"),
    BadOverride(
        name: "a change of an unknown decree",
        text: #"{ "decreeChanges": [{ "decree": "152/2025/ND-CP", "collectiveFactor": 1 }] }"#,
        expect: "có phải ý bạn là «152/2025/NĐ-CP»?", path: "decreeChanges[0].decree"),
    BadOverride(
        name: "two changes of one decree",
        text: #"{ "decreeChanges": [{ "decree": "98/2023/NĐ-CP", "note": "a" }, { "decree": "98/2023/NĐ-CP", "note": "b" }] }"#,
        expect: "đã được sửa ở decreeChanges[0]", path: "decreeChanges[1].decree"),
    BadOverride(
        name: "an end before the start",
        text: newDecree("1/2030/NĐ-CP", from: "01/01/2030", to: "31/12/2029"),
        expect: "ngày hết hiệu lực 31/12/2029 trước ngày có hiệu lực 01/01/2030", path: "decrees[0].to"),
    BadOverride(
        name: "a change ending a decree before it starts",
        text: #"{ "decreeChanges": [{ "decree": "152/2025/NĐ-CP", "to": "30/06/2025" }] }"#,
        expect: "trước ngày có hiệu lực 01/7/2025", path: "decreeChanges[0].to"),
    BadOverride(
        name: "a collective factor of zero",
        text: #"{ "decreeChanges": [{ "decree": "152/2025/NĐ-CP", "collectiveFactor": 0 }] }"#,
        expect: "hệ số tập thể phải là số nguyên từ 1 trở lên, thấy 0", path: "decreeChanges[0].collectiveFactor"),
    BadOverride(
        name: "a decree without forms",
        text: newDecree("1/2010/NĐ-CP", from: "01/01/2010", to: "31/12/2016", forms: ""),
        expect: "cần ít nhất một hình thức", path: "decrees[0].forms"),
    BadOverride(
        name: "a form listed twice",
        text: #"{ "decreeChanges": [{ "decree": "152/2025/NĐ-CP", "forms": [\#(validForm), \#(validForm)] }] }"#,
        expect: "hình thức «giay-khen-chu-tich-xa» đã có ở decreeChanges[0].forms[0]", path: "decreeChanges[0].forms[1].form"),
    BadOverride(
        name: "a form key that is not kebab-case",
        text: #"{ "decreeChanges": [{ "decree": "152/2025/NĐ-CP", "forms": [{ "form": "Giấy khen", "multiple": 0.3 }] }] }"#,
        expect: "mã hình thức không hợp lệ", path: "decreeChanges[0].forms[0].form"),
    BadOverride(name: "a newer version", text: #"{ "version": 2 }"#, expect: "phiên bản tệp là 2", path: "version"),
    BadOverride(name: "a syntax error", text: #"{ "baseSalaries": [ }"#, expect: "JSON sai cú pháp"),
    BadOverride(name: "an array at the root", text: "[]", expect: "phải là một đối tượng JSON"),
    BadOverride(
        name: "an amount written as text",
        text: #"{ "baseSalaries": [{ "from": "01/07/2026", "amount": "2.530.000", "source": "x" }] }"#,
        expect: "thấy chuỗi «2.530.000» nhưng cần một số nguyên", path: "baseSalaries[0].amount"),
    BadOverride(
        name: "a multiple with four decimals",
        text: #"{ "decreeChanges": [{ "decree": "152/2025/NĐ-CP", "forms": [{ "form": "giay-khen", "multiple": "0,1234" }] }] }"#,
        expect: "hệ số «0,1234» không hợp lệ", path: "decreeChanges[0].forms[0].multiple"),
    BadOverride(
        name: "an impossible day", text: #"{ "baseSalaries": [{ "from": "31/04/2026", "amount": 2530000, "source": "x" }] }"#,
        expect: "ngày không hợp lệ «31/04/2026»", path: "baseSalaries[0].from"),
    BadOverride(
        name: "a missing key", text: #"{ "baseSalaries": [{ "from": "01/07/2026", "amount": 2530000 }] }"#,
        expect: "thiếu khóa bắt buộc «source»", path: "baseSalaries[0].source"),
]

@Suite("Money overrides")
struct MoneyOverrideTests {
    @Test("no file, or a missing file, leaves the standard tables")
    func noFile() {
        let none = MoneyTables.loading(overrideAt: nil)
        #expect(none.tables == .standard && none.diagnostics.isEmpty)
        let missing = MoneyTables.loading(overrideAt: moneyFixtures.appendingPathComponent("absent.json"))
        #expect(missing.tables == .standard && missing.diagnostics.isEmpty)
        let empty = override("{}")
        #expect(empty.tables == .standard && empty.diagnostics.isEmpty)
    }

    @Test("a valid file adds rows in date order, edits a decree and adds one")
    func merge() throws {
        let (tables, diagnostics) = MoneyTables.loading(
            overrideAt: moneyFixtures.appendingPathComponent("override-2026.json"), displayName: "tables/money.json")
        #expect(diagnostics.isEmpty)
        #expect(tables.baseSalaries.map(\.amount) == [1_390_000, 1_490_000, 1_800_000, 2_340_000, 2_530_000, 2_700_000])
        #expect(tables.baseSalary(on: try day("01/07/2026"))?.note == "chưa xác nhận")
        #expect(tables.decrees.map(\.id) == ["91/2017/NĐ-CP", "98/2023/NĐ-CP", "152/2025/NĐ-CP", "1/2027/NĐ-CP"])

        let before = try tables.amount(form: "giay-khen-chu-tich-xa", collective: false, on: try day("30/06/2026"))
        #expect(before.baseSalary.amount == 2_340_000 && before.rounded == 710_000)
        let after = try tables.amount(form: "giay-khen-chu-tich-xa", collective: false, on: try day("01/07/2026"))
        #expect(after.exact == 759_000 && after.rounded == 760_000)
        #expect(after.words == "Bảy trăm sáu mươi nghìn đồng")

        // A replaced multiple, an added form, and an untouched one.
        let replaced = try tables.amount(form: "giay-khen", collective: false, on: try day("31/12/2026"))
        #expect(replaced.multiple == Multiple(thousandths: 350) && replaced.exact == 885_500 && replaced.rounded == 890_000)
        #expect(try tables.amount(form: "giay-khen-chu-tich-to-dan-pho", collective: false, on: try day("01/07/2026")).exact == 253_000)
        #expect(tables.decree(id: "152/2025/NĐ-CP")?.forms.count == 12)
        #expect(tables.decree(id: "152/2025/NĐ-CP")?.to == (try day("31/12/2026")))

        let later = try tables.amount(form: "giay-khen-chu-tich-xa", collective: true, on: try day("01/01/2027"))
        #expect(later.decree.id == "1/2027/NĐ-CP" && later.collectiveFactor == 3 && later.exact == 3_795_000)
        let collectiveOnly = try tables.amount(form: "to-dan-pho-van-hoa", collective: true, on: try day("01/07/2027"))
        #expect(collectiveOnly.collectiveFactor == 1 && collectiveOnly.exact == 5_400_000)
        #expect(throws: MoneyError.self) {
            try tables.amount(form: "giay-khen", collective: false, on: try day("01/01/2027"))
        }
        // The standard value itself is untouched.
        #expect(MoneyTables.standard.decrees.count == 3)
    }

    @Test("each error is reported with its place, and nothing is applied", arguments: badOverrides)
    func errors(_ bad: BadOverride) {
        let (tables, diagnostics) = override(bad.text)
        #expect(tables == .standard)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(diagnostics.map(\.rendered))")
        guard let error = errors.first else { return }
        #expect(error.rendered.contains(bad.expect), "\(error.rendered)")
        #expect(error.file == "tables/money.json")
        #expect(error.line != nil)
        if let path = bad.path { #expect(error.path == path) }
    }

    @Test("an error next to valid rows leaves the valid rows out too")
    func neverHalfApplied() {
        let text = #"""
            {
              "baseSalaries": [\#(validSalary)],
              "decreeChanges": [{ "decree": "152/2025/NĐ-CP", "to": "31/12/2026", "forms": [{ "form": "giay-khen", "multiple": 0 }] }]
            }
            """#
        let (tables, diagnostics) = override(text)
        #expect(tables == .standard)
        #expect(diagnostics.hasErrors)
        #expect(diagnostics.first?.line == 3)
    }

    @Test("unknown keys warn, with a did-you-mean, and the rest applies")
    func unknownKeys() {
        let (tables, diagnostics) = MoneyTables.loading(
            overrideAt: moneyFixtures.appendingPathComponent("unknown-keys.json"), displayName: "tables/money.json")
        #expect(!diagnostics.hasErrors)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map(\.path) == ["baseSalary", "decreeChanges[0].multiples"])
        #expect(diagnostics.first?.hint == "có phải ý bạn là «baseSalaries»?")
        #expect(diagnostics.first?.rendered.hasPrefix("tables/money.json:2:3: cảnh báo: baseSalary: khóa «baseSalary»") == true)
        #expect(tables.baseSalaries == MoneyTables.standard.baseSalaries)
        #expect(tables.decree(id: "152/2025/NĐ-CP")?.note == "đã xác nhận")
    }

    @Test("text that is not UTF-8 is refused")
    func encoding() {
        let (tables, diagnostics) = MoneyTables.loading(overrideBytes: [0xFF, 0xFE, 0x7B, 0x00], file: "tables/money.json")
        #expect(tables == .standard)
        #expect(diagnostics.first?.message.contains("UTF-16") == true)
    }

    @Test("merging a value directly gives the same rules without a file")
    func mergeValue() throws {
        let row = BaseSalary(from: try day("01/07/2026"), amount: 2_530_000, source: "x")
        let (tables, diagnostics) = MoneyTables.standard.merged(with: MoneyOverride(baseSalaries: [row]))
        #expect(diagnostics.isEmpty)
        #expect(tables.baseSalaries.last == row)
        let (same, problems) = MoneyTables.standard.merged(with: MoneyOverride(version: 3))
        #expect(same == .standard && problems.first?.file == nil && problems.first?.path == "version")
    }

    @Test("the example in docs/money.md loads without findings")
    func documentedExample() throws {
        let doc = CoreFixtures.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/money.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        let start = try #require(text.range(of: "```json\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        let (tables, diagnostics) = override(String(text[start.upperBound..<end.lowerBound]))
        #expect(diagnostics.isEmpty)
        #expect(tables.baseSalary(on: try day("01/07/2026"))?.amount == 2_530_000)
        #expect(tables.decree(on: try day("01/01/2027"))?.id == "1/2027/NĐ-CP")
    }

    @Test("a decree before the standard ones may be added")
    func earlierDecree() throws {
        let (tables, diagnostics) = override(newDecree("1/2010/NĐ-CP", from: "01/01/2010", to: "30/09/2017"))
        #expect(diagnostics.isEmpty)
        #expect(tables.decrees.first?.id == "1/2010/NĐ-CP")
        #expect(throws: MoneyError.noBaseSalary(on: try day("01/01/2015"), earliest: try day("01/07/2018"))) {
            try tables.amount(form: "giay-khen-chu-tich-xa", collective: false, on: try day("01/01/2015"))
        }
    }

    @Test("a workspace reads tables/money.json")
    func workspace() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-money-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(root: root)
        #expect(workspace.moneyTables().tables == .standard)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("tables"), withIntermediateDirectories: true)
        try Data(#"{ "baseSalaries": [\#(validSalary)], "extra": 1 }"#.utf8).write(to: workspace.moneyTablesFile)
        let (tables, diagnostics) = workspace.moneyTables()
        #expect(tables.baseSalaries.count == 5)
        #expect(diagnostics.map(\.file) == ["tables/money.json"])
    }
}
