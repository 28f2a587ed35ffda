import Foundation
import ThiDuaCore

/// The clerk withdraws units or people from a campaign (`thidua withdraw`): the enrolled ones
/// ticked, a required reason, one `BackOffice.withdraw` call. A refusal re-shows the page with
/// the GOV.UK error summary, the message on the field and the ticks and reason kept.
enum ClerkWithdrawalPage {
    static let unitsField = "rut-don-vi"
    static let peopleField = "rut-ca-nhan"
    static let reasonField = "rut-ly-do"

    static func register(in router: inout Router) {
        router.get("/can-bo/phong-trao/:campaign/rut-khoi", access: ClerkPages.access, page)
        router.post("/can-bo/phong-trao/:campaign/rut-khoi", access: ClerkPages.access, withdraw)
    }

    /// GET …/rut-khoi
    static let page: Handler = { _, context in
        switch ClerkPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign): return .html(render(context, campaign: campaign, units: [], people: [], reason: "", errors: []))
        }
    }

    /// POST …/rut-khoi: who is ticked and why; 303 to the overview when recorded.
    static let withdraw: Handler = { _, context in
        let campaign: OpenCampaign
        switch ClerkPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): campaign = found
        }
        let units = context.form.values(unitsField)
        let people = context.form.values(peopleField)
        let reason = context.form[reasonField] ?? ""
        var errors: [FieldError] = []
        if units.isEmpty && people.isEmpty { errors.append(FieldError(field: unitsField, message: "Chọn ít nhất một đơn vị hoặc cá nhân cần rút")) }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: reasonField, message: "Nhập lý do rút khỏi phong trào"))
        }
        if errors.isEmpty {
            do throws(OfficeError) {
                _ = try ClerkPages.office(context).withdraw(campaign.plan.id, units: units, people: people, reason: reason, as: ClerkPages.acting(context))
                return ClerkPages.done(context, campaign.plan.id, notice: "rut-khoi")
            } catch {
                errors = ClerkPages.errors(error, field: unitsField)
            }
        }
        return .html(
            render(context, campaign: campaign, units: Set(units), people: Set(people), reason: reason, errors: errors), status: ClerkPages.unprocessable)
    }

    static func render(
        _ context: RequestContext, campaign: OpenCampaign, units: Set<String>, people: Set<String>, reason: String, errors: [FieldError]
    ) -> String {
        let roster = campaign.roster
        let enrolledUnits = campaign.state.units.compactMap { roster.unit($0) }
        let enrolledPeople = campaign.state.people.compactMap { roster.person($0) }
        var main = "<h1>Rút đơn vị, cá nhân khỏi phong trào</h1>\n" + ClerkPages.navigation(context, campaign)
        main += """
            <p>Phong trào «\(HTML.escape(campaign.plan.name))». Đơn vị, cá nhân đã rút không còn phải nộp hồ sơ, không được đánh giá và không được đề cử; việc rút được ghi vào nhật ký cùng lý do. Muốn cho tham gia lại thì ghi danh lại ở trang Tổng quan.</p>

            """
        if enrolledUnits.isEmpty && enrolledPeople.isEmpty {
            main += "<p>Phong trào chưa có đơn vị, cá nhân nào tham gia.</p>\n"
            return Layout.page(title: "Rút khỏi phong trào", context: context, main: ClerkPages.summary(errors, body: main) + "\n" + main)
        }
        func boxes(_ field: String, _ items: [(String, String)], _ chosen: Set<String>) -> String {
            items.enumerated().map { index, item in
                let box = "\(field)-\(index)"
                return
                    "<div class=\"radio\"><input type=\"checkbox\" id=\"\(box)\" name=\"\(field)\" value=\"\(HTML.escape(item.0))\"\(chosen.contains(item.0) ? " checked" : "")><label for=\"\(box)\">\(HTML.escape(item.1))</label></div>"
            }.joined(separator: "\n")
        }
        func group(_ field: String, legend: String, _ items: [(String, String)], _ chosen: Set<String>) -> String {
            let hasError = errors.contains { $0.field == field }
            return """
                <div class="\(hasError ? "form-group form-group-error" : "form-group")">
                <fieldset id="\(field)"\(hasError ? " aria-describedby=\"\(field)-loi\"" : "")>
                <legend>\(HTML.escape(legend))</legend>
                \(Layout.inlineError(errors, field: field))
                \(items.isEmpty ? "<p>Không có.</p>" : boxes(field, items, chosen))
                </fieldset>
                </div>
                """
        }
        let unitItems = enrolledUnits.map { ($0.id, $0.name) }
        let personItems = enrolledPeople.map { person in
            (person.id, person.name + (roster.unit(person.unit).map { " (\($0.name))" } ?? ""))
        }
        let reasonError = errors.contains { $0.field == reasonField }
        let fields = """
            \(group(unitsField, legend: "Đơn vị đang tham gia", unitItems, units))
            \(enrolledPeople.isEmpty ? "" : group(peopleField, legend: "Cá nhân đang tham gia", personItems, people))
            <div class="\(reasonError ? "form-group form-group-error" : "form-group")">
            <label for="\(reasonField)">Lý do rút (bắt buộc)</label>
            <p id="\(reasonField)-goi-y" class="hint">Ví dụ: đơn vị sáp nhập, giải thể; cá nhân chuyển công tác.</p>
            \(Layout.inlineError(errors, field: reasonField))
            <textarea id="\(reasonField)" name="\(reasonField)" rows="3" aria-describedby="\(reasonField)-goi-y\(reasonError ? " \(reasonField)-loi" : "")">\(HTML.escape(reason))</textarea>
            </div>
            """
        main += ClerkPages.form(context, action: ClerkPages.link(context, campaign.plan.id, "/rut-khoi"), button: "Rút khỏi phong trào", fields: fields)
        return Layout.page(
            title: "Rút khỏi phong trào", context: context, hasErrors: !errors.isEmpty, main: ClerkPages.summary(errors, body: main) + "\n" + main)
    }
}
