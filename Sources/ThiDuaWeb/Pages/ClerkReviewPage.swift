import Foundation
import ThiDuaCore

/// The council review (bình xét) as the clerk runs it: open it with the members and the
/// nominees the back office proposes, follow who has voted (never what: ballots are the
/// members' own, and a secret ballot is not recorded by name at all), enter a paper tally sheet,
/// close it with the absent members.
enum ClerkReviewPage {
    static let periodField = "ky"
    static let membersField = "thanh-vien"
    /// The members as a file (CSV or .xlsx) instead of typed.
    static let membersFileField = "tep-thanh-vien"
    static let dateField = "ngay-hop"
    static let placeField = "dia-diem"
    static let tallyField = "kiem-phieu"
    static let closeField = "dong-phien"
    static let closeDateField = "ngay-dong"
    static let memberHeader = "Họ và tên,Chức vụ trong Hội đồng"

    static func register(in router: inout Router) {
        router.get("/can-bo/phong-trao/:campaign/binh-xet", access: ClerkPages.access, page)
        router.post("/can-bo/phong-trao/:campaign/binh-xet/mo", access: ClerkPages.access, openReview)
        router.post("/can-bo/phong-trao/:campaign/binh-xet/kiem-phieu", access: ClerkPages.access, tally)
        router.post("/can-bo/phong-trao/:campaign/binh-xet/dong", access: ClerkPages.access, closeReview)
    }

    /// The members sheet offered before anything is typed: the council accounts linked to a member's name.
    static func suggestedMembers(_ context: RequestContext) -> String {
        let accounts = (try? context.site.accounts.all()) ?? []
        let names = accounts.filter { $0.role == .council && !$0.disabled }.compactMap(\.member).filter { !$0.isEmpty }
        // A name with a comma or a quote is quoted, as CSV reads it.
        let lines = names.map { name in
            (name.contains(",") || name.contains("\"") ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name) + ",Ủy viên"
        }
        return ([memberHeader] + lines).joined(separator: "\n")
    }

    static func name(_ participant: ParticipantRef, _ campaign: OpenCampaign) -> String { participant.name(in: campaign.roster) }

