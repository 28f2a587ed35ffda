/// The admin's list of accounts (read only; changes go through `thidua user`).
enum AccountsPage {
    static func render(_ context: RequestContext, accounts: [Account]) -> String {
        let rows = accounts.map { account in
            """
            <tr><td>\(HTML.escape(account.login))</td><td>\(HTML.escape(account.role.vietnamese))</td><td>\(HTML.escape(account.unit ?? "–"))</td><td>\(account.disabled ? "đã khóa" : "đang dùng")</td></tr>
            """
        }.joined(separator: "\n")
        let main = """
            <h1>Tài khoản</h1>
            <p>Thêm, khóa hoặc đặt lại mật khẩu bằng lệnh <code>thidua user</code> trên máy chủ.</p>
            <table>
            <caption>Các tài khoản của phường, xã</caption>
            <thead><tr><th scope="col">Tên đăng nhập</th><th scope="col">Vai trò</th><th scope="col">Đơn vị</th><th scope="col">Trạng thái</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            """
        return Layout.page(title: "Tài khoản", context: context, main: main)
    }
}
