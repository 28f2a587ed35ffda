import Foundation
import ThiDuaCore

/// The dashboard of the clerk, the admin and the viewer (read-only): every campaign side by side,
/// what each milestone has received, and who has not sent it, by name; with an SVG chart.
enum DashboardPage {
    static func register(in router: inout Router) {
        router.get("/bang-theo-doi", access: .roles([.admin, .clerk, .viewer]), render)
    }

    static let render: Handler = { _, context in
        let office = BackOffice(workspace: context.site.workspace, registry: context.site.registry)
        let today = WebClock.civilDate(context.now)
        let statuses: [CampaignStatus]
        let skipped: [String]
        let roster: Roster
        do throws(OfficeError) {
            (statuses, skipped) = try office.status(today: today)
            roster = try office.roster()
        } catch {
            return Pages.serverError(context, message: error.message)
        }
        var main = "<h1>Bảng theo dõi các phong trào</h1>\n<p>Tình hình đến ngày \(HTML.escape(today.vietnamese)).</p>\n"
        main += "<p><a href=\"\(HTML.escape(context.site.link("/bang-tinh")))\">Bảng tính Excel để tải về</a></p>\n"
        if statuses.isEmpty { main += "<p>Chưa có phong trào nào.</p>\n" }
        let overview = statuses.map { status in
            "<tr><td>\(HTML.escape(status.name))</td><td>\(HTML.escape(status.phase.vietnamese))</td><td>\(status.units)</td><td>\(status.people)</td><td>\(status.submissions)</td><td>\(status.overdue.count)</td></tr>"
        }
        if !statuses.isEmpty {
            main += """
                <table>
                <caption>Các phong trào, cạnh nhau</caption>
                <thead><tr><th scope="col">Phong trào</th><th scope="col">Giai đoạn</th><th scope="col">Đơn vị</th><th scope="col">Cá nhân</th><th scope="col">Lần nộp hồ sơ</th><th scope="col">Việc quá hạn</th></tr></thead>
                <tbody>
                \(overview.joined(separator: "\n"))
                </tbody>
                </table>

                """
        }
        for (index, status) in statuses.enumerated() {
            let milestones = status.milestones
            main += "<h2>\(HTML.escape(status.name))</h2>\n"
            if context.account?.role != .viewer {
                let documents = context.site.link("/can-bo/phong-trao/\(status.campaign)/tai-lieu")
                main += "<p><a href=\"\(HTML.escape(documents))\">Tài liệu của phong trào (tải về)</a></p>\n"
            }
            guard !milestones.isEmpty else {
                main += "<p>Phong trào không có thời hạn nào.</p>\n"
                continue
            }
            let forms = milestones.filter { $0.form != nil }
            if !forms.isEmpty {
                main += ProgressChart.svg(forms, id: "bieu-do-\(index)", title: "Số hồ sơ đã nhận theo thời hạn – \(status.name)", today: today)
            }
            let rows = milestones.map { milestone -> String in
                let missing = office.names(milestone.missing, roster: roster)
                let who = missing.isEmpty ? "–" : missing.joined(separator: ", ")
                return
                    "<tr><td>\(HTML.escape(milestone.title))</td><td>\(HTML.escape(milestone.due.vietnamese))</td><td>\(HTML.escape(milestone.fraction))</td><td>\(HTML.escape(state(milestone.state)))</td><td>\(HTML.escape(who))</td></tr>"
            }
            main += """
                <table>
                <caption>Thời hạn và những đơn vị, cá nhân chưa nộp – \(HTML.escape(status.name))</caption>
                <thead><tr><th scope="col">Việc cần nộp</th><th scope="col">Hạn</th><th scope="col">Đã nhận</th><th scope="col">Tình trạng</th><th scope="col">Chưa nộp</th></tr></thead>
                <tbody>
                \(rows.joined(separator: "\n"))
                </tbody>
                </table>

                """
        }
        if !skipped.isEmpty {
            main +=
                "<h2>Tệp phong trào có lỗi</h2>\n<ul>\n"
                + skipped.map { "<li>\(HTML.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        return .html(Layout.page(title: "Bảng theo dõi", context: context, main: main))
    }

    static func state(_ state: MilestoneProgress.State) -> String {
        switch state {
        case .done: "Đã đủ"
        case .overdue: "Quá hạn, còn thiếu"
        case .upcoming: "Chưa đến hạn"
        case .marker: "Mốc thời gian"
        }
    }
}
