import Foundation
import ThiDuaCore

/// A campaign's overview for the clerk, and its phases: launch, enrolment, lock and unlock of a
/// period's results, close. Each POST is one `BackOffice` call; a refusal re-shows the overview
/// with the message on the field it concerns and the values typed kept.
extension ClerkPages {
    /// Field ids of the overview's forms (unique on the page).
    enum Field {
        static let enrolUnits = "ghi-danh-don-vi"
        static let enrolPeople = "ghi-danh-ca-nhan"
        static let lockPeriod = "khoa-ky"
        static let lockReason = "khoa-ly-do"
        static let unlockReason = "mo-khoa-ly-do"
        static let launch = "phat-dong"
        static let close = "ket-thuc"
        static let amendReason = "sua-ke-hoach-ly-do"
    }

    static func renderCampaign(
        _ context: RequestContext, campaign: OpenCampaign, notice: String, values: [String: String], errors: [FieldError]
    ) -> String {
        let today = WebClock.civilDate(context.now)
        let state = campaign.state
        let id = campaign.plan.id
        let phase = CampaignPhase.of(campaign.plan, state: state, on: today)
        var main = notice
        main += "<h1>\(HTML.escape(campaign.plan.name))</h1>\n" + navigation(context, campaign)
        main += """
            <p>Giai đoạn: <strong>\(HTML.escape(phase.vietnamese))</strong>. Đơn vị tham gia: \(state.units.count). Cá nhân tham gia: \(state.people.count). \
            Phát động: \(HTML.escape(state.launched?.vietnamese ?? "chưa ghi nhận")). Kết thúc: \(HTML.escape(state.closed?.vietnamese ?? "chưa ghi nhận")).</p>

            """
        // A plan file changed after a lock: every action is refused until the change is recorded.
        if campaign.planChangedAfterLock {
            main += """
                <h2>Kế hoạch đã sửa sau khi khóa kết quả</h2>
                <p class="notice">Tệp kế hoạch «\(HTML.escape(campaign.loaded.file))» khác với tệp đã dùng khi khóa kết quả. Mọi việc của phong trào tạm dừng cho đến khi ghi nhận việc sửa kèm lý do, hoặc đưa tệp về như cũ.</p>

                """
            let reasonError = errors.contains { $0.field == Field.amendReason }
            let fields = """
                <div class="\(reasonError ? "form-group form-group-error" : "form-group")">
                <label for="\(Field.amendReason)">Lý do sửa kế hoạch (bắt buộc)</label>
                \(Layout.inlineError(errors, field: Field.amendReason))
                <textarea id="\(Field.amendReason)" name="\(Field.amendReason)" rows="3"\(Layout.describedBy(errors, field: Field.amendReason))>\(HTML.escape(values[Field.amendReason] ?? ""))</textarea>
                </div>
                """
            main += form(context, action: link(context, id, "/sua-ke-hoach"), button: "Ghi nhận sửa kế hoạch", fields: fields)
        }
        // Launch.
        main += "<h2>Phát động</h2>\n"
        if let launched = state.launched {
            main += "<p>Đã ghi nhận phát động ngày \(HTML.escape(launched.vietnamese)).</p>\n"
        } else {
            main += "<p>Sau khi kế hoạch được ký ban hành, ghi nhận phát động để giữ đúng nội dung kế hoạch đã ban hành.</p>\n"
            main += Layout.inlineError(errors, field: Field.launch)
            main += form(context, action: link(context, id, "/phat-dong"), button: "Ghi nhận phát động", fields: "", id: Field.launch)
        }
        // Enrolment.
        let roster = campaign.roster
        let candidates = roster.units.filter { !state.units.contains($0.id) }
        let chosen = Set((values[Field.enrolUnits] ?? "").split(separator: "\n").map(String.init))
        let boxes = candidates.enumerated().map { index, unit in
            let box = "\(Field.enrolUnits)-\(index)"
            return
                "<div class=\"radio\"><input type=\"checkbox\" id=\"\(box)\" name=\"\(Field.enrolUnits)\" value=\"\(HTML.escape(unit.id))\"\(chosen.contains(unit.id) ? " checked" : "")><label for=\"\(box)\">\(HTML.escape(unit.name))</label></div>"
        }.joined(separator: "\n")
        let enrolError = errors.contains { $0.field == Field.enrolUnits }
        main += "<h2>Ghi danh đơn vị, cá nhân</h2>\n"
        if roster.units.isEmpty {
            main +=
                "<p>Chưa có danh sách đơn vị. <a href=\"\(HTML.escape(context.site.link("/can-bo/danh-sach")))\">Nhập danh sách đơn vị, cá nhân</a> trước.</p>\n"
        } else {
            let fields = """
                <div class="\(enrolError ? "form-group form-group-error" : "form-group")">
                <fieldset id="\(Field.enrolUnits)" aria-describedby="\(Field.enrolUnits)-goi-y\(enrolError ? " \(Field.enrolUnits)-loi" : "")">
                <legend>Đơn vị chưa tham gia</legend>
                <p id="\(Field.enrolUnits)-goi-y" class="hint">Không đánh dấu đơn vị nào: ghi danh theo nhóm đối tượng của kế hoạch.</p>
                \(Layout.inlineError(errors, field: Field.enrolUnits))
                \(boxes.isEmpty ? "<p>Mọi đơn vị trong danh sách đã tham gia.</p>" : boxes)
                </fieldset>
                </div>
                <div class="form-group">
                <div class="radio"><input type="checkbox" id="\(Field.enrolPeople)" name="\(Field.enrolPeople)" value="co"\(values[Field.enrolPeople] == "co" ? " checked" : "")><label for="\(Field.enrolPeople)">Ghi danh cả cá nhân của các đơn vị này</label></div>
                </div>
                """
            main += form(context, action: link(context, id, "/ghi-danh"), button: "Ghi danh", fields: fields)
        }
        if !state.units.isEmpty || !state.people.isEmpty {
            main += "<p><a href=\"\(HTML.escape(link(context, id, "/rut-khoi")))\">Rút đơn vị, cá nhân khỏi phong trào</a></p>\n"
        }
        // Locks.
        main += "<h2>Khóa kết quả</h2>\n<p>Khóa kết quả của một kỳ sau sơ kết, tổng kết: sau đó không nộp, sửa hay thẩm định gì cho kỳ đó được nữa.</p>\n"
        let locks = state.locks.keys.sorted()
        if !locks.isEmpty {
            main += "<ul>\n" + locks.map { "<li>Đã khóa: \(HTML.escape($0.vietnamese))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        main += form(
            context, action: link(context, id, "/khoa"), button: "Khóa kết quả",
            fields: textField(
                Field.lockPeriod, label: "Kỳ đánh giá", hint: "Ví dụ 2026 (cả năm) hoặc 2026-6t (6 tháng đầu năm).",
                value: values[Field.lockPeriod] ?? "", errors: errors)
                + textField(Field.lockReason, label: "Lý do (không bắt buộc)", value: values[Field.lockReason] ?? "", errors: errors))
        if !locks.isEmpty {
            let options = locks.map { period in
                "<option value=\"\(HTML.escape(period.description))\"\(values["mo-khoa-ky"] == period.description ? " selected" : "")>\(HTML.escape(period.vietnamese))</option>"
            }.joined()
            let fields = """
                <div class="form-group">
                <label for="mo-khoa-ky">Kỳ cần mở khóa</label>
                <select id="mo-khoa-ky" name="mo-khoa-ky">\(options)</select>
                </div>
                """ + textField(Field.unlockReason, label: "Lý do mở khóa (bắt buộc)", value: values[Field.unlockReason] ?? "", errors: errors)
            main += "<h3>Mở khóa</h3>\n" + form(context, action: link(context, id, "/mo-khoa"), button: "Mở khóa kết quả", fields: fields)
        }
        // Close.
        main += "<h2>Kết thúc phong trào</h2>\n"
        if let closed = state.closed {
            main += "<p>Đã ghi nhận kết thúc ngày \(HTML.escape(closed.vietnamese)).</p>\n"
        } else {
            main += "<p>Ghi nhận kết thúc sau khi tổng kết và khen thưởng xong.</p>\n" + Layout.inlineError(errors, field: Field.close)
            main += form(context, action: link(context, id, "/ket-thuc"), button: "Ghi nhận kết thúc phong trào", fields: "", id: Field.close)
        }
        return Layout.page(title: campaign.plan.name, context: context, hasErrors: !errors.isEmpty, main: ClerkPages.summary(errors, body: main) + main)
    }

    /// `form(…)` with an id, so the error summary can link to a form that has no field.
    static func form(_ context: RequestContext, action: String, button: String, fields: String, id: String) -> String {
        form(context, action: action, button: button, fields: fields).replacingOccurrences(
            of: "<form method=\"post\"", with: "<form id=\"\(HTML.escape(id))\" method=\"post\"")
    }

    /// Runs `action`; on a refusal re-renders the overview with the error on `field`.
    static func overviewAction(
        _ context: RequestContext, field: String, values: [String: String] = [:],
        _ action: (BackOffice, OpenCampaign) throws(OfficeError) -> String
    ) -> Response {
        let campaign: OpenCampaign
        switch open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): campaign = found
        }
        let code: String
        do throws(OfficeError) {
            code = try action(office(context), campaign)
        } catch {
            return .html(
                renderCampaign(context, campaign: campaign, notice: "", values: values, errors: errors(error, field: field)), status: unprocessable)
        }
        return done(context, campaign.plan.id, notice: code)
    }

    /// POST …/phat-dong
    static let launch: Handler = { _, context in
        overviewAction(context, field: Field.launch) { (office, campaign) throws(OfficeError) in
            _ = try office.launch(campaign.plan.id, as: acting(context))
            return "phat-dong"
        }
    }

    /// POST …/ghi-danh: the units ticked (by id), or the plan's participant groups when none is.
    static let enroll: Handler = { _, context in
        let units = context.form.values(Field.enrolUnits)
        let people = context.form[Field.enrolPeople] == "co"
        let values = [Field.enrolUnits: units.joined(separator: "\n"), Field.enrolPeople: people ? "co" : ""]
        return overviewAction(context, field: Field.enrolUnits, values: values) { (office, campaign) throws(OfficeError) in
            let result = try office.enroll(campaign.plan.id, EnrolmentRequest(units: units, peopleOfUnits: people), as: acting(context))
            return result.seq == 0 ? "khong-co-ai-moi" : "ghi-danh"
        }
    }

    /// POST …/khoa
    static let lock: Handler = { _, context in
        let period = (context.form[Field.lockPeriod] ?? "").trimmingCharacters(in: .whitespaces)
        let reason = context.form[Field.lockReason] ?? ""
        let values = [Field.lockPeriod: period, Field.lockReason: reason]
        guard !period.isEmpty else {
            guard case .success(let campaign) = open(context) else { return Pages.notFound(context) }
            let error = FieldError(field: Field.lockPeriod, message: "Nhập kỳ đánh giá cần khóa, ví dụ 2026")
            return .html(renderCampaign(context, campaign: campaign, notice: "", values: values, errors: [error]), status: unprocessable)
        }
        return overviewAction(context, field: Field.lockPeriod, values: values) { (office, campaign) throws(OfficeError) in
            _ = try office.lock(campaign.plan.id, period: period, reason: reason.isEmpty ? nil : reason, as: acting(context))
            return "khoa"
        }
    }

    /// POST …/mo-khoa: the reason is required.
    static let unlock: Handler = { _, context in
        let period = context.form["mo-khoa-ky"] ?? ""
        let reason = (context.form[Field.unlockReason] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let values = ["mo-khoa-ky": period, Field.unlockReason: reason]
        guard !reason.isEmpty else {
            guard case .success(let campaign) = open(context) else { return Pages.notFound(context) }
            // Without a locked period the unlock form is not on the page: the message goes to the lock form.
            let error =
                campaign.state.locks.isEmpty
                ? FieldError(field: Field.lockPeriod, message: "Chưa có kỳ đánh giá nào bị khóa; không có gì để mở khóa")
                : FieldError(field: Field.unlockReason, message: "Nhập lý do mở khóa kết quả")
            return .html(renderCampaign(context, campaign: campaign, notice: "", values: values, errors: [error]), status: unprocessable)
        }
        return overviewAction(context, field: Field.unlockReason, values: values) { (office, campaign) throws(OfficeError) in
            _ = try office.unlock(campaign.plan.id, period: period, reason: reason, as: acting(context))
            return "mo-khoa"
        }
    }

    /// POST …/sua-ke-hoach: records the changed plan file with the reason (`amendPlan`).
    static let amend: Handler = { _, context in
        let reason = (context.form[Field.amendReason] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            guard case .success(let campaign) = open(context) else { return Pages.notFound(context) }
            let error = FieldError(field: Field.amendReason, message: "Nhập lý do sửa kế hoạch đã ban hành")
            return .html(renderCampaign(context, campaign: campaign, notice: "", values: [:], errors: [error]), status: unprocessable)
        }
        return overviewAction(context, field: Field.amendReason, values: [Field.amendReason: reason]) { (office, campaign) throws(OfficeError) in
            _ = try office.amendPlan(campaign.plan.id, reason: reason, as: acting(context))
            return "sua-ke-hoach"
        }
    }

    /// POST …/ket-thuc
    static let close: Handler = { _, context in
        overviewAction(context, field: Field.close) { (office, campaign) throws(OfficeError) in
            _ = try office.close(campaign.plan.id, as: acting(context))
            return "ket-thuc"
        }
    }
}
