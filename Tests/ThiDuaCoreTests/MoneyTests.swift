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

/// One award amount the tables must give.
struct AmountCase: CustomTestStringConvertible, Sendable {
    var form: String
    var collective: Bool
    var date: String
    var decree: String
    var base: Int
    var factor: Int
    var exact: Int
    var rounded: Int

    var testDescription: String { "\(form) \(collective ? "tập thể" : "cá nhân") \(date) → \(rounded)" }
}

private let amountCases: [AmountCase] = [
    // Worked examples of domain.md §2.
    AmountCase(
        form: "giay-khen-chu-tich-xa", collective: false, date: "30/06/2025", decree: "98/2023/NĐ-CP", base: 2_340_000,
        factor: 1, exact: 351_000, rounded: 360_000),
    AmountCase(
        form: "giay-khen-chu-tich-xa", collective: false, date: "01/07/2025", decree: "152/2025/NĐ-CP", base: 2_340_000,
        factor: 1, exact: 702_000, rounded: 710_000),
    AmountCase(
        form: "giay-khen-chu-tich-xa", collective: true, date: "01/07/2025", decree: "152/2025/NĐ-CP", base: 2_340_000,
        factor: 2, exact: 1_404_000, rounded: 1_410_000),
    AmountCase(
        form: "giay-khen-chu-tich-xa", collective: true, date: "30/06/2025", decree: "98/2023/NĐ-CP", base: 2_340_000,
        factor: 2, exact: 702_000, rounded: 710_000),
    AmountCase(
        form: "giay-khen-chu-tich-xa", collective: false, date: "30/06/2024", decree: "98/2023/NĐ-CP", base: 1_800_000,
        factor: 1, exact: 270_000, rounded: 270_000),
    AmountCase(
        form: "giay-khen-chu-tich-xa", collective: false, date: "01/07/2024", decree: "98/2023/NĐ-CP", base: 2_340_000,
        factor: 1, exact: 351_000, rounded: 360_000),
    AmountCase(
        form: "giay-khen-chu-tich-xa", collective: false, date: "15/11/2023", decree: "91/2017/NĐ-CP", base: 1_800_000,
        factor: 1, exact: 270_000, rounded: 270_000),
    // thuvienphapluat.vn: a collective's Giấy khen under ND 91/2017 at 1.490.000.
    AmountCase(
        form: "giay-khen-chu-tich-xa", collective: true, date: "01/07/2019", decree: "91/2017/NĐ-CP", base: 1_490_000,
        factor: 2, exact: 447_000, rounded: 450_000),
    AmountCase(
        form: "lao-dong-tien-tien", collective: false, date: "01/07/2018", decree: "91/2017/NĐ-CP", base: 1_390_000,
        factor: 1, exact: 417_000, rounded: 420_000),
    AmountCase(
        form: "bang-khen-chu-tich-tinh", collective: false, date: "30/06/2025", decree: "98/2023/NĐ-CP", base: 2_340_000,
        factor: 1, exact: 2_340_000, rounded: 2_340_000),
    AmountCase(
        form: "bang-khen-chu-tich-tinh", collective: true, date: "01/07/2025", decree: "152/2025/NĐ-CP", base: 2_340_000,
        factor: 2, exact: 7_020_000, rounded: 7_020_000),
    AmountCase(
        form: "giay-khen", collective: false, date: "31/12/2023", decree: "91/2017/NĐ-CP", base: 1_800_000,
        factor: 1, exact: 270_000, rounded: 270_000),
    AmountCase(
        form: "giay-khen", collective: false, date: "01/01/2024", decree: "98/2023/NĐ-CP", base: 1_800_000,
        factor: 1, exact: 540_000, rounded: 540_000),
    AmountCase(
        form: "bang-khen-thu-tuong", collective: false, date: "01/07/2025", decree: "152/2025/NĐ-CP", base: 2_340_000,
        factor: 1, exact: 8_190_000, rounded: 8_190_000),
    // Collective-only forms: the multiple is the collective's own, no doubling.
    AmountCase(
        form: "tap-the-lao-dong-tien-tien", collective: true, date: "01/07/2025", decree: "152/2025/NĐ-CP", base: 2_340_000,
        factor: 1, exact: 1_872_000, rounded: 1_880_000),
    AmountCase(
        form: "to-dan-pho-van-hoa", collective: true, date: "01/07/2019", decree: "91/2017/NĐ-CP", base: 1_490_000,
        factor: 1, exact: 2_235_000, rounded: 2_240_000),
    AmountCase(
        form: "co-thi-dua-tinh", collective: true, date: "01/07/2024", decree: "98/2023/NĐ-CP", base: 2_340_000,
        factor: 1, exact: 18_720_000, rounded: 18_720_000),
]

