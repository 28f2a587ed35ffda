/// The sign-in form (GOV.UK question page and validation pattern).
enum LoginPage {
    static let loginField = "ten-dang-nhap"
    static let passwordField = "mat-khau"

    static func render(_ context: RequestContext, login: String = "", errors: [FieldError] = [], notice: String? = nil) -> String {
        let base = context.site.basePath
        let noticeHTML = notice.map { "<p class=\"notice\" role=\"status\">\(HTML.escape($0))</p>" } ?? ""
        let main = """
            \(Layout.errorSummary(errors))
            <h1>Đăng nhập</h1>
            \(noticeHTML)
            <form method="post" action="\(HTML.escape(base))/dang-nhap" novalidate>
            \(HTML.csrfField(context.csrfToken))
            \(group(errors, field: loginField, label: "Tên đăng nhập", type: "text", value: login, autocomplete: "username"))
            \(group(errors, field: passwordField, label: "Mật khẩu", type: "password", value: "", autocomplete: "current-password"))
            <button type="submit">Đăng nhập</button>
            </form>
            <p>Chưa có tài khoản hoặc quên mật khẩu? Hãy liên hệ người quản trị của phường, xã.</p>
            """
        return Layout.page(title: "Đăng nhập", context: context, hasErrors: !errors.isEmpty, main: main)
    }

    /// Label, inline error, input; the password is never echoed back.
    static func group(_ errors: [FieldError], field: String, label: String, type: String, value: String, autocomplete: String) -> String {
        let hasError = errors.contains { $0.field == field }
        let extra = type == "text" ? " spellcheck=\"false\" autocapitalize=\"none\"" : ""
        return """
            <div class="form-group\(hasError ? " form-group-error" : "")">
            <label for="\(field)">\(HTML.escape(label))</label>
            \(Layout.inlineError(errors, field: field))
            <input id="\(field)" name="\(field)" type="\(type)" autocomplete="\(autocomplete)" value="\(HTML.escape(value))"\(extra)\(Layout.describedBy(errors, field: field))>
            </div>
            """
    }
}
