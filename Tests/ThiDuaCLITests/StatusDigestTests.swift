import Foundation
import Testing
import ThiDuaCLI

@testable import ThiDuaCore

/// A small deterministic generator (SplitMix64), so a failing history can be made again.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A history of events of every kind status reads (launch, close, enrolment, withdrawal and
/// enrolment again, submissions in several years, late ones), with corrections and other
/// events it does not read, and, when `invalid`, one submission naming an impossible id.
private func generatedHistory(seed: UInt64, count: Int, forms: [String], invalid: Bool) throws -> [JournalEvent] {
    var random = SeededGenerator(state: seed)
    let units = (1...8).map { "to-dan-pho-\($0)" }
    let people = (1...6).map { "nguoi-\($0)" }
    var events: [JournalEvent] = []
    var submissions: [Int] = []
    let bad = invalid ? Int.random(in: count / 2..<count, using: &random) : -1
    for seq in 1...count {
        let date = CivilDate(year: 2024, month: 1, day: 1)!.adding(days: Int.random(in: 0..<1_100, using: &random))
        func some(_ ids: [String]) -> [String] { ids.filter { _ in Bool.random(using: &random) } + [ids.randomElement(using: &random)!] }
        var kind = EventKind.submission
        var payload = JSONValue.null
        switch Int.random(in: 0..<20, using: &random) {
        case 0: kind = .launch
        case 1 where seq > count / 2: kind = .close
        case 2, 3:
            kind = .enrolment
            payload = try JSONValue.encode(EnrolmentPayload(units: some(units), people: some(people)))
        case 4:
            kind = .withdrawal
            payload = try JSONValue.encode(WithdrawalPayload(units: some(units), people: some(people), reason: "rút"))
        case 5 where !submissions.isEmpty:
            kind = .correction
            payload = try JSONValue.encode(
                CorrectionPayload(submission: submissions.randomElement(using: &random)!, row: 0, field: "so-ho", old: nil, new: .integer(3), reason: "sửa"))
        case 6:
            kind = .lock
            payload = try JSONValue.encode(LockPayload(period: EvaluationPeriod(year: date.year, halfYear: false), reason: nil, planHash: nil))
        default:
            var from = Bool.random(using: &random) ? some(units) : some(people)
            if Int.random(in: 0..<10, using: &random) == 0 { from = [] }
            if seq == bad { from = ["../ngoai"] }
            let row = SubmissionRow(line: 2, values: ["so-ho": .integer(seq)])
            payload = try JSONValue.encode(
                SubmissionPayload(
                    form: forms.randomElement(using: &random)!, source: "bao-cao-\(seq).csv", sourceHash: nil, from: from, milestone: nil,
                    due: nil, late: false, rows: [row]))
            submissions.append(seq)
        }
        events.append(
            JournalEvent(seq: seq, time: "2024-01-01T00:00:00Z", date: date, actor: "Cán bộ", kind: kind, payload: payload, prev: JournalEvent.genesis))
    }
    return events
}

/// Days to read a status on: before, within and after the campaign's years.
private func days(of plan: CampaignPlan) -> [CivilDate] {
    let start = plan.effectiveStart
    return [start.adding(days: -40), start, start.adding(days: 200), plan.lastDay, plan.lastDay.adding(days: 1), plan.lastDay.adding(days: 400)]
}