@Suite("Money tables")
struct MoneyTableTests {
    @Test("award amounts", arguments: amountCases)
    func amounts(_ c: AmountCase) throws {
        let amount = try MoneyTables.standard.amount(form: c.form, collective: c.collective, on: try day(c.date))
        #expect(amount.decree.id == c.decree)
        #expect(amount.baseSalary.amount == c.base)
        #expect(amount.collectiveFactor == c.factor)
        #expect(amount.exact == c.exact)
        #expect(amount.rounded == c.rounded)
        #expect(amount.form == c.form)
        #expect(amount.collective == c.collective)
        #expect(amount.words == VietnameseNumberWords.amount(c.rounded))
    }

    @Test("the amount keeps its figures and words")
    func amountWords() throws {
        let amount = try MoneyTables.standard.amount(form: "giay-khen-chu-tich-xa", collective: false, on: try day("01/07/2025"))
        #expect(amount.multiple == Multiple(thousandths: 300))
        #expect(amount.baseSalary.source == "73/2024/NĐ-CP")
        #expect(amount.words == "Bảy trăm mười nghìn đồng")
    }

    @Test(
        "the decree in force on each boundary",
        arguments: [
            ("30/09/2017", nil), ("01/10/2017", "91/2017/NĐ-CP"), ("31/12/2023", "91/2017/NĐ-CP"), ("01/01/2024", "98/2023/NĐ-CP"),
            ("30/06/2025", "98/2023/NĐ-CP"), ("01/07/2025", "152/2025/NĐ-CP"), ("31/12/2099", "152/2025/NĐ-CP"),
        ] as [(String, String?)])
    func decreeBoundaries(_ date: String, _ decree: String?) throws {
        #expect(MoneyTables.standard.decree(on: try day(date))?.id == decree)
    }

    @Test(
        "the base salary in force on each boundary",
        arguments: [
            ("30/06/2018", nil), ("01/07/2018", 1_390_000), ("30/06/2019", 1_390_000), ("01/07/2019", 1_490_000),
            ("30/06/2023", 1_490_000), ("01/07/2023", 1_800_000), ("30/06/2024", 1_800_000), ("01/07/2024", 2_340_000),
            ("01/07/2030", 2_340_000),
        ] as [(String, Int?)])
    func salaryBoundaries(_ date: String, _ amount: Int?) throws {
        #expect(MoneyTables.standard.baseSalary(on: try day(date))?.amount == amount)
    }

    @Test("the standard rows: sources, periods, forms and flags")
    func standardRows() {
        let tables = MoneyTables.standard
        #expect(tables.baseSalaries.map(\.source) == ["72/2018/NĐ-CP", "38/2019/NĐ-CP", "24/2023/NĐ-CP", "73/2024/NĐ-CP"])
        #expect(tables.decrees.map(\.id) == ["91/2017/NĐ-CP", "98/2023/NĐ-CP", "152/2025/NĐ-CP"])
        #expect(tables.decrees.allSatisfy { $0.collectiveFactor == 2 })
        #expect(tables.decree(id: "152/2025/NĐ-CP")?.note?.contains("chưa được xác nhận") == true)
        #expect(tables.decree(id: "152/2025/NĐ-CP")?.to == nil)
        #expect(MoneyTables.standardFormKeys.count == 11)
        let collectiveOnly: Set = [
            "tap-the-lao-dong-tien-tien", "tap-the-lao-dong-xuat-sac", "to-dan-pho-van-hoa", "xa-phuong-tieu-bieu", "co-thi-dua-tinh",
        ]
        for decree in tables.decrees {
            #expect(decree.forms.map(\.form) == MoneyTables.standardFormKeys)
            #expect(Set(decree.forms.filter(\.collectiveOnly).map(\.form)) == collectiveOnly)
        }
        for (i, a) in tables.decrees.enumerated() {
            for b in tables.decrees[(i + 1)...] { #expect(!a.overlaps(b)) }
        }
        #expect(tables.decree(id: "91/2017/NĐ-CP")?.rate(for: "giay-khen")?.multiple == Multiple(thousandths: 150))
        #expect(tables.decree(id: "152/2025/NĐ-CP")?.rate(for: "bang-khen-chu-tich-tinh")?.multiple == Multiple(thousandths: 1500))
    }

    @Test("the tables survive JSON encoding and decoding")
    func codableRoundTrip() throws {
        let data = try JSONEncoder().encode(MoneyTables.standard)
        #expect(try JSONDecoder().decode(MoneyTables.self, from: data) == MoneyTables.standard)
        let amount = try MoneyTables.standard.amount(form: "giay-khen", collective: true, on: try day("01/07/2025"))
        #expect(try JSONDecoder().decode(AwardAmount.self, from: try JSONEncoder().encode(amount)) == amount)
    }
}

@Suite("Money errors")
struct MoneyErrorTests {
    @Test("before the first base salary row")
    func beforeBaseSalary() throws {
        let date = try day("30/06/2018")
        #expect(throws: MoneyError.noBaseSalary(on: date, earliest: try day("01/07/2018"))) {
            try MoneyTables.standard.amount(form: "giay-khen-chu-tich-xa", collective: false, on: date)
        }
    }

