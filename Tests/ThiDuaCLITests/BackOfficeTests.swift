import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaCLI

/// A fresh workspace with the repository's campaigns, directives and types and the sample
/// ward's roster, driven through the back office only (no command is run).
struct OfficeWorkspace {
    let root: URL
    let office: BackOffice

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-office-\(UUID().uuidString.prefix(8))")
        let workspace = try Workspace.create(at: root)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["campaigns", "directives", "types"] {
            let from = repository.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: from.path)) ?? [] where name.hasSuffix(".json") {
                try FileManager.default.copyItem(at: from.appendingPathComponent(name), to: root.appendingPathComponent("\(folder)/\(name)"))
            }
        }
        office = BackOffice(workspace: workspace, registry: CompiledTypes.registry(for: workspace))
    }

    func acting(_ day: CivilDate, _ actor: String = "Lê Thị Ngọc Ánh") -> ActionContext {
        ActionContext(actor: actor, today: day, now: { "2026-12-07T08:00:00Z" })
    }

    static func file(_ name: String, _ text: String) -> InputFile { InputFile(name: name, bytes: Array(text.utf8)) }

    static func csv(_ header: [String], _ rows: [[String]]) -> String { CSVWriter.write(header: header, rows: rows) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("The back office")
struct BackOfficeTests {
    /// The day every step counts for, fixed so the test gives the same result every day.
    static func day(_ d: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    @Test("the whole cycle of every bundled campaign through the Core API alone, with fixed dates")
    func wholeCycle() throws {
        let ws = try OfficeWorkspace()
        defer { ws.remove() }
        let office = ws.office
        let imported = try office.importRoster([
            OfficeWorkspace.file("don-vi.csv", SampleWard.units), OfficeWorkspace.file("ca-nhan.csv", SampleWard.people),
        ])
        #expect(imported.units == 13 && imported.people == 40)
        let roster = try office.roster()
        #expect(office.campaignIDs().count >= 6)
        var decided = 0
        for id in office.campaignIDs() {
            let plan = try office.plan(id).plan
            let year = min(plan.period.end.year, max(plan.period.start?.year ?? plan.period.end.year, 2026))
            func on(_ d: Int, _ m: Int) -> ActionContext { ws.acting(Self.day(d, m, year)) }
            let enrolled = try office.enroll(id, EnrolmentRequest(peopleOfUnits: true), as: on(5, 1))
            #expect(enrolled.seq == 1, "\(id)")
            #expect(try office.launch(id, as: on(6, 1)).seq == 2)
            let again = #expect(throws: OfficeError.self) { _ = try office.launch(id, as: on(7, 1)) }
            #expect(again?.message.contains("đã được ghi nhận phát động ngày 06/01/\(year)") == true, "\(String(describing: again?.message))")
            let state = try office.open(id).state
            let units = state.units.compactMap { u in roster.units.first { $0.id == u } }
            let people = Array(state.people.compactMap { p in roster.people.first { $0.id == p } }.prefix(12))
            let campaign = try office.open(id)
            for form in campaign.loaded.type.definition(for: campaign.plan).forms {
                let rows = DemoRows.rows(form, roster: roster, units: units, people: people, year: year)
                guard !rows.isEmpty else { continue }
                let batches = form.repeated ? [rows] : rows.prefix(4).map { [$0] }
                for (index, batch) in batches.enumerated() {
                    let file = OfficeWorkspace.file("\(form.id)-\(index).csv", OfficeWorkspace.csv(form.fields.map(\.label), batch))
                    let dry = try office.submit(id, SubmissionRequest(form: form.id, file: file, dryRun: true), as: on(10, 2))
                    #expect(dry.seq == 0 && dry.rows.count == batch.count)
                    let done = try office.submit(id, SubmissionRequest(form: form.id, file: file), as: on(10, 2))
                    #expect(done.seq > 0, "\(id) \(form.id)")
                }
            }
            if campaign.resolved.form(HostForms.indicatorResults) != nil {
                for (y, shift) in [(year - 1, -1.5), (year, 0.0)] {
                    let rows = DemoRows.indicatorRows(plan, units: units, year: y, shift: shift)
                    guard !rows.isEmpty else { continue }
                    let header = ["Cơ quan, đơn vị (để trống nếu là số liệu chung)", "Chỉ tiêu", "Kết quả", "Năm", "Tài liệu, minh chứng"]
                    let file = OfficeWorkspace.file("chi-tieu-\(y).csv", OfficeWorkspace.csv(header, rows))
                    _ = try office.submit(id, SubmissionRequest(form: HostForms.indicatorResults, file: file), as: on(1, 11))
                }
            }
            for kind in ParticipantKind.allCases {
                let form = kind == .collective ? HostForms.collectiveSelfAssessment : HostForms.individualSelfAssessment
                // What the self-assessment offers: a check a unit attests on its own form is not the person's to send.
                let offered = campaign.resolved.form(form)?.fields.first { $0.role == .item }?.choices ?? []
                let items = HostForms.assessable(plan, kind: kind).filter(offered.contains)
                let subjects = kind == .collective ? units.map(\.name) : people.prefix(6).map(\.name)
                guard !items.isEmpty, !subjects.isEmpty else { continue }
                let rows = subjects.flatMap { subject in items.map { [subject, $0, "có", "", "Báo cáo kết quả năm \(year)"] } }
                let header = [kind == .collective ? "Cơ quan, đơn vị" : "Họ và tên", "Tiêu chí", "Tự đánh giá đạt", "Điểm tự chấm", "Tài liệu, minh chứng"]
                _ = try office.submit(
                    id, SubmissionRequest(form: form, file: OfficeWorkspace.file("\(form).csv", OfficeWorkspace.csv(header, rows))), as: on(5, 11))
                let appraised = try office.appraise(
                    id, AppraisalRequest(participant: subjects[0], item: items[0], met: true, reason: "Đối chiếu minh chứng, xác nhận đạt", period: "\(year)"),
                    as: on(10, 11))
                #expect(appraised.seq > 0)
            }
            let (_, evaluation) = try office.evaluate(id, period: "\(year)", today: Self.day(12, 11, year))
            #expect(evaluation.period == EvaluationPeriod(year: year))
            guard !plan.awards.isEmpty, evaluation.standings.contains(where: { $0.awards.contains { $0.truth == .met } }) else { continue }
            let opened = try office.openReview(
                id, period: "\(year)", members: OfficeWorkspace.file("hoi-dong.csv", SampleWard.council), nominees: nil, meetingDate: nil,
                place: "Hội trường UBND", as: on(20, 11))
            #expect(opened.members == 7 && !opened.nominees.isEmpty)
            let secret = try office.open(id).state.openReview?.secret ?? false
            if secret {
                let counts = opened.nominees.map { [$0.id, "6", "0", "0"] }
                let sheet = OfficeWorkspace.file("kiem-phieu.csv", OfficeWorkspace.csv(["Mã đề cử", "Đồng ý", "Không đồng ý", "Không biểu quyết"], counts))
                _ = try office.tally(id, sheet: sheet, as: on(20, 11))
            } else {
                let members = ["Phan Văn Quốc", "Nguyễn Thị Thu Hà", "Ngô Thanh Bình", "Đỗ Quang Huy", "Tô Thị Bích", "Tạ Minh Khôi"]
                let ballots = members.map { (member: $0, votes: Dictionary(uniqueKeysWithValues: opened.nominees.map { ($0.id, Vote.agree) })) }
                #expect(try office.vote(id, ballots: ballots, sheet: nil, as: on(20, 11)).count == 6)
            }
            let closed = try office.closeReview(id, absent: ["Lý Quốc Bảo"], meetingDate: nil, as: on(20, 11))
            #expect(closed.results.contains { $0.approved })
            let decision = try office.decide(id, date: Self.day(25, 11, year), number: nil, as: on(25, 11))
            #expect(!decision.records.isEmpty)
            if decision.records.contains(where: { !$0.upward }) {
                let signed = try office.numberDecision(id, decision: nil, number: "\(40 + decided)/QĐ-UBND", date: Self.day(26, 11, year), as: on(26, 11))
                #expect(signed.records.first?.number == "\(40 + decided)/QĐ-UBND")
                decided += 1
            }
            _ = try office.lock(id, period: "\(year)", reason: "Đã tổng kết", as: on(30, 11))
            let open = try office.open(id)
            for kind in DocumentKind.allCases {
                let documents = try office.documents(open, kind: kind, today: Self.day(1, 12, year), strict: false)
                for document in documents { #expect(Identifier.problem(document.name) == nil) }
            }
            #expect(try office.close(id, as: on(15, 12)).seq > 0)
            let closedTwice = #expect(throws: OfficeError.self) { _ = try office.close(id, as: on(16, 12)) }
            #expect(closedTwice?.message.contains("đã được ghi nhận kết thúc ngày 15/12/\(year)") == true)
            let verified = try office.workspace.journal(for: id).verify()
            #expect(verified.isValid, "\(id): \(String(describing: verified.failure))")
        }
        #expect(decided >= 3, "decisions were numbered in \(decided) campaigns")
        let ledger = try office.awardLedger()
        #expect(!ledger.entries.isEmpty)
        #expect(ledger.entries.allSatisfy { $0.year > 2000 })
    }

    @Test("the same file sent twice is refused unless asked again; a dry run records nothing")
    func duplicateSubmission() throws {
        let ws = try OfficeWorkspace()
        defer { ws.remove() }
        let office = ws.office
        _ = try office.importRoster([OfficeWorkspace.file("don-vi.csv", SampleWard.units), OfficeWorkspace.file("ca-nhan.csv", SampleWard.people)])
        let id = "nam-gia-nghia-cchc-2026"
        let today = ws.acting(Self.day(2, 3, 2026))
        _ = try office.enroll(id, EnrolmentRequest(), as: today)
        let header = ["Cơ quan, đơn vị (để trống nếu là số liệu chung)", "Chỉ tiêu", "Kết quả", "Năm", "Tài liệu, minh chứng"]
        let indicator = try office.plan(id).plan.indicators[0].id
        let file = OfficeWorkspace.file("ket-qua.csv", OfficeWorkspace.csv(header, [["", indicator, "90", "2026", ""]]))
        let before = try office.open(id).state.lastSeq
        _ = try office.submit(id, SubmissionRequest(form: HostForms.indicatorResults, file: file, dryRun: true), as: today)
        #expect(try office.open(id).state.lastSeq == before)
        let first = try office.submit(id, SubmissionRequest(form: HostForms.indicatorResults, file: file), as: today)
        let error = #expect(throws: OfficeError.self) {
            _ = try office.submit(id, SubmissionRequest(form: HostForms.indicatorResults, file: file), as: today)
        }
        #expect(error?.message.contains("dòng \(first.seq)") == true)
        #expect(error?.message.contains("--again") == true)
        #expect(try office.open(id).state.submissions.count == 1)
        _ = try office.submit(id, SubmissionRequest(form: HostForms.indicatorResults, file: file, again: true), as: today)
        #expect(try office.open(id).state.submissions.count == 2)
    }

    @Test("a campaign file changed after a lock is refused until the change is recorded with a reason")
    func planPinnedAtLock() throws {
        let ws = try OfficeWorkspace()
        defer { ws.remove() }
        let office = ws.office
        _ = try office.importRoster([OfficeWorkspace.file("don-vi.csv", SampleWard.units)])
        let id = "nam-gia-nghia-cchc-2026"
        let today = ws.acting(Self.day(2, 3, 2026))
        _ = try office.launch(id, as: today)
        _ = try office.lock(id, period: "2026-6t", reason: "Đã sơ kết", as: today)
        let file = ws.root.appendingPathComponent("campaigns/\(id).json")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 1, // sửa sau khi khóa\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let refused = #expect(throws: OfficeError.self) { _ = try office.enroll(id, EnrolmentRequest(), as: today) }
        #expect(refused?.message.contains("thidua amend") == true)
        #expect(throws: OfficeError.self) { _ = try office.amendPlan(id, reason: "  ", as: today) }
        _ = try office.amendPlan(id, reason: "Bổ sung ghi chú theo ý kiến Thường trực", as: today)
        #expect(try office.enroll(id, EnrolmentRequest(), as: today).seq > 0)
        #expect(try office.open(id).state.pinnedPlanHash == (try office.plan(id).fileHash))
    }

    @Test("a journal naming an id that cannot be a file name is refused, and no document is built from it")
    func craftedJournalID() throws {
        let ws = try OfficeWorkspace()
        defer { ws.remove() }
        let office = ws.office
        let id = "nam-gia-nghia-cchc-2026"
        let payload = ReviewOpenedPayload(
            review: "bx-2026-1", period: EvaluationPeriod(year: 2026), meetingDate: nil, place: nil,
            members: [CouncilMember(name: "A", role: "Chủ tịch Hội đồng")],
            nominees: [Nominee(id: "1", participant: .unit("../../../tmp/x"), award: "giay-khen-chu-tich-phuong")], rules: [:])
        _ = try office.workspace.journal(for: id).append(
            [try payload.draft(actor: "kẻ gian", date: Self.day(1, 12, 2026))], time: "2026-12-01T00:00:00Z", expectingLastSeq: 0)
        #expect(try office.workspace.journal(for: id).verify().isValid, "the chain has no key: a crafted journal still verifies")
        let error = #expect(throws: OfficeError.self) { _ = try office.open(id) }
        #expect(error?.kind == .damaged)
        #expect(error?.message.contains("dòng 1") == true)
    }

    @Test("writers that race on one campaign all succeed: an action is checked again on what the other wrote")
    func concurrentWriters() async throws {
        let ws = try OfficeWorkspace()
        defer { ws.remove() }
        let office = ws.office
        _ = try office.importRoster([OfficeWorkspace.file("don-vi.csv", SampleWard.units)])
        let id = "nam-gia-nghia-cchc-2026"
        let indicator = try office.plan(id).plan.indicators[0].id
        let header = ["Cơ quan, đơn vị (để trống nếu là số liệu chung)", "Chỉ tiêu", "Kết quả", "Năm", "Tài liệu, minh chứng"]
        let results = await withTaskGroup(of: Bool.self) { group in
            for n in 0..<16 {
                group.addTask {
                    let file = OfficeWorkspace.file("ket-qua-\(n).csv", OfficeWorkspace.csv(header, [["", indicator, "\(80 + n)", "2026", "Lần \(n)"]]))
                    return (try? office.submit(id, SubmissionRequest(form: HostForms.indicatorResults, file: file), as: ws.acting(Self.day(2, 3, 2026)))) != nil
                }
            }
            var all: [Bool] = []
            for await ok in group { all.append(ok) }
            return all
        }
        #expect(results.allSatisfy { $0 }, "\(results.filter { !$0 }.count) of 16 refused")
        let state = try office.open(id).state
        #expect(state.submissions.count == 16)
        #expect(try office.workspace.journal(for: id).verify().isValid)
    }

    @Test("status and deadlines name the units that have not sent an overdue form; record finds part of a name without diacritics")
    func missingAndRecord() throws {
        let ws = try OfficeWorkspace()
        defer { ws.remove() }
        let office = ws.office
        _ = try office.importRoster([OfficeWorkspace.file("don-vi.csv", SampleWard.units), OfficeWorkspace.file("ca-nhan.csv", SampleWard.people)])
        let id = "minh-xuan-dvk-2026"
        _ = try office.enroll(id, EnrolmentRequest(), as: ws.acting(Self.day(20, 5, 2026)))
        let (_, overdue) = try office.deadlines(today: Self.day(1, 12, 2026), days: 30)
        let registration = try #require(overdue.first { $0.campaign == id && !$0.missing.isEmpty })
        let names = office.names(registration.missing, roster: try office.roster())
        #expect(names.contains("Tổ dân phố 1"), "\(names)")
        let console = CapturingConsole()
        let code = CLI.run(["--workspace", ws.root.path, "--today", "2026-12-01", "deadlines"], console: console.console, currentDirectory: ws.root.path)
        #expect(code == 0)
        #expect(console.output.contains("Quá hạn, chưa đủ:") && console.output.contains("Chưa nộp ("), "\(console.output)")
        #expect(console.output.contains("Tổ dân phố 1"), "\(console.output)")
        // Part of a name, without diacritics; an ambiguous part lists the candidates.
        #expect(try office.participant("thu ha") == .person(try #require(try office.roster().people.first { $0.name == "Nguyễn Thị Thu Hà" }).id))
        let ambiguous = #expect(throws: OfficeError.self) { _ = try office.participant("to dan pho") }
        #expect(ambiguous?.kind == .argument)
        #expect(ambiguous?.message.contains("Tổ dân phố 1") == true)
    }
}
