import Foundation
import Testing
import ThiDuaCore

/// The council review on the Nam Gia Nghĩa plan: ten members, two nominees.
struct ReviewScenario {
    var scenario: SeedScenario
    let members = (1...10).map { CouncilMember(name: "Thành viên \($0)", role: $0 == 1 ? "Chủ tịch Hội đồng" : $0 == 2 ? "Thư ký" : "Ủy viên") }

    init() throws {
        scenario = try SeedScenario("nam-gia-nghia-cchc-2026", roster: sampleRoster)
        scenario.enrol(units: ["phong-kinh-te", "van-phong"], people: ["lan"])
        let payload = try CampaignActions.openReview(
            plan: scenario.campaign.plan, state: scenario.state, roster: sampleRoster, period: EvaluationPeriod(year: 2026),
            members: members,
            nominees: [
                Nominee(id: "1", participant: .unit("phong-kinh-te"), award: "giay-khen-chu-tich-phuong"),
                Nominee(id: "2", participant: .person("lan"), award: "giay-khen-chu-tich-phuong"),
            ], meetingDate: day(20, 11, 2026), place: "Hội trường UBND phường")
        try scenario.add(payload, on: day(20, 11, 2026))
    }

    mutating func vote(_ member: Int, _ votes: [String: Vote]) throws {
        let payload = try CampaignActions.ballot(state: scenario.state, member: "Thành viên \(member)", votes: votes)
        try scenario.add(payload, on: day(20, 11, 2026))
    }

    mutating func close(absent: [Int]) throws -> [NomineeResult] {
        let (payload, results) = try CampaignActions.closeReview(
            state: scenario.state, absent: absent.map { "Thành viên \($0)" }, meetingDate: nil)
        try scenario.add(payload, on: day(20, 11, 2026))
        return results
    }
}

@Suite("Council review")
struct ReviewTests {
    @Test("quorum missing: the review cannot close, and nothing is added")
    func quorum() throws {
        var r = try ReviewScenario()
        for m in 1...6 { try r.vote(m, ["1": .agree, "2": .agree]) }
        let before = r.scenario.events.count
        // 2/3 of 10 is 6,67: six present is not enough, seven is.
        #expect(throws: ActionError.self) { try r.close(absent: [7, 8, 9, 10]) }
        do {
            _ = try r.close(absent: [7, 8, 9, 10])
        } catch let error as ActionError {
            #expect(error.message.contains("có mặt 6/10, cần ít nhất 7"), "\(error.message)")
        }
        #expect(r.scenario.events.count == before)
        #expect(r.scenario.state.openReview != nil)
        let results = try r.close(absent: [8, 9, 10])
        #expect(results.count == 2)
        #expect(r.scenario.state.openReview == nil)
    }

    @Test("a member with a conflict abstains and is not counted; the threshold met exactly passes")
    func conflictAndThreshold() throws {
        var r = try ReviewScenario()
        // Nominee 1: 7 agree, 3 disagree of 10 → exactly 70% → approved.
        // Nominee 2: member 3 has a conflict; 6 agree, 3 disagree of 9 voting → 66,7% → not approved.
        for m in 1...10 {
            var votes: [String: Vote] = ["1": m <= 7 ? .agree : .disagree]
            votes["2"] = m == 3 ? .conflict : (m <= 7 ? .agree : .disagree)
            try r.vote(m, votes)
        }
        let results = try r.close(absent: [])
        let first = try #require(results.first { $0.nominee.id == "1" })
        #expect(first.tally == Tally(agree: 7, disagree: 3, conflict: 0))
        #expect(first.voting == 10)
        #expect(first.approved, "\(first.explanation)")
        #expect(first.explanation.contains("7/10"))
        let second = try #require(results.first { $0.nominee.id == "2" })
        #expect(second.tally == Tally(agree: 6, disagree: 3, conflict: 1))
        #expect(second.voting == 9)
        #expect(!second.approved, "\(second.explanation)")
        #expect(second.explanation.contains("xung đột lợi ích"))
    }

