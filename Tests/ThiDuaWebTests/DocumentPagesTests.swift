import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

@Suite struct DocumentPagesTests {
    static let list = "/can-bo/phong-trao/phu-ly-cqtt-2024/tai-lieu"

    @Test func clerkDownloadsEveryFormatWithASafeFileName() throws {
        let ward = try TestWard(campaigns: true)
        let browser = TestBrowser(ward.app)
        try browser.logIn("canbo")
        let page = try browser.get(Self.list)
        #expect(page.status.code == 200)
        #expect(page.bodyText.contains("href=\"\(Self.list)/plan/0/docx\""))
        let docx = try browser.get(Self.list + "/plan/0/docx")
        #expect(docx.status.code == 200)
        #expect(Array(docx.body.prefix(2)) == [0x50, 0x4B])  // a ZIP container
        #expect(docx.headers["Content-Disposition"] == "attachment; filename=\"phu-ly-cqtt-2024-plan.docx\"")
        let html = try browser.get(Self.list + "/plan/0/html")
        #expect(html.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(html.bodyText.contains("Chính quyền thân thiện"))
        #expect(try browser.get(Self.list + "/plan/9/html").status.code == 404)
        #expect(try browser.get(Self.list + "/khong-co/0/html").status.code == 404)
        #expect(try browser.get(Self.list + "/plan/0/exe").status.code == 404)
        #expect(DocumentPages.safeFileName("../a b\"đ.csv") == "tai-lieu.._a_b__.csv")
    }

    @Test func onlyClerkAndAdminReachDocuments() throws {
        let ward = try TestWard(campaigns: true)
        for (login, code) in [("quantri", 200), ("canbo", 200), ("xem", 403), ("hoidong", 403), ("vanphong", 403)] {
            let browser = TestBrowser(ward.app)
            try browser.logIn(login)
            #expect(try browser.get(Self.list).status.code == code, "\(login)")
            #expect(try browser.get(Self.list + "/plan/0/html").status.code == code, "\(login)")
        }
    }
}
