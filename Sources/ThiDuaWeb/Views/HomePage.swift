import ThiDuaCore

/// The signed-in home page: what the role does, and the workspace's campaigns with their phase,
/// read through the back office (`BackOffice.summaries`).
enum HomePage {
    static func render(_ context: RequestContext, account: Account) -> String {
        let site = context.site
        let office = BackOffice(workspace: site.workspace, registry: site.registry)
        var rows = office.summaries(today: WebClock.civilDate(context.now))
        // A unit head sees the campaigns his unit is enrolled in, and no broken file of anyone.
        if account.role == .unit {
            let unit = account.unit ?? ""
            rows = rows.filter { $0.problem == nil && $0.units.contains(unit) }
        }
        let table: String
        if rows.isEmpty {
            table = account.role == .unit ? "<p>Đơn vị chưa tham gia phong trào nào.</p>" : "<p>Chưa có phong trào nào.</p>"
        } else {
            let body = rows.map { row in
                """
                <tr><td>\(link(account.role, row.id, site: site))</td><td>\(HTML.escape(row.name))</td><td>\(HTML.escape(row.problem ?? row.phase?.vietnamese ?? ""))</td><td>\(row.problem == nil ? String(row.units.count) : "–")</td></tr>
                """
            }.joined(separator: "\n")
            table = """
                <table>
                <caption>Các phong trào thi đua</caption>
                <thead><tr><th scope="col">Mã</th><th scope="col">Tên phong trào</th><th scope="col">Giai đoạn</th><th scope="col">Đơn vị tham gia</th></tr></thead>
                <tbody>
                \(body)
                </tbody>
                </table>
                """
        }
        let main = """
            <h1>Trang chính</h1>
            <p>\(HTML.escape(intro(account, office: office)))</p>
            \(account.role == .admin ? "<p><a href=\"\(HTML.escape(site.link("/quan-tri/tai-khoan")))\">Danh sách tài khoản</a></p>" : "")
            \([.admin, .clerk, .viewer].contains(account.role) ? "<p><a href=\"\(HTML.escape(site.link("/bang-theo-doi")))\">Bảng theo dõi các phong trào</a></p>" : "")
            \([.admin, .clerk].contains(account.role) ? "<p><a href=\"\(HTML.escape(site.link("/can-bo/phong-trao")))\">Công việc của cán bộ thi đua: phát động, thẩm định, bình xét, quyết định</a></p>" : "")
            <h2>Phong trào</h2>
            \(table)
            """
        return Layout.page(title: "Trang chính", context: context, main: main)
    }

    /// The campaign id, linked to the role's own page of it (unit and council).
    static func link(_ role: Role, _ id: String, site: Site) -> String {
        let path: String
        switch role {
        case .unit: path = "/don-vi/phong-trao/\(id)"
        case .council: path = "/hoi-dong/phong-trao/\(id)"
        default: return HTML.escape(id)
        }
        return "<a href=\"\(HTML.escape(site.link(path)))\">\(HTML.escape(id))</a>"
    }

    static func intro(_ account: Account, office: BackOffice) -> String {
        switch account.role {
        case .admin: return "Bạn quản trị các tài khoản của phường, xã và theo dõi mọi phong trào thi đua."
        case .clerk: return "Bạn theo dõi các phong trào thi đua: đơn vị tham gia, báo cáo, hồ sơ khen thưởng."
        case .council: return "Bạn là thành viên Hội đồng Thi đua – Khen thưởng: xem kết quả các phong trào và hồ sơ đề nghị khen thưởng."
        case .viewer: return "Tài khoản của bạn chỉ được xem."
        case .unit:
            let id = account.unit ?? ""
            let name = (try? office.roster())?.unit(id)?.name
            return "Bạn làm việc thay mặt đơn vị «\(name.map { "\($0) (\(id))" } ?? id)». Dưới đây là các phong trào đơn vị đã tham gia."
        }
    }
}
