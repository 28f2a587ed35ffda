import Foundation
import ThiDuaCore

/// Appraisal (thẩm định) of self-assessments: the items of a period awaiting appraisal, and a
/// form per item to confirm or change the result, with a required reason (`BackOffice.appraise`).
enum ClerkAppraisalPage {
    static let resultField = "ket-qua"
    static let pointsField = "diem"
    static let evidenceField = "minh-chung"
    static let reasonField = "ly-do"

    static func register(in router: inout Router) {
        router.get("/can-bo/phong-trao/:campaign/tham-dinh", access: ClerkPages.access, list)
        router.get("/can-bo/phong-trao/:campaign/tham-dinh/muc", access: ClerkPages.access, itemPage)
        router.post("/can-bo/phong-trao/:campaign/tham-dinh/muc", access: ClerkPages.access, appraise)
    }

    /// The period asked for (`ky`), else the campaign's default; or the error page.
    static func period(_ campaign: OpenCampaign, _ text: String?, _ context: RequestContext) -> Result<EvaluationPeriod, PageRefusal> {
        let text = text?.trimmingCharacters(in: .whitespaces)
        do throws(OfficeError) {
            return .success(try campaign.period(text?.isEmpty == false ? text : nil, today: WebClock.civilDate(context.now)))
        } catch {
            return .failure(PageRefusal(Pages.message(context, status: .badRequest, title: "Kỳ đánh giá không hợp lệ", text: error.message)))
        }
    }

    static func result(_ met: Bool?) -> String { met.map { $0 ? "Đạt" : "Không đạt" } ?? "Chưa đánh giá" }

    static func points(_ value: Double?) -> String { value.map { Numbers.vietnamese($0) } ?? "–" }

