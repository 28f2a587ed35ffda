/// A step around the router: it may answer early or change the response on the way out.
public protocol Middleware: Sendable {
    func handle(_ request: Request, context: RequestContext, next: (Request, RequestContext) -> Response) -> Response
}

extension Array where Element == any Middleware {
    /// Runs the chain in order, ending with `last`.
    func run(_ request: Request, context: RequestContext, last: (Request, RequestContext) -> Response) -> Response {
        func step(_ index: Int, _ request: Request, _ context: RequestContext) -> Response {
            guard index < count else { return last(request, context) }
            return self[index].handle(request, context: context) { step(index + 1, $0, $1) }
        }
        return step(0, request, context)
    }
}
