import Foundation
import ThiDuaCore

/// A form rendered from its `FormSpec`, and its submission through `BackOffice.submit`.
extension UnitPages {
    /// The HTML id of a field's control; the posted name is the field id itself.
    static func controlID(_ field: FieldSpec) -> String { "truong-\(field.id)" }

    static func findForm(_ campaign: OpenCampaign, _ context: RequestContext) -> FormSpec? {
        guard let id = context.parameters["form"] else { return nil }
        return forms(campaign).first { $0.id == id }
    }

    /// GET …/bieu-mau/:form
    static let formPage: Handler = { _, context in
        switch open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let (campaign, unit)):
            guard let form = findForm(campaign, context) else { return Pages.notFound(context) }
            return .html(renderForm(context, campaign: campaign, unit: unit, form: form, values: [:], errors: []))
        }
    }

    /// POST …/bieu-mau/:form: checked and recorded in one call that opens the campaign once; a
    /// refusal comes back next to the fields and records nothing. The unit is the account's; a
    /// unit or person of another unit is refused.
    static let submitForm: Handler = { _, context in
        guard let account = context.account, let unitID = account.unit, let id = context.parameters["campaign"], Identifier.problem(id) == nil,
            let formID = context.parameters["form"]
        else { return Pages.notFound(context) }
        // The first value of each name, as `FormData`'s subscript reads it.
        var posted: [String: String] = [:]
        for field in context.form.fields where posted[field.name] == nil { posted[field.name] = field.value }
        let actionContext = ActionContext(
            actor: account.login, today: WebClock.civilDate(context.now), now: { [now = context.now] in WebClock.timestamp(now) })
        let outcome: UnitFormOutcome
        do throws(OfficeError) {
            // No separate dry run: the back office checks everything under the journal's lock and
            // writes nothing when it refuses, so one call both validates and records.
            outcome = try office(context).submit(id, unitForm: UnitFormPost(unit: unitID, form: formID, fields: posted), as: actionContext)
        } catch {
            // Refused before the form was looked at (the campaign does not open, its file changed
            // after a lock): shown on the form as before, when the form can be shown at all.
            guard case .success(let (campaign, unit)) = open(context), let form = findForm(campaign, context) else {
                return error.kind == .notFound ? Pages.notFound(context) : Pages.serverError(context, message: error.message)
            }
            // The values are kept, as on every refusal (GOV.UK's pattern).
            var kept: [String: String] = [:]
            for field in form.fields { kept[field.id] = posted[field.id]?.trimmingCharacters(in: .whitespacesAndNewlines) }
            return .html(
                renderForm(context, campaign: campaign, unit: unit, form: form, values: kept, errors: fieldErrors(error, form: form)),
                status: HTTPStatus(422, "Unprocessable Content"))
        }
        switch outcome {
        case .notFound:
            return Pages.notFound(context)
        case .otherUnit:
            return Pages.forbidden(context)
        case .refused(let error, let campaign, let unit, let form, let values):
            return .html(
                renderForm(context, campaign: campaign, unit: unit, form: form, values: values, errors: fieldErrors(error, form: form)),
                status: HTTPStatus(422, "Unprocessable Content"))
        case .recorded(let result):
            let title = PercentDecoding.encode(result.form.title)
            return .redirect(to: context.site.link("/don-vi/phong-trao/\(result.campaign.id)?da-nop=\(title)"))
        }
    }

    /// The back office's findings placed on the fields they name (JSON path = field id, or the
    /// field's key in a "missing field" message); anything else goes on the first field.
    static func fieldErrors(_ error: OfficeError, form: FormSpec) -> [FieldError] {
        let first = form.fields.first.map(controlID) ?? "noi-dung"
        let findings = error.details.filter { $0.severity == .error }
        guard !findings.isEmpty else { return [FieldError(field: first, message: error.message)] }
        var errors: [FieldError] = []
        for finding in findings {
            let field = form.fields.first { $0.id == finding.path } ?? form.fields.first { finding.message.contains("(khóa «\($0.id)»)") }
            let text = finding.message.prefix(1).uppercased() + finding.message.dropFirst() + (finding.hint.map { " (\($0))" } ?? "")
            let id = field.map(controlID) ?? first
            // One message per field: the summary links each field once.
            if !errors.contains(where: { $0.field == id }) { errors.append(FieldError(field: id, message: text)) }
        }
        return errors
    }

    static func renderForm(
        _ context: RequestContext, campaign: OpenCampaign, unit: ThiDuaCore.Unit, form: FormSpec, values: [String: String], errors: [FieldError]
    ) -> String {
        let action = context.site.link("/don-vi/phong-trao/\(campaign.plan.id)/bieu-mau/\(form.id)")
        let people = campaign.roster.people.filter { $0.unit == unit.id }
        let preamble = (form.preamble ?? []).map { "<p>\(HTML.escape($0))</p>" }.joined(separator: "\n")
        let fields = form.fields.map { field in
            fieldMarkup(field, value: values[field.id] ?? "", unit: unit, people: people, errors: errors)
        }.joined(separator: "\n")
        let main = """
            \(Layout.errorSummary(errors))
            <p><a href="\(HTML.escape(context.site.link("/don-vi/phong-trao/\(campaign.plan.id)")))">← \(HTML.escape(campaign.plan.name))</a></p>
            <h1>\(HTML.escape(form.title))</h1>
            <p>Đơn vị: <strong>\(HTML.escape(unit.name))</strong>. Các trường ghi «(bắt buộc)» phải điền.</p>
            \(preamble)
            <form method="post" action="\(HTML.escape(action))" novalidate>
            \(HTML.csrfField(context.csrfToken))
            \(fields)
            <button type="submit">Gửi hồ sơ</button>
            </form>
            """
        return Layout.page(title: form.title, context: context, hasErrors: !errors.isEmpty, main: main)
    }

    static func fieldMarkup(_ field: FieldSpec, value: String, unit: ThiDuaCore.Unit, people: [Person], errors: [FieldError]) -> String {
        let id = controlID(field)
        let hasError = errors.contains { $0.field == id }
        let label = HTML.escape(field.label) + (field.required ? " (bắt buộc)" : "")
        let hintText: String? = {
            switch field.kind {
            case .date: return [field.help, "Ngày/tháng/năm, ví dụ 15/03/2026."].compactMap { $0 }.joined(separator: " ")
            case .percent: return [field.help, "Từ 0 đến 100."].compactMap { $0 }.joined(separator: " ")
            default: return field.help
            }
        }()
        let hint = hintText.map { "<p id=\"\(HTML.escape(id))-goi-y\" class=\"hint\">\(HTML.escape($0))</p>" } ?? ""
        var described: [String] = []
        if hintText != nil { described.append("\(id)-goi-y") }
        if hasError { described.append("\(id)-loi") }
        let aria = described.isEmpty ? "" : " aria-describedby=\"\(HTML.escape(described.joined(separator: " ")))\""
        let error = Layout.inlineError(errors, field: id)
        let name = HTML.escape(field.id)
        let groupClass = hasError ? "form-group form-group-error" : "form-group"
        switch field.kind {
        case .yesNo:
            let yes: Bool? = value == "Có" ? true : (value == "Không" ? false : nil)
            return """
                <div class="\(groupClass)">
                <fieldset id="\(HTML.escape(id))"\(aria)>
                <legend>\(label)</legend>
                \(hint)\(error)
                <div class="radio"><input type="radio" id="\(HTML.escape(id))-co" name="\(name)" value="Có"\(yes == true ? " checked" : "")><label for="\(HTML.escape(id))-co">Có</label></div>
                <div class="radio"><input type="radio" id="\(HTML.escape(id))-khong" name="\(name)" value="Không"\(yes == false ? " checked" : "")><label for="\(HTML.escape(id))-khong">Không</label></div>
                </fieldset>
                </div>
                """
        case .unit:
            return """
                <div class="\(groupClass)">
                <label for="\(HTML.escape(id))">\(label)</label>
                \(hint)\(error)
                <input type="text" id="\(HTML.escape(id))" value="\(HTML.escape(unit.name))" readonly\(aria)>
                </div>
                """
        case .choice, .person:
            let options: [(String, String)] =
                field.kind == .choice ? (field.choices ?? []).map { ($0, $0) } : people.map { ($0.id, $0.name) }
            let items = options.map { option in
                "<option value=\"\(HTML.escape(option.0))\"\(option.0 == value ? " selected" : "")>\(HTML.escape(option.1))</option>"
            }.joined(separator: "\n")
            return """
                <div class="\(groupClass)">
                <label for="\(HTML.escape(id))">\(label)</label>
                \(hint)\(error)
                <select id="\(HTML.escape(id))" name="\(name)"\(aria)>
                <option value="">— Chọn —</option>
                \(items)
                </select>
                </div>
                """
        case .longText:
            return """
                <div class="\(groupClass)">
                <label for="\(HTML.escape(id))">\(label)</label>
                \(hint)\(error)
                <textarea id="\(HTML.escape(id))" name="\(name)" rows="5"\(aria)>\(HTML.escape(value))</textarea>
                </div>
                """
        case .integer, .number, .percent:
            return """
                <div class="\(groupClass)">
                <label for="\(HTML.escape(id))">\(label)</label>
                \(hint)\(error)
                <input type="text" inputmode="decimal" id="\(HTML.escape(id))" name="\(name)" value="\(HTML.escape(value))"\(aria)>
                </div>
                """
        case .text, .date:
            return """
                <div class="\(groupClass)">
                <label for="\(HTML.escape(id))">\(label)</label>
                \(hint)\(error)
                <input type="text" id="\(HTML.escape(id))" name="\(name)" value="\(HTML.escape(value))"\(aria)>
                </div>
                """
        }
    }
}
