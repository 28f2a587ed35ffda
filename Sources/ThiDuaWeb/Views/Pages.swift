/// The small pages every route may end on: refusals and errors, in Vietnamese.
public enum Pages {
    /// 404 inside a site.
    public static func notFound(_ context: RequestContext) -> Response {
        message(
            context, status: .notFound, title: "Không tìm thấy trang", text: "Địa chỉ này không có trang nào. Hãy kiểm tra lại địa chỉ, hoặc về trang chính.")
    }

    /// 403: signed in, but the role may not open this page.
    public static func forbidden(_ context: RequestContext) -> Response {
        message(
            context, status: .forbidden, title: "Không có quyền truy cập",
            text: "Tài khoản của bạn không được mở trang này. Nếu bạn cần dùng trang này, hãy liên hệ người quản trị của phường, xã.")
    }

    /// 403: a POST without the right CSRF token, or sent from another site.
    public static func csrfRefused(_ context: RequestContext, reason: String) -> Response {
        message(
            context, status: .forbidden, title: "Yêu cầu bị từ chối",
            text: "Biểu mẫu đã hết hạn hoặc không được gửi từ trang của ThiDua, nên không có gì được ghi lại. \(reason) Hãy tải lại trang, rồi gửi lại.")
    }

    /// 405 with the methods the path accepts (the router adds Allow).
    public static func methodNotAllowed(_ context: RequestContext) -> Response {
        message(context, status: .methodNotAllowed, title: "Phương thức không được hỗ trợ", text: "Trang này không nhận yêu cầu kiểu này.")
    }

    /// 400 for a body that cannot be read.
    public static func badRequest(_ context: RequestContext, message text: String) -> Response {
        message(context, status: .badRequest, title: "Yêu cầu không hợp lệ", text: text + " Không có gì được ghi lại.")
    }

    /// 500 with what went wrong (never a stack trace).
    public static func serverError(_ context: RequestContext, message text: String) -> Response {
        message(context, status: .internalServerError, title: "Lỗi máy chủ", text: text)
    }

    /// Not signed in: to the login page (303), which comes back to the home page after.
    public static func signInRequired(_ context: RequestContext) -> Response {
        Response.redirect(to: context.site.link("/dang-nhap"))
    }

    /// A page with a heading, a paragraph and a link home.
    public static func message(_ context: RequestContext, status: HTTPStatus, title: String, text: String) -> Response {
        let main = """
            <h1>\(HTML.escape(title))</h1>
            <p>\(HTML.escape(text))</p>
            <p><a href="\(HTML.escape(context.site.link("/")))">Về trang chính</a></p>
            """
        return .html(Layout.page(title: title, context: context, main: main), status: status)
    }

    /// A page outside any site (Host refused, unknown ward).
    public static func bare(_ error: HTTPError) -> Response {
        let main = "<h1>Không phục vụ được yêu cầu</h1>\n<p>\(HTML.escape(error.message))</p>"
        return .html(Layout.page(title: "Không phục vụ được yêu cầu", context: nil, main: main), status: error.status)
    }

    /// `--root`: the list of wards, each a link to its own site.
    public static func wardIndex(_ sites: [Site]) -> Response {
        let items = sites.compactMap { site in
            site.name.map { "<li><a href=\"\(HTML.escape(site.link("/")))\">\(HTML.escape($0))</a></li>" }
        }
        let list = items.isEmpty ? "<p>Chưa có phường, xã nào.</p>" : "<ul>\n\(items.joined(separator: "\n"))\n</ul>"
        let main = "<h1>Chọn phường, xã</h1>\n<p>Mỗi phường, xã có tài khoản riêng.</p>\n\(list)"
        return .html(Layout.page(title: "Chọn phường, xã", context: nil, main: main))
    }
}
