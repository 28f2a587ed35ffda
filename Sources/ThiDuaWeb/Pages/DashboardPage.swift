import Foundation
import ThiDuaCore

/// The dashboard of the clerk, the admin and the viewer (read-only): every campaign side by side,
/// the deadlines on a timeline with who has not sent what (by name), each campaign's indicators
/// against their targets and its standings, as SVG charts each followed by its table.
enum DashboardPage {
    static func register(in router: inout Router) {
        router.get("/bang-theo-doi", access: .roles([.admin, .clerk, .viewer]), render)
    }

    /// How far ahead the timeline of every campaign looks.
    static let horizon = 60

    static let render: Handler = { _, context in
        let office = BackOffice(workspace: context.site.workspace, registry: context.site.registry)
        let today = WebClock.civilDate(context.now)
        let dashboard: Dashboard
        do throws(OfficeError) {
            dashboard = try office.dashboard(today: today, days: horizon)
        } catch {
            return Pages.serverError(context, message: error.message)
        }
        let statuses = dashboard.campaigns.map(\.status)
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
            let names = Dictionary(statuses.map { ($0.campaign, $0.name) }, uniquingKeysWith: { first, _ in first })
            main += "<h2>Việc quá hạn và việc đến hạn trong \(horizon) ngày tới</h2>\n"
            if dashboard.overdue.isEmpty && dashboard.upcoming.isEmpty {
                main += "<p>Không có việc quá hạn, cũng không có việc đến hạn trong \(horizon) ngày tới.</p>\n"
            } else {
                main +=
                    Charts.deadlines(
                        dashboard.overdue + dashboard.upcoming, id: "bd-han", title: "Các thời hạn của mọi phong trào", today: today,
                        roster: dashboard.roster, campaignNames: names
                    ).html
            }
        }
        for (index, campaign) in dashboard.campaigns.enumerated() {
            let status = campaign.status
            main += "<h2>\(HTML.escape(status.name))</h2>\n"
            if context.account?.role != .viewer {
                let documents = context.site.link("/can-bo/phong-trao/\(status.campaign)/tai-lieu")
                main += "<p><a href=\"\(HTML.escape(documents))\">Tài liệu của phong trào (tải về)</a></p>\n"
            }
            main += "<h3>Thời hạn</h3>\n"
            if status.milestones.isEmpty {
                main += "<p>Phong trào không có thời hạn nào.</p>\n"
            } else {
                var timeline = Charts.deadlines(
                    status.milestones, id: "bd-\(index)-han", title: "Thời hạn – \(status.name)", today: today, roster: dashboard.roster)
                timeline.window = 183
                main += timeline.html
            }
            main += "<h3>Chỉ tiêu so với kế hoạch (\(HTML.escape(campaign.evaluation.period.vietnamese)))</h3>\n"
            var drawn = 0
            if let chart = Charts.campaignIndicators(campaign.progress, id: "bd-\(index)-chung", campaign: status.name) {
                main += chart.html
                drawn += 1
            }
            for (number, item) in campaign.progress.enumerated() {
                guard let chart = Charts.indicator(item, id: "bd-\(index)-ct-\(number)") else { continue }
                main += chart.html
                drawn += 1
            }
            if drawn == 0 { main += "<p>Kế hoạch không đặt chỉ tiêu đo được bằng số.</p>\n" }
            main += "<h3>Xếp hạng</h3>\n"
            main += Charts.standings(campaign.evaluation, id: "bd-\(index)-xh", campaign: status.name).html
        }
        if !dashboard.skipped.isEmpty {
            main +=
                "<h2>Tệp phong trào có lỗi</h2>\n<ul>\n"
                + dashboard.skipped.map { "<li>\(HTML.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        return .html(Layout.page(title: "Bảng theo dõi", context: context, main: main))
    }
}
