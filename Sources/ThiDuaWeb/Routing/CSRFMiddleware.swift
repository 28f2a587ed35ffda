/// Refuses every POST that does not carry the session's synchronizer token (`_csrf`).
///
/// Checked first: `Sec-Fetch-Site`, when the browser sends it, must be `same-origin`, and
/// `Origin`, when present, must be this server (OWASP CSRF Prevention Cheat Sheet). Then the
/// body is parsed once here (urlencoded or multipart) and handed to the handler in the context.
public struct CSRFMiddleware: Middleware {
    /// The form field holding the token.
    public static let fieldName = "_csrf"

    public init() {}

    public func handle(_ request: Request, context: RequestContext, next: (Request, RequestContext) -> Response) -> Response {
        guard request.method == "POST" else { return next(request, context) }
        var context = context
        if let site = request.headers["Sec-Fetch-Site"], site.lowercased() != "same-origin" {
            return Pages.csrfRefused(context, reason: "Yêu cầu đến từ một trang khác (Sec-Fetch-Site: \(site)).")
        }
        if let origin = request.headers["Origin"] {
            let host = request.headers["Host"] ?? ""
            guard origin == "http://" + host || origin == "https://" + host else {
                return Pages.csrfRefused(context, reason: "Yêu cầu đến từ một nguồn khác (Origin: \(origin)).")
            }
        }
        let token: String?
        switch request.mediaType {
        case "application/x-www-form-urlencoded":
            do throws(HTTPError) { context.form = try FormData(urlencoded: request.body) } catch { return Pages.badRequest(context, message: error.message) }
            token = context.form[Self.fieldName]
        case "multipart/form-data":
            do throws(HTTPError) {
                let parts = try MultipartForm(body: request.body, contentType: request.headers["Content-Type"] ?? "")
                context.multipart = parts
                token = parts[Self.fieldName]?.text
            } catch {
                return Pages.badRequest(context, message: error.message)
            }
        default:
            return Pages.csrfRefused(context, reason: "Biểu mẫu không được gửi theo cách trình duyệt gửi.")
        }
        guard let session = context.session else {
            return Pages.csrfRefused(context, reason: "Phiên làm việc đã hết hạn hoặc trình duyệt chặn cookie.")
        }
        guard let token, ConstantTime.equals(token, session.csrfToken) else {
            return Pages.csrfRefused(context, reason: "Mã bảo vệ của biểu mẫu không khớp với phiên làm việc.")
        }
        return next(request, context)
    }
}
