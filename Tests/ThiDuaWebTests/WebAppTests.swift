import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

@Suite struct WebAppTests {
    @Test func signedOutVisitorsAreSentToTheLoginPage() throws {
        let ward = try TestWard()
        let browser = TestBrowser(ward.app)
        let home = try browser.get("/")
        #expect(home.status == .seeOther)
        #expect(home.headers["Location"] == "/dang-nhap")
        let login = try browser.get("/dang-nhap")
        #expect(login.status == .ok)
        #expect(login.bodyText.contains("<html lang=\"vi\">"))
        #expect(TestBrowser.csrf(in: login)?.count == 43)
        let cookie = try #require(login.headers.values("Set-Cookie").first)
        #expect(cookie.contains("; Path=/; HttpOnly; SameSite=Strict"))
        #expect(!cookie.contains("Secure"))
        #expect(try browser.get("/tai-nguyen/giao-dien.css").headers["Content-Type"] == "text/css; charset=utf-8")
    }

    @Test func loginGivesANewSessionAndIsJournalled() throws {
        let ward = try TestWard()
        let browser = TestBrowser(ward.app)
        _ = try browser.get("/dang-nhap")
        let preSession = browser.cookie
        let response = try browser.logIn("canbo")
        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/")
        #expect(browser.cookie != nil && browser.cookie != preSession)
        // The pre-session is gone: its cookie no longer signs anyone in.
        let old = TestBrowser(ward.app)
        old.cookie = preSession
        #expect(try old.get("/").status == .seeOther)
        let home = try browser.get("/")
        #expect(home.status == .ok)
        #expect(home.bodyText.contains("Đang đăng nhập: <strong>canbo</strong>"))
        #expect(home.headers["Cache-Control"] == "no-store")
        let logout = try browser.logOut()
        #expect(logout.status == .seeOther)
        #expect(logout.headers.values("Set-Cookie").contains { $0.contains("Max-Age=0") })
        #expect(try browser.get("/dang-nhap?da-dang-xuat=1").bodyText.contains("Bạn đã đăng xuất."))
        let events = try ward.site.accessLog.store.read().events
        #expect(events.map(\.kind.rawValue) == ["dang-nhap", "dang-xuat"])
        #expect(events.allSatisfy { $0.actor == "canbo" })
        #expect(try ward.site.accessLog.store.verify().isValid)
    }

    @Test func wrongPasswordReshowsTheFormTheGOVUKWay() throws {
        let ward = try TestWard()
        let browser = TestBrowser(ward.app)
        let response = try browser.logIn("canbo", password: "sai <mật> khẩu")
        #expect(response.status.code == 422)
        let html = response.bodyText
        #expect(html.contains("<title>Lỗi: Đăng nhập – ThiDua</title>"))
        #expect(html.contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus"))
        #expect(html.contains("<a href=\"#mat-khau\">Tên đăng nhập hoặc mật khẩu không đúng</a>"))
        #expect(html.contains("id=\"mat-khau-loi\""))
        #expect(html.contains("aria-describedby=\"mat-khau-loi\""))
        #expect(html.contains("value=\"canbo\""))
        #expect(!html.contains("mật&gt; khẩu"))
        let empty = try browser.request(
            "POST", "/dang-nhap", form: [("_csrf", TestBrowser.csrf(in: response) ?? ""), ("ten-dang-nhap", "<b>"), ("mat-khau", "")])
        #expect(empty.bodyText.contains("<a href=\"#mat-khau\">Nhập mật khẩu</a>"))
        #expect(empty.bodyText.contains("value=\"&lt;b&gt;\""))
        let failures = try ward.site.accessLog.store.read().events
        #expect(failures.map(\.kind) == [AccessLog.loginFailed])
        #expect(failures.first?.actor == "canbo")
        // An unknown login is journalled under its name only when it is a valid login name.
        try browser.logIn("<script>", password: "x")
        #expect(try ward.site.accessLog.store.read().events.last?.actor == "khách")
    }

    @Test func everyPostNeedsTheSessionsCSRFToken() throws {
        let ward = try TestWard()
        let browser = TestBrowser(ward.app)
        let page = try browser.get("/dang-nhap")
        let token = try #require(TestBrowser.csrf(in: page))
        let credentials = [("ten-dang-nhap", "canbo"), ("mat-khau", TestWard.password("canbo"))]
        let missing = try browser.request("POST", "/dang-nhap", form: credentials)
        #expect(missing.status == .forbidden)
        #expect(missing.bodyText.contains("Yêu cầu bị từ chối"))
        #expect(try browser.request("POST", "/dang-nhap", form: [("_csrf", token + "x")] + credentials).status == .forbidden)
        let crossSite = try browser.request("POST", "/dang-nhap", form: [("_csrf", token)] + credentials, headers: [("Sec-Fetch-Site", "cross-site")])
        #expect(crossSite.status == .forbidden)
        let foreign = try browser.request("POST", "/dang-nhap", form: [("_csrf", token)] + credentials, headers: [("Origin", "http://evil.example")])
        #expect(foreign.status == .forbidden)
        let cookieless = TestBrowser(ward.app)
        #expect(try cookieless.request("POST", "/dang-nhap", form: [("_csrf", token)] + credentials).status == .forbidden)
        let json = try browser.request("POST", "/dang-nhap", headers: [("Content-Type", "application/json")])
        #expect(json.status == .forbidden)
        // Nothing above signed anyone in or reached the journal.
        #expect(try browser.get("/").status == .seeOther)
        #expect(!ward.site.accessLog.store.exists)
        let ok = try browser.request(
            "POST", "/dang-nhap", form: [("_csrf", token)] + credentials, headers: [("Origin", "http://127.0.0.1:8080"), ("Sec-Fetch-Site", "same-origin")])
        #expect(ok.status == .seeOther)
        // Logout without the token does not end the session.
        #expect(try browser.request("POST", "/dang-xuat", form: []).status == .forbidden)
        #expect(try browser.get("/").status == .ok)
    }

