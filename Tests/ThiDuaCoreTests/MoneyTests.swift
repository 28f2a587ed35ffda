import Foundation
import Testing
import ThiDuaCore

/// A day written as a decision writes it; an impossible literal fails the test that uses it.
private func day(_ text: String) throws -> CivilDate {
    try #require(CivilDate(parsing: text))
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
