import Foundation
import Testing
import ThiDuaCore

@Suite("Scoring tables: points, caps, bands, gates")
struct ScoringTests {
    @Test(
        "a total exactly on a band edge takes the band it starts; a tenth below takes the one under",
        arguments: [(35.0, "tot", 80.0), (34.9, "kha", 79.9), (45.0, "xs", 90.0), (44.9, "tot", 89.9), (5.0, "kha", 50.0)])
    func bandEdges(a1: Double, band: String, total: Double) throws {
        var s = try ScoringScenario()
        try s.full("u1", a1: a1)
        let sheet = try s.sheet("u1")
        #expect(sheet.total == ScorePoints(total), "\(sheet.explanation)")
        #expect(sheet.band == band, "\(sheet.bandExplanation)")
    }

    @Test("a total that fits no band is reported, never rated")
    func noBand() throws {
        var s = try ScoringScenario()
        try s.full("u1", a1: 4.9)
        let sheet = try s.sheet("u1")
        #expect(sheet.total == ScorePoints(49.9))
        #expect(sheet.band == nil)
        #expect(sheet.bandExplanation.contains("tổng điểm 49,9 không thuộc mức xếp loại nào"), "\(sheet.bandExplanation)")
        let standing = try #require(s.evaluation.standings.first { $0.participant == .unit("u1") })
        #expect(standing.awards.first?.truth == .notMet)
    }

    @Test("a bonus over its item cap counts its cap; the block cap, then the table cap, hold the sum")
    func bonusCaps() throws {
        var s = try ScoringScenario()
        // ab1 claims 5 of at most 3; 3 + 3 = 6 over the block's 4.
        try s.full("u1", a1: 40, bonus: ["ab1": 5, "ab2": 3])
        let sheet = try s.sheet("u1")
        #expect(sheet.items.first { $0.id == "ab1" }?.counted == ScorePoints(3))
        #expect(sheet.items.first { $0.id == "ab1" }?.explanation.contains("vượt mức tối đa 3, chỉ tính 3") == true)
        #expect(sheet.block("a")?.bonus == ScorePoints(4))
        #expect(sheet.total == ScorePoints(40 + 10 + 30 + 5 + 4))
        #expect(sheet.explanation.contains("điểm thưởng phần «Phần A» 6 vượt mức tối đa 4, chỉ tính 4"), "\(sheet.explanation)")

        let tight = ScoringScenario.table.replacingOccurrences(of: "\"maxBonus\": 5,", with: "\"maxBonus\": 2.5,")
        var t = try ScoringScenario(ScoringScenario.text(table: tight))
        try t.full("u1", a1: 40, bonus: ["ab1": 3, "ab2": 1])
        let capped = try t.sheet("u1")
        #expect(capped.bonus == ScorePoints(2.5))
        #expect(capped.total == ScorePoints(87.5))
        #expect(capped.explanation.contains("tổng điểm thưởng 4 vượt mức tối đa 2,5, chỉ tính 2,5"), "\(capped.explanation)")
    }

