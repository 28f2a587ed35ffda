import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaCLI
@testable import ThiDuaWeb

/// A ward for the clerk's pages: the bundled plan minh-xuan-cds-2026 (open ballots, a local
/// Giấy khen), the sample ward's roster, three council accounts linked to members' names, and
/// the units' data sent through the back office (what unit heads do, not the clerk).
enum ClerkFixture {
    static let campaign = "minh-xuan-cds-2026"
    static let base = "/can-bo/phong-trao/\(campaign)"
    static let members = [
        ("hoidong", "Phan Văn Quốc", "Chủ tịch Hội đồng"), ("uyvien", "Nguyễn Thị Thu Hà", "Thư ký"), ("uyvien2", "Ngô Thanh Bình", "Ủy viên"),
    ]
    /// The members sheet the clerk types.
    static var membersSheet: String {
        (["Họ và tên,Chức vụ trong Hội đồng"] + members.map { "\($0.1),\($0.2)" }).joined(separator: "\n")
    }
    /// Moves the test clock (29/05/2026 in Vietnam) to 21/11/2026, the day after the back-office steps dated 20/11.
    static let toMeetingDay: TimeInterval = 176 * 86_400

    static func day(_ d: Int, _ m: Int) -> CivilDate { CivilDate(year: 2026, month: m, day: d)! }

    static func acting(_ d: Int, _ m: Int) -> ActionContext {
        let stamp = "2026-" + (m < 10 ? "0\(m)" : "\(m)") + "-" + (d < 10 ? "0\(d)" : "\(d)") + "T01:00:00.000Z"
        return ActionContext(actor: "donvi", today: day(d, m), now: { stamp })
    }

