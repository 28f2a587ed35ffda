import Foundation
import Testing
import ThiDuaCore

/// A day written as a decision writes it; an impossible literal fails the test that uses it.
private func day(_ text: String) throws -> CivilDate {
    try #require(CivilDate(parsing: text))
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