    @Test("a deduction that would make a block negative stops at 0, unless the plan lets the block go below")
    func deductionFloor() throws {
        var s = try ScoringScenario()
        try s.full("u1", a1: 50, share: 70, b2: true)  // B: b1 0 + b2 5 = 5
        try s.appraise("u1", "bd1", points: 12, reason: "Có vụ khiếu kiện đông người")
        let sheet = try s.sheet("u1")
        #expect(sheet.block("b")?.score == ScorePoints(5))
        #expect(sheet.block("b")?.deduction == ScorePoints(5))
        #expect(sheet.block("b")?.total == .zero)
        #expect(sheet.total == ScorePoints(60))
        #expect(sheet.explanation.contains("phần không dưới 0 nên chỉ trừ 5"), "\(sheet.explanation)")

        let negative = ScoringScenario.table.replacingOccurrences(of: "\"maxDeduction\": 20,", with: "\"maxDeduction\": 20, \"mayGoNegative\": true,")
        var n = try ScoringScenario(ScoringScenario.text(table: negative))
        try n.full("u1", a1: 50, share: 70, b2: true)
        try n.appraise("u1", "bd1", points: 12, reason: "Có vụ khiếu kiện đông người")
        let below = try n.sheet("u1")
        #expect(below.block("b")?.total == ScorePoints(-7))
        #expect(below.total == ScorePoints(53))
        // An appraiser cannot give more than the item's cap; a sheet that claims more counts the cap
        // (25), the block's cap (20) and then the table's overall cap (15) hold the sum.
        #expect(throws: ActionError.self) { try n.appraise("u1", "bd1", points: 30, reason: "Thêm vụ việc") }
        var m = try ScoringScenario(ScoringScenario.text(table: negative))
        try m.full("u1", a1: 50, share: 70, b2: true, bonus: ["bd1": 30])
        let most = try m.sheet("u1")
        #expect(most.items.first { $0.id == "bd1" }?.counted == ScorePoints(25))
        #expect(most.block("b")?.deduction == ScorePoints(20))
        #expect(most.deduction == ScorePoints(15))
        #expect(most.total == ScorePoints(50 + 10 + 5 - 15))
    }

    @Test("a failed gate demotes: the yes/no item caps at Khá, a zero item at Tốt")
    func gatesDemote() throws {
        var s = try ScoringScenario()
        try s.full("u1", a1: 55, b2: false)  // 55 + 10 + 30 + 0 = 95
        let gated = try s.sheet("u1")
        #expect(gated.total == ScorePoints(95))
        #expect(gated.band == "kha", "\(gated.bandExplanation)")
        #expect(gated.bandExplanation.contains("không đạt điều kiện «Không vi phạm»"), "\(gated.bandExplanation)")
        #expect(gated.bandExplanation.hasSuffix("hạ xuống Khá"))

        try s.full("u2", a1: 55, ratio: (0, 10))  // a2 at 0: 55 + 0 + 30 + 5 = 90
        let zero = try s.sheet("u2")
        #expect(zero.total == ScorePoints(90))
        #expect(zero.band == "tot", "\(zero.bandExplanation)")
        #expect(zero.bandExplanation.contains("mục 0 điểm: Tỷ lệ đạt"))
    }

    @Test("the appraiser's no on a yes/no item takes its points away and demotes the band")
    func appraisedGate() throws {
        var s = try ScoringScenario()
        try s.full("u1", a1: 55)  // 100
        #expect(try s.sheet("u1").band == "xs")
        try s.appraise("u1", "b2", met: false, reason: "Có hộ vi phạm, đã bị xử lý hình sự")
        let sheet = try s.sheet("u1")
        let gate = try #require(sheet.items.first { $0.id == "b2" })
        #expect(gate.selfScore == ScorePoints(5))
        #expect(gate.counted == .zero)
        #expect(gate.explanation.contains("tự đánh giá: có; thẩm định: không"), "\(gate.explanation)")
        #expect(sheet.total == ScorePoints(95))
        #expect(sheet.band == "kha")
    }

    @Test("a sheet sent with a scored item left blank has no total: the item is named, not counted as 0")
    func partialSheet() throws {
        var s = try ScoringScenario()
        try s.selfScore("u1", ["a1": 50.0])
        try s.report("u1", ["so-dat": 10, "tong-so": 10, "ty-le": 95])
        let sheet = try s.sheet("u1")
        #expect(sheet.status == .missing(["b2"]))
        #expect(sheet.total == nil)
        #expect(sheet.bandExplanation == "chưa xếp loại: thiếu điểm mục b2")
    }

    @Test("self-score beside the appraised score, the difference, and the appraised one counts")
    func selfAndAppraised() throws {
        var s = try ScoringScenario()
        try s.full("u1", a1: 50)
        try s.appraise("u1", "a1", points: 47.5, reason: "Thiếu biên bản quý II")
        let sheet = try s.sheet("u1")
        let a1 = try #require(sheet.items.first { $0.id == "a1" })
        #expect(a1.selfScore == ScorePoints(50))
        #expect(a1.appraised == ScorePoints(47.5))
        #expect(a1.difference == ScorePoints(-2.5))
        #expect(a1.appraisalReason == "Thiếu biên bản quý II")
        #expect(sheet.selfTotal == ScorePoints(95))
        #expect(sheet.total == ScorePoints(92.5))
        #expect(sheet.explanation.contains("tự chấm 95, chênh lệch -2,5"), "\(sheet.explanation)")
    }

