import Foundation
import ThiDuaCore

/// The page listing every spreadsheet download, with the record's search form.
extension SpreadsheetPages {
    static let index: Handler = { _, context in page(context, value: "", errors: []) }

    static func page(_ context: RequestContext, value: String, errors: [FieldError]) -> Response {
        let site = context.site
        let today = WebClock.civilDate(context.now)
        func link(_ path: String, _ text: String) -> String {
            "<a href=\"\(HTML.escape(site.link(path)))\" download>\(HTML.escape(text))</a>"
        }
        var main = Layout.errorSummary(errors) + "\n<h1>Bảng tính Excel để tải về</h1>\n"
        main +=
            "<p>Các danh sách dưới đây giống hệt danh sách lệnh <code>thidua … --format xlsx</code> xuất ra, tính đến ngày \(HTML.escape(today.vietnamese)).</p>\n"
        main += """
            <h2>Danh sách chung</h2>
            <ul>
            <li>\(link("/bang-tinh/danh-sach", "Danh sách đơn vị, cá nhân"))</li>
            <li>\(link("/bang-tinh/tinh-hinh", "Tình hình các phong trào, kèm đơn vị, cá nhân chưa nộp"))</li>
            </ul>

            """
        let office = office(context)
        let campaigns = (try? office.allCampaigns().campaigns) ?? []
        var years: Set<Int> = [today.year]
        if let ledger = try? office.awardLedger() { years.formUnion(ledger.entries.map(\.year)) }
        let yearItems = years.sorted(by: >).map { year in
            "<li>Năm \(year): \(link("/bang-tinh/khen-thuong/\(year)", "khen thưởng năm \(year)")) · \(link("/bang-tinh/tong-hop/\(year)", "báo cáo tổng hợp năm \(year)"))</li>"
        }
        main += "<h2>Khen thưởng theo năm</h2>\n<ul>\n\(yearItems.joined(separator: "\n"))\n</ul>\n"
        main += "<h2>Theo phong trào</h2>\n"
        if campaigns.isEmpty {
            main += "<p>Chưa có phong trào nào.</p>\n"
        } else {
            var rows: [String] = []
            for campaign in campaigns.sorted(by: { $0.plan.id < $1.plan.id }) {
                let id = campaign.plan.id
                var links = [link("/bang-tinh/phong-trao/\(id)/danh-gia", "Đánh giá, xếp hạng")]
                let decisions = (try? office.documents(campaign, kind: .quyetDinh, today: today, strict: false)) ?? []
                for (index, document) in decisions.enumerated() {
                    links.append(link("/bang-tinh/phong-trao/\(id)/quyet-dinh/\(index)", "Danh sách khen thưởng (\(document.name))"))
                }
                rows.append("<tr><td>\(HTML.escape(campaign.plan.name))</td><td>\(links.joined(separator: " · "))</td></tr>")
            }
            main += """
                <table>
                <caption>Bảng tính của từng phong trào</caption>
                <thead><tr><th scope="col">Phong trào</th><th scope="col">Tải về</th></tr></thead>
                <tbody>
                \(rows.joined(separator: "\n"))
                </tbody>
                </table>

                """
        }
        let field = participantField
        let hasError = errors.contains { $0.field == field }
        main += """
            <h2>Quá trình khen thưởng của một đơn vị, cá nhân</h2>
            <form method="get" action="\(HTML.escape(site.link("/bang-tinh/qua-trinh")))" novalidate>
            <div class="\(hasError ? "form-group form-group-error" : "form-group")">
            <label for="\(field)">Mã hoặc tên đơn vị, cá nhân</label>
            <p id="\(field)-goi-y" class="hint">Ví dụ: Văn phòng HĐND và UBND, hoặc một phần họ tên không dấu.</p>
            \(Layout.inlineError(errors, field: field))
            <input type="text" id="\(field)" name="\(field)" value="\(HTML.escape(value))" aria-describedby="\(field)-goi-y\(hasError ? " \(field)-loi" : "")">
            </div>
            <button type="submit">Tải bảng tính</button>
            </form>
            """
        let status = errors.isEmpty ? HTTPStatus.ok : HTTPStatus(422, "Unprocessable Content")
        return .html(Layout.page(title: "Bảng tính Excel", context: context, hasErrors: !errors.isEmpty, main: main), status: status)
    }
}
