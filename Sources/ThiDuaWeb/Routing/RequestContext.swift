import Foundation

/// What a handler knows about the request beyond its bytes; middleware fills it in order.
public struct RequestContext: Sendable {
    /// The workspace this request is for.
    public let site: Site
    /// The request's time (injected clock in tests).
    public let now: Date
    /// `:name` segments of the matched route, decoded.
    public var parameters: [String: String] = [:]
    /// The browser's session (anonymous before sign-in), set by `SessionMiddleware`.
    public var session: Session?
    /// The signed-in account, set by `SessionMiddleware` when the session has one.
    public var account: Account?
    /// A session created during this request whose cookie must be sent.
    public var newSessionID: String?
    /// The POST body as urlencoded fields (CSRF token checked), set by `CSRFMiddleware`.
    public var form = FormData()
    /// The POST body as multipart parts (CSRF token checked), set by `CSRFMiddleware`.
    public var multipart: MultipartForm?

    public init(site: Site, now: Date) {
        self.site = site
        self.now = now
    }

    /// The CSRF token to put in this page's forms, if a session exists.
    public var csrfToken: String? { session?.csrfToken }
}