    @Test("no self-score is «không xếp loại», not zero, unless the plan scores from the appraisal")
    func unrated() throws {
        var s = try ScoringScenario()
        try s.report("u1", ["so-dat": 10, "tong-so": 10, "ty-le": 95])
        let sheet = try s.sheet("u1")
        #expect(sheet.status == .unrated)
        #expect(sheet.total == nil)
        #expect(sheet.bandExplanation == "không xếp loại: chưa gửi bảng tự chấm điểm")
        #expect(s.evaluation.standings.first { $0.participant == .unit("u1") }?.rank == nil)

        let lenient = ScoringScenario.table.replacingOccurrences(of: "\"ranking\": true,", with: "\"ranking\": true, \"withoutSelfScore\": \"appraised\",")
        var l = try ScoringScenario(ScoringScenario.text(table: lenient))
        try l.report("u1", ["so-dat": 10, "tong-so": 10, "ty-le": 95])
        try l.appraise("u1", "a1", points: 40, reason: "Hội đồng chấm theo hồ sơ")
        let scored = try l.sheet("u1")
        #expect(scored.status == .rated)
        #expect(scored.total == ScorePoints(40 + 10 + 30))  // b2 unanswered counts 0
    }

    @Test("formula points are rounded to one decimal as the plan says", arguments: [("half-up", 6.7, 1.3), ("down", 6.6, 1.2), ("up", 6.7, 1.3)])
    func rounding(mode: String, twoThirds: Double, oneEighth: Double) throws {
        let table = ScoringScenario.table.replacingOccurrences(of: "\"ranking\": true,", with: "\"ranking\": true, \"rounding\": \"\(mode)\",")
        var s = try ScoringScenario(ScoringScenario.text(table: table))
        try s.full("u1", a1: 50, ratio: (2, 3))
        try s.full("u2", a1: 50, ratio: (1, 8))
        #expect(try s.sheet("u1").items.first { $0.id == "a2" }?.counted == ScorePoints(twoThirds))
        #expect(try s.sheet("u2").items.first { $0.id == "a2" }?.counted == ScorePoints(oneEighth))
    }

    @Test("graded steps and their edges", arguments: [(95.0, 30.0), (94.9, 24.0), (90.0, 24.0), (80.0, 15.0), (79.9, 0.0)])
    func graded(share: Double, points: Double) throws {
        var s = try ScoringScenario()
        try s.full("u1", a1: 50, share: share)
        #expect(try s.sheet("u1").items.first { $0.id == "b1" }?.counted == ScorePoints(points))
    }

    @Test("an indicator derived from the table is total ÷ max × 100 and drives a rule")
    func derivedIndicator() throws {
        var s = try ScoringScenario()
        try s.full("u1", a1: 35)  // 80
        try s.full("u2", a1: 34.9)  // 79,9
        let standings = s.evaluation.standings
        let met = try #require(standings.first { $0.participant == .unit("u1") }?.criteria.first)
        #expect(met.truth == .met, "\(met.explanation)")
        #expect(met.explanation.contains("80,0% ≥ 80%"), "\(met.explanation)")
        let notMet = try #require(standings.first { $0.participant == .unit("u2") }?.criteria.first)
        #expect(notMet.truth == .notMet, "\(notMet.explanation)")
        // No sheet: the derived indicator is missing, not zero.
        let none = try #require(standings.first { $0.participant == .unit("u3") }?.criteria.first)
        #expect(none.truth == .missing)
    }
}