    @Test("before any decree")
    func beforeDecree() throws {
        let date = try day("01/01/2017")
        #expect(throws: MoneyError.noDecree(on: date, earliest: try day("01/10/2017"))) {
            try MoneyTables.standard.amount(form: "giay-khen-chu-tich-xa", collective: false, on: date)
        }
        let message = MoneyError.noDecree(on: date, earliest: try day("01/10/2017")).message
        #expect(message.contains("01/01/2017") && message.contains("01/10/2017"))
    }

    @Test("a misspelt form gets a did-you-mean")
    func unknownForm() throws {
        let date = try day("01/07/2025")
        do {
            _ = try MoneyTables.standard.amount(form: "giay-khen-chu-tich-xaa", collective: false, on: date)
            Issue.record("expected an error")
        } catch {
            guard case .unknownForm(let form, let decree, let suggestion, let known) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(form == "giay-khen-chu-tich-xaa")
            #expect(decree == "152/2025/NĐ-CP")
            #expect(suggestion == "giay-khen-chu-tich-xa")
            #expect(known == MoneyTables.standardFormKeys)
            #expect(error.message.contains("Có phải ý bạn là «giay-khen-chu-tich-xa»?"))
        }
        #expect(throws: MoneyError.self) {
            try MoneyTables.standard.amount(form: "xyz", collective: false, on: try day("01/07/2025"))
        }
    }

    @Test("a collective-only form has no individual amount")
    func collectiveOnlyForIndividual() throws {
        #expect(throws: MoneyError.collectiveOnlyForm("tap-the-lao-dong-xuat-sac", decree: "98/2023/NĐ-CP")) {
            try MoneyTables.standard.amount(form: "tap-the-lao-dong-xuat-sac", collective: false, on: try day("01/07/2024"))
        }
        #expect(MoneyError.collectiveOnlyForm("x", decree: "y").message.contains("chỉ dành cho tập thể"))
    }

    @Test("an amount too large to compute is an error, not a trap")
    func overflow() throws {
        let huge = MoneyTables(
            baseSalaries: [BaseSalary(from: try day("01/01/2020"), amount: Int.max / 2, source: "x")],
            decrees: [
                RewardDecree(
                    id: "x", title: "x", from: try day("01/01/2020"), collectiveFactor: 2,
                    forms: [AwardRate(form: "co", multiple: Multiple(thousandths: 8000))])
            ])
        let date = try day("01/01/2021")
        #expect(throws: MoneyError.self) { try huge.amount(form: "co", collective: true, on: date) }
        do {
            _ = try huge.amount(form: "co", collective: false, on: date)
            Issue.record("expected an overflow")
        } catch {
            #expect(error.message.contains("vượt giới hạn tính toán"))
        }
    }

    @Test("every message is Vietnamese and names its value")
    func messages() throws {
        let date = try day("01/01/2017")
        #expect(MoneyError.noBaseSalary(on: date, earliest: nil).message.contains("lương cơ sở"))
        #expect(MoneyError.unknownForm("a", decree: "b", suggestion: nil, known: ["c"]).message.contains("Các hình thức có: c"))
        #expect(MoneyError.negative(what: "quỹ", value: -1_000).message == "quỹ không được âm (thấy -1.000 đồng)")
    }
}

