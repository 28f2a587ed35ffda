import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

@Suite struct UnitPagesTests {
    static let campaign = "/don-vi/phong-trao/phu-ly-cqtt-2024"
    static let report = campaign + "/bieu-mau/bao-cao-tong-ket"

    @Test func unitHeadSeesItsCampaignFormsDeadlinesResultsAndHistory() throws {
        let ward = try TestWard(campaigns: true)
        try DashboardPageTests.giveTheReportADueDate(ward)
        let browser = TestBrowser(ward.app)
        try browser.logIn("vanphong")
        let home = try browser.get("/")
        #expect(home.bodyText.contains("href=\"\(Self.campaign)\""))
        let page = try browser.get(Self.campaign)
        #expect(page.status.code == 200)
        for heading in ["Biểu mẫu cần điền", "Thời hạn", "Kết quả đánh giá", "Lịch sử nộp hồ sơ"] {
            #expect(page.bodyText.contains(heading))
        }
        #expect(page.bodyText.contains("href=\"\(Self.report)\""))
        #expect(page.bodyText.contains("Đơn vị chưa nộp hồ sơ nào."))
        #expect(page.bodyText.contains("<td>15/12/2024</td><td>Quá hạn, chưa nộp</td>"))
    }

    @Test func formIsRenderedFromItsSpecWithLabelsOnEveryField() throws {
        let ward = try TestWard(campaigns: true)
        let browser = TestBrowser(ward.app)
        try browser.logIn("vanphong")
        let page = try browser.get(Self.report).bodyText
        #expect(page.contains("<label for=\"truong-so-ky-cam-ket\">Số người đã ký cam kết (bắt buộc)</label>"))
        #expect(page.contains("<textarea id=\"truong-ket-qua\" name=\"ket-qua\""))
        // The unit field is fixed to the account's own unit.
        #expect(page.contains("value=\"Văn phòng HĐND và UBND\" readonly"))
        let pledge = try browser.get(Self.campaign + "/bieu-mau/cam-ket-4-xin-4-luon-5-khong").bodyText
        #expect(pledge.contains("<legend>Đồng ý cam kết (bắt buộc)</legend>"))
        #expect(pledge.contains("type=\"radio\" id=\"truong-cam-ket-co\" name=\"cam-ket\" value=\"Có\""))
        #expect(pledge.contains("<select id=\"truong-ho-ten\" name=\"ho-ten\""))
        let survey = try browser.get(Self.campaign + "/bieu-mau/khao-sat-hai-long").bodyText
        #expect(survey.contains("<select id=\"truong-muc-do\" name=\"muc-do\""))
    }

    @Test func errorsComeBackTheGOVUKWayThenTheCorrectedFormIsRecorded() throws {
        let ward = try TestWard(campaigns: true)
        let browser = TestBrowser(ward.app)
        try browser.logIn("vanphong")
        var token = TestBrowser.csrf(in: try browser.get(Self.report)) ?? ""
        let bad = try browser.request("POST", Self.report, form: [("_csrf", token), ("so-ky-cam-ket", "mười hai"), ("ket-qua", "Tốt")])
        #expect(bad.status.code == 422)
        let html = bad.bodyText
        #expect(html.contains("<title>Lỗi: "))
        #expect(html.contains("class=\"error-summary\""))
        #expect(html.contains("href=\"#truong-so-ky-cam-ket\""))
        #expect(html.contains("id=\"truong-so-ky-cam-ket-loi\""))
        #expect(html.contains("value=\"mười hai\""))  // values kept
        #expect(html.contains(">Tốt</textarea>"))
        let before = try ward.workspace.journal(for: "phu-ly-cqtt-2024").read().events.count
        token = TestBrowser.csrf(in: bad) ?? ""
        let good = try browser.request("POST", Self.report, form: [("_csrf", token), ("so-ky-cam-ket", "12"), ("ket-qua", "Tốt")])
        #expect(good.status.code == 303)
        let events = try ward.workspace.journal(for: "phu-ly-cqtt-2024").read().events
        #expect(events.count == before + 1)
        #expect(events.last?.actor == "vanphong")
        let page = try browser.get(Self.campaign)
        #expect(page.bodyText.contains("Báo cáo kết quả thực hiện mô hình"))
        #expect(!page.bodyText.contains("Đơn vị chưa nộp hồ sơ nào."))
    }