@Suite("Scoring: ranking with a tie-break chain")
struct ScoringRankingTests {
    static let table = """
        {"id": "t", "title": "Bảng điểm", "ranking": true,
         "blocks": [
           {"id": "a", "title": "Phần A", "items": [{"id": "a1", "title": "A1", "max": 50}]},
           {"id": "b", "title": "Phần B", "items": [{"id": "b1", "title": "B1", "max": 50},
                                                    {"id": "bd", "title": "Trừ", "max": 10, "role": "deduction"}]}],
         "tieBreak": [{"by": "block", "block": "a"}, {"by": "fewer-deductions"}, {"by": "council-vote"}]}
        """
    static let award = """
        "awards": [{"id": "gk", "title": "Giấy khen", "form": "giay-khen-chu-tich-xa", "grantor": "Chủ tịch UBND phường",
          "level": "local", "recurrence": "annual", "commendation": "thuong-xuyen", "recipients": ["collective"]}],
        """

    @Test("equal totals are split by block A, then fewer deductions, then the council's vote; equal all the way share a rank")
    func chain() throws {
        var s = try ScoringScenario(ScoringScenario.text(table: Self.table, indicators: "", award: Self.award))
        try s.selfScore("u1", ["a1": 50.0, "b1": 40.0])
        try s.selfScore("u2", ["a1": 45.0, "b1": 45.0])
        for unit in ["u3", "u4", "u5"] { try s.selfScore(unit, ["a1": 45.0, "b1": 50.0, "bd": 5.0]) }
        let members = (1...3).map { CouncilMember(name: "Thành viên \($0)", role: $0 == 1 ? "Chủ tịch Hội đồng" : "Ủy viên") }
        let nominees = ["u3", "u4", "u5"].enumerated().map { Nominee(id: "\($0.offset + 1)", participant: .unit($0.element), award: "gk") }
        let opened = try CampaignActions.openReview(
            plan: s.campaign.plan, state: s.state, roster: ScoringScenario.roster, period: s.period, members: members, nominees: nominees,
            meetingDate: CivilDate(year: 2026, month: 11, day: 20)!, place: nil)
        try s.add(opened)
        for m in 1...3 {
            let ballot = try CampaignActions.ballot(
                state: s.state, member: "Thành viên \(m)", votes: ["1": m == 3 ? .disagree : .agree, "2": .agree, "3": m == 3 ? .disagree : .agree])
            try s.add(ballot)
        }
        let (closed, _) = try CampaignActions.closeReview(state: s.state, absent: [], meetingDate: nil)
        try s.add(closed)

        let standings = s.evaluation.standings
        let ranks = Dictionary(uniqueKeysWithValues: standings.map { ($0.participant.id, $0.rank) })
        #expect(ranks["u1"] == 1)
        #expect(ranks["u2"] == 2)
        #expect(ranks["u4"] == 3)
        #expect(ranks["u3"] == 4)
        #expect(ranks["u5"] == 4)
        #expect(standings.map(\.participant.id).prefix(5) == ["u1", "u2", "u4", "u3", "u5"])
        func note(_ id: String) -> String { standings.first { $0.participant.id == id }?.scores.first?.rankExplanation ?? "" }
        #expect(note("u1").contains("xếp trên Tổ dân phố 2 (cùng tổng điểm) vì điểm phần «Phần A» cao hơn (50 so với 45)"), "\(note("u1"))")
        #expect(note("u2").contains("vì ít điểm trừ hơn (0 so với 5)"), "\(note("u2"))")
        #expect(note("u4").contains("vì tỷ lệ phiếu đồng ý của Hội đồng cao hơn (3/3 so với 2/3)"), "\(note("u4"))")
        #expect(note("u5").contains("đồng hạng với Tổ dân phố 3"), "\(note("u5"))")
    }

    @Test("without a closed review the vote step cannot split: the two share a rank")
    func noVoteYet() throws {
        var s = try ScoringScenario(ScoringScenario.text(table: Self.table, indicators: "", award: Self.award))
        try s.selfScore("u1", ["a1": 45.0, "b1": 50.0])
        try s.selfScore("u2", ["a1": 45.0, "b1": 50.0])
        let ranks = s.evaluation.standings.map(\.rank)
        #expect(ranks.prefix(2) == [1, 1])
    }
}
