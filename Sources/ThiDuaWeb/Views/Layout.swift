/// The frame of every page: skip link, header with the account and the logout button, main, footer.
public enum Layout {
    /// A whole page. `title` is text (escaped here); `main` is markup built by the caller.
    /// With `hasErrors` the title starts with "Lỗi: " (GOV.UK validation pattern).
    public static func page(title: String, context: RequestContext?, hasErrors: Bool = false, main: String) -> String {
        let base = context?.site.basePath ?? ""
        var header = "<a class=\"brand\" href=\"\(HTML.escape(base))/\">ThiDua · Thi đua, khen thưởng</a>"
        if let context, let account = context.account {
            header += """
                <div class="account"><p>Đang đăng nhập: <strong>\(HTML.escape(account.login))</strong> (\(HTML.escape(account.role.vietnamese)))</p>
                <form method="post" action="\(HTML.escape(base))/dang-xuat">\(HTML.csrfField(context.csrfToken))<button type="submit" class="button-secondary">Đăng xuất</button></form></div>
                """
        }
        let ward = context?.site.name.map { "<p>Phường, xã: \(HTML.escape($0))</p>" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(hasErrors ? "Lỗi: " : "")\(HTML.escape(title)) – ThiDua</title>
            <link rel="stylesheet" href="\(HTML.escape(base))/tai-nguyen/giao-dien.css">
            </head>
            <body>
            <a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
            <header class="site-header"><div class="wrap">\(header)</div></header>
            <main id="noi-dung" class="wrap">
            \(main)
            </main>
            <footer class="site-footer"><div class="wrap">\(ward)<p>ThiDua – phần mềm quản lý phong trào thi đua, khen thưởng.</p></div></footer>
            </body>
            </html>

            """
    }

    /// The GOV.UK error summary: first in main, focused on load, one link per field error.
    public static func errorSummary(_ errors: [FieldError]) -> String {
        guard !errors.isEmpty else { return "" }
        let items = errors.map { "<li><a href=\"#\(HTML.escape($0.field))\">\(HTML.escape($0.message))</a></li>" }.joined(separator: "\n")
        return """
            <div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="tom-tat-loi">
            <h2 id="tom-tat-loi">Có lỗi cần sửa</h2>
            <ul>
            \(items)
            </ul>
            </div>
            """
    }

    /// The inline message for `field`, placed between its label and its control.
    public static func inlineError(_ errors: [FieldError], field: String) -> String {
        guard let error = errors.first(where: { $0.field == field }) else { return "" }
        return "<p id=\"\(HTML.escape(field))-loi\" class=\"error-message\"><span class=\"visually-hidden\">Lỗi:</span> \(HTML.escape(error.message))</p>"
    }

    /// `aria-describedby` pointing at the inline message, when there is one.
    public static func describedBy(_ errors: [FieldError], field: String) -> String {
        errors.contains { $0.field == field } ? " aria-describedby=\"\(HTML.escape(field))-loi\"" : ""
    }
}
