import Foundation

/// Finds the browser's session from its cookie and the account behind it.
///
/// A session whose account was disabled, removed or given a new password since sign-in is
/// ended here, on its next request.
public struct SessionMiddleware: Middleware {
    /// The session cookie's name.
    public static let cookieName = "thidua_sid"

    public init() {}

    public func handle(_ request: Request, context: RequestContext, next: (Request, RequestContext) -> Response) -> Response {
        var context = context
        let site = context.site
        if let id = Self.cookie(Self.cookieName, in: request), var session = site.sessions.session(forID: id, now: context.now) {
            if let login = session.login {
                let account: Account?
                do throws(WebError) {
                    account = try site.accounts.account(login)
                } catch {
                    return Pages.serverError(context, message: error.message)
                }
                if let account, !account.disabled, account.password.salt == session.passwordStamp {
                    context.account = account
                } else {
                    site.sessions.destroy(key: session.key)
                    session.login = nil
                    return next(request, context)
                }
            }
            context.session = session
        }
        return next(request, context)
    }

    /// The value of cookie `name` from the request's Cookie headers.
    public static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers.values("Cookie") {
            for pair in header.split(separator: ";") {
                let trimmed = pair.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix(name + "=") { return String(trimmed.dropFirst(name.count + 1)) }
            }
        }
        return nil
    }

    /// The Set-Cookie value that gives the browser session `id`.
    public static func setCookie(_ id: String, site: Site) -> String {
        "\(cookieName)=\(id); Path=\(site.cookiePath); HttpOnly; SameSite=Strict" + (site.sessions.policy.secureCookie ? "; Secure" : "")
    }

    /// The Set-Cookie value that removes the session cookie.
    public static func clearCookie(site: Site) -> String {
        "\(cookieName)=; Path=\(site.cookiePath); Max-Age=0; HttpOnly; SameSite=Strict" + (site.sessions.policy.secureCookie ? "; Secure" : "")
    }
}
