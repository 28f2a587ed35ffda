import Foundation
import ThiDuaCore

/// The clerk's work in the browser (cán bộ thi đua; the admin may do it too): a campaign's
/// phases, enrolment and locks here; appraisal, council review, decision and roster import in
/// their own pages. Every handler parses the form, calls `BackOffice` and renders the result or
/// the refusal; the actor is the signed-in account.
enum ClerkPages {
    /// Who may reach every clerk route.
    static let access = Access.roles([.admin, .clerk])

    /// What a finished action says on the page it redirects to (`?da=<code>`): fixed texts, so
    /// a link cannot put words of its own on the page.
    static let notices: [String: String] = [
        "phat-dong": "Đã ghi nhận phát động phong trào.",
        "ghi-danh": "Đã ghi danh đơn vị, cá nhân vào phong trào.",
        "rut-khoi": "Đã rút đơn vị, cá nhân khỏi phong trào; lý do đã được ghi vào nhật ký.",
        "khong-co-ai-moi": "Các đơn vị, cá nhân đã chọn đều đã tham gia phong trào; không ghi gì thêm.",
        "khoa": "Đã khóa kết quả của kỳ đánh giá.",
        "mo-khoa": "Đã mở khóa kết quả của kỳ đánh giá.",
        "ket-thuc": "Đã ghi nhận kết thúc phong trào.",
        "tham-dinh": "Đã ghi kết quả thẩm định.",
        "mo-binh-xet": "Đã mở phiên bình xét. Thành viên Hội đồng có thể bỏ phiếu.",
        "kiem-phieu": "Đã ghi kết quả kiểm phiếu.",
        "dong-binh-xet": "Đã đóng phiên bình xét.",
        "du-thao": "Đã ghi dự thảo quyết định khen thưởng. Sau khi ký, ghi số và ngày ký.",
        "so-quyet-dinh": "Đã ghi số và ngày ký của quyết định. Có thể tải quyết định về.",
        "nhap-danh-sach": "Đã nhập danh sách đơn vị, cá nhân.",
        "sua-ke-hoach": "Đã ghi nhận việc sửa kế hoạch kèm lý do.",
    ]

    static func register(in router: inout Router) {
        router.get("/can-bo/phong-trao", access: access, index)
        router.get("/can-bo/phong-trao/:campaign", access: access, campaignPage)
        router.post("/can-bo/phong-trao/:campaign/phat-dong", access: access, launch)
        router.post("/can-bo/phong-trao/:campaign/ghi-danh", access: access, enroll)
        router.post("/can-bo/phong-trao/:campaign/khoa", access: access, lock)
        router.post("/can-bo/phong-trao/:campaign/mo-khoa", access: access, unlock)
        router.post("/can-bo/phong-trao/:campaign/ket-thuc", access: access, close)
        router.post("/can-bo/phong-trao/:campaign/sua-ke-hoach", access: access, amend)
        ClerkAppraisalPage.register(in: &router)
        ClerkReviewPage.register(in: &router)
        ClerkDecisionPage.register(in: &router)
        ClerkRosterPage.register(in: &router)
    }

    // MARK: Shared

    static let unprocessable = HTTPStatus(422, "Unprocessable Content")

    static func office(_ context: RequestContext) -> BackOffice {
        BackOffice(workspace: context.site.workspace, registry: context.site.registry)
    }

    /// The action's context: the signed-in account is the actor, the day is the ward's.
    static func acting(_ context: RequestContext) -> ActionContext {
        ActionContext(
            actor: context.account?.login ?? "", today: WebClock.civilDate(context.now), now: { [now = context.now] in WebClock.timestamp(now) })
    }

    /// `/can-bo/phong-trao/<id><rest>` of this site.
    static func link(_ context: RequestContext, _ campaign: String, _ rest: String = "") -> String {
        context.site.link("/can-bo/phong-trao/\(campaign)\(rest)")
    }

    /// A 303 to `path` with the notice code.
    static func done(_ context: RequestContext, _ campaign: String, _ rest: String = "", notice: String) -> Response {
        .redirect(to: link(context, campaign, rest) + (rest.contains("?") ? "&" : "?") + "da=\(notice)")
    }

    /// The notice box for `?da=`, if the code is known.
    static func notice(_ request: Request) -> String {
        guard let code = request.query["da"], let text = notices[code] else { return "" }
        return "<div class=\"notice\" role=\"status\"><p>\(HTML.escape(text))</p></div>\n"
    }

    /// A refusal as field errors: the message on `field`, then each finding of the file (file,
    /// row and column, what was found, what is allowed) on the same field.
    static func errors(_ error: OfficeError, field: String) -> [FieldError] {
        var errors = [FieldError(field: field, message: error.message)]
        for finding in error.details where finding.severity == .error {
            errors.append(FieldError(field: field, message: describe(finding)))
        }
        return errors
    }

    /// The error summary for a page whose markup is `body`: an error whose field is not on the
    /// page (a form posted from a page that has changed since) links to the main content instead.
    static func summary(_ errors: [FieldError], body: String) -> String {
        Layout.errorSummary(
            errors.map { error in
                body.contains("id=\"\(HTML.escape(error.field))\"") ? error : FieldError(field: "noi-dung", message: error.message)
            })
    }

    /// "tệp.csv, dòng 3, cột «Họ và tên»: … (gợi ý)".
    static func describe(_ finding: Diagnostic) -> String {
        let place = [finding.file, finding.path].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        let text = finding.message + (finding.hint.map { " (\($0))" } ?? "")
        return place.isEmpty ? text : "\(place): \(text)"
    }