    /// Refused before the form is checked (the plan file changed after a lock): the typed values
    /// still come back on the form, and nothing is recorded.
    @Test func aRefusalBeforeTheFormIsCheckedKeepsTheValues() throws {
        let ward = try TestWard(campaigns: true)
        let office = BackOffice(workspace: ward.workspace, registry: ward.site.registry)
        let clerk = ActionContext(actor: "canbo", today: CivilDate(year: 2024, month: 12, day: 20)!, now: { "2024-12-20T03:00:00.000Z" })
        _ = try office.lock("phu-ly-cqtt-2024", period: "2024", reason: nil, as: clerk)
        let file = ward.root.appendingPathComponent("campaigns/phu-ly-cqtt-2024.json")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\n").utf8).write(to: file)
        let browser = TestBrowser(ward.app)
        try browser.logIn("vanphong")
        let token = TestBrowser.csrf(in: try browser.get(Self.report)) ?? ""
        let before = try ward.workspace.journal(for: "phu-ly-cqtt-2024").read().events.count
        let refused = try browser.request("POST", Self.report, form: [("_csrf", token), ("so-ky-cam-ket", "12"), ("ket-qua", "Tốt lắm")])
        #expect(refused.status.code == 422)
        #expect(refused.bodyText.contains("đã thay đổi sau khi khóa kết quả"))
        #expect(refused.bodyText.contains("value=\"12\""))
        #expect(refused.bodyText.contains(">Tốt lắm</textarea>"))
        #expect(try ward.workspace.journal(for: "phu-ly-cqtt-2024").read().events.count == before)
    }

    @Test func aUnitHeadCannotReadOrWriteAnotherUnit() throws {
        let ward = try TestWard(
            accounts: TestWard.defaultAccounts + [("kinhte", .unit, "phong-kinh-te")], campaigns: true)
        let other = TestBrowser(ward.app)
        try other.logIn("kinhte")
        // phong-kinh-te is not enrolled: the campaign does not exist for it.
        #expect(try other.get(Self.campaign).status.code == 404)
        #expect(try other.get(Self.report).status.code == 404)
        let token = TestBrowser.csrf(in: try other.get("/")) ?? ""
        #expect(try other.request("POST", Self.report, form: [("_csrf", token), ("so-ky-cam-ket", "1"), ("ket-qua", "x")]).status.code == 404)
        // The enrolled unit cannot post in another unit's name.
        let own = TestBrowser(ward.app)
        try own.logIn("vanphong")
        let ownToken = TestBrowser.csrf(in: try own.get(Self.report)) ?? ""
        let forged = try own.request(
            "POST", Self.report, form: [("_csrf", ownToken), ("don-vi", "phong-kinh-te"), ("so-ky-cam-ket", "1"), ("ket-qua", "x")])
        #expect(forged.status.code == 403)
        let before = try ward.workspace.journal(for: "phu-ly-cqtt-2024").read().events.count
        #expect(before == 1)
        // Other roles and signed-out visitors.
        for login in ["canbo", "hoidong", "xem", "quantri"] {
            let browser = TestBrowser(ward.app)
            try browser.logIn(login)
            #expect(try browser.get(Self.report).status.code == 403)
        }
        #expect(try TestBrowser(ward.app).get(Self.campaign).status.code == 303)
        // A POST without the CSRF token is refused and records nothing.
        let refused = try own.request("POST", Self.report, form: [("so-ky-cam-ket", "1"), ("ket-qua", "x")])
        #expect(refused.status.code == 403)
        #expect(try ward.workspace.journal(for: "phu-ly-cqtt-2024").read().events.count == 1)
    }
}
