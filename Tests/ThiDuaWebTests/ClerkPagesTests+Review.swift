import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaCLI
@testable import ThiDuaWeb

/// The council review and the decision through the clerk's pages: tally sheets, repeat awards, secret ballots, roster workbooks, plan amendments.
extension ClerkPagesTests {
    @Test func aTallySheetIsEnteredAndItsErrorsNameTheNominee() throws {
        let ward = try ClerkFixture.ward()
        let office = ClerkFixture.office(ward)
        _ = try office.enroll(
            ClerkFixture.campaign, EnrolmentRequest(peopleOfUnits: true),
            as: ActionContext(actor: "canbo", today: ClerkFixture.day(28, 5), now: { "2026-05-28T03:00:00.000Z" }))
        try ClerkFixture.unitsSend(ward)
        ward.clock.advance(ClerkFixture.toMeetingDay)
        let opened = try office.openReview(
            ClerkFixture.campaign, period: "2026", members: InputFile(name: "hd.csv", bytes: Array(ClerkFixture.membersSheet.utf8)), nominees: nil,
            meetingDate: nil, place: nil, as: ActionContext(actor: "canbo", today: ClerkFixture.day(20, 11), now: { "2026-11-20T03:00:00.000Z" }))
        let clerk = try Self.signedIn(ward, "canbo")
        let page = Self.base + "/binh-xet"
        let count = try ClerkFixture.events(ward).count
        let tooMany = try Self.post(clerk, page + "/kiem-phieu", from: page, [("dong-y-1", "5"), ("khong-dong-y-1", "0")])
        #expect(tooMany.status.code == 422)
        #expect(tooMany.bodyText.contains("<a href=\"#dong-y-1\">Đề cử 1, cột «Đồng ý»: «5» nhiều hơn số thành viên Hội đồng (3)"))
        #expect(tooMany.bodyText.contains("aria-describedby=\"dong-y-1-loi\""))
        #expect(tooMany.bodyText.contains("value=\"5\""))
        let empty = try Self.post(clerk, page + "/kiem-phieu", from: page, [])
        #expect(empty.bodyText.contains("Nhập số phiếu của ít nhất một đề cử"))
        #expect(try ClerkFixture.events(ward).count == count)
        let counts = opened.nominees.flatMap { [("dong-y-\($0.id)", "3"), ("khong-dong-y-\($0.id)", "0"), ("khong-bieu-quyet-\($0.id)", "0")] }
        #expect(try Self.post(clerk, page + "/kiem-phieu", from: page, counts).status.code == 303)
        #expect(try ClerkFixture.events(ward).last?.kind == .tally)
        // One member absent: 2/3 present is not enough for 3 votes counted, and nothing is written.
        let absent = try Self.post(clerk, page + "/dong", from: page, [("vang-mat", "Ngô Thanh Bình")])
        #expect(absent.status.code == 422)
        #expect(absent.bodyText.contains("value=\"Ngô Thanh Bình\" checked"))
        #expect(try ClerkFixture.events(ward).last?.kind == .tally)
        #expect(try Self.post(clerk, page + "/dong", from: page, []).status.code == 303)
    }

    /// phung-chi-kien-dvcq-2024 gives units a yearly and an end-of-period Giấy khen: the draft
    /// shows who would be left out, the choice is required, and confirming records both.
    @Test func aRepeatAwardNeedsTheSignersConfirmation() throws {
        let id = "phung-chi-kien-dvcq-2024"
        let ward = try ClerkFixture.reviewed(campaign: id)
        let clerk = try Self.signedIn(ward, "canbo")
        let page = "/can-bo/phong-trao/\(id)/quyet-dinh"
        let draft = try clerk.get(page).bodyText
        #expect(draft.contains("id=\"xac-nhan-trung\""))
        #expect(draft.contains("đã được tặng cùng hình thức trong quyết định này"))
        let count = try ClerkFixture.events(ward, campaign: id).count
        let unanswered = try Self.post(clerk, page, from: page, [])
        #expect(unanswered.status.code == 422)
        #expect(unanswered.bodyText.contains("<a href=\"#xac-nhan-trung\">Chọn có tặng trùng hình thức hay không</a>"))
        #expect(try ClerkFixture.events(ward, campaign: id).count == count)
        let preview = try ClerkFixture.office(ward).draftDecision(id, date: WebClock.civilDate(ward.clock.now), confirmRepeats: true)
        #expect(!preview.repeatsLeftOut)
        #expect(try Self.post(clerk, page, from: page, [("xac-nhan-trung", "co")]).status.code == 303)
        let recorded = try ClerkFixture.office(ward).open(id).state.decisions
        #expect(recorded == preview.records)
        #expect(recorded.allSatisfy { $0.leftOut.allSatisfy { !$0.contains("cùng hình thức") } })
    }

