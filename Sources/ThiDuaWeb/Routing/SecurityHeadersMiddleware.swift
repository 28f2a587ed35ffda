/// Adds the security headers of docs/web-server.md to every response.
public struct SecurityHeadersMiddleware: Middleware {
    /// No script at all; styles and images from this server only; forms post only here; no framing.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    public init() {}

    public func handle(_ request: Request, context: RequestContext, next: (Request, RequestContext) -> Response) -> Response {
        var response = next(request, context)
        Self.apply(to: &response)
        return response
    }

    /// Sets the headers on `response`, keeping a `Cache-Control` a handler chose.
    public static func apply(to response: inout Response) {
        response.headers.set("Content-Security-Policy", contentSecurityPolicy)
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("X-Frame-Options", "DENY")
        // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on same-origin POSTs.
        response.headers.set("Referrer-Policy", "same-origin")
        response.headers.set("Cross-Origin-Opener-Policy", "same-origin")
        if response.headers["Cache-Control"] == nil { response.headers.set("Cache-Control", "no-store") }
    }
}