    static let page: Handler = { request, context in
        switch ClerkPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign):
            return .html(render(context, campaign: campaign, notice: ClerkPages.notice(request), values: [:], errors: [], period: request.query[periodField]))
        }
    }

    static func render(
        _ context: RequestContext, campaign: OpenCampaign, notice: String, values: [String: String], errors: [FieldError], period: String? = nil
    ) -> String {
        var main = notice
        main += "<h1>Bình xét – \(HTML.escape(campaign.plan.name))</h1>\n" + ClerkPages.navigation(context, campaign)
        if let review = campaign.state.openReview {
            main += progress(context, campaign: campaign, review: review, values: values, errors: errors)
        } else {
            if let last = campaign.state.reviews.last(where: { $0.closed != nil }) { main += results(campaign, review: last) }
            main += openForm(context, campaign: campaign, values: values, errors: errors, period: values[periodField] ?? period)
        }
        return Layout.page(title: "Bình xét", context: context, hasErrors: !errors.isEmpty, main: ClerkPages.summary(errors, body: main) + main)
    }

    /// The form that opens a review, with the nominees it would take.
    static func openForm(
        _ context: RequestContext, campaign: OpenCampaign, values: [String: String], errors: [FieldError], period: String?
    )
        -> String
    {
        let again = campaign.state.reviews.contains { $0.closed != nil }
        var main =
            again
            ? "<h2>Mở phiên bình xét mới</h2>\n<p>Chỉ mở phiên mới khi Hội đồng bình xét lại, hoặc bình xét một kỳ khác.</p>\n"
            : "<h2>Mở phiên bình xét</h2>\n"
        let text = period?.trimmingCharacters(in: .whitespaces)
        if let chosen = try? campaign.period(text?.isEmpty == false ? text : nil, today: WebClock.civilDate(context.now)) {
            let nominees = ClerkPages.office(context).proposedNominees(campaign, period: chosen)
            if nominees.isEmpty {
                main += "<p>Chưa có đơn vị, cá nhân nào đủ điều kiện khen thưởng \(HTML.escape(chosen.vietnamese)), nên chưa mở được phiên bình xét.</p>\n"
            } else {
                let rows = nominees.map {
                    "<tr><td>\(HTML.escape($0.id))</td><td>\(HTML.escape(name($0.participant, campaign)))</td><td>\(HTML.escape(campaign.awardTitle($0.award)))</td></tr>"
                }
                main += """
                    <table>
                    <caption>Đề cử theo kết quả đánh giá \(HTML.escape(chosen.vietnamese)) (mọi đối tượng đủ điều kiện)</caption>
                    <thead><tr><th scope="col">Mã đề cử</th><th scope="col">Đơn vị, cá nhân</th><th scope="col">Hình thức</th></tr></thead>
                    <tbody>
                    \(rows.joined(separator: "\n"))
                    </tbody>
                    </table>

                    """
            }
        }
        let membersError = errors.contains { $0.field == membersField }
        let fileError = errors.contains { $0.field == membersFileField }
        let fields = """
            \(ClerkPages.textField(periodField, label: "Kỳ đánh giá", hint: "Ví dụ 2026 hoặc 2026-6t; để trống: kỳ mới nhất có số liệu.", value: values[periodField] ?? period ?? "", errors: errors))
            <div class="\(membersError ? "form-group form-group-error" : "form-group")">
            <label for="\(membersField)">Thành viên Hội đồng (bắt buộc)</label>
            <p id="\(membersField)-goi-y" class="hint">Mỗi dòng một thành viên, dưới dòng tiêu đề: họ và tên, dấu phẩy, chức vụ trong Hội đồng (Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, Thư ký, Ủy viên). Có thể dán hai cột từ bảng tính Excel. Tên phải đúng như tên gắn với tài khoản của thành viên để họ bỏ phiếu được.</p>
            \(Layout.inlineError(errors, field: membersField))
            <textarea id="\(membersField)" name="\(membersField)" rows="8" aria-describedby="\(membersField)-goi-y\(membersError ? " \(membersField)-loi" : "")">\(HTML.escape(values[membersField] ?? suggestedMembers(context)))</textarea>
            </div>
            <div class="\(fileError ? "form-group form-group-error" : "form-group")">
            <label for="\(membersFileField)">Hoặc tệp danh sách thành viên (không bắt buộc)</label>
            <p id="\(membersFileField)-goi-y" class="hint">Tệp CSV hoặc Excel (.xlsx), tối đa \(HTML.escape(InputLimits.size(ReviewSheets.membersFileLimit.bytes))), có cột «Họ và tên» và «Chức vụ trong Hội đồng». Khi chọn tệp, ô ở trên không được dùng.</p>
            \(Layout.inlineError(errors, field: membersFileField))
            <input type="file" id="\(membersFileField)" name="\(membersFileField)" accept=".csv,.xlsx" aria-describedby="\(membersFileField)-goi-y\(fileError ? " \(membersFileField)-loi" : "")">
            </div>
            \(ClerkPages.textField(dateField, label: "Ngày họp (không bắt buộc)", hint: "Ngày/tháng/năm; để trống: hôm nay.", value: values[dateField] ?? "", errors: errors))
            \(ClerkPages.textField(placeField, label: "Địa điểm (không bắt buộc)", value: values[placeField] ?? "", errors: errors))
            """
        main += ClerkPages.form(
            context, action: ClerkPages.link(context, campaign.plan.id, "/binh-xet/mo"), button: "Mở phiên bình xét", fields: fields, multipart: true)
        return main
    }

    /// Who has voted, the nominees with the number of votes recorded, the tally and close forms.
    static func progress(
        _ context: RequestContext, campaign: OpenCampaign, review: ReviewRecord, values: [String: String], errors: [FieldError]
    )
        -> String
    {
        let id = campaign.plan.id
        var main = """
            <p>Phiên «\(HTML.escape(review.id))», \(HTML.escape(review.period.vietnamese)), họp ngày \(HTML.escape(review.date.vietnamese))\(review.place.map { ", tại \(HTML.escape($0))" } ?? "").</p>
            <p>\(review.secret ? "Phiên này bỏ phiếu kín: phiếu bỏ và kiểm trên giấy; nhập kết quả kiểm phiếu dưới đây." : "Thành viên Hội đồng bỏ phiếu trên trang của mình; trang này chỉ cho biết ai đã bỏ phiếu, không cho biết nội dung phiếu.")</p>

            """
        let memberRows = review.members.map { member -> String in
            let state = review.secret ? "Bỏ phiếu kín (không ghi theo tên)" : (review.ballots[member.name] == nil ? "Chưa bỏ phiếu" : "Đã bỏ phiếu")
            return "<tr><td>\(HTML.escape(member.name))</td><td>\(HTML.escape(member.role))</td><td>\(HTML.escape(state))</td></tr>"
        }
        let voted = review.members.filter { review.ballots[$0.name] != nil }.count
        main += """
            <table>
            <caption>Thành viên Hội đồng\(review.secret ? "" : ": \(voted)/\(review.members.count) đã bỏ phiếu")</caption>
            <thead><tr><th scope="col">Họ và tên</th><th scope="col">Chức vụ</th><th scope="col">Phiếu</th></tr></thead>
            <tbody>
            \(memberRows.joined(separator: "\n"))
            </tbody>
            </table>

            """
        // The tally sheet: three counts per nominee.
        let tallyError = errors.contains { $0.field == tallyField }
        let nomineeRows = review.nominees.map { nominee -> String in
            let recorded = review.tallies[nominee.id]
            let cells = [
                ("dong-y", "Đồng ý", recorded?.agree), ("khong-dong-y", "Không đồng ý", recorded?.disagree),
                ("khong-bieu-quyet", "Không biểu quyết", recorded?.conflict),
            ]
            .map { key, label, count -> String in
                let field = "\(key)-\(nominee.id)"
                let value = values[field] ?? count.map(String.init) ?? ""
                return
                    "<td><label for=\"\(HTML.escape(field))\" class=\"visually-hidden\">\(label), đề cử \(HTML.escape(nominee.id))</label>\(Layout.inlineError(errors, field: field))<input type=\"text\" inputmode=\"numeric\" size=\"4\" id=\"\(HTML.escape(field))\" name=\"\(HTML.escape(field))\" value=\"\(HTML.escape(value))\"\(Layout.describedBy(errors, field: field))></td>"
            }.joined()
            return
                "<tr><td>\(HTML.escape(nominee.id))</td><td>\(HTML.escape(name(nominee.participant, campaign)))</td><td>\(HTML.escape(campaign.awardTitle(nominee.award)))</td>\(cells)</tr>"
        }
        let tallyFields = """
            <div id="\(tallyField)" class="\(tallyError ? "form-group form-group-error" : "form-group")">
            \(Layout.inlineError(errors, field: tallyField))
            <table>
            <caption>Kết quả kiểm phiếu trên giấy (số phiếu)</caption>
            <thead><tr><th scope="col">Mã đề cử</th><th scope="col">Đơn vị, cá nhân</th><th scope="col">Hình thức</th><th scope="col">Đồng ý</th><th scope="col">Không đồng ý</th><th scope="col">Không biểu quyết</th></tr></thead>
            <tbody>
            \(nomineeRows.joined(separator: "\n"))
            </tbody>
            </table>
            </div>
            """
        main += "<h2>Kiểm phiếu</h2>\n"
        if !review.secret {
            main += "<p>Chỉ nhập khi Hội đồng kiểm phiếu trên giấy; kết quả kiểm phiếu thay cho phiếu đã bỏ trên trang.</p>\n"
        }
        main += ClerkPages.form(context, action: ClerkPages.link(context, id, "/binh-xet/kiem-phieu"), button: "Ghi kết quả kiểm phiếu", fields: tallyFields)
        // Close: the absent members.
        let absent = Set((values[closeField] ?? "").split(separator: "\n").map(String.init))
        let boxes = review.members.enumerated().map { index, member in
            "<div class=\"radio\"><input type=\"checkbox\" id=\"vang-mat-\(index)\" name=\"vang-mat\" value=\"\(HTML.escape(member.name))\"\(absent.contains(member.name) ? " checked" : "")><label for=\"vang-mat-\(index)\">\(HTML.escape(member.name)) vắng mặt</label></div>"
        }.joined(separator: "\n")
        let closeError = errors.contains { $0.field == closeField }
        let closeFields = """
            <div class="\(closeError ? "form-group form-group-error" : "form-group")">
            <fieldset id="\(closeField)"\(Layout.describedBy(errors, field: closeField))>
            <legend>Thành viên vắng mặt</legend>
            \(Layout.inlineError(errors, field: closeField))
            \(boxes)
            </fieldset>
            </div>
            \(ClerkPages.textField(closeDateField, label: "Ngày họp (không bắt buộc)", hint: "Ngày/tháng/năm; để trống: ngày đã ghi khi mở phiên.", value: values[closeDateField] ?? "", errors: errors))
            """
        main += "<h2>Đóng phiên bình xét</h2>\n<p>Đóng phiên khi đã đủ phiếu: kết quả được tính theo số thành viên có mặt.</p>\n"
        main += ClerkPages.form(context, action: ClerkPages.link(context, id, "/binh-xet/dong"), button: "Đóng phiên bình xét", fields: closeFields)
        return main
    }

    /// The results of a closed review.
    static func results(_ campaign: OpenCampaign, review: ReviewRecord) -> String {
        let present = review.closed?.present.count ?? 0
        let rows = review.results(present: present, roster: campaign.roster).map { result in
            "<tr><td>\(HTML.escape(result.nominee.id))</td><td>\(HTML.escape(name(result.nominee.participant, campaign)))</td><td>\(HTML.escape(campaign.awardTitle(result.nominee.award)))</td><td>\(result.approved ? "Được đề nghị" : "Không được đề nghị")</td><td>\(HTML.escape(result.explanation))</td></tr>"
        }
        return """
            <h2>Kết quả phiên «\(HTML.escape(review.id))»</h2>
            <table>
            <caption>Kết quả bình xét \(HTML.escape(review.period.vietnamese)), có mặt \(present)/\(review.members.count) thành viên</caption>
            <thead><tr><th scope="col">Mã đề cử</th><th scope="col">Đơn vị, cá nhân</th><th scope="col">Hình thức</th><th scope="col">Kết quả</th><th scope="col">Giải thích</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>

            """
    }
}