    /// Workbooks saved by LibreOffice Calc import through the upload as the command line imports them.
    @Test func rosterUploadReadsExcelWorkbooks() throws {
        let ward = try ClerkFixture.ward(roster: false)
        let clerk = try Self.signedIn(ward, "canbo")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ThiDuaCoreTests/Fixtures/spreadsheet")
        let files = try ["libreoffice-people.xlsx", "libreoffice-units.xlsx"].map { name in
            (field: "tep", name: name, bytes: Array(try Data(contentsOf: fixtures.appendingPathComponent(name))))
        }
        let token = TestBrowser.csrf(in: try clerk.get("/can-bo/danh-sach")) ?? ""
        let uploaded = try clerk.upload("/can-bo/danh-sach", token: token, files: files)
        #expect(uploaded.status.code == 303)
        let roster = try ClerkFixture.office(ward).roster()
        #expect(roster.units.count == 6 && roster.people.count == 5)
        let page = try clerk.get("/can-bo/danh-sach?da=nhap-danh-sach").bodyText
        #expect(page.contains("Đã nhập danh sách đơn vị, cá nhân."))
        #expect(page.contains("Danh sách có 6 đơn vị và 5 cá nhân."))
        // The same files again: every row is already there, and the refusal names them.
        let again = try clerk.upload("/can-bo/danh-sach", token: TestBrowser.csrf(in: try clerk.get("/can-bo/danh-sach")) ?? "", files: files)
        #expect(again.status.code == 422)
        #expect(again.bodyText.contains("libreoffice-units.xlsx"))
        #expect(try ClerkFixture.office(ward).roster().units.count == 6)
    }

