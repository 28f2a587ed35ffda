import Foundation
import Testing
import ThiDuaCore

@Suite("Scoring tables checked by `check`")
struct ScoringCheckTests {
    func findings(_ table: String, indicators: String = ScoringScenario.indicators, award: String = ScoringScenario.award) -> [Diagnostic] {
        ScoringScenario.load(ScoringScenario.text(table: table, indicators: indicators, award: award)).diagnostics
    }

    func edit(_ old: String, _ new: String) -> String {
        precondition(ScoringScenario.table.contains(old), "«\(old)» is not in the table")
        return ScoringScenario.table.replacingOccurrences(of: old, with: new)
    }

    @Test("the example table loads with no finding")
    func clean() {
        let all = findings(ScoringScenario.table).filter { $0.severity == .error }
        #expect(all.isEmpty, "\(all.map(\.rendered))")
    }

    @Test("overlapping bands are an error naming both, unless the plan says which wins")
    func overlap() throws {
        let overlapping = edit("\"from\": 80, \"below\": 90", "\"from\": 80, \"below\": 92")
        let errors = findings(overlapping).filter { $0.severity == .error }
        let found = try #require(errors.first { $0.message.contains("chồng lên") }, "\(errors.map(\.rendered))")
        #expect(found.path == "scoring[0].bands[0]")
        #expect(found.message.contains("mức «Xuất sắc» (từ 90 điểm trở lên) chồng lên mức «Tốt» (từ 80 đến dưới 92 điểm)"), "\(found.message)")
        let declared = overlapping.replacingOccurrences(of: "\"ranking\": true,", with: "\"ranking\": true, \"overlapWins\": \"higher\",")
        #expect(!findings(declared).contains { $0.severity == .error })
    }

    @Test("a gap between bands is a warning that says which totals fit no band")
    func gap() throws {
        let gapped = edit("\"from\": 80, \"below\": 90", "\"from\": 80, \"below\": 88")
        let warning = try #require(findings(gapped).first { $0.message.contains("từ 88 đến dưới 90") })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("không thuộc mức xếp loại nào"))
        let low = try #require(findings(ScoringScenario.table).first { $0.message.contains("tổng dưới 50 điểm") })
        #expect(low.severity == .warning)
    }

    @Test(
        "each wrong item is named with what is wrong",
        arguments: [
            (
                "{\"id\": \"a1\", \"title\": \"Mục A1\", \"max\": 55}", "{\"id\": \"a1\", \"title\": \"Mục A1\", \"max\": 0}",
                "mục «a1»: điểm tối đa phải lớn hơn 0, thấy 0"
            ),
            ("\"numerator\": \"so-dat\"", "\"numerator\": \"so-dap\"", "mục «a2» dùng chỉ tiêu «so-dap» nhưng «indicators» không có chỉ tiêu này"),
            ("{\"from\": 95, \"points\": 30}", "{\"from\": 95, \"points\": 35}", "mục «b1»: mức từ 95 cho 35 điểm, ngoài khoảng 0–30"),
            ("\"otherwise\": \"kha\"", "\"otherwise\": \"gioi\"", "bảng điểm «t» không có mức xếp loại «gioi»"),
            ("\"noZeroItem\": true, \"otherwise\": \"tot\"", "\"noZeroItem\": true, \"otherwise\": \"xs\"", "phải hạ xuống mức thấp hơn «Xuất sắc»"),
            ("{\"by\": \"block\", \"block\": \"a\"}", "{\"by\": \"block\", \"block\": \"c\"}", "bảng điểm «t» không có phần «c»"),
            ("{\"id\": \"ab2\"", "{\"id\": \"ab1\"", "mục «ab1» trùng mã với scoring[0].blocks[0].items[2]"),
            (
                "\"denominator\": \"tong-so\"}", "\"denominator\": \"tong-so\", \"indicator\": \"ty-le\"}",
                "mục «a2»: cần «indicator», hoặc «numerator» và «denominator» (không cả hai)"
            ),
        ])
    func itemErrors(old: String, new: String, message: String) throws {
        let errors = findings(edit(old, new)).filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(message) }, "\(errors.map(\.rendered))")
    }

    @Test("an indicator's source, an award's rating and a group quota must name what exists")
    func references() throws {
        let indicators = ScoringScenario.indicators.replacingOccurrences(of: "{\"scoring\": \"t\"}", with: "{\"scoring\": \"bang\"}")
        #expect(
            findings(ScoringScenario.table, indicators: indicators).contains {
                $0.path == "indicators[3].source.scoring" && $0.message.contains("không có bảng này")
            })
        let award = ScoringScenario.award.replacingOccurrences(of: "\"bands\": [\"xs\"]", with: "\"bands\": [\"xuat-sac\"]")
            .replacingOccurrences(of: "\"group\": \"to-dan-pho\"", with: "\"group\": \"to-dan\"")
        let errors = findings(ScoringScenario.table, award: award).filter { $0.severity == .error }
        #expect(errors.contains { $0.path == "awards[0].rating.bands[0]" && $0.message.contains("không có mức xếp loại «xuat-sac»") })
        #expect(errors.contains { $0.path == "awards[0].quota.group" && $0.message.contains("không có nhóm đối tượng «to-dan»") })
    }

    @Test("a table with two scoring methods on one item is a decoding error naming the item")
    func twoMethods() throws {
        let both = edit("\"max\": 5, \"gate\": {}", "\"max\": 5, \"gate\": {}, \"formula\": {\"indicator\": \"ty-le\"}")
        let result = ScoringScenario.load(ScoringScenario.text(table: both))
        #expect(result.validPlan == nil)
        #expect(result.diagnostics.contains { $0.message.contains("mục «b2» chỉ được có một cách tính điểm") }, "\(result.diagnostics.map(\.rendered))")
    }

    @Test("a quota share × group is rounded as the plan says", arguments: [("down", 1), ("up", 2), ("nearest", 2)])
    func quotaRounding(mode: String, expected: Int) throws {
        let award = ScoringScenario.award.replacingOccurrences(of: "\"group\": \"to-dan-pho\"", with: "\"group\": \"to-dan-pho\", \"rounding\": \"\(mode)\"")
        let s = try ScoringScenario(ScoringScenario.text(award: award))
        let limit = try #require(
            QuotaLimit.of(s.campaign.plan.awards[0], kind: .collective, plan: s.campaign.plan, state: s.state, roster: ScoringScenario.roster))
        #expect(limit.limit == expected)  // 30% of 5 = 1,5
        #expect(limit.explanation.contains("không quá 30% của 5 đối tượng thuộc nhóm “Các tổ dân phố” = 1,5"), "\(limit.explanation)")
    }
}
