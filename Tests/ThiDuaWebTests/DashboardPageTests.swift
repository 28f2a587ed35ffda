import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

@Suite struct DashboardPageTests {
    @Test func clerkSeesCampaignsSideBySideWithWhoIsMissingByName() throws {
        let ward = try TestWard(campaigns: true)
        try Self.giveTheReportADueDate(ward)
        let browser = TestBrowser(ward.app)
        try browser.logIn("canbo")
        #expect(try browser.get("/").bodyText.contains("href=\"/bang-theo-doi\""))
        let page = try browser.get("/bang-theo-doi")
        #expect(page.status.code == 200)
        let html = page.bodyText
        #expect(html.contains("Các phong trào, cạnh nhau"))
        // van-phong is enrolled in the Phú Lý campaign and has sent nothing: named, not by id.
        #expect(html.contains("Văn phòng HĐND và UBND"))
        #expect(html.contains("<svg"))
        #expect(html.contains("aria-describedby=\"bd-0-han-mo-ta\""))
        #expect(html.contains("Chưa nộp: Văn phòng HĐND và UBND"))
        #expect(!html.contains("<script"))
    }

    /// The seed plan gives its tổng kết report no date; one is set so a unit can be missing it.
    static func giveTheReportADueDate(_ ward: TestWard) throws {
        let url = ward.root.appendingPathComponent("campaigns/phu-ly-cqtt-2024.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let dated = text.replacingOccurrences(
            of: "\"form\": \"bao-cao-tong-ket\"", with: "\"form\": \"bao-cao-tong-ket\", \"due\": \"15/12/2024\", \"from\": \"collective\"")
        #expect(dated != text)
        try Data(dated.utf8).write(to: url)
    }

    @Test func dashboardRoleMatrix() throws {
        let ward = try TestWard(campaigns: true)
        for (login, code) in [("quantri", 200), ("canbo", 200), ("xem", 200), ("hoidong", 403), ("vanphong", 403)] {
            let browser = TestBrowser(ward.app)
            try browser.logIn(login)
            #expect(try browser.get("/bang-theo-doi").status.code == code, "\(login)")
            // Read-only: nothing to post to.
            let token = TestBrowser.csrf(in: try browser.get("/")) ?? ""
            #expect(try browser.request("POST", "/bang-theo-doi", form: [("_csrf", token)]).status.code == 405, "\(login)")
        }
        #expect(try TestBrowser(ward.app).get("/bang-theo-doi").status.code == 303)
    }
}
