import Foundation
import ThiDuaCore
import ThiDuaRender

/// The clerk's documents of a campaign (`office.documents`), each downloadable as HTML, DOCX or CSV.
enum DocumentPages {
    static let formats = ["html", "docx", "csv"]

    static func register(in router: inout Router) {
        router.get("/can-bo/phong-trao/:campaign/tai-lieu", access: .roles([.admin, .clerk]), list)
        router.get("/can-bo/phong-trao/:campaign/tai-lieu/:kind/:index/:format", access: .roles([.admin, .clerk]), download)
    }

    static func documents(_ context: RequestContext, kind: DocumentKind) -> Result<(OpenCampaign, [IssuedDocument]), PageRefusal> {
        switch CouncilPages.open(context) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let campaign):
            do throws(OfficeError) {
                let found = try UnitPages.office(context).documents(campaign, kind: kind, today: WebClock.civilDate(context.now), strict: false)
                return .success((campaign, found))
            } catch {
                return .failure(PageRefusal(Pages.message(context, status: .notFound, title: "Chưa có tài liệu", text: error.message)))
            }
        }
    }

    static let list: Handler = { _, context in
        guard case .success(let campaign) = CouncilPages.open(context) else { return Pages.notFound(context) }
        let base = context.site.link("/can-bo/phong-trao/\(campaign.plan.id)/tai-lieu")
        var rows: [String] = []
        for kind in DocumentKind.allCases {
            guard case .success(let (_, found)) = documents(context, kind: kind) else { continue }
            for (index, document) in found.enumerated() {
                let links = formats.map { format in
                    "<a href=\"\(HTML.escape("\(base)/\(kind.rawValue)/\(index)/\(format)"))\" download>\(format.uppercased())<span class=\"visually-hidden\"> – \(HTML.escape(document.name))</span></a>"
                }.joined(separator: " · ")
                rows.append("<tr><td>\(HTML.escape(kind.vietnamese))</td><td>\(HTML.escape(document.name))</td><td>\(links)</td></tr>")
            }
        }
        let main = """
            <h1>Tài liệu – \(HTML.escape(campaign.plan.name))</h1>
            <p><a href="\(HTML.escape(context.site.link("/can-bo/phong-trao/\(campaign.plan.id)/minh-chung")))">Minh chứng các đơn vị đã gửi</a> · <a href="\(HTML.escape(context.site.link("/bang-tinh")))">Bảng tính Excel để tải về</a></p>
            \(rows.isEmpty ? "<p>Phong trào chưa có tài liệu nào.</p>" : """
            <table>
            <caption>Tài liệu của phong trào, tải về</caption>
            <thead><tr><th scope="col">Loại</th><th scope="col">Tên tệp</th><th scope="col">Tải về</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """)
            """
        return .html(Layout.page(title: "Tài liệu", context: context, main: main))
    }

    static let download: Handler = { _, context in
        guard let kind = context.parameters["kind"].flatMap(DocumentKind.init(rawValue:)), let index = context.parameters["index"].flatMap({ Int($0) }),
            let format = context.parameters["format"], formats.contains(format)
        else { return Pages.notFound(context) }
        let (campaign, found): (OpenCampaign, [IssuedDocument])
        switch documents(context, kind: kind) {
        case .failure(let refusal): return refusal.response
        case .success(let result): (campaign, found) = result
        }
        guard found.indices.contains(index) else { return Pages.notFound(context) }
        let document = found[index]
        let body: [UInt8]
        let type: String
        switch format {
        case "docx":
            do throws(ZipError) {
                body = try DOCXRenderer().render(document.document)
            } catch {
                return Pages.serverError(context, message: "Không tạo được tệp DOCX.")
            }
            type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "csv":
            let tables = CSVRenderer().render(document.document)
            guard !tables.isEmpty else {
                return Pages.message(context, status: .notFound, title: "Không có bảng", text: "Tài liệu này không có bảng nào để xuất CSV.")
            }
            body = Array(tables.joined(separator: "\r\n").utf8)
            type = "text/csv; charset=utf-8"
        default:
            body = Array(HTMLRenderer().render(document.document).utf8)
            type = "text/html; charset=utf-8"
        }
        let name = safeFileName("\(campaign.plan.id)-\(document.name).\(format)")
        return Response(
            status: .ok,
            headers: HTTPHeaders([
                ("Content-Type", type), ("Content-Disposition", "attachment; filename=\"\(name)\""), ("X-Content-Type-Options", "nosniff"),
            ]),
            body: body)
    }

    /// ASCII letters, digits, `.`, `-`, `_` only, so the header needs no quoting rules.
    static func safeFileName(_ name: String) -> String {
        let kept = name.unicodeScalars.map { scalar -> Character in
            let ok =
                (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || "._-".unicodeScalars.contains(scalar)
            return ok ? Character(scalar) : "_"
        }
        let text = String(kept)
        return text.isEmpty || text.hasPrefix(".") ? "tai-lieu" + text : text
    }
}