    @Test func sessionsExpireWhenIdleAndAfterTheOfficeDay() throws {
        let ward = try TestWard()
        let browser = TestBrowser(ward.app)
        try browser.logIn("canbo")
        ward.clock.advance(29 * 60)
        #expect(try browser.get("/").status == .ok)
        ward.clock.advance(31 * 60)
        #expect(try browser.get("/").status == .seeOther)
        try browser.logIn("canbo")
        for _ in 0..<16 {
            ward.clock.advance(29 * 60)
            #expect(try browser.get("/").status == .ok)
        }
        ward.clock.advance(29 * 60)  // 8 h 12 min after sign-in, active all along
        #expect(try browser.get("/").status == .seeOther)
    }

    @Test func disabledAccountsAndNewPasswordsEndSessions() throws {
        let ward = try TestWard()
        let browser = TestBrowser(ward.app)
        try browser.logIn("canbo")
        try ward.site.accounts.update { (accounts: inout [Account]) throws(WebError) in
            accounts[accounts.firstIndex { $0.login == "canbo" }!].password = PasswordHash(password: "mật khẩu mới tinh", iterations: testIterations)
        }
        #expect(try browser.get("/").status == .seeOther)
        try browser.logIn("canbo", password: "mật khẩu mới tinh")
        #expect(try browser.get("/").status == .ok)
        try ward.site.accounts.update { (accounts: inout [Account]) throws(WebError) in
            accounts[accounts.firstIndex { $0.login == "canbo" }!].disabled = true
        }
        #expect(try browser.get("/").status == .seeOther)
        #expect(try browser.logIn("canbo", password: "mật khẩu mới tinh").status.code == 422)
    }