    /// GET …/tham-dinh?ky=
    static let list: Handler = { request, context in
        let campaign: OpenCampaign
        switch ClerkPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): campaign = found
        }
        // A period that cannot be read is said next to the field; the default period is listed meanwhile.
        var errors: [FieldError] = []
        var typed: String?
        let chosen: EvaluationPeriod
        switch period(campaign, request.query["ky"], context) {
        case .success(let found): chosen = found
        case .failure:
            typed = request.query["ky"]
            errors.append(
                FieldError(field: "ky", message: "Kỳ đánh giá «\(typed ?? "")» không đọc được; nhập năm, ví dụ 2026, hoặc 6 tháng đầu năm, ví dụ 2026-6t"))
            switch period(campaign, nil, context) {
            case .failure(let refusal): return refusal.response
            case .success(let found): chosen = found
            }
        }
        let items = ClerkPages.office(context).appraisalQueue(campaign, period: chosen)
        let waiting = items.filter { !$0.appraised }.count
        let base = ClerkPages.link(context, campaign.plan.id, "/tham-dinh")
        let rows = items.map { item -> String in
            let query = FormData([("doi-tuong", item.participant.description), ("muc", item.item), ("ky", chosen.description)]).encoded
            let state =
                item.appraised
                ? "Đã thẩm định (\(item.assessment.appraisedBy ?? "")): \(item.assessment.appraisalReason ?? "")"
                : "Chờ thẩm định"
            let own = "\(result(item.assessment.selfMet ?? (item.appraised ? nil : item.assessment.met))); điểm \(points(item.assessment.selfPoints))"
            return """
                <tr><td>\(HTML.escape(item.participantName))</td><td>\(HTML.escape(item.itemTitle))</td><td>\(HTML.escape(own))</td>\
                <td>\(HTML.escape(result(item.assessment.met))); điểm \(HTML.escape(points(item.assessment.points)))</td><td>\(HTML.escape(state))</td>\
                <td><a href="\(HTML.escape(base + "/muc?" + query))">Thẩm định<span class="visually-hidden"> – \(HTML.escape(item.participantName)), \(HTML.escape(item.item))</span></a></td></tr>
                """
        }
        let table =
            rows.isEmpty
            ? "<p>Chưa có hồ sơ tự đánh giá nào của \(HTML.escape(chosen.vietnamese)).</p>"
            : """
            <table>
            <caption>Hồ sơ tự đánh giá \(HTML.escape(chosen.vietnamese)): \(waiting) mục chờ thẩm định</caption>
            <thead><tr><th scope="col">Đơn vị, cá nhân</th><th scope="col">Tiêu chí</th><th scope="col">Tự đánh giá</th><th scope="col">Kết quả hiện tại</th><th scope="col">Tình trạng</th><th scope="col">Việc</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
        let main = """
            \(ClerkPages.notice(request))<h1>Thẩm định hồ sơ – \(HTML.escape(campaign.plan.name))</h1>
            \(ClerkPages.navigation(context, campaign))
            <form method="get" action="\(HTML.escape(base))">
            \(ClerkPages.textField("ky", label: "Kỳ đánh giá", hint: "Ví dụ 2026 hoặc 2026-6t; để trống: kỳ mới nhất có số liệu.", value: typed ?? chosen.description, errors: errors))
            <button type="submit" class="button-secondary">Xem kỳ này</button>
            </form>
            \(table)
            """
        return .html(
            Layout.page(title: "Thẩm định hồ sơ", context: context, hasErrors: !errors.isEmpty, main: Layout.errorSummary(errors) + main),
            status: errors.isEmpty ? .ok : .badRequest)
    }

    /// The item named by `doi-tuong`, `muc`, `ky` (query or form), or the page to answer with.
    static func find(_ fields: FormData, _ context: RequestContext) -> Result<(OpenCampaign, EvaluationPeriod, AppraisalItem), PageRefusal> {
        let campaign: OpenCampaign
        switch ClerkPages.open(context) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let found): campaign = found
        }
        let chosen: EvaluationPeriod
        switch period(campaign, fields["ky"], context) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let found): chosen = found
        }
        let items = ClerkPages.office(context).appraisalQueue(campaign, period: chosen)
        guard let item = items.first(where: { $0.participant.description == fields["doi-tuong"] && $0.item == fields["muc"] }) else {
            return .failure(PageRefusal(Pages.notFound(context)))
        }
        return .success((campaign, chosen, item))
    }

    /// GET …/tham-dinh/muc?doi-tuong=&muc=&ky=
    static let itemPage: Handler = { request, context in
        switch find(request.query, context) {
        case .failure(let refusal): return refusal.response
        case .success(let (campaign, period, item)):
            return .html(render(context, campaign: campaign, period: period, item: item, values: [:], errors: []))
        }
    }

    /// POST …/tham-dinh/muc: "giu" confirms the result as sent, "dat"/"khong-dat" changes it.
    static let appraise: Handler = { _, context in
        let (campaign, period, item): (OpenCampaign, EvaluationPeriod, AppraisalItem)
        switch find(context.form, context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): (campaign, period, item) = found
        }
        var values: [String: String] = [:]
        for field in [resultField, pointsField, evidenceField, reasonField] {
            values[field] = (context.form[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var errors: [FieldError] = []
        let met: Bool?
        switch values[resultField] {
        case "dat": met = true
        case "khong-dat": met = false
        case "giu": met = item.assessment.met
        default:
            met = nil
            errors.append(FieldError(field: resultField, message: "Chọn kết quả thẩm định: giữ nguyên, đạt hoặc không đạt"))
        }
        var points: Double?
        if let text = values[pointsField], !text.isEmpty {
            if let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite {
                points = value
            } else {
                errors.append(FieldError(field: pointsField, message: "Điểm thẩm định «\(text)» không phải số; nhập ví dụ 8 hoặc 7,5"))
            }
        } else if values[resultField] == "giu" {
            points = item.assessment.points
        }
        let evidence = values[evidenceField].flatMap { $0.isEmpty ? nil : $0 }
        if values[reasonField]?.isEmpty != false {
            errors.append(FieldError(field: reasonField, message: "Nhập lý do thẩm định (ví dụ: đã đối chiếu minh chứng)"))
        }
        if errors.isEmpty {
            let request = AppraisalRequest(
                participant: item.participant.description, item: item.item, met: met, points: points, evidence: evidence,
                reason: values[reasonField] ?? "", period: period.description)
            do throws(OfficeError) {
                _ = try ClerkPages.office(context).appraise(campaign.plan.id, request, as: ClerkPages.acting(context))
                return ClerkPages.done(context, campaign.plan.id, "/tham-dinh?ky=\(period.description)", notice: "tham-dinh")
            } catch {
                let field = error.message.contains("Điểm") ? pointsField : resultField
                errors = ClerkPages.errors(error, field: field)
            }
        }
        return .html(
            render(context, campaign: campaign, period: period, item: item, values: values, errors: errors), status: ClerkPages.unprocessable)
    }

    static func render(
        _ context: RequestContext, campaign: OpenCampaign, period: EvaluationPeriod, item: AppraisalItem, values: [String: String],
        errors: [FieldError]
    ) -> String {
        let a = item.assessment
        let action = ClerkPages.link(context, campaign.plan.id, "/tham-dinh/muc")
        let chosen = values[resultField]
        let options = [("giu", "Giữ nguyên kết quả tự đánh giá (\(result(a.met)))"), ("dat", "Đạt"), ("khong-dat", "Không đạt")]
        let radios = options.map { value, label in
            "<div class=\"radio\"><input type=\"radio\" id=\"\(resultField)-\(value)\" name=\"\(resultField)\" value=\"\(value)\"\(chosen == value ? " checked" : "")><label for=\"\(resultField)-\(value)\">\(HTML.escape(label))</label></div>"
        }.joined(separator: "\n")
        let resultError = errors.contains { $0.field == resultField }
        let reasonError = errors.contains { $0.field == reasonField }
        let maxText = item.maxPoints.map { "Tối đa \(Numbers.vietnamese($0)) điểm. " } ?? ""
        let fields = """
            <input type="hidden" name="doi-tuong" value="\(HTML.escape(item.participant.description))">
            <input type="hidden" name="muc" value="\(HTML.escape(item.item))">
            <input type="hidden" name="ky" value="\(HTML.escape(period.description))">
            <div class="\(resultError ? "form-group form-group-error" : "form-group")">
            <fieldset id="\(resultField)"\(Layout.describedBy(errors, field: resultField))>
            <legend>Kết quả thẩm định (bắt buộc)</legend>
            \(Layout.inlineError(errors, field: resultField))
            \(radios)
            </fieldset>
            </div>
            \(ClerkPages.textField(pointsField, label: "Điểm thẩm định (không bắt buộc)", hint: maxText + "Để trống nếu không chấm điểm.", value: values[pointsField] ?? "", errors: errors))
            \(ClerkPages.textField(evidenceField, label: "Minh chứng (không bắt buộc)", hint: "Để trống: giữ minh chứng đơn vị đã gửi.", value: values[evidenceField] ?? "", errors: errors))
            <div class="\(reasonError ? "form-group form-group-error" : "form-group")">
            <label for="\(reasonField)">Lý do (bắt buộc)</label>
            \(Layout.inlineError(errors, field: reasonField))
            <textarea id="\(reasonField)" name="\(reasonField)" rows="3"\(Layout.describedBy(errors, field: reasonField))>\(HTML.escape(values[reasonField] ?? ""))</textarea>
            </div>
            """
        let main = """
            \(Layout.errorSummary(errors))
            <p><a href="\(HTML.escape(ClerkPages.link(context, campaign.plan.id, "/tham-dinh?ky=\(period.description)")))">← Thẩm định hồ sơ</a></p>
            <h1>Thẩm định: \(HTML.escape(item.participantName))</h1>
            <table>
            <caption>Hồ sơ tự đánh giá, \(HTML.escape(period.vietnamese))</caption>
            <tbody>
            <tr><th scope="row">Tiêu chí</th><td>\(HTML.escape(item.itemTitle))</td></tr>
            <tr><th scope="row">Tự đánh giá</th><td>\(HTML.escape(result(a.selfMet ?? (item.appraised ? nil : a.met))))</td></tr>
            <tr><th scope="row">Điểm tự chấm</th><td>\(HTML.escape(points(a.selfPoints ?? (item.appraised ? nil : a.points))))</td></tr>
            <tr><th scope="row">Minh chứng</th><td>\(HTML.escape(a.evidence ?? "–"))</td></tr>
            <tr><th scope="row">Kết quả hiện tại</th><td>\(HTML.escape(result(a.met))); điểm \(HTML.escape(points(a.points)))\(item.appraised ? HTML.escape(" (đã thẩm định: \(a.appraisalReason ?? ""))") : "")</td></tr>
            </tbody>
            </table>
            \(ClerkPages.form(context, action: action, button: "Ghi kết quả thẩm định", fields: fields))
            """
        return Layout.page(title: "Thẩm định hồ sơ", context: context, hasErrors: !errors.isEmpty, main: main)
    }
}