@Suite("Status digest: what status reads, without the whole state", .serialized, .enabled(if: benchTool() != nil, "thidua-bench is not built"))
struct StatusDigestTests {
    @Test("for every bundled campaign, at several cut points, the digest folded past the cut gives the status a whole replay gives")
    func digestEqualsFullReplay() throws {
        let (base, ward) = try generatedWard()
        defer { try? FileManager.default.removeItem(at: base) }
        let workspace = Workspace(root: ward)
        let ids = workspace.campaignIDs()
        #expect(ids.count >= 6)
        var compared = 0
        for id in ids {
            let store = workspace.journal(for: id)
            let all = try lines(of: store)
            let events = try store.read().events
            let full = try fullReplay(store)
            let plan = try office(ward).plan(id).plan
            #expect(full.submissions.count > 0, "\(id)")
            for cut in [0, 1, all.count / 3, all.count / 2, all.count - 1, all.count] {
                var digest = StatusDigest(state: CampaignState(events: Array(events.prefix(cut))))
                for event in events.dropFirst(cut) { digest.apply(event) }
                #expect(digest == StatusDigest(state: full), "\(id) cut \(cut)")
                for today in days(of: plan) {
                    #expect(
                        CampaignStatus(plan: plan, digest: digest, today: today) == CampaignStatus(plan: plan, state: full, today: today),
                        "\(id) cut \(cut) \(today)")
                    compared += 1
                }
                // Through the back office: a new process reads the saved digest and the lines after it.
                guard cut > 0 else { continue }
                try rewrite(store, Array(all.prefix(cut)))
                let first = office(ward)
                #expect(try first.statusDigest(of: plan).source == .journal, "\(id) cut \(cut)")
                try rewrite(store, all)
                let warm = try first.statusDigest(of: plan)
                #expect(warm.source == .memory && warm.digest == StatusDigest(state: full), "\(id) cut \(cut): memory")
                let fresh = try office(ward).statusDigest(of: plan)
                #expect(fresh.source == .checkpoint && fresh.digest == StatusDigest(state: full), "\(id) cut \(cut): saved digest")
                try? FileManager.default.removeItem(at: workspace.cacheFolder)
            }
            // The file's form reads back as it was.
            let position = try store.read().position
            let file = StatusDigestFile(digest: StatusDigest(state: full), position: position)
            let decoded = try StatusDigestFile.decode(file.encoded(key: "k"), key: "k")
            #expect(decoded.digest == file.digest && decoded.position == position, "\(id)")
        }
        #expect(compared > 100)
    }

    @Test("for generated histories (withdrawals, enrolments again, several years, late, invalid ids), the folded digest is the state's")
    func generatedHistories() throws {
        let (base, ward) = try generatedWard()
        defer { try? FileManager.default.removeItem(at: base) }
        let id = try #require(Workspace(root: ward).campaignIDs().first)
        var plan = try office(ward).plan(id).plan
        plan.period.start = CivilDate(year: 2024, month: 1, day: 1)
        plan.period.end = CivilDate(year: 2026, month: 12, day: 31)!
        plan.period.years = [2024, 2025, 2026]
        let first = 2024
        // Milestones of every shape status reads: yearly and dated, from units, people or nobody,
        // due "trước ngày" or on the day.
        plan.milestones = [
            Milestone(id: "dang-ky", kind: .registration, title: "Đăng ký", due: .yearly(day: 15, month: 3), form: "f1", from: .collective, boundary: .before),
            Milestone(id: "bao-cao", kind: .soKetReport, title: "Báo cáo", due: .yearly(day: 20, month: 6), form: "f2", from: .individual),
            Milestone(id: "tong-ket", kind: .tongKetReport, title: "Tổng kết", due: .date(CivilDate(year: first, month: 11, day: 30)!), form: "f1", from: nil),
            Milestone(id: "ho-so", kind: .dossier, title: "Hồ sơ", due: .date(CivilDate(year: first, month: 12, day: 10)!), form: "f3", from: .collective),
            Milestone(id: "ket-thuc", kind: .end, title: "Kết thúc"),
        ]
        var late = 0
        var received = 0
        var refused = 0
        for seed in UInt64(1)...12 {
            let events = try generatedHistory(seed: seed, count: 160, forms: ["f1", "f2", "f3"], invalid: seed % 4 == 0)
            for cut in [0, 7, 40, 80, 159, 160] {
                let state = CampaignState(events: Array(events.prefix(cut)))
                var digest = StatusDigest(state: CampaignState(events: Array(events.prefix(cut / 2))))
                for event in events.prefix(cut).dropFirst(cut / 2) { digest.apply(event) }
                #expect(digest.lastSeq == state.lastSeq && digest.invalid == state.invalidEvents.first?.seq, "seed \(seed) cut \(cut)")
                var fromEmpty = StatusDigest()
                for event in events.prefix(cut) { fromEmpty.apply(event) }
                #expect(fromEmpty.invalid == state.invalidEvents.first?.seq, "seed \(seed) cut \(cut)")
                // A state the back office would refuse has no status; the digest is refused too.
                guard state.invalidEvents.isEmpty else {
                    refused += 1
                    continue
                }
                #expect(digest == StatusDigest(state: state) && fromEmpty == digest, "seed \(seed) cut \(cut)")
                for today in days(of: plan) + [CivilDate(year: 2025, month: 3, day: 14)!, CivilDate(year: 2026, month: 6, day: 21)!] {
                    let status = CampaignStatus(plan: plan, digest: digest, today: today)
                    #expect(status == CampaignStatus(plan: plan, state: state, today: today), "seed \(seed) cut \(cut) \(today)")
                    late += status.milestones.map(\.late).reduce(0, +)
                    received += status.milestones.map(\.received).reduce(0, +)
                }
            }
        }
        // The histories did reach late deliveries, received ones and refused journals.
        #expect(late > 0 && received > 0 && refused > 0)
    }

    @Test("a stale digest is never used: journal cut short, rewritten, an edited line, another program, a damaged file")
    func staleDigests() throws {
        let (base, ward) = try generatedWard()
        defer { try? FileManager.default.removeItem(at: base) }
        let workspace = Workspace(root: ward)
        let ids = workspace.campaignIDs()
        let id = try #require(ids.first)
        let other = try #require(ids.last)
        let store = workspace.journal(for: id)
        let all = try lines(of: store)
        let plan = try office(ward).plan(id).plan
        let file = workspace.cacheFolder.appendingPathComponent(StatusDigestFile.fileName(campaign: id))
        func saved() throws {
            try? FileManager.default.removeItem(at: workspace.cacheFolder)
            #expect(try office(ward).statusDigest(of: plan).source == .journal)
            #expect(FileManager.default.fileExists(atPath: file.path))
            #expect(try office(ward).statusDigest(of: plan).source == .checkpoint)
        }
        func expectWhole(_ note: String) throws {
            let got = try office(ward).statusDigest(of: plan)
            let expected = StatusDigest(state: try fullReplay(store))
            #expect(got.source == .journal && got.digest == expected, "\(note)")
        }

        // Cut short (a restore), and rewritten with another journal longer than the saved line.
        try saved()
        try rewrite(store, Array(all.prefix(all.count - 3)))
        try expectWhole("cut")
        try rewrite(store, all)
        try saved()
        try rewrite(store, try lines(of: workspace.journal(for: other)))
        try expectWhole("rewritten")

        // Another program: a digest keyed for it is not read, even at the right position.
        try rewrite(store, all)
        try? FileManager.default.removeItem(at: workspace.cacheFolder)
        let position = try store.read().position
        var fake = StatusDigest()
        fake.lastSeq = position.seq
        StatusDigestFile(digest: fake, position: position).write(campaign: id, in: workspace, program: "thidua 9.9 other build")
        #expect(StatusDigestFile.read(campaign: id, in: workspace, program: "thidua 9.9 other build") != nil)
        #expect(StatusDigestFile.read(campaign: id, in: workspace) == nil)
        try expectWhole("other program")

        // A damaged file: a byte changed at a few places, cut short, empty.
        try saved()
        let good = try #require(FileManager.default.contents(atPath: file.path))
        for at in [0, 20, good.count / 2, good.count - 1] {
            var bad = good
            bad[at] ^= 0x5A
            try bad.write(to: file)
            try expectWhole("byte \(at)")
        }
        for bad in [good.prefix(good.count / 2), Data()] {
            try Data(bad).write(to: file)
            try expectWhole("cut file")
        }

        // A well-formed digest naming an impossible id is refused like a damaged one.
        var forged = StatusDigest(state: try fullReplay(store))
        forged.units.append("../../etc")
        try Data(StatusDigestFile(digest: forged, position: position).encoded(key: StatusDigestFile.key(campaign: id, program: ProgramIdentity.current))).write(
            to: file)
        #expect(StatusDigestFile.read(campaign: id, in: workspace) == nil)
        try expectWhole("forged id")

        // The line the digest names edited (same length), the head following it: not used, and
        // `status` reports the edit exactly as without a cache.
        try rewrite(store, all)
        try saved()
        var edited = all
        let last = edited.count - 1
        if let i = edited[last].lastIndex(of: UInt8(ascii: "0")) { edited[last][i] = UInt8(ascii: "1") }
        try rewrite(store, edited)
        var withDigest: String?
        var without: String?
        do { _ = try office(ward).status(today: plan.effectiveStart) } catch { withDigest = error.message }
        try? FileManager.default.removeItem(at: workspace.cacheFolder)
        do { _ = try office(ward, checkpoints: false).status(today: plan.effectiveStart) } catch { without = error.message }
        #expect(withDigest != nil && withDigest == without)
        try rewrite(store, all)

        // A line after the saved digest that names an impossible id: refused as a whole read refuses it.
        try saved()
        let submission = try #require(try store.read().events.last { $0.kind == .submission })
        guard case .object(var members) = submission.payload else { Issue.record("a submission's payload is an object"); return }
        for i in members.indices where members[i].key == "from" { members[i].value = .array([.string("../ngoai")]) }
        _ = try store.append(
            [JournalStore.Draft(kind: .submission, actor: "Quy trình khác", date: submission.date, payload: .object(members))], time: "2026-12-01T00:00:00Z")
        var tailError: String?
        var wholeError: String?
        do { _ = try office(ward).status(today: plan.effectiveStart) } catch { tailError = error.message }
        do { _ = try office(ward, checkpoints: false).status(today: plan.effectiveStart) } catch { wholeError = error.message }
        #expect(tailError != nil && tailError == wholeError)
        #expect(tailError?.contains("../ngoai") == true)
        try rewrite(store, all)
    }

    @Test("status in a new process reads the digest and the new lines, not the state checkpoint")
    func statusSkipsTheState() throws {
        let (base, ward) = try generatedWard()
        defer { try? FileManager.default.removeItem(at: base) }
        let workspace = Workspace(root: ward)
        let ids = workspace.campaignIDs()
        // Saved by the first status: one digest per campaign, and the statuses of a whole read.
        let whole = try office(ward, checkpoints: false).status(today: CivilDate(year: 2026, month: 9, day: 1)!)
        try? FileManager.default.removeItem(at: workspace.cacheFolder)
        #expect(try office(ward).status(today: CivilDate(year: 2026, month: 9, day: 1)!) == whole)
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.cacheFolder.path)
        #expect(names.filter { $0.hasPrefix("status-") }.count == ids.count)
        // The state checkpoints gone, a new process still gives the same status from the digests
        // alone and writes no state checkpoint: it never folded a whole state.
        for name in names where name.hasPrefix("state-") {
            try FileManager.default.removeItem(at: workspace.cacheFolder.appendingPathComponent(name))
        }
        let fresh = office(ward)
        #expect(try fresh.status(today: CivilDate(year: 2026, month: 9, day: 1)!) == whole)
        #expect(
            try fresh.deadlines(today: CivilDate(year: 2026, month: 9, day: 1)!, days: 60)
                == BackOffice.deadlines(in: whole.campaigns, today: CivilDate(year: 2026, month: 9, day: 1)!, days: 60))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.cacheFolder.path).filter { $0.hasPrefix("state-") }.isEmpty)
        for id in ids {
            #expect(try fresh.statusDigest(of: try fresh.plan(id).plan).source == .memory, "\(id)")
        }
        // The summaries read the same digests.
        let summaries = office(ward).summaries(today: CivilDate(year: 2026, month: 9, day: 1)!)
        #expect(summaries.count == ids.count && summaries.allSatisfy { $0.problem == nil && $0.phase != nil })
    }
}