    @Test("one vote less than the threshold fails; an absent member's ballot is refused at closing")
    func belowThreshold() throws {
        var r = try ReviewScenario()
        for m in 1...10 { try r.vote(m, ["1": m <= 6 ? .agree : .disagree, "2": .agree]) }
        let results = try r.close(absent: [])
        #expect(results.first { $0.nominee.id == "1" }?.approved == false)

        var s = try ReviewScenario()
        try s.vote(10, ["1": .agree])
        #expect(throws: ActionError.self) { try s.close(absent: [10]) }
    }

    @Test("ballots from someone outside the council and on unknown nominees are refused")
    func refusals() throws {
        var r = try ReviewScenario()
        #expect(throws: ActionError.self) {
            _ = try CampaignActions.ballot(state: r.scenario.state, member: "Người lạ", votes: ["1": .agree])
        }
        #expect(throws: ActionError.self) { try r.vote(1, ["9": .agree]) }
        #expect(throws: ActionError.self) { try r.close(absent: []) }  // no vote yet
    }

    @Test("the tally matches the ballots, and all of it is rebuilt from the journal on disk")
    func rebuiltFromJournal() throws {
        var r = try ReviewScenario()
        for m in 1...9 { try r.vote(m, ["1": m == 2 ? .conflict : .agree, "2": m <= 5 ? .agree : .disagree]) }
        let results = try r.close(absent: [10])

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-review-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("journal.jsonl"), displayName: "journal.jsonl")
        for event in r.scenario.events {
            _ = try store.append(
                [JournalStore.Draft(kind: event.kind, actor: event.actor, date: event.date, payload: event.payload)], time: "2026-11-20T08:00:00Z")
        }
        let contents = try store.read()
        #expect(contents.failure == nil)
        let rebuilt = CampaignState(events: contents.events)
        let review = try #require(rebuilt.reviews.last)
        let closing = try #require(review.closed)
        #expect(closing.present.count == 9)
        #expect(closing.chair == "Thành viên 1")
        #expect(closing.secretary == "Thành viên 2")
        let again = review.results(present: closing.present.count)
        #expect(again == results)
        #expect(again[0].tally == Tally(agree: 8, disagree: 0, conflict: 1))
        #expect(again[1].tally == Tally(agree: 5, disagree: 4, conflict: 0))
        #expect(again[0].approved && !again[1].approved)
    }

    @Test("a secret ballot takes a tally sheet, not named ballots")
    func secret() throws {
        var s = try SeedScenario("nam-gia-nghia-cchc-2026", roster: sampleRoster)
        var plan = s.campaign.plan
        plan.awards = plan.awards.map {
            var a = $0; a.council = CouncilRule(quorum: Fraction(2, 3), approval: Fraction(90, 100), secret: true); return a
        }
        s.enrol(people: ["lan"])
        let payload = try CampaignActions.openReview(
            plan: plan, state: s.state, roster: sampleRoster, period: EvaluationPeriod(year: 2026),
            members: (1...10).map { CouncilMember(name: "TV \($0)", role: "Ủy viên") },
            nominees: [Nominee(id: "1", participant: .person("lan"), award: "bang-khen-chu-tich-tinh")], meetingDate: day(1, 12, 2026), place: nil)
        try s.add(payload, on: day(1, 12, 2026))
        #expect(throws: ActionError.self) { _ = try CampaignActions.ballot(state: s.state, member: "TV 1", votes: ["1": .agree]) }
        #expect(throws: ActionError.self) { _ = try CampaignActions.tally(state: s.state, sheet: ["1": Tally(agree: 11)]) }
        let tally = try CampaignActions.tally(state: s.state, sheet: ["1": Tally(agree: 9, disagree: 1)])
        try s.add(tally, on: day(1, 12, 2026))
        let (_, results) = try CampaignActions.closeReview(state: s.state, absent: [], meetingDate: nil)
        #expect(results[0].approved, "9/10 = 90% meets 90% exactly: \(results[0].explanation)")
    }
}
