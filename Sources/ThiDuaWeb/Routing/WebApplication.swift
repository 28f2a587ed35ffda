import Foundation

/// The whole web application as a pure function: `respond(request) -> response`.
///
/// No sockets here: tests call `respond` in-process, and `HTTPServer` calls it for every
/// request it reads. Order: Host check → site by path → security headers → session → CSRF → router.
public final class WebApplication: Sendable {
    /// One workspace at `/`, or one per ward folder at `/<ward>/`.
    public enum Mount: Sendable {
        case single(Site)
        case wards([Site])
    }

    public let mount: Mount
    public let router: Router
    private let middleware: [any Middleware]
    private let clock: @Sendable () -> Date
    private let hostPolicy = Locked<HostPolicy?>(nil)

    /// Builds the application with the standard pages, then lets `configure` add routes.
    /// `middleware` runs after the session and CSRF checks, just before the router.
    public init(
        mount: Mount, clock: @escaping @Sendable () -> Date = { Date() }, middleware extra: [any Middleware] = [],
        configure: (inout Router) -> Void = { _ in }
    ) {
        self.mount = mount
        self.clock = clock
        var router = Router()
        StandardRoutes.register(in: &router)
        configure(&router)
        self.router = router
        middleware = [SecurityHeadersMiddleware(), SessionMiddleware(), CSRFMiddleware()] + extra
    }

    /// Sets the Host values accepted (the server calls it once the port is bound); nil accepts any.
    public func setHostPolicy(_ policy: HostPolicy?) {
        hostPolicy.withLock { $0 = policy }
    }

    /// Answers one request.
    public func respond(_ request: Request) -> Response {
        let now = clock()
        if let policy = hostPolicy.withLock({ $0 }), let refusal = policy.refusal(for: request.headers["Host"]) {
            var response = Pages.bare(refusal)
            SecurityHeadersMiddleware.apply(to: &response)
            return response
        }
        var request = request
        let site: Site
        switch mount {
        case .single(let only):
            site = only
        case .wards(let sites):
            guard let first = request.segments.first else {
                var response = Pages.wardIndex(sites)
                SecurityHeadersMiddleware.apply(to: &response)
                return response
            }
            guard let match = sites.first(where: { $0.name == first }) else {
                var response = Pages.bare(HTTPError(.notFound, "Không có phường, xã «\(first)» trên máy chủ này."))
                SecurityHeadersMiddleware.apply(to: &response)
                return response
            }
            site = match
            request.segments.removeFirst()
            // "/ward" → "/ward/": the cookie's Path is "/ward/", so the browser must be inside it.
            if request.segments.isEmpty && !request.target.hasPrefix(site.basePath + "/") && request.method != "POST" {
                var response = Response.redirect(to: site.link("/"))
                SecurityHeadersMiddleware.apply(to: &response)
                return response
            }
        }
        let context = RequestContext(site: site, now: now)
        return middleware.run(request, context: context) { request, context in router.respond(request, context: context) }
    }
}
