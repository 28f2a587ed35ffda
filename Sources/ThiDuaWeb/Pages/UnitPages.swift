import Foundation
import ThiDuaCore

/// The pages of a unit head: its campaigns, the forms to fill, deadlines, results and history.
///
/// Every handler reads the unit from `account.unit`, never from the request; a campaign the unit
/// is not enrolled in is answered with 404 (so another unit's campaigns are not even confirmed).
enum UnitPages {
    static func register(in router: inout Router) {
        router.get("/don-vi/phong-trao/:campaign", access: .roles([.unit]), campaignPage)
        router.get("/don-vi/phong-trao/:campaign/bieu-mau/:form", access: .roles([.unit]), formPage)
        router.post("/don-vi/phong-trao/:campaign/bieu-mau/:form", access: .roles([.unit]), submitForm)
    }

    static func office(_ context: RequestContext) -> BackOffice {
        BackOffice(workspace: context.site.workspace, registry: context.site.registry)
    }

    /// The campaign and the unit, or the page to answer with (404 when the unit is not enrolled).
    static func open(_ context: RequestContext) -> Result<(OpenCampaign, ThiDuaCore.Unit), PageRefusal> {
        guard let unitID = context.account?.unit, let id = context.parameters["campaign"], Identifier.problem(id) == nil else {
            return .failure(PageRefusal(Pages.notFound(context)))
        }
        let campaign: OpenCampaign
        do throws(OfficeError) {
            campaign = try office(context).open(id)
        } catch {
            return .failure(PageRefusal(error.kind == .notFound ? Pages.notFound(context) : Pages.serverError(context, message: error.message)))
        }
        guard campaign.state.units.contains(unitID), let unit = campaign.roster.unit(unitID) else {
            return .failure(PageRefusal(Pages.notFound(context)))
        }
        return .success((campaign, unit))
    }

    /// The forms a unit head fills: those for a collective (or for anyone), and those for a person.
    static func forms(_ campaign: OpenCampaign) -> [FormSpec] {
        campaign.resolved.definition.forms
    }