    @Test func loginsAreThrottledPerAccountAndPerAddress() throws {
        let ward = try TestWard()
        let browser = TestBrowser(ward.app)
        for _ in 0..<10 { #expect(try browser.logIn("canbo", password: "đoán sai mãi").status.code == 422) }
        let locked = try browser.logIn("canbo")
        #expect(locked.status == .tooManyRequests)
        #expect(locked.bodyText.contains("tạm bị khóa"))
        // Another address cannot unlock the account either.
        let other = TestBrowser(ward.app)
        other.address = "10.0.0.9"
        #expect(try other.logIn("canbo").status == .tooManyRequests)
        // Other accounts are unaffected; after the window the right password works again.
        #expect(try other.logIn("xem").status == .seeOther)
        ward.clock.advance(15 * 60 + 1)
        #expect(try browser.logIn("canbo").status == .seeOther)
        // One address guessing across many accounts is stopped at 30.
        let guesser = TestBrowser(ward.app)
        guesser.address = "10.0.0.66"
        for i in 0..<30 { _ = try guesser.logIn("khong-co-\(i)", password: "x") }
        #expect(try guesser.logIn("hoidong").status == .tooManyRequests)
        #expect(try ward.site.accessLog.store.read().events.contains { $0.payload["ly_do"]?.string == "tạm khóa" })
    }

    @Test func rolesGateTheAdminPage() throws {
        let ward = try TestWard()
        #expect(try TestBrowser(ward.app).get("/quan-tri/tai-khoan").status == .seeOther)
        for (login, expected) in [("quantri", 200), ("canbo", 403), ("vanphong", 403), ("hoidong", 403), ("xem", 403)] {
            let browser = TestBrowser(ward.app)
            try browser.logIn(login)
            let page = try browser.get("/quan-tri/tai-khoan")
            #expect(page.status.code == expected, "\(login)")
            if expected == 403 { #expect(page.bodyText.contains("Không có quyền truy cập")) }
            if expected == 200 { #expect(page.bodyText.contains("<td>vanphong</td><td>đơn vị</td><td>van-phong</td>")) }
        }
    }

    @Test func routerAnswers404And405WithAllow() throws {
        let ward = try TestWard()
        let browser = TestBrowser(ward.app)
        let missing = try browser.get("/khong-co")
        #expect(missing.status == .notFound)
        #expect(missing.bodyText.contains("Không tìm thấy trang"))
        let wrongMethod = try browser.request("DELETE", "/dang-nhap")
        #expect(wrongMethod.status == .methodNotAllowed)
        #expect(wrongMethod.headers["Allow"] == "GET, HEAD, POST")
        for response in [missing, wrongMethod] {
            #expect(response.headers["Content-Security-Policy"] == SecurityHeadersMiddleware.contentSecurityPolicy)
            #expect(response.headers["X-Content-Type-Options"] == "nosniff")
            #expect(response.headers["Referrer-Policy"] == "same-origin")
        }
    }

    @Test func handlersAddedPerRouteGetParametersAndRoles() throws {
        let ward = try TestWard()
        let clock = ward.clock
        struct Stamp: Middleware {
            func handle(_ request: Request, context: RequestContext, next: (Request, RequestContext) -> Response) -> Response {
                var response = next(request, context)
                response.headers.set("X-Tai-Khoan", context.account?.login ?? "-")
                return response
            }
        }
        let app = WebApplication(mount: .single(ward.site), clock: { clock.now }, middleware: [Stamp()]) { router in
            router.get("/phong-trao/:id", access: .roles([.clerk, .admin])) { _, context in
                .text("phong trào \(context.parameters["id"] ?? "") cho \(context.account?.login ?? "")")
            }
            router.post("/phong-trao/:id/ghi", access: .signedIn) { _, context in
                .text("ghi \(context.form["noi_dung"] ?? "")")
            }
        }
        let browser = TestBrowser(app)
        try browser.logIn("canbo")
        let page = try browser.get("/phong-trao/ph%C6%B0%E1%BB%9Dng-6")
        #expect(page.bodyText == "phong trào phường-6 cho canbo")
        #expect(page.headers["X-Tai-Khoan"] == "canbo")
        let token = TestBrowser.csrf(in: try browser.get("/")) ?? ""
        #expect(try browser.request("POST", "/phong-trao/x/ghi", form: [("_csrf", token), ("noi_dung", "a+b")]).bodyText == "ghi a+b")
        let viewer = TestBrowser(app)
        try viewer.logIn("xem")
        #expect(try viewer.get("/phong-trao/x").status == .forbidden)
    }

    @Test func hostHeaderIsChecked() throws {
        let ward = try TestWard()
        ward.app.setHostPolicy(HostPolicy(port: 8080, names: ["192.168.1.10"]))
        let browser = TestBrowser(ward.app)
        #expect(try browser.get("/dang-nhap").status == .ok)
        browser.host = "LOCALHOST:8080"
        #expect(try browser.get("/dang-nhap").status == .ok)
        browser.host = "192.168.1.10:8080"
        #expect(try browser.get("/dang-nhap").status == .ok)
        browser.host = "evil.example:8080"
        let refused = try browser.get("/dang-nhap")
        #expect(refused.status == .misdirectedRequest)
        #expect(refused.bodyText.contains("Máy chủ này không phục vụ tên"))
        browser.host = "127.0.0.1:9999"
        #expect(try browser.get("/dang-nhap").status == .misdirectedRequest)
        #expect(ward.app.respond(try Request(method: "GET", target: "/", minorVersion: 0)).status == .badRequest)
    }

    @Test func homePageListsCampaignsPerRole() throws {
        let ward = try TestWard(campaigns: true)
        let clerk = TestBrowser(ward.app)
        try clerk.logIn("canbo")
        let page = try clerk.get("/").bodyText
        #expect(page.contains("<td>phu-ly-cqtt-2024</td>"))
        #expect(page.contains("<td>phuong-6-cchc-2023</td>"))
        #expect(page.contains("đã kết thúc"))
        #expect(!page.contains("chiến dịch"))
        let unit = TestBrowser(ward.app)
        try unit.logIn("vanphong")
        let unitPage = try unit.get("/").bodyText
        #expect(unitPage.contains("Văn phòng HĐND và UBND (van-phong)"))
        #expect(unitPage.contains("<td><a href=\"/don-vi/phong-trao/phu-ly-cqtt-2024\">phu-ly-cqtt-2024</a></td>"))
        #expect(!unitPage.contains("<td>phuong-6-cchc-2023</td>"))
        #expect(!unitPage.contains("Danh sách tài khoản"))
    }

    @Test func accountsFileIsPrivateAndRefusedWhenLinked() throws {
        let ward = try TestWard()
        let attributes = try FileManager.default.attributesOfItem(atPath: ward.site.accounts.file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: ward.site.accounts.folder.path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        let linked = try TestWard(accounts: [])
        try FileManager.default.removeItem(at: linked.site.accounts.file)
        try FileManager.default.createSymbolicLink(at: linked.site.accounts.file, withDestinationURL: ward.site.accounts.file)
        #expect(throws: WebError.self) { try linked.site.accounts.all() }
        let broken = try TestWard(accounts: [])
        try Data(#"{"version":1,"accounts":[{"login":"a","role":"vua"}]}"#.utf8).write(to: broken.site.accounts.file)
        let error = try #require(throws: WebError.self) { try broken.site.accounts.all() }
        #expect(error.message.contains("accounts[0]"))
    }
}