    /// The ward, with the roster imported (`roster: false` leaves it empty for the upload test).
    static func ward(roster: Bool = true, campaign: String = campaign) throws -> TestWard {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-clerk-\(UUID().uuidString.prefix(8))")
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fm = FileManager.default
        for folder in ["campaigns", "directives", "types", "roster", "data"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for folder in ["directives", "types"] {
            for name in (try? fm.contentsOfDirectory(atPath: repository.appendingPathComponent(folder).path)) ?? [] where name.hasSuffix(".json") {
                try fm.copyItem(
                    at: repository.appendingPathComponent(folder).appendingPathComponent(name),
                    to: root.appendingPathComponent(folder).appendingPathComponent(name))
            }
        }
        try fm.copyItem(
            at: repository.appendingPathComponent("campaigns/\(campaign).json"), to: root.appendingPathComponent("campaigns/\(campaign).json"))
        let ward = try TestWard(root: root, accounts: TestWard.defaultAccounts + [("uyvien", .council, nil), ("uyvien2", .council, nil)])
        try ward.site.accounts.update { (list: inout [Account]) throws(WebError) in
            for (login, member, _) in members {
                for index in list.indices where list[index].login == login { list[index].member = member }
            }
        }
        if roster {
            _ = try office(ward).importRoster([
                InputFile(name: "don-vi.csv", bytes: Array(SampleWard.units.utf8)), InputFile(name: "ca-nhan.csv", bytes: Array(SampleWard.people.utf8)),
            ])
        }
        return ward
    }

    static func office(_ ward: TestWard) -> BackOffice { BackOffice(workspace: ward.workspace, registry: ward.site.registry) }

    static func events(_ ward: TestWard, campaign: String = campaign) throws -> [JournalEvent] {
        try ward.workspace.journal(for: campaign).read().events
    }

    /// What the unit heads send after enrolment (forms, indicator results, self-assessments), dated June to November 2026.
    static func unitsSend(_ ward: TestWard, campaign id: String = campaign) throws {
        let office = office(ward)
        let roster = try office.roster()
        let campaign = try office.open(id)
        let plan = campaign.plan
        let units = campaign.state.units.compactMap { u in roster.units.first { $0.id == u } }
        let people = Array(campaign.state.people.compactMap { p in roster.people.first { $0.id == p } }.prefix(12))
        for form in campaign.loaded.type.definition(for: plan).forms {
            let rows = DemoRows.rows(form, roster: roster, units: units, people: people, year: 2026)
            guard !rows.isEmpty else { continue }
            let batches = form.repeated ? [rows] : rows.prefix(4).map { [$0] }
            for (index, batch) in batches.enumerated() {
                let file = InputFile(name: "\(form.id)-\(index).csv", bytes: Array(CSVWriter.write(header: form.fields.map(\.label), rows: batch).utf8))
                _ = try office.submit(id, SubmissionRequest(form: form.id, file: file), as: acting(10, 6))
            }
        }
        if campaign.resolved.form(HostForms.indicatorResults) != nil {
            for (year, shift) in [(2025, -1.5), (2026, 0.0)] {
                let rows = DemoRows.indicatorRows(plan, units: units, year: year, shift: shift)
                guard !rows.isEmpty else { continue }
                let header = ["Cơ quan, đơn vị (để trống nếu là số liệu chung)", "Chỉ tiêu", "Kết quả", "Năm", "Tài liệu, minh chứng"]
                let file = InputFile(name: "chi-tieu-\(year).csv", bytes: Array(CSVWriter.write(header: header, rows: rows).utf8))
                _ = try office.submit(id, SubmissionRequest(form: HostForms.indicatorResults, file: file), as: acting(1, 11))
            }
        }
        for kind in ParticipantKind.allCases {
            let items = HostForms.assessable(plan, kind: kind)
            let subjects = kind == .collective ? units.map(\.name) : people.prefix(6).map(\.name)
            guard !items.isEmpty, !subjects.isEmpty else { continue }
            let form = kind == .collective ? HostForms.collectiveSelfAssessment : HostForms.individualSelfAssessment
            let rows = subjects.flatMap { subject in items.map { [subject, $0, "có", "", "Báo cáo kết quả năm 2026"] } }
            let header = [kind == .collective ? "Cơ quan, đơn vị" : "Họ và tên", "Tiêu chí", "Tự đánh giá đạt", "Điểm tự chấm", "Tài liệu, minh chứng"]
            let file = InputFile(name: "\(form).csv", bytes: Array(CSVWriter.write(header: header, rows: rows).utf8))
            _ = try office.submit(id, SubmissionRequest(form: form, file: file), as: acting(5, 11))
        }
    }

    /// The cycle up to a closed review (every member agreeing), through the back office.
    static func reviewed(campaign: String = campaign) throws -> TestWard {
        let ward = try ward(campaign: campaign)
        let office = office(ward)
        let clerk = ActionContext(actor: "canbo", today: day(28, 5), now: { "2026-05-28T03:00:00.000Z" })
        _ = try office.enroll(campaign, EnrolmentRequest(peopleOfUnits: true), as: clerk)
        _ = try office.launch(campaign, as: clerk)
        try unitsSend(ward, campaign: campaign)
        ward.clock.advance(toMeetingDay)
        let meeting = ActionContext(actor: "canbo", today: day(20, 11), now: { "2026-11-20T03:00:00.000Z" })
        let opened = try office.openReview(
            campaign, period: "2026", members: InputFile(name: "hoi-dong.csv", bytes: Array(membersSheet.utf8)), nominees: nil, meetingDate: nil,
            place: "Hội trường UBND", as: meeting)
        let ballots = members.map { (member: $0.1, votes: Dictionary(uniqueKeysWithValues: opened.nominees.map { ($0.id, Vote.agree) })) }
        _ = try office.vote(campaign, ballots: ballots, sheet: nil, as: meeting)
        _ = try office.closeReview(campaign, absent: [], meetingDate: nil, as: meeting)
        return ward
    }

    /// The whole cycle up to a numbered decision, through the back office (for the browser test).
    static func decided() throws -> TestWard {
        let ward = try ward()
        let office = office(ward)
        let clerk = ActionContext(actor: "canbo", today: day(28, 5), now: { "2026-05-28T03:00:00.000Z" })
        _ = try office.enroll(campaign, EnrolmentRequest(peopleOfUnits: true), as: clerk)
        _ = try office.launch(campaign, as: clerk)
        try unitsSend(ward)
        ward.clock.advance(toMeetingDay)
        let meeting = ActionContext(actor: "canbo", today: day(20, 11), now: { "2026-11-20T03:00:00.000Z" })
        let opened = try office.openReview(
            campaign, period: "2026", members: InputFile(name: "hoi-dong.csv", bytes: Array(membersSheet.utf8)), nominees: nil, meetingDate: nil,
            place: "Hội trường UBND", as: meeting)
        let ballots = members.map { (member: $0.1, votes: Dictionary(uniqueKeysWithValues: opened.nominees.map { ($0.id, Vote.agree) })) }
        _ = try office.vote(campaign, ballots: ballots, sheet: nil, as: meeting)
        _ = try office.closeReview(campaign, absent: [], meetingDate: nil, as: meeting)
        _ = try office.decide(campaign, date: nil, number: nil, as: meeting)
        _ = try office.numberDecision(campaign, decision: nil, number: "45/QĐ-UBND", date: day(25, 11), as: meeting)
        return ward
    }
}

extension TestBrowser {
    /// Posts a multipart/form-data body with the CSRF token and files, as a browser's file upload does.
    func upload(_ path: String, token: String, files: [(field: String, name: String, bytes: [UInt8])]) throws -> Response {
        let boundary = "----ranh-gioi-\(UUID().uuidString.prefix(8))"
        var body: [UInt8] = []
        func add(_ text: String) { body += Array(text.utf8) }
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n")
        for file in files {
            add(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            body += file.bytes
            add("\r\n")
        }
        add("--\(boundary)--\r\n")
        var headers = HTTPHeaders([("Host", host), ("Content-Type", "multipart/form-data; boundary=\(boundary)")])
        if let cookie { headers.add("Cookie", "\(SessionMiddleware.cookieName)=\(cookie)") }
        return app.respond(try Request(method: "POST", target: prefix + path, headers: headers, body: body, remoteAddress: address))
    }
}
