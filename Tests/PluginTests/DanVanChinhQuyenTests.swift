import DanVanChinhQuyen
import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

@Suite("Dân vận chính quyền")
struct DanVanChinhQuyenTests {
    static func thresholds(high: Int?, rise: Int?) -> (inout CampaignPlan) -> Void {
        { plan in
            var members: [(String, JSONValue)] = []
            if let high { members.append(("highRankMax", .number(Double(high)))) }
            if let rise { members.append(("rankRiseMin", .number(Double(rise)))) }
            plan.typeSettings = settings(members)
        }
    }

    static func ranked(_ adjust: @escaping (inout CampaignPlan) -> Void, _ ranks: [String: (Int?, Int)]) throws -> SeedScenario {
        var s = try SeedScenario("phung-chi-kien-dvcq-2024", roster: sampleRoster, adjust: adjust)
        s.enrol(units: ranks.keys.sorted())
        for (unit, (before, now)) in ranks.sorted(by: { $0.key < $1.key }) {
            if let before {
                try s.submit(
                    "xep-hang", [["don-vi": .unit(unit), "nam": .integer(2024), "diem": .number(80), "thu-hang": .integer(before)]], on: day(10, 1, 2025))
            }
            try s.submit("xep-hang", [["don-vi": .unit(unit), "nam": .integer(2025), "diem": .number(90), "thu-hang": .integer(now)]], on: day(10, 1, 2026))
        }
        return s
    }

    static func rankCriterion(_ s: SeedScenario, _ unit: String) throws -> CriterionResult {
        try #require(try s.standing(.unit(unit), EvaluationPeriod(year: 2025)).criteria.first { $0.id == "tc-tap-the-xep-hang" })
    }

    @Test("the seed's rank criterion has no thresholds of its own, and the seed sets none: no invented rule, the self-assessment decides")
    func oneSource() throws {
        let s = try SeedScenario("phung-chi-kien-dvcq-2024", roster: sampleRoster)
        let filed = try SeedScenario.seedPlan("phung-chi-kien-dvcq-2024")
        #expect(filed.criteria.first { $0.id == "tc-tap-the-xep-hang" }?.rule == nil)
        let rule = s.campaign.plan.criteria.first { $0.id == "tc-tap-the-xep-hang" }?.rule
        #expect(rule == nil)
        #expect(RankThresholds().rule(rank: "xep-hang-dvcq") == nil)
    }

    @Test(
        "the plan's thresholds drive the rule",
        arguments: [
            (nil as Int?, nil as Int?, 4, 8 as Int?, Truth.missing), (5, nil, 4, nil, .met), (2, nil, 3, 6, .notMet),
            (nil, 3, 6, 9, .met), (nil, 6, 4, 9, .notMet),
        ])
    func thresholdsDrive(high: Int?, rise: Int?, now: Int, before: Int?, expected: Truth) throws {
        let s = try Self.ranked(Self.thresholds(high: high, rise: rise), ["phong-kinh-te": (before, now)])
        let c = try Self.rankCriterion(s, "phong-kinh-te")
        #expect(c.truth == expected, "\(c.explanation)")
        if expected == .notMet, let high { #expect(c.explanation.contains("(cần ≤ hạng \(high))"), "\(c.explanation)") }
    }

    @Test("the ranking section: ranks, changes and verdicts by the plan's thresholds")
    func rankingSection() throws {
        let s = try Self.ranked(
            Self.thresholds(high: 2, rise: 4),
            ["phong-kinh-te": (9, 5), "van-phong": (1, 1), "phong-vhxh": (nil, 7)])
        let lines = try s.reportSection("xep-hang", period: EvaluationPeriod(year: 2025))
        #expect(lines.first == "Thứ hạng cao: từ hạng 1 đến hạng 2; thay đổi vượt bậc: tăng từ 4 bậc trở lên so với năm trước.", "\(lines)")
        #expect(lines.contains("1 | Văn phòng HĐND và UBND | 1 | 1 | giữ nguyên | thứ hạng cao"), "\(lines)")
        #expect(lines.contains("2 | Phòng Kinh tế | 9 | 5 | tăng 4 | thay đổi vượt bậc"), "\(lines)")
        #expect(lines.contains("3 | Phòng Văn hóa – Xã hội |  | 7 |  | —"), "\(lines)")
    }

    @Test("its diagnostics: thresholds in two places, a threshold below 1, a rank indicator that is not a rank, the old key")
    func diagnostics() throws {
        var plan = try SeedScenario.seedPlan("phung-chi-kien-dvcq-2024")
        let c = try #require(plan.criteria.firstIndex { $0.id == "tc-tap-the-xep-hang" })
        plan.criteria[c].rule = .compare(indicator: "xep-hang-dvcq", subject: .own, comparison: .atMost, value: 3)
        plan.typeSettings = settings([("highRankMax", .number(0)), ("ranking", .string("xep-hang-dvcq"))])
        var findings = try SeedScenario.typeFindings(plan)
        #expect(findings.contains { $0.severity == .error && $0.path == "criteria[\(c)].rule" }, "\(findings.map(\.rendered))")
        #expect(findings.contains { $0.severity == .error && $0.path == "typeSettings.highRankMax" && $0.message.contains("thấy 0") })
        #expect(findings.contains { $0.severity == .warning && $0.path == "typeSettings.ranking" })

        // Without settings the plan's own rule is the only place: no finding about it.
        plan.typeSettings = nil
        #expect(try SeedScenario.typeFindings(plan).isEmpty)

        let i = try #require(plan.indicators.firstIndex { $0.id == "xep-hang-dvcq" })
        plan.indicators[i].measure = .score
        findings = try SeedScenario.typeFindings(plan)
        #expect(findings.contains { $0.path == "indicators[\(i)].measure" }, "\(findings.map(\.rendered))")

        plan.indicators.remove(at: i)
        plan.criteria[c].rule = nil
        findings = try SeedScenario.typeFindings(plan)
        #expect(findings.contains { $0.path == "criteria[\(c)]" && $0.message.contains("không có chỉ tiêu xếp hạng") }, "\(findings.map(\.rendered))")
    }
}