    /// A day typed as dd/mm/yyyy; nil with an error when it is not one, nil without when empty.
    static func date(_ text: String, field: String, label: String, errors: inout [FieldError]) -> CivilDate? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let day = CivilDate(parsing: text) else {
            errors.append(FieldError(field: field, message: "\(label) «\(text)» không phải ngày hợp lệ; nhập ngày/tháng/năm, ví dụ 20/11/2026"))
            return nil
        }
        return day
    }

    /// One text field with its label, hint, inline error and kept value.
    static func textField(
        _ id: String, label: String, hint: String? = nil, value: String, errors: [FieldError], width: String? = nil
    ) -> String {
        let hasError = errors.contains { $0.field == id }
        var described: [String] = []
        if hint != nil { described.append("\(id)-goi-y") }
        if hasError { described.append("\(id)-loi") }
        let aria = described.isEmpty ? "" : " aria-describedby=\"\(HTML.escape(described.joined(separator: " ")))\""
        let hintMarkup = hint.map { "<p id=\"\(HTML.escape(id))-goi-y\" class=\"hint\">\(HTML.escape($0))</p>" } ?? ""
        return """
            <div class="\(hasError ? "form-group form-group-error" : "form-group")">
            <label for="\(HTML.escape(id))">\(HTML.escape(label))</label>
            \(hintMarkup)\(Layout.inlineError(errors, field: id))
            <input type="text" id="\(HTML.escape(id))" name="\(HTML.escape(id))" value="\(HTML.escape(value))"\(width.map { " size=\"\($0)\"" } ?? "")\(aria)>
            </div>
            """
    }

    /// A POST form to `action` with the CSRF field, `fields` and one button.
    static func form(_ context: RequestContext, action: String, button: String, fields: String, multipart: Bool = false) -> String {
        """
        <form method="post" action="\(HTML.escape(action))" novalidate\(multipart ? " enctype=\"multipart/form-data\"" : "")>
        \(HTML.csrfField(context.csrfToken))
        \(fields)
        <button type="submit">\(HTML.escape(button))</button>
        </form>
        """
    }

    /// The campaign named in the path, or 404 (an id that could not be a campaign's is not looked up).
    static func open(_ context: RequestContext) -> Result<OpenCampaign, PageRefusal> {
        guard let id = context.parameters["campaign"], Identifier.problem(id) == nil else { return .failure(PageRefusal(Pages.notFound(context))) }
        do throws(OfficeError) {
            return .success(try office(context).open(id))
        } catch {
            return .failure(PageRefusal(error.kind == .notFound ? Pages.notFound(context) : Pages.serverError(context, message: error.message)))
        }
    }

    /// The links between the clerk's pages of one campaign.
    static func navigation(_ context: RequestContext, _ campaign: OpenCampaign) -> String {
        let id = campaign.plan.id
        let items = [
            ("", "Tổng quan"), ("/tham-dinh", "Thẩm định"), ("/binh-xet", "Bình xét"), ("/quyet-dinh", "Quyết định khen thưởng"),
            ("/tai-lieu", "Tài liệu"),
        ]
        let links = items.map { "<li><a href=\"\(HTML.escape(link(context, id, $0.0)))\">\(HTML.escape($0.1))</a></li>" }.joined()
        return "<nav aria-label=\"Công việc của phong trào\"><ul>\(links)</ul></nav>\n"
    }

    // MARK: Pages

    /// GET /can-bo/phong-trao: every campaign, linked to its page; the roster import.
    static let index: Handler = { request, context in
        let statuses: [CampaignStatus]
        let skipped: [String]
        do throws(OfficeError) {
            (statuses, skipped) = try office(context).status(today: WebClock.civilDate(context.now))
        } catch {
            return Pages.serverError(context, message: error.message)
        }
        let rows =
            statuses.sorted { $0.campaign < $1.campaign }.map { status in
                "<tr><td><a href=\"\(HTML.escape(link(context, status.campaign)))\">\(HTML.escape(status.name))</a></td><td>\(HTML.escape(status.phase.vietnamese))</td><td>\(status.units)</td></tr>"
            } + skipped.map { "<tr><td>\(HTML.escape($0))</td><td>Tệp phong trào có lỗi</td><td>–</td></tr>" }
        let table =
            rows.isEmpty
            ? "<p>Chưa có phong trào nào.</p>"
            : """
            <table>
            <caption>Các phong trào thi đua</caption>
            <thead><tr><th scope="col">Phong trào</th><th scope="col">Giai đoạn</th><th scope="col">Đơn vị tham gia</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
        let main = """
            \(notice(request))<h1>Công việc của cán bộ thi đua</h1>
            <p>Chọn một phong trào để phát động, ghi danh, thẩm định hồ sơ, mở và đóng phiên bình xét của Hội đồng, lập quyết định khen thưởng và khóa kết quả.</p>
            <p><a href="\(HTML.escape(context.site.link("/can-bo/danh-sach")))">Danh sách đơn vị, cá nhân (nhập từ tệp CSV hoặc Excel)</a></p>
            \(table)
            """
        return .html(Layout.page(title: "Công việc của cán bộ thi đua", context: context, main: main))
    }

    /// GET /can-bo/phong-trao/:campaign
    static let campaignPage: Handler = { request, context in
        switch open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign):
            return .html(renderCampaign(context, campaign: campaign, notice: notice(request), values: [:], errors: []))
        }
    }
}
