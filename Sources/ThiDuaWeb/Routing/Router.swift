/// A request handler: pure, synchronous, given the request and its context.
public typealias Handler = @Sendable (Request, RequestContext) -> Response

/// Who may reach a route.
public enum Access: Sendable, Equatable {
    /// Anyone, signed in or not (login page, stylesheet).
    case everyone
    /// Any signed-in account.
    case signedIn
    /// Signed-in accounts with one of these roles.
    case roles(Set<Role>)
}

/// Routes by method and path pattern (`/phong-trao/:id/ho-so`), with access checked before the handler.
public struct Router: Sendable {
    struct Route: Sendable {
        var method: String
        var pattern: [Segment]
        var access: Access
        var handler: Handler
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private(set) var routes: [Route] = []

    public init() {}

    /// Adds a route; the first one added wins when two match.
    public mutating func add(_ method: String, _ pattern: String, access: Access, _ handler: @escaping Handler) {
        let segments = pattern.split(separator: "/").map { piece -> Segment in
            piece.hasPrefix(":") ? .parameter(String(piece.dropFirst())) : .literal(String(piece))
        }
        routes.append(Route(method: method, pattern: segments, access: access, handler: handler))
    }

    /// `add("GET", …)`; also answers HEAD.
    public mutating func get(_ pattern: String, access: Access, _ handler: @escaping Handler) {
        add("GET", pattern, access: access, handler)
    }

    /// `add("POST", …)`; the CSRF token is checked before the handler runs.
    public mutating func post(_ pattern: String, access: Access, _ handler: @escaping Handler) {
        add("POST", pattern, access: access, handler)
    }

    /// Finds the route and runs it; 404, 405 (with Allow) or the access refusal otherwise.
    public func respond(_ request: Request, context: RequestContext) -> Response {
        let method = request.method == "HEAD" ? "GET" : request.method
        var allowed: [String] = []
        for route in routes {
            guard let parameters = match(route.pattern, request.segments) else { continue }
            guard route.method == method else {
                allowed.append(route.method)
                continue
            }
            var context = context
            context.parameters = parameters
            switch route.access {
            case .everyone:
                break
            case .signedIn:
                guard context.account != nil else { return Pages.signInRequired(context) }
            case .roles(let roles):
                guard let account = context.account else { return Pages.signInRequired(context) }
                guard roles.contains(account.role) else { return Pages.forbidden(context) }
            }
            return route.handler(request, context)
        }
        if allowed.isEmpty { return Pages.notFound(context) }
        var response = Pages.methodNotAllowed(context)
        let methods = Set(allowed + (allowed.contains("GET") ? ["HEAD"] : []))
        response.headers.set("Allow", methods.sorted().joined(separator: ", "))
        return response
    }

    private func match(_ pattern: [Segment], _ segments: [String]) -> [String: String]? {
        guard pattern.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (part, segment) in zip(pattern, segments) {
            switch part {
            case .literal(let text): guard text == segment else { return nil }
            case .parameter(let name): parameters[name] = segment
            }
        }
        return parameters
    }
}