@Suite("Rounding")
struct MoneyRoundingTests {
    @Test(
        "up to the next 10.000 đồng",
        arguments: [
            (0, 0), (1, 10_000), (9_999, 10_000), (10_000, 10_000), (270_000, 270_000), (270_001, 280_000), (351_000, 360_000),
            (702_000, 710_000), (1_404_000, 1_410_000), (-5, 0), (-10_001, -10_000),
        ] as [(Int, Int)])
    func roundedUp(_ amount: Int, _ expected: Int) {
        #expect(AwardAmount.roundedUp(amount) == expected)
    }

    @Test("rounding that does not fit is nil")
    func roundingOverflow() {
        #expect(AwardAmount.roundedUp(Int.max) == nil)
        #expect(AwardAmount.roundedUp(5, step: 0) == nil)
    }

    @Test("one đồng above a step goes up; a fraction of a đồng counts as a đồng")
    func amountRounding() throws {
        let from = try day("01/01/2020")
        func tables(base: Int, multiple: Int) -> MoneyTables {
            MoneyTables(
                baseSalaries: [BaseSalary(from: from, amount: base, source: "x")],
                decrees: [
                    RewardDecree(
                        id: "x", title: "x", from: from, collectiveFactor: 2,
                        forms: [AwardRate(form: "f", multiple: Multiple(thousandths: multiple))])
                ])
        }
        let onStep = try tables(base: 1_000_000, multiple: 1000).amount(form: "f", collective: false, on: from)
        #expect(onStep.exact == 1_000_000 && onStep.rounded == 1_000_000)
        let above = try tables(base: 1_000_001, multiple: 1000).amount(form: "f", collective: false, on: from)
        #expect(above.exact == 1_000_001 && above.rounded == 1_010_000)
        let fraction = try tables(base: 1_000_001, multiple: 150).amount(form: "f", collective: false, on: from)
        #expect(fraction.exact == 150_001 && fraction.rounded == 160_000)
    }
}

@Suite("Multiples")
struct MultipleTests {
    @Test(
        "parsing keeps every digit",
        arguments: [
            ("0.15", 150), ("0,15", 150), ("0,3", 300), ("8", 8000), ("1.5", 1500), ("0.001", 1), ("-0.5", -500), (" 2 ", 2000),
            ("0.0001", nil), ("abc", nil), ("1e3", nil), ("", nil), (".5", nil), ("1.", nil), ("1,5.0", nil),
            ("99999999999999999999", nil), ("٣", nil),
        ] as [(String, Int?)])
    func parsing(_ text: String, _ thousandths: Int?) {
        #expect(Multiple(parsing: text)?.thousandths == thousandths)
    }

    @Test(
        "Vietnamese form", arguments: [(150, "0,15"), (300, "0,3"), (1000, "1,0"), (3500, "3,5"), (1, "0,001"), (-500, "-0,5")])
    func vietnamese(_ thousandths: Int, _ text: String) {
        #expect(Multiple(thousandths: thousandths).vietnamese == text)
    }

    @Test("the project's decoder reads numbers and text exactly, and rejects other values")
    func decoding() throws {
        let node = try JSONParser.parse(#"[{"form": "a", "multiple": 0.15}, {"form": "b", "multiple": "1,5", "collectiveOnly": true}]"#)
        let (rates, unknown) = try JSONNodeDecoder.decode([AwardRate].self, from: node)
        #expect(
            rates == [
                AwardRate(form: "a", multiple: Multiple(thousandths: 150)),
                AwardRate(form: "b", multiple: Multiple(thousandths: 1500), collectiveOnly: true),
            ])
        #expect(unknown.isEmpty)
        #expect(throws: DecodingError.self) {
            try JSONNodeDecoder.decode(Multiple.self, from: try JSONParser.parse("true"))
        }
    }
}

