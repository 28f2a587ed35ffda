import Foundation
import ThiDuaCore

/// The council member's page: the open review, its nominees with their evaluation and evidence
/// files (each a download link), and the member's own ballot. The member is the account's
/// `member` name, never a form field; no other member's ballot is ever shown, and a
/// secret-ballot review takes no ballot by name.
enum CouncilPages {
    static let votes: [(Vote, String)] = [(.agree, "Đồng ý"), (.disagree, "Không đồng ý"), (.conflict, "Không biểu quyết vì xung đột lợi ích")]

    static func register(in router: inout Router) {
        router.get("/hoi-dong/phong-trao/:campaign", access: .roles([.council]), page)
        router.post("/hoi-dong/phong-trao/:campaign", access: .roles([.council]), castBallot)
    }

    static func open(_ context: RequestContext) -> Result<OpenCampaign, PageRefusal> {
        guard let id = context.parameters["campaign"], Identifier.problem(id) == nil else { return .failure(PageRefusal(Pages.notFound(context))) }
        do throws(OfficeError) {
            return .success(try UnitPages.office(context).open(id))
        } catch {
            return .failure(PageRefusal(error.kind == .notFound ? Pages.notFound(context) : Pages.serverError(context, message: error.message)))
        }
    }

    static let page: Handler = { _, context in
        switch open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign): return .html(render(context, campaign: campaign, chosen: [:], errors: [], notice: nil))
        }
    }

    static let castBallot: Handler = { _, context in
        let campaign: OpenCampaign
        switch open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): campaign = found
        }
        guard let account = context.account, let review = campaign.state.openReview else { return Pages.notFound(context) }
        var chosen: [String: Vote] = [:]
        for nominee in review.nominees {
            if let text = context.form["phieu-\(nominee.id)"], !text.isEmpty {
                guard let vote = Vote(rawValue: text) else { return Pages.badRequest(context, message: "Biểu quyết «\(text)» không hợp lệ.") }
                chosen[nominee.id] = vote
            }
        }
        let actionContext = ActionContext(
            actor: account.login, today: WebClock.civilDate(context.now), now: { [now = context.now] in WebClock.timestamp(now) })
        do throws(OfficeError) {
            _ = try UnitPages.office(context).vote(
                campaign.plan.id, ballots: [(member: account.member ?? "", votes: chosen)], sheet: nil, as: actionContext)
        } catch {
            let field = review.nominees.first.map { "phieu-\($0.id)" } ?? "noi-dung"
            return .html(
                render(context, campaign: campaign, chosen: chosen, errors: [FieldError(field: field, message: error.message)], notice: nil),
                status: HTTPStatus(422, "Unprocessable Content"))
        }
        return .redirect(to: context.site.link("/hoi-dong/phong-trao/\(campaign.plan.id)?da-bo-phieu=1"))
    }

    static func render(_ context: RequestContext, campaign: OpenCampaign, chosen: [String: Vote], errors: [FieldError], notice: String?) -> String {
        var main = Layout.errorSummary(errors) + "\n<h1>Bình xét – \(HTML.escape(campaign.plan.name))</h1>\n"
        guard let review = campaign.state.openReview else {
            return Layout.page(title: "Bình xét", context: context, main: main + "<p>Phong trào chưa có phiên bình xét nào đang mở.</p>")
        }
        let member = context.account?.member.flatMap { review.member(named: $0) }
        main += "<p><a href=\"\(HTML.escape(context.site.link("/hoi-dong/phong-trao/\(campaign.plan.id)/minh-chung")))\">Minh chứng của các đề cử</a></p>\n"
        main += "<p>Phiên «\(HTML.escape(review.id))», kỳ \(HTML.escape(review.period.vietnamese)), họp ngày \(HTML.escape(review.date.vietnamese)).</p>\n"
        if member == nil {
            main += "<p class=\"notice\">Tài khoản của bạn chưa gắn với tên một thành viên của phiên này, nên chưa bỏ phiếu được. Hãy báo cán bộ thi đua.</p>\n"
        }
        let standings = campaign.evaluator.evaluate(review.period).standings
        let own = member.map { review.ballots[$0.name] ?? [:] } ?? [:]
        let evidence = UnitPages.office(context).nomineeEvidence(in: campaign)
        let canVote = member != nil && !review.secret && review.closed == nil
        let rows = review.nominees.map { nominee -> String in
            let name = campaign.roster.unit(nominee.participant.id)?.name ?? campaign.roster.person(nominee.participant.id)?.name ?? nominee.participant.id
            let eligibility = standings.first { $0.participant == nominee.participant }?.awards.first { $0.award == nominee.award }
            let why = eligibility.map { "\($0.truth.vietnamese): \($0.explanation)" } ?? "Chưa có kết quả đánh giá."
            var cell = own[nominee.id].map { "Bạn đã chọn: \($0.vietnamese)" } ?? "Chưa bỏ phiếu"
            if canVote {
                let selected = chosen[nominee.id] ?? own[nominee.id]
                let field = "phieu-\(nominee.id)"
                let options = votes.map { vote, label in
                    "<option value=\"\(vote.rawValue)\"\(selected == vote ? " selected" : "")>\(HTML.escape(label))</option>"
                }.joined()
                cell =
                    "<p>\(cell)</p><label for=\"\(field)\">Biểu quyết cho đề cử \(HTML.escape(nominee.id))</label>\(Layout.inlineError(errors, field: field))<select id=\"\(field)\" name=\"\(field)\"\(Layout.describedBy(errors, field: field))><option value=\"\">— Chưa chọn —</option>\(options)</select>"
            }
            return
                "<tr><td>\(HTML.escape(nominee.id))</td><td>\(HTML.escape(name))</td><td>\(HTML.escape(campaign.awardTitle(nominee.award)))</td><td>\(HTML.escape(why))</td><td>\(evidenceCell(context, campaign: campaign, records: evidence[nominee.id] ?? []))</td><td>\(cell)</td></tr>"
        }
        let table = """
            <table>
            <caption>Danh sách đề cử</caption>
            <thead><tr><th scope="col">Mã</th><th scope="col">Đơn vị, cá nhân</th><th scope="col">Hình thức</th><th scope="col">Kết quả đánh giá</th><th scope="col">Minh chứng</th><th scope="col">Phiếu của bạn</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
        if review.secret {
            main += "<p>Phiên này bỏ phiếu kín: phiếu được bỏ và kiểm trên giấy; trang này không ghi và không hiển thị phiếu theo tên.</p>\n" + table
        } else if canVote {
            let action = context.site.link("/hoi-dong/phong-trao/\(campaign.plan.id)")
            main += """
                <form method="post" action="\(HTML.escape(action))" novalidate>
                \(HTML.csrfField(context.csrfToken))
                \(table)
                <button type="submit">Ghi phiếu của tôi</button>
                </form>
                """
        } else {
            main += table
        }
        return Layout.page(title: "Bình xét", context: context, hasErrors: !errors.isEmpty, main: main)
    }

    /// A nominee's evidence files: each a download link the council may follow, with its kind,
    /// size and day; what the nominee's unit sent, from `BackOffice.nomineeEvidence`.
    static func evidenceCell(_ context: RequestContext, campaign: OpenCampaign, records: [EvidenceRecord]) -> String {
        guard !records.isEmpty else { return "Chưa có minh chứng." }
        let base = "/hoi-dong/phong-trao/\(campaign.plan.id)/minh-chung"
        let items = records.map { record in
            let link = context.site.link("\(base)/\(record.seq)")
            let facts = "\(record.kind.vietnamese), \(InputLimits.size(record.size)), ngày \(record.date.vietnamese)"
            return "<li><a href=\"\(HTML.escape(link))\" download>\(HTML.escape(record.name))</a> (\(HTML.escape(facts)))</li>"
        }
        return "<ul>" + items.joined() + "</ul>"
    }
}
