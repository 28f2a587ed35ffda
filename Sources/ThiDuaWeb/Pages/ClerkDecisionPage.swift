import Foundation
import ThiDuaCore

/// The award decision (quyết định khen thưởng): the draft `decide` would record from the last
/// closed review, recorded with the "xác nhận trùng" choice when a person would otherwise be left
/// out for a repeat; then the number and signing day of the signed decision (`numberDecision`);
/// then the downloads (the document routes of `DocumentPages`).
enum ClerkDecisionPage {
    static let dateField = "ngay-quyet-dinh"
    static let numberField = "so-quyet-dinh"
    static let repeatsField = "xac-nhan-trung"
    static let signedNumberField = "so"
    static let signedDateField = "ngay-ky"

    static func register(in router: inout Router) {
        router.get("/can-bo/phong-trao/:campaign/quyet-dinh", access: ClerkPages.access, page)
        router.post("/can-bo/phong-trao/:campaign/quyet-dinh", access: ClerkPages.access, decide)
        router.post("/can-bo/phong-trao/:campaign/quyet-dinh/so", access: ClerkPages.access, number)
    }

    static let page: Handler = { request, context in
        switch ClerkPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign): return .html(render(context, campaign: campaign, notice: ClerkPages.notice(request), values: [:], errors: []))
        }
    }

    static func money(_ amount: Int?) -> String { amount.map { Numbers.grouped($0) + " đồng" } ?? "–" }

    /// The lines of a decision as a table.
    static func table(_ record: DecisionRecord, campaign: OpenCampaign, caption: String) -> String {
        let rows = record.lines.map { line in
            "<tr><td>\(HTML.escape(line.name))</td><td>\(HTML.escape(line.detail))</td><td>\(HTML.escape(campaign.awardTitle(line.award)))</td><td>\(HTML.escape(money(line.amount)))</td></tr>"
        }
        var out = """
            <table>
            <caption>\(HTML.escape(caption))</caption>
            <thead><tr><th scope="col">Đơn vị, cá nhân</th><th scope="col">Chức vụ, đơn vị</th><th scope="col">Hình thức</th><th scope="col">Tiền thưởng</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>

            """
        if !record.upward { out += "<p>Tổng số tiền: \(HTML.escape(money(record.total))).</p>\n" }
        if !record.leftOut.isEmpty {
            out += "<p>Không đưa vào quyết định:</p>\n<ul>\n" + record.leftOut.map { "<li>\(HTML.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        return out
    }

    static func render(_ context: RequestContext, campaign: OpenCampaign, notice: String, values: [String: String], errors: [FieldError]) -> String {
        let id = campaign.plan.id
        let state = campaign.state
        var main = notice
        main += "<h1>Quyết định khen thưởng – \(HTML.escape(campaign.plan.name))</h1>\n" + ClerkPages.navigation(context, campaign)
        let local = Array(zip(state.decisions, state.decisionSeqs).filter { !$0.0.upward })
        // Signed and numbered decisions, with their downloads.
        if !local.isEmpty {
            let documents = ClerkPages.link(context, id, "/tai-lieu")
            let rows = local.enumerated().map { index, pair -> String in
                let (record, _) = pair
                let links = ["docx", "html"].map { format in
                    "<a href=\"\(HTML.escape("\(documents)/quyet-dinh/\(index)/\(format)"))\" download>\(format.uppercased())<span class=\"visually-hidden\"> – quyết định \(index + 1)</span></a>"
                }.joined(separator: " · ")
                let certificates =
                    "<a href=\"\(HTML.escape("\(documents)/giay-khen/\(index)/docx"))\" download>Giấy khen (DOCX)<span class=\"visually-hidden\"> – quyết định \(index + 1)</span></a>"
                return
                    "<tr><td>\(HTML.escape(record.number ?? "Chưa có số (dự thảo)"))</td><td>\(HTML.escape(record.date.vietnamese))</td><td>\(record.lines.count)</td><td>\(HTML.escape(money(record.total)))</td><td>\(links) · \(certificates)</td></tr>"
            }
            main += """
                <h2>Các quyết định</h2>
                <table>
                <caption>Quyết định khen thưởng của phong trào</caption>
                <thead><tr><th scope="col">Số</th><th scope="col">Ngày</th><th scope="col">Số đối tượng</th><th scope="col">Tổng tiền thưởng</th><th scope="col">Tải về</th></tr></thead>
                <tbody>
                \(rows.joined(separator: "\n"))
                </tbody>
                </table>

                """
        }
        // Drafts waiting for their number and signing day.
        for (record, seq) in local where record.number == nil {
            let numberID = "\(signedNumberField)-\(seq)"
            let dateID = "\(signedDateField)-\(seq)"
            let fields = """
                <input type="hidden" name="dong" value="\(seq)">
                \(ClerkPages.textField(numberID, label: "Số quyết định (bắt buộc)", hint: "Ví dụ 45/QĐ-UBND, như trên bản đã ký.", value: values[numberID] ?? "", errors: errors))
                \(ClerkPages.textField(dateID, label: "Ngày ký (bắt buộc)", hint: "Ngày/tháng/năm, ví dụ 25/11/2026.", value: values[dateID] ?? "", errors: errors))
                """
            main += "<h2>Ghi số và ngày ký – dự thảo ngày \(HTML.escape(record.date.vietnamese))</h2>\n"
            main += ClerkPages.form(context, action: ClerkPages.link(context, id, "/quyet-dinh/so"), button: "Ghi số và ngày ký", fields: fields)
        }
        main += draftSection(context, campaign: campaign, values: values, errors: errors)
        return Layout.page(title: "Quyết định khen thưởng", context: context, hasErrors: !errors.isEmpty, main: ClerkPages.summary(errors, body: main) + main)
    }

    /// The draft of the last closed review not yet decided, and the form that records it.
    static func draftSection(_ context: RequestContext, campaign: OpenCampaign, values: [String: String], errors: [FieldError]) -> String {
        guard let review = campaign.state.reviews.last(where: { $0.closed != nil }) else {
            return "<p>Chưa có phiên bình xét nào đã đóng: quyết định khen thưởng lập theo kết quả bình xét của Hội đồng.</p>\n"
        }
        if campaign.state.decisions.contains(where: { $0.review == review.id && !$0.upward }) { return "" }
        var main = "<h2>Dự thảo quyết định theo phiên bình xét «\(HTML.escape(review.id))»</h2>\n"
        var preview = WebClock.civilDate(context.now)
        if let typed = values[dateField], let day = CivilDate(parsing: typed) { preview = day }
        let office = ClerkPages.office(context)
        var repeats = false
        do throws(OfficeError) {
            let draft = try office.draftDecision(campaign.plan.id, date: preview, confirmRepeats: values[repeatsField] == "co")
            repeats = draft.repeatsLeftOut || values[repeatsField] == "co"
            for record in draft.records {
                main += table(
                    record, campaign: campaign,
                    caption: record.upward ? "Đề nghị cấp trên khen thưởng" : "Khen thưởng ở cấp phường, xã (ngày \(preview.vietnamese))")
            }
        } catch {
            main += "<p>\(HTML.escape(error.message))</p>\n"
        }
        var fields = """
            \(ClerkPages.textField(dateField, label: "Ngày quyết định (không bắt buộc)", hint: "Ngày/tháng/năm; để trống: hôm nay. Tiền thưởng tính theo mức lương cơ sở có hiệu lực vào ngày này.", value: values[dateField] ?? "", errors: errors))
            \(ClerkPages.textField(numberField, label: "Số quyết định (không bắt buộc)", hint: "Để trống nếu chưa ký; ghi số sau khi ký.", value: values[numberField] ?? "", errors: errors))
            """
        if repeats {
            let chosen = values[repeatsField]
            let hasError = errors.contains { $0.field == repeatsField }
            fields += """
                <div class="\(hasError ? "form-group form-group-error" : "form-group")">
                <fieldset id="\(repeatsField)" aria-describedby="\(repeatsField)-goi-y\(hasError ? " \(repeatsField)-loi" : "")">
                <legend>Tặng trùng hình thức (bắt buộc chọn)</legend>
                <p id="\(repeatsField)-goi-y" class="hint">Có người được hai loại khen thưởng cùng một hình thức trong quyết định này (xem «Không đưa vào quyết định» ở trên). Luật Thi đua, khen thưởng: một thành tích không khen nhiều lần; chỉ tặng lần nữa khi người ký xác nhận.</p>
                \(Layout.inlineError(errors, field: repeatsField))
                <div class="radio"><input type="radio" id="\(repeatsField)-khong" name="\(repeatsField)" value="khong"\(chosen == "khong" ? " checked" : "")><label for="\(repeatsField)-khong">Không tặng trùng (để ra ngoài quyết định)</label></div>
                <div class="radio"><input type="radio" id="\(repeatsField)-co" name="\(repeatsField)" value="co"\(chosen == "co" ? " checked" : "")><label for="\(repeatsField)-co">Xác nhận trùng: người ký đồng ý tặng cả hai</label></div>
                </fieldset>
                </div>
                """
        }
        main += ClerkPages.form(context, action: ClerkPages.link(context, campaign.plan.id, "/quyet-dinh"), button: "Ghi dự thảo quyết định", fields: fields)
        return main
    }

    /// Re-renders the page with `errors` (422), or 404 when the campaign is not there.
    static func refuse(_ context: RequestContext, values: [String: String], errors: [FieldError]) -> Response {
        guard case .success(let campaign) = ClerkPages.open(context) else { return Pages.notFound(context) }
        return .html(render(context, campaign: campaign, notice: "", values: values, errors: errors), status: ClerkPages.unprocessable)
    }

    /// POST …/quyet-dinh: the draft; when repeats would be left out, the choice is required.
    static let decide: Handler = { _, context in
        guard case .success(let campaign) = ClerkPages.open(context) else { return Pages.notFound(context) }
        var values: [String: String] = [:]
        for field in [dateField, numberField, repeatsField] {
            values[field] = (context.form[field] ?? "").trimmingCharacters(in: .whitespaces)
        }
        var errors: [FieldError] = []
        let date = ClerkPages.date(values[dateField] ?? "", field: dateField, label: "Ngày quyết định", errors: &errors)
        let confirm = values[repeatsField] == "co"
        if errors.isEmpty, values[repeatsField]?.isEmpty != false,
            let draft = try? ClerkPages.office(context).draftDecision(campaign.plan.id, date: date ?? WebClock.civilDate(context.now), confirmRepeats: false),
            draft.repeatsLeftOut
        {
            errors.append(FieldError(field: repeatsField, message: "Chọn có tặng trùng hình thức hay không"))
        }
        guard errors.isEmpty else { return refuse(context, values: values, errors: errors) }
        let number = values[numberField].flatMap { $0.isEmpty ? nil : $0 }
        do throws(OfficeError) {
            _ = try ClerkPages.office(context).decide(campaign.plan.id, date: date, number: number, confirmRepeats: confirm, as: ClerkPages.acting(context))
        } catch {
            let field = error.message.contains("Số quyết định") ? numberField : dateField
            return refuse(context, values: values, errors: ClerkPages.errors(error, field: field))
        }
        return ClerkPages.done(context, campaign.plan.id, "/quyet-dinh", notice: "du-thao")
    }

    /// POST …/quyet-dinh/so: number and signing day of the draft at journal line `dong`.
    static let number: Handler = { _, context in
        guard case .success(let campaign) = ClerkPages.open(context) else { return Pages.notFound(context) }
        guard let seq = context.form["dong"].flatMap({ Int($0) }),
            campaign.state.decisions.indices.contains(where: { campaign.state.decisionSeqs[$0] == seq && campaign.state.decisions[$0].number == nil })
        else {
            return Pages.badRequest(context, message: "Không có dự thảo quyết định chưa có số ở dòng nhật ký đã gửi.")
        }
        let numberID = "\(signedNumberField)-\(seq)"
        let dateID = "\(signedDateField)-\(seq)"
        let values = [
            numberID: (context.form[numberID] ?? "").trimmingCharacters(in: .whitespaces),
            dateID: (context.form[dateID] ?? "").trimmingCharacters(in: .whitespaces),
        ]
        var errors: [FieldError] = []
        if values[numberID]?.isEmpty != false { errors.append(FieldError(field: numberID, message: "Nhập số quyết định, ví dụ 45/QĐ-UBND")) }
        let date = ClerkPages.date(values[dateID] ?? "", field: dateID, label: "Ngày ký", errors: &errors)
        if values[dateID]?.isEmpty != false { errors.append(FieldError(field: dateID, message: "Nhập ngày ký, ví dụ 25/11/2026")) }
        guard errors.isEmpty, let date else { return refuse(context, values: values, errors: errors) }
        do throws(OfficeError) {
            _ = try ClerkPages.office(context).numberDecision(
                campaign.plan.id, decision: seq, number: values[numberID] ?? "", date: date, as: ClerkPages.acting(context))
        } catch {
            let field = error.message.contains("Ngày") ? dateID : numberID
            return refuse(context, values: values, errors: ClerkPages.errors(error, field: field))
        }
        return ClerkPages.done(context, campaign.plan.id, "/quyet-dinh", notice: "so-quyet-dinh")
    }
}