@Suite("Vietnamese number words")
struct NumberWordsTests {
    @Test(
        "numbers read as a decision writes them",
        arguments: [
            (0, "không"), (1, "một"), (5, "năm"), (10, "mười"), (11, "mười một"), (14, "mười bốn"), (15, "mười lăm"),
            (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi bốn"), (25, "hai mươi lăm"), (41, "bốn mươi mốt"),
            (55, "năm mươi lăm"), (100, "một trăm"), (101, "một trăm linh một"), (104, "một trăm linh bốn"),
            (105, "một trăm linh năm"), (110, "một trăm mười"), (111, "một trăm mười một"), (115, "một trăm mười lăm"),
            (121, "một trăm hai mươi mốt"), (1_000, "một nghìn"), (1_001, "một nghìn không trăm linh một"),
            (1_005, "một nghìn không trăm linh năm"), (1_010, "một nghìn không trăm mười"), (10_000, "mười nghìn"),
            (100_000, "một trăm nghìn"), (360_000, "ba trăm sáu mươi nghìn"), (447_000, "bốn trăm bốn mươi bảy nghìn"),
            (710_000, "bảy trăm mười nghìn"), (1_000_000, "một triệu"), (1_000_010, "một triệu không trăm mười"),
            (1_050_000, "một triệu không trăm năm mươi nghìn"), (1_404_000, "một triệu bốn trăm linh bốn nghìn"),
            (1_410_000, "một triệu bốn trăm mười nghìn"), (2_340_000, "hai triệu ba trăm bốn mươi nghìn"),
            (18_720_000, "mười tám triệu bảy trăm hai mươi nghìn"), (1_000_000_000, "một tỷ"),
            (1_000_000_001, "một tỷ không trăm linh một"), (2_005_000_000, "hai tỷ không trăm linh năm triệu"),
            (1_000_000_000_000, "một nghìn tỷ"), (1_000_000_000_000_000_000, "một tỷ tỷ"), (-5, "âm năm"),
            (-1_050_000, "âm một triệu không trăm năm mươi nghìn"),
        ] as [(Int, String)])
    func words(_ n: Int, _ text: String) {
        #expect(VietnameseNumberWords.words(n) == text)
    }

    @Test("the extremes of Int do not trap")
    func extremes() {
        let max =
            "chín tỷ tỷ hai trăm hai mươi ba triệu tỷ ba trăm bảy mươi hai nghìn tỷ không trăm ba mươi sáu tỷ "
            + "tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy"
        #expect(VietnameseNumberWords.words(Int.max) == max)
        #expect(VietnameseNumberWords.words(Int.min) == "âm " + max.dropLast("bảy".count) + "tám")
    }

    @Test("the amount form is capitalised and ends in đồng")
    func amountForm() {
        #expect(VietnameseNumberWords.amount(710_000) == "Bảy trăm mười nghìn đồng")
        #expect(VietnameseNumberWords.amount(360_000) == "Ba trăm sáu mươi nghìn đồng")
        #expect(VietnameseNumberWords.amount(0) == "Không đồng")
        #expect(VietnameseNumberWords.amount(-10_000) == "Âm mười nghìn đồng")
    }
}

@Suite("Ward fund")
struct WardFundTests {
    @Test(
        "the limit is 1,0% or 1,5% of recurrent spending, rounded down",
        arguments: [
            (5_000_000_000, FundRegion.lowland, 50_000_000), (5_000_000_000, .highland, 75_000_000), (1_234_567, .lowland, 12_345),
            (1_234_567, .highland, 18_518), (0, .lowland, 0),
        ] as [(Int, FundRegion, Int)])
    func limit(_ spending: Int, _ region: FundRegion, _ expected: Int) throws {
        let fund = try WardFund(recurrentSpending: spending, region: region)
        #expect(fund.limit == expected)
        #expect(fund.region == region)
    }

    @Test("bad spending figures are errors")
    func badSpending() {
        #expect(throws: MoneyError.negative(what: "chi thường xuyên", value: -1)) {
            try WardFund(recurrentSpending: -1, region: .lowland)
        }
        #expect(throws: MoneyError.self) { try WardFund(recurrentSpending: Int.max, region: .highland) }
    }

    @Test("a total within, on, or over the fund")
    func check() throws {
        #expect(try WardFund.check(total: 3_000_000, against: 5_000_000) == .within(remaining: 2_000_000))
        #expect(try WardFund.check(total: 5_000_000, against: 5_000_000) == .within(remaining: 0))
        #expect(try WardFund.check(total: 5_000_001, against: 5_000_000) == .over(by: 1))
        #expect(try WardFund.check(total: Int.max, against: 0) == .over(by: Int.max))
        #expect(throws: MoneyError.self) { try WardFund.check(total: -1, against: 5) }
        #expect(throws: MoneyError.self) { try WardFund.check(total: 1, against: -5) }
        let fund = try WardFund(recurrentSpending: 1_000_000_000, region: .lowland)
        #expect(try fund.check(total: 10_000_001) == .over(by: 1))
    }

    @Test("region keywords decode with a did-you-mean")
    func regionKeywords() throws {
        let (region, _) = try JSONNodeDecoder.decode(FundRegion.self, from: try JSONParser.parse(#""mien-nui""#))
        #expect(region == .highland)
        #expect(throws: DecodingError.self) {
            try JSONNodeDecoder.decode(FundRegion.self, from: try JSONParser.parse(#""dong-bangg""#))
        }
    }
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
