import Foundation
import ThiDuaCore

/// The routes that need no back office: sign-in, sign-out, home, the account list, the stylesheet.
enum StandardRoutes {
    static func register(in router: inout Router) {
        router.get("/tai-nguyen/giao-dien.css", access: .everyone) { _, _ in
            var response = Response(
                status: .ok, headers: HTTPHeaders([("Content-Type", "text/css; charset=utf-8"), ("Cache-Control", "public, max-age=3600")]),
                body: Array(Stylesheet.css.utf8))
            response.headers.set("X-Content-Type-Options", "nosniff")
            return response
        }
        router.get("/dang-nhap", access: .everyone, loginForm)
        router.post("/dang-nhap", access: .everyone, login)
        router.post("/dang-xuat", access: .everyone, logout)
        router.get("/", access: .everyone) { request, context in
            guard let account = context.account else { return Pages.signInRequired(context) }
            return .html(HomePage.render(context, account: account))
        }
        UnitPages.register(in: &router)
        DashboardPage.register(in: &router)
        CouncilPages.register(in: &router)
        DocumentPages.register(in: &router)
        ClerkPages.register(in: &router)
        EvidencePages.register(in: &router)
        EvidencePages.registerWithdrawal(in: &router)
        ClerkWithdrawalPage.register(in: &router)
        router.get("/quan-tri/tai-khoan", access: .roles([.admin])) { _, context in
            do throws(WebError) {
                return .html(AccountsPage.render(context, accounts: try context.site.accounts.all()))
            } catch {
                return Pages.serverError(context, message: error.message)
            }
        }
    }

    /// GET /dang-nhap: the form, with a pre-session that carries its CSRF token.
    static let loginForm: Handler = { request, context in
        if context.account != nil { return .redirect(to: context.site.link("/")) }
        var context = context
        var cookie: String?
        if context.session == nil {
            let (id, session) = context.site.sessions.create(login: nil, now: context.now)
            context.session = session
            cookie = SessionMiddleware.setCookie(id, site: context.site)
        }
        let notice = request.query["da-dang-xuat"] != nil ? "Bạn đã đăng xuất." : nil
        var response = Response.html(LoginPage.render(context, notice: notice))
        if let cookie { response.headers.add("Set-Cookie", cookie) }
        return response
    }

    /// POST /dang-nhap: checks the fields, the throttle, the password; a new session on success.
    static let login: Handler = { request, context in
        let site = context.site
        let login = (context.form[LoginPage.loginField] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = context.form[LoginPage.passwordField] ?? ""
        var errors: [FieldError] = []
        if login.isEmpty { errors.append(FieldError(field: LoginPage.loginField, message: "Nhập tên đăng nhập")) }
        if password.isEmpty { errors.append(FieldError(field: LoginPage.passwordField, message: "Nhập mật khẩu")) }
        guard errors.isEmpty else {
            return .html(LoginPage.render(context, login: login, errors: errors), status: HTTPStatus(422, "Unprocessable Content"))
        }
        // Only the account's own login name reaches the journal as actor; anything else typed is "khách".
        let safeLogin = Account.loginProblem(login) == nil ? login : "khách"
        let address = request.remoteAddress
        if let wait = site.throttle.wait(login: safeLogin, address: address, now: context.now) {
            try? site.accessLog.record(AccessLog.loginFailed, actor: safeLogin, AccessPayload(address: address, reason: "tạm khóa"), at: context.now)
            let minutes = max(1, Int((wait / 60).rounded(.up)))
            let error = FieldError(
                field: LoginPage.loginField, message: "Đăng nhập sai nhiều lần nên tạm bị khóa. Hãy thử lại sau \(minutes) phút.")
            return .html(LoginPage.render(context, login: login, errors: [error]), status: .tooManyRequests)
        }
        let account: Account?
        do throws(WebError) {
            account = Account.loginProblem(login) == nil ? try site.accounts.account(login) : nil
        } catch {
            return Pages.serverError(context, message: error.message)
        }
        site.passwordGate.wait()
        // An unknown login still costs one PBKDF2 run, so timing does not tell which logins exist.
        let matches = account.map { $0.password.verify(password) } ?? site.verifyAgainstDummy(password)
        site.passwordGate.signal()
        guard let account, matches, !account.disabled else {
            site.throttle.recordFailure(login: safeLogin, address: address, now: context.now)
            let reason = account == nil ? "không có tài khoản" : (matches ? "tài khoản bị khóa" : "sai mật khẩu")
            try? site.accessLog.record(AccessLog.loginFailed, actor: safeLogin, AccessPayload(address: address, reason: reason), at: context.now)
            let error = FieldError(field: LoginPage.passwordField, message: "Tên đăng nhập hoặc mật khẩu không đúng")
            return .html(LoginPage.render(context, login: login, errors: [error]), status: HTTPStatus(422, "Unprocessable Content"))
        }
        site.throttle.recordSuccess(login: login)
        // The pre-session ends; a new id is issued at the privilege change (session fixation).
        if let old = context.session { site.sessions.destroy(key: old.key) }
        do throws(WebError) {
            try site.accessLog.record(AccessLog.login, actor: account.login, AccessPayload(address: address), at: context.now)
        } catch {
            return Pages.serverError(context, message: error.message)
        }
        let (id, _) = site.sessions.create(login: account.login, passwordStamp: account.password.salt, now: context.now)
        var response = Response.redirect(to: site.link("/"))
        response.headers.add("Set-Cookie", SessionMiddleware.setCookie(id, site: site))
        return response
    }

    /// POST /dang-xuat: ends the session and says so on the login page.
    static let logout: Handler = { request, context in
        let site = context.site
        if let session = context.session {
            site.sessions.destroy(key: session.key)
            if let account = context.account {
                try? site.accessLog.record(AccessLog.logout, actor: account.login, AccessPayload(address: request.remoteAddress), at: context.now)
            }
        }
        var response = Response.redirect(to: site.link("/dang-nhap?da-dang-xuat=1"))
        response.headers.add("Set-Cookie", SessionMiddleware.clearCookie(site: site))
        response.headers.set("Clear-Site-Data", "\"cache\"")
        return response
    }
}
