import ThiDuaCore

/// The signed-in home page: what the role does, and the workspace's campaigns with their phase.
enum HomePage {
    /// One campaign row, read with Core (loader, journal, state, phase).
    struct Row {
        var id: String
        var name: String
        var phase: String
        var units: Int
        var problem: String?
    }

    static func render(_ context: RequestContext, account: Account) -> String {
        let site = context.site
        var rows = campaigns(site, today: WebClock.civilDate(context.now), unit: account.role == .unit ? account.unit ?? "" : nil)
        rows.sort { $0.id < $1.id }
        let table: String
        if rows.isEmpty {
            table = account.role == .unit ? "<p>Đơn vị chưa tham gia phong trào nào.</p>" : "<p>Chưa có phong trào nào.</p>"
        } else {
            let body = rows.map { row in
                """
                <tr><td>\(link(account.role, row.id, site: site))</td><td>\(HTML.escape(row.name))</td><td>\(HTML.escape(row.problem ?? row.phase))</td><td>\(row.problem == nil ? String(row.units) : "–")</td></tr>
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
            <p>\(HTML.escape(intro(account, site: site)))</p>
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

    static func intro(_ account: Account, site: Site) -> String {
        switch account.role {
        case .admin: return "Bạn quản trị các tài khoản của phường, xã và theo dõi mọi phong trào thi đua."
        case .clerk: return "Bạn theo dõi các phong trào thi đua: đơn vị tham gia, báo cáo, hồ sơ khen thưởng."
        case .council: return "Bạn là thành viên Hội đồng Thi đua – Khen thưởng: xem kết quả các phong trào và hồ sơ đề nghị khen thưởng."
        case .viewer: return "Tài khoản của bạn chỉ được xem."
        case .unit:
            let id = account.unit ?? ""
            let name = (try? site.workspace.loadRoster())?.unit(id)?.name
            return "Bạn làm việc thay mặt đơn vị «\(name.map { "\($0) (\(id))" } ?? id)». Dưới đây là các phong trào đơn vị đã tham gia."
        }
    }

    /// Every campaign of the workspace; with `unit`, only those that unit is enrolled in.
    static func campaigns(_ site: Site, today: CivilDate, unit: String?) -> [Row] {
        let loader = CampaignLoader(registry: site.registry)
        var rows: [Row] = []
        for id in site.workspace.campaignIDs() {
            guard let url = site.workspace.campaignFile(id) else { continue }
            let result = loader.load(path: url.path, displayName: site.workspace.display(url))
            guard let plan = result.validPlan else {
                if unit == nil {
                    rows.append(Row(id: id, name: "", phase: "", units: 0, problem: "Tệp phong trào có lỗi; cán bộ thi đua cần chạy «thidua check \(id)»."))
                }
                continue
            }
            let state: CampaignState
            do throws(JournalError) {
                state = CampaignState(events: try site.workspace.journal(for: plan.id).read().events)
            } catch {
                if unit == nil {
                    rows.append(Row(id: id, name: plan.name, phase: "", units: 0, problem: "Không đọc được nhật ký: \(error.message)"))
                }
                continue
            }
            if let unit, !state.units.contains(unit) { continue }
            rows.append(Row(id: plan.id, name: plan.name, phase: CampaignPhase.of(plan, state: state, on: today).vietnamese, units: state.units.count))
        }
        return rows
    }
}
