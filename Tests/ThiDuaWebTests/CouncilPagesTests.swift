import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

@Suite struct CouncilPagesTests {
    static let page = "/hoi-dong/phong-trao/phuong-6-cchc-2023"

    /// Two members with accounts linked by name, and a review open on the unit for the plan's first collective award.
    static func ward() throws -> TestWard {
        let ward = try TestWard(
            accounts: TestWard.defaultAccounts + [("uyvien", .council, nil), ("vanphong2", .unit, "van-phong")], campaigns: true)
        try ward.site.accounts.update { (list: inout [Account]) throws(WebError) in
            for index in list.indices where list[index].login == "hoidong" { list[index].member = "Nguyễn Văn An" }
            for index in list.indices where list[index].login == "uyvien" { list[index].member = "Trần Thị Bình" }
        }
        let office = BackOffice(workspace: ward.workspace, registry: ward.site.registry)
        let context = ActionContext(actor: "canbo", today: CivilDate(year: 2023, month: 10, day: 20)!, now: { "2023-10-20T01:00:00.000Z" })
        _ = try office.enroll("phuong-6-cchc-2023", EnrolmentRequest(units: ["van-phong"]), as: context)
        let campaign = try office.open("phuong-6-cchc-2023")
        let award = try #require(campaign.plan.awards.first { $0.recipients.contains(.collective) } ?? campaign.plan.awards.first)
        let members = InputFile(
            name: "thanh-vien.csv", bytes: Array("Họ và tên,Chức vụ trong Hội đồng\nNguyễn Văn An,Chủ tịch Hội đồng\nTrần Thị Bình,Ủy viên\n".utf8))
        let nominees = InputFile(name: "de-cu.csv", bytes: Array("Đối tượng,Hình thức\nVăn phòng HĐND và UBND,\(award.id)\n".utf8))
        _ = try office.openReview("phuong-6-cchc-2023", period: "2023", members: members, nominees: nominees, meetingDate: nil, place: nil, as: context)
        return ward
    }

    @Test func memberVotesAndSeesOnlyTheirOwnBallot() throws {
        let ward = try Self.ward()
        let an = TestBrowser(ward.app)
        try an.logIn("hoidong")
        #expect(try an.get("/").bodyText.contains("href=\"\(Self.page)\""))
        let page = try an.get(Self.page)
        #expect(page.status.code == 200)
        #expect(page.bodyText.contains("Văn phòng HĐND và UBND"))
        #expect(page.bodyText.contains("<select id=\"phieu-1\" name=\"phieu-1\""))
        let token = TestBrowser.csrf(in: page) ?? ""
        let cast = try an.request("POST", Self.page, form: [("_csrf", token), ("phieu-1", "dong-y")])
        #expect(cast.status.code == 303)
        let events = try ward.workspace.journal(for: "phuong-6-cchc-2023").read().events
        #expect(events.last?.actor == "hoidong")
        #expect(try an.get(Self.page).bodyText.contains("Bạn đã chọn: đồng ý"))
        // The other member does not see An's vote.
        let binh = TestBrowser(ward.app)
        try binh.logIn("uyvien")
        let other = try binh.get(Self.page).bodyText
        #expect(!other.contains("Bạn đã chọn"))
        #expect(other.contains("Chưa bỏ phiếu"))
        // Without the CSRF token nothing is recorded.
        let count = events.count
        #expect(try binh.request("POST", Self.page, form: [("phieu-1", "khong-dong-y")]).status.code == 403)
        #expect(try ward.workspace.journal(for: "phuong-6-cchc-2023").read().events.count == count)
    }

    @Test func aConflictIsDeclaredAndAnUnlinkedAccountCannotVote() throws {
        let ward = try Self.ward()
        let binh = TestBrowser(ward.app)
        try binh.logIn("uyvien")
        let token = TestBrowser.csrf(in: try binh.get(Self.page)) ?? ""
        #expect(try binh.request("POST", Self.page, form: [("_csrf", token), ("phieu-1", "xung-dot-loi-ich")]).status.code == 303)
        #expect(try binh.get(Self.page).bodyText.contains("Bạn đã chọn: không biểu quyết (xung đột lợi ích)"))
        // A council account not linked to a member sees the list but gets no ballot.
        try ward.site.accounts.update { (list: inout [Account]) throws(WebError) in
            list.append(
                Account(
                    login: "khach", role: .council, unit: nil, password: PasswordHash(password: TestWard.password("khach"), iterations: testIterations),
                    created: "2026-01-01T00:00:00Z"))
        }
        let guest = TestBrowser(ward.app)
        try guest.logIn("khach")
        let page = try guest.get(Self.page)
        #expect(page.bodyText.contains("chưa gắn với tên một thành viên"))
        #expect(!page.bodyText.contains("<select"))
        let forged = try guest.request("POST", Self.page, form: [("_csrf", TestBrowser.csrf(in: page) ?? ""), ("phieu-1", "dong-y")])
        #expect(forged.status.code == 422)
    }

    @Test func councilPageRoleMatrix() throws {
        let ward = try Self.ward()
        for (login, code) in [("quantri", 403), ("canbo", 403), ("xem", 403), ("vanphong", 403), ("hoidong", 200)] {
            let browser = TestBrowser(ward.app)
            try browser.logIn(login)
            #expect(try browser.get(Self.page).status.code == code, "\(login)")
            let token = TestBrowser.csrf(in: try browser.get("/")) ?? ""
            let post = try browser.request("POST", Self.page, form: [("_csrf", token), ("phieu-1", "dong-y")])
            #expect(post.status.code == (login == "hoidong" ? 303 : 403), "\(login)")
        }
    }
}
