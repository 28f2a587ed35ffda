import Foundation
import ThiDuaCore

/// Withdrawing an evidence file sent by mistake: one page per file with a required reason, a
/// POST that is one `BackOffice.withdrawEvidence` call. The unit head reaches only his own
/// unit's files (the audience comes from the account), the clerk any; a file the reader may not
/// withdraw is answered like one that does not exist.
extension EvidencePages {
    static let reasonField = "ly-do"

    static func registerWithdrawal(in router: inout Router) {
        router.get("/don-vi/phong-trao/:campaign/minh-chung/:seq/rut", access: .roles([.unit]), unitWithdrawPage)
        router.post("/don-vi/phong-trao/:campaign/minh-chung/:seq/rut", access: .roles([.unit]), unitWithdraw)
        router.get("/can-bo/phong-trao/:campaign/minh-chung/:seq/rut", access: .roles([.admin, .clerk]), officeWithdrawPage)
        router.post("/can-bo/phong-trao/:campaign/minh-chung/:seq/rut", access: .roles([.admin, .clerk]), officeWithdraw)
    }

    static let unitWithdrawPage: Handler = { _, context in
        switch UnitPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let (campaign, unit)):
            return withdrawal(context, campaign: campaign, audience: .unit(unit.id), base: "/don-vi/phong-trao/\(campaign.plan.id)", post: false)
        }
    }

    static let unitWithdraw: Handler = { _, context in
        switch UnitPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let (campaign, unit)):
            return withdrawal(context, campaign: campaign, audience: .unit(unit.id), base: "/don-vi/phong-trao/\(campaign.plan.id)", post: true)
        }
    }

    static let officeWithdrawPage: Handler = { _, context in
        switch CouncilPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign):
            return withdrawal(context, campaign: campaign, audience: .office, base: "/can-bo/phong-trao/\(campaign.plan.id)", post: false)
        }
    }

    static let officeWithdraw: Handler = { _, context in
        switch CouncilPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign):
            return withdrawal(context, campaign: campaign, audience: .office, base: "/can-bo/phong-trao/\(campaign.plan.id)", post: true)
        }
    }

    /// The page (GET) or the withdrawal (POST) of one file the audience may see; 404 otherwise.
    static func withdrawal(_ context: RequestContext, campaign: OpenCampaign, audience: EvidenceAudience, base: String, post: Bool) -> Response {
        let office = UnitPages.office(context)
        guard let text = context.parameters["seq"], let seq = Int(text), seq > 0,
            let record = office.evidence(in: campaign, for: audience).first(where: { $0.seq == seq })
        else { return Pages.notFound(context) }
        guard post else { return .html(renderWithdrawal(context, campaign: campaign, record: record, base: base, reason: "", errors: [])) }
        guard let account = context.account else { return Pages.notFound(context) }
        let reason = context.form[reasonField] ?? ""
        let actionContext = ActionContext(
            actor: account.login, today: WebClock.civilDate(context.now), now: { [now = context.now] in WebClock.timestamp(now) })
        let done: EvidenceWithdrawal
        do throws(OfficeError) {
            done = try office.withdrawEvidence(campaign.plan.id, seq: seq, reason: reason, by: audience, as: actionContext)
        } catch {
            let message = error.message.hasPrefix("Rút minh chứng phải có lý do") ? "Nhập lý do rút minh chứng" : error.message
            return .html(
                renderWithdrawal(
                    context, campaign: campaign, record: record, base: base, reason: reason, errors: [FieldError(field: reasonField, message: message)]),
                status: HTTPStatus(422, "Unprocessable Content"))
        }
        return .redirect(to: context.site.link("\(base)/minh-chung?da-rut=\(PercentDecoding.encode(done.record.name))"))
    }

    static func renderWithdrawal(
        _ context: RequestContext, campaign: OpenCampaign, record: EvidenceRecord, base: String, reason: String, errors: [FieldError]
    ) -> String {
        let action = context.site.link("\(base)/minh-chung/\(record.seq)/rut")
        let unit = campaign.roster.unit(record.unit)?.name ?? record.unit
        let main = """
            \(Layout.errorSummary(errors))
            <p><a href="\(HTML.escape(context.site.link(base + "/minh-chung")))">← Minh chứng – \(HTML.escape(campaign.plan.name))</a></p>
            <h1>Rút minh chứng «\(HTML.escape(record.name))»</h1>
            <dl>
            <dt>Đơn vị</dt><dd>\(HTML.escape(unit))</dd>
            <dt>Loại, dung lượng</dt><dd>\(HTML.escape(record.kind.vietnamese)), \(HTML.escape(InputLimits.size(record.size)))</dd>
            <dt>Ngày gửi, người gửi</dt><dd>\(HTML.escape(record.date.vietnamese)), \(HTML.escape(record.actor))</dd>
            </dl>
            <p>Tệp đã rút không còn được liệt kê, tải về hay đưa vào hồ sơ; việc rút được ghi vào nhật ký cùng tài khoản của bạn và lý do, và không hoàn tác được (muốn dùng lại thì gửi lại tệp).</p>
            <form method="post" action="\(HTML.escape(action))" novalidate>
            \(HTML.csrfField(context.csrfToken))
            <div class="\(groupClass(errors, reasonField))">
            <label for="\(reasonField)">Lý do rút (bắt buộc)</label>
            <p id="\(reasonField)-goi-y" class="hint">Ví dụ: gửi nhầm tệp, nhầm biểu mẫu; tối đa \(BackOffice.maximumWithdrawalReasonLength) ký tự.</p>
            \(Layout.inlineError(errors, field: reasonField))
            <textarea id="\(reasonField)" name="\(reasonField)" rows="3"\(describedBy(errors, reasonField, hint: true))>\(HTML.escape(reason))</textarea>
            </div>
            <button type="submit">Rút minh chứng</button>
            </form>
            """
        return Layout.page(title: "Rút minh chứng – \(campaign.plan.name)", context: context, hasErrors: !errors.isEmpty, main: main)
    }

    /// The withdrawn files of a list page: what, whose, when, by whom and why.
    static func withdrawnList(_ campaign: OpenCampaign, _ withdrawn: [EvidenceWithdrawal], showUnit: Bool) -> String {
        guard !withdrawn.isEmpty else { return "" }
        let rows = withdrawn.map { w -> String in
            let unitCell = showUnit ? "<td>\(HTML.escape(campaign.roster.unit(w.record.unit)?.name ?? w.record.unit))</td>" : ""
            return
                "<tr>\(unitCell)<td>\(HTML.escape(w.record.name))</td><td>\(HTML.escape(w.record.date.vietnamese))</td><td>\(HTML.escape(w.date.vietnamese))</td><td>\(HTML.escape(w.actor))</td><td>\(HTML.escape(w.reason))</td></tr>"
        }
        let unitHeader = showUnit ? "<th scope=\"col\">Đơn vị</th>" : ""
        return """
            <table>
            <caption>Minh chứng đã rút (\(withdrawn.count) tệp)</caption>
            <thead><tr>\(unitHeader)<th scope="col">Tệp</th><th scope="col">Ngày gửi</th><th scope="col">Ngày rút</th><th scope="col">Người rút</th><th scope="col">Lý do</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>

            """
    }
}