    /// GET /don-vi/phong-trao/:campaign
    static let campaignPage: Handler = { request, context in
        let (campaign, unit): (OpenCampaign, ThiDuaCore.Unit)
        switch open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): (campaign, unit) = found
        }
        let today = WebClock.civilDate(context.now)
        let base = context.site.link("/don-vi/phong-trao/\(campaign.plan.id)")
        var main = "<h1>\(HTML.escape(campaign.plan.name))</h1>\n<p>Đơn vị: <strong>\(HTML.escape(unit.name))</strong></p>\n"
        if let sent = request.query["da-nop"] {
            main += "<div class=\"notice\" role=\"status\"><p>Đã ghi nhận hồ sơ «\(HTML.escape(sent))». Cảm ơn đơn vị.</p></div>\n"
        }
        // Forms.
        let formRows = forms(campaign).map { form in
            "<tr><td><a href=\"\(HTML.escape(base + "/bieu-mau/" + form.id))\">\(HTML.escape(form.title))</a></td><td>\(form.filledBy?.vietnamese ?? "mọi đối tượng")</td></tr>"
        }
        main += """
            <h2>Biểu mẫu cần điền</h2>
            <table>
            <caption>Biểu mẫu của phong trào</caption>
            <thead><tr><th scope="col">Biểu mẫu</th><th scope="col">Dành cho</th></tr></thead>
            <tbody>
            \(formRows.joined(separator: "\n"))
            </tbody>
            </table>

            """
        main += "<p><a href=\"\(HTML.escape(base + "/minh-chung"))\">Minh chứng của đơn vị (xem, gửi tệp)</a></p>\n"
        // Deadlines: the unit's own state only (its id among the missing or not).
        let status = CampaignStatus(plan: campaign.plan, state: campaign.state, today: today)
        let deadlineRows = status.milestones.filter { $0.form != nil }.map { milestone -> String in
            let sent = campaign.state.submissions.contains { $0.form == milestone.form && $0.from.contains(unit.id) }
            let state: String
            if sent {
                state = "Đã nộp"
            } else if !milestone.missing.contains(unit.id) {
                state = "Không do đơn vị nộp"
            } else {
                state = milestone.lastDay < today ? "Quá hạn, chưa nộp" : "Chưa nộp"
            }
            return "<tr><td>\(HTML.escape(milestone.title))</td><td>\(HTML.escape(milestone.due.vietnamese))</td><td>\(HTML.escape(state))</td></tr>"
        }
        main += "<h2>Thời hạn</h2>\n" + deadlineChart(status, campaign: campaign, unit: unit, today: today)
        main += """
            \(deadlineRows.isEmpty ? "<p>Phong trào không có thời hạn nộp hồ sơ.</p>" : """
            <table>
            <caption>Thời hạn nộp hồ sơ của đơn vị</caption>
            <thead><tr><th scope="col">Việc cần nộp</th><th scope="col">Hạn</th><th scope="col">Tình trạng của đơn vị</th></tr></thead>
            <tbody>
            \(deadlineRows.joined(separator: "\n"))
            </tbody>
            </table>
            """)

            """
        // Results: the unit's own standing only.
        main += "<h2>Kết quả đánh giá</h2>\n"
        do throws(OfficeError) {
            let (_, evaluation) = try office(context).evaluate(campaign.plan.id, period: nil, today: today)
            if let standing = evaluation.standings.first(where: { $0.participant == ParticipantRef(.collective, unit.id) }) {
                main += resultCharts(evaluation, campaign: campaign, unit: unit)
                main += standingTable(standing, period: evaluation.period)
            } else {
                main += "<p>Chưa có kết quả đánh giá của đơn vị.</p>\n"
            }
        } catch {
            main += "<p>\(HTML.escape(error.message))</p>\n"
        }
        // History: the unit's own submissions.
        let own = campaign.state.submissions.filter { $0.from.contains(unit.id) }
        let historyRows = own.map { record in
            let title = (try? campaign.form(record.form))?.title ?? record.form
            return
                "<tr><td>\(HTML.escape(record.date.vietnamese))</td><td>\(HTML.escape(title))</td><td>\(record.rows.count)</td><td>\(record.late ? "Nộp muộn" : "Đúng hạn")</td><td>\(HTML.escape(record.actor))</td></tr>"
        }
        main += """
            <h2>Lịch sử nộp hồ sơ</h2>
            \(historyRows.isEmpty ? "<p>Đơn vị chưa nộp hồ sơ nào.</p>" : """
            <table>
            <caption>Hồ sơ đơn vị đã nộp</caption>
            <thead><tr><th scope="col">Ngày</th><th scope="col">Biểu mẫu</th><th scope="col">Số dòng</th><th scope="col">Thời hạn</th><th scope="col">Người nộp</th></tr></thead>
            <tbody>
            \(historyRows.joined(separator: "\n"))
            </tbody>
            </table>
            """)
            """
        return .html(Layout.page(title: campaign.plan.name, context: context, main: main))
    }

    static func standingTable(_ standing: Standing, period: EvaluationPeriod) -> String {
        var rows = standing.criteria.map { criterion in
            "<tr><td>\(HTML.escape(criterion.text))</td><td>\(HTML.escape(criterion.truth.vietnamese))</td><td>\(HTML.escape(criterion.explanation))</td></tr>"
        }
        rows += standing.indicators.map { indicator in
            "<tr><td>\(HTML.escape(indicator.title))</td><td>\(HTML.escape(indicator.truth.vietnamese))</td><td>\(HTML.escape(indicator.explanation))</td></tr>"
        }
        rows += standing.awards.map { award in
            "<tr><td>\(HTML.escape(award.title))</td><td>\(HTML.escape(award.truth.vietnamese))</td><td>\(HTML.escape(award.explanation))</td></tr>"
        }
        let rank = standing.rank.map { "Xếp hạng: \($0)." } ?? "Chưa xếp hạng (còn thiếu số liệu)."
        return """
            <p>Kỳ đánh giá: \(HTML.escape(period.description)). \(HTML.escape(rank))</p>
            <table>
            <caption>Tiêu chí, chỉ tiêu và hình thức khen thưởng của đơn vị</caption>
            <thead><tr><th scope="col">Nội dung</th><th scope="col">Kết quả</th><th scope="col">Giải thích</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>

            """
    }
}

/// A response a lookup ends on instead of going on (404, 403, 500).
struct PageRefusal: Error {
    var response: Response
    init(_ response: Response) { self.response = response }
}
