import Foundation
import ThiDuaCore

/// Which documents a `thidua doc` kind produces for a campaign, named for their files.
enum DossierDocuments {
    static func documents(
        _ kind: String, loaded: LoadedCampaign, history: [ParticipantRef: [String]], arguments: ParsedArguments, context: CommandContext,
        strict: Bool
    ) throws(CLIError) -> [(String, Document)] {
        let plan = loaded.plan
        let builder = DossierBuilder(campaign: loaded.resolved, state: loaded.state, roster: loaded.roster, history: history)
        let period = try loaded.period(arguments, context: context)
        /// Nothing to issue: an error when this kind was asked for, silence under --all.
        func none(_ reason: String) throws(CLIError) -> [(String, Document)] {
            if strict { throw .failure(reason) }
            return []
        }
        switch kind {
        case "plan":
            return [("plan", PlanDocumentBuilder(plan: plan, type: loaded.resolved.definition).build())]
        case "form":
            let forms = loaded.resolved.definition.forms.filter { arguments.values["--form"] == nil || $0.id == arguments.values["--form"] }
            if forms.isEmpty { return try none("Không có biểu mẫu «\(arguments.values["--form"] ?? "")».") }
            let year = FormDocumentBuilder.year(for: plan, today: context.today)
            return forms.map { ("form-\($0.id)", FormDocumentBuilder(plan: plan, form: $0).build(year: year)) }
        case "filled-forms":
            let docs = loaded.state.submissions.compactMap { record in builder.filledForm(record).map { ("nop-\(record.seq)-\(record.form)", $0) } }
            return docs.isEmpty ? try none("Chưa có biểu mẫu nào được nộp.") : docs
        case "so-ket", "tong-ket":
            let reportKind: ReportKind = kind == "so-ket" ? .soKet : .tongKet
            let reportPeriod = reportKind == .soKet && arguments.values["--period"] == nil ? EvaluationPeriod(year: period.year, halfYear: true) : period
            return [(kind, builder.report(reportKind, evaluation: loaded.evaluator.evaluate(reportPeriod)))]
        case "bien-ban":
            guard let review = loaded.state.reviews.last else { return try none("Chưa có phiên bình xét nào (`thidua review open`).") }
            return [("bien-ban", builder.minutes(review))]
        case "to-trinh", "to-trinh-cap-tren":
            let upward = kind == "to-trinh-cap-tren"
            guard let review = loaded.state.reviews.last(where: { $0.closed != nil }) else {
                return try none("Chưa có phiên bình xét nào đã đóng (`thidua review close`).")
            }
            let approved = review.results(present: review.closed?.present.count ?? 0).filter { r in
                r.approved && (plan.awards.first { $0.id == r.nominee.award }?.level == .upward) == upward
            }
            if approved.isEmpty { return try none(upward ? "Không có đề nghị nào lên cấp trên." : "Không có đề nghị khen thưởng nào ở cấp phường, xã.") }
            return [(kind, builder.proposal(review, upward: upward))]
        case "thanh-tich":
            guard let review = loaded.state.reviews.last(where: { $0.closed != nil }) else {
                return try none("Chưa có phiên bình xét nào đã đóng (`thidua review close`).")
            }
            let evaluation = loaded.evaluator.evaluate(review.period)
            var seen: Set<ParticipantRef> = []
            var docs: [(String, Document)] = []
            for r in review.results(present: review.closed?.present.count ?? 0) where r.approved && seen.insert(r.nominee.participant).inserted {
                docs.append(("thanh-tich-\(r.nominee.participant.id)", builder.achievementReport(r.nominee.participant, evaluation: evaluation)))
            }
            return docs.isEmpty ? try none("Không có đối tượng nào được Hội đồng thông qua.") : docs
        case "quyet-dinh", "giay-khen":
            let decisions = loaded.state.decisions.filter { !$0.upward }
            guard !decisions.isEmpty else { return try none("Chưa có quyết định khen thưởng (`thidua decide`).") }
            return decisions.enumerated().map { index, record in
                let suffix = decisions.count > 1 ? "-\(index + 1)" : ""
                return (kind + suffix, kind == "quyet-dinh" ? builder.decision(record) : builder.certificates(record))
            }
        case "bang-diem", "xep-loai":
            let tables = loaded.resolved.scoringTables
            if tables.isEmpty { return try none("Kế hoạch không có bảng chấm điểm («scoring»).") }
            let scoring = ScoringDocumentBuilder(campaign: loaded.resolved, roster: loaded.roster)
            let evaluation = loaded.evaluator.evaluate(period)
            if kind == "xep-loai" { return tables.map { ("xep-loai-\($0.id)", scoring.ratingTable($0, evaluation: evaluation)) } }
            var docs = tables.map { ("bang-diem-\($0.id)", scoring.sheet($0, year: period.year)) }
            for s in evaluation.standings {
                for sheet in s.scores where sheet.selfTotal != nil || sheet.items.contains(where: { $0.appraised != nil }) {
                    guard let table = tables.first(where: { $0.id == sheet.table }) else { continue }
                    docs.append(
                        ("bang-diem-\(table.id)-\(s.participant.id)", scoring.sheet(table, filled: sheet, participant: s.participant, year: period.year)))
                }
            }
            return docs
        default:
            return try none("Loại văn bản «\(kind)» không có.")
        }
    }

    /// The year's cross-campaign report: every campaign of the workspace that runs in `year`,
    /// with its journal and standings for the year.
    static func yearSummary(_ year: Int, context: CommandContext) throws(CLIError) -> Document {
        let roster = try RosterCommand.loadRoster(context)
        var parts: [YearSummaryCampaign] = []
        for entry in try WorkspaceCampaigns.load(context) where YearSummaryCampaign.runs(entry.plan, state: entry.state, in: year) {
            guard let type = context.registry.type(entry.plan.type) else { continue }
            let campaign = ResolvedCampaign(plan: entry.plan, type: type)
            let evaluation = Evaluator(campaign: campaign, state: entry.state, roster: roster).evaluate(EvaluationPeriod(year: year))
            parts.append(YearSummaryCampaign(campaign: campaign, state: entry.state, evaluation: evaluation))
        }
        guard let builder = YearSummaryBuilder(year: year, campaigns: parts, roster: roster) else {
            throw .failure("Không có chiến dịch nào diễn ra trong năm \(year) (xem `thidua status`).")
        }
        return builder.build()
    }

    /// Each participant's awards in every campaign of the workspace: "Năm 2025: Giấy khen … (Quyết định số …)".
    static func awardHistory(_ context: CommandContext) throws(CLIError) -> [ParticipantRef: [String]] {
        var out: [ParticipantRef: [String]] = [:]
        for entry in try AwardLedger.entries(context) where entry.status == "quyết định" {
            guard let who = ParticipantRef(parsing: entry.participant) else { continue }
            out[who, default: []].append(
                "Năm \(entry.year): \(entry.awardTitle)" + (entry.number.map { ", Quyết định số \($0)" } ?? "") + (entry.date.map { " ngày \($0)" } ?? "")
                    + " («\(entry.campaignName)»)")
        }
        return out
    }
}