    /// A plan whose awards are voted in secret: the clerk's page and the member's page show no
    /// ballot by name, a ballot by name is refused, and the paper tally carries the review.
    @Test func aSecretBallotIsTalliedOnPaperAndNothingIsShownByName() throws {
        let ward = try ClerkFixture.ward()
        let file = ward.root.appendingPathComponent("campaigns/\(ClerkFixture.campaign).json")
        // The plan file has comments, so the council rule goes in as text after each award's recurrence.
        let text = try String(contentsOf: file, encoding: .utf8)
        let secret = text.replacingOccurrences(of: "\"recurrence\": \"annual\",", with: "\"recurrence\": \"annual\", \"council\": {\"secret\": true},")
        #expect(secret != text)
        try Data(secret.utf8).write(to: file)
        let office = ClerkFixture.office(ward)
        _ = try office.enroll(
            ClerkFixture.campaign, EnrolmentRequest(peopleOfUnits: true),
            as: ActionContext(actor: "canbo", today: ClerkFixture.day(28, 5), now: { "2026-05-28T03:00:00.000Z" }))
        try ClerkFixture.unitsSend(ward)
        ward.clock.advance(ClerkFixture.toMeetingDay)
        let clerk = try Self.signedIn(ward, "canbo")
        let page = Self.base + "/binh-xet"
        // The members pasted from a spreadsheet: cells separated by tabs.
        let pasted = ClerkFixture.membersSheet.replacingOccurrences(of: ",", with: "\t") + "\r\n"
        let opened = try Self.post(clerk, page + "/mo", from: page, [("ky", "2026"), ("thanh-vien", pasted)])
        #expect(opened.status.code == 303)
        let review = try #require(try office.open(ClerkFixture.campaign).state.openReview)
        #expect(review.secret)
        #expect(review.members.map(\.role) == ["Chủ tịch Hội đồng", "Thư ký", "Ủy viên"])
        let progress = try clerk.get(page).bodyText
        #expect(progress.contains("Phiên này bỏ phiếu kín"))
        #expect(progress.contains("<td>Phan Văn Quốc</td><td>Chủ tịch Hội đồng</td><td>Bỏ phiếu kín (không ghi theo tên)</td>"))
        #expect(!progress.contains("Đã bỏ phiếu"))
        // The member's page has no ballot, and a ballot by name is refused with nothing written.
        let member = try Self.signedIn(ward, "hoidong")
        let councilPage = "/hoi-dong/phong-trao/\(ClerkFixture.campaign)"
        let memberPage = try member.get(councilPage).bodyText
        #expect(memberPage.contains("bỏ phiếu kín") && !memberPage.contains("<select"))
        let count = try ClerkFixture.events(ward).count
        #expect(try Self.post(member, councilPage, from: councilPage, [("phieu-1", "dong-y")]).status.code == 422)
        #expect(try ClerkFixture.events(ward).count == count)
        // The paper tally, then close: the nominees are approved on the counts alone.
        let counts = review.nominees.flatMap { [("dong-y-\($0.id)", "3"), ("khong-dong-y-\($0.id)", "0")] }
        #expect(try Self.post(clerk, page + "/kiem-phieu", from: page, counts).status.code == 303)
        #expect(try Self.post(clerk, page + "/dong", from: page, []).status.code == 303)
        let closed = try clerk.get(page).bodyText
        #expect(closed.contains("Được đề nghị") && !closed.contains("Không được đề nghị"))
    }

    /// A plan file changed after a lock stops every action until the change is recorded with a reason.
    @Test func aPlanChangedAfterALockIsRecordedWithAReason() throws {
        let ward = try ClerkFixture.ward()
        let clerk = try Self.signedIn(ward, "canbo")
        #expect(try Self.post(clerk, Self.base + "/khoa", from: Self.base, [("khoa-ky", "2025")]).status.code == 303)
        let file = ward.root.appendingPathComponent("campaigns/\(ClerkFixture.campaign).json")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\n// Sửa lỗi chính tả.\n").utf8).write(to: file)
        let page = try clerk.get(Self.base).bodyText
        #expect(page.contains("Kế hoạch đã sửa sau khi khóa kết quả"))
        let refused = try Self.post(clerk, Self.base + "/ket-thuc", from: Self.base, [])
        #expect(refused.status.code == 422)
        #expect(refused.bodyText.contains("đã thay đổi sau khi khóa kết quả"))
        let count = try ClerkFixture.events(ward).count
        let empty = try Self.post(clerk, Self.base + "/sua-ke-hoach", from: Self.base, [("sua-ke-hoach-ly-do", " ")])
        #expect(empty.status.code == 422)
        #expect(empty.bodyText.contains("<a href=\"#sua-ke-hoach-ly-do\">Nhập lý do sửa kế hoạch đã ban hành</a>"))
        #expect(try ClerkFixture.events(ward).count == count)
        let amended = try Self.post(clerk, Self.base + "/sua-ke-hoach", from: Self.base, [("sua-ke-hoach-ly-do", "Sửa lỗi chính tả trong kế hoạch")])
        #expect(amended.status.code == 303)
        #expect(try ClerkFixture.events(ward).last?.kind == .planAmended)
        #expect(!(try clerk.get(Self.base).bodyText.contains("Kế hoạch đã sửa sau khi khóa kết quả")))
        if HTMLValidationTests.enabled { try HTMLValidationTests.validate([("sua-ke-hoach-loi", empty.bodyText)]) }
    }
}
