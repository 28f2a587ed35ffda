import ThiDuaBase

extension BackOffice {
    /// Every campaign side by side on `today`, and the files skipped for errors.
    /// Reads only what status needs of each journal (`statusDigests()`), so its time does not
    /// grow with the journal's length.
    public func status(today: CivilDate) throws(OfficeError) -> (campaigns: [CampaignStatus], skipped: [String]) {
        let all = try statusDigests()
        return (all.campaigns.map { CampaignStatus(plan: $0.plan, digest: $0.digest, today: today) }, all.skipped)
    }

    /// What falls due from `today` to `today + days` in campaigns not closed, by date; and what
    /// is already past due and incomplete in them (with who is missing), oldest first.
    public func deadlines(today: CivilDate, days: Int) throws(OfficeError) -> (upcoming: [MilestoneProgress], overdue: [MilestoneProgress]) {
        Self.deadlines(in: try status(today: today).campaigns, today: today, days: days)
    }

    /// The names of roster ids, as officials read them (units and people).
    public func names(_ ids: [String], roster: Roster) -> [String] {
        ids.map { id in roster.units.first { $0.id == id }?.name ?? roster.people.first { $0.id == id }?.name ?? id }
    }

    /// The standings of a period ("2026", "2026-6t"; nil: the latest with data).
    public func evaluate(_ reference: String, period: String?, today: CivilDate) throws(OfficeError) -> (OpenCampaign, Evaluation) {
        let campaign = try open(reference)
        return (campaign, campaign.evaluator.evaluate(try campaign.period(period, today: today)))
    }

    /// The one award ledger of the workspace.
    public func awardLedger() throws(OfficeError) -> AwardLedger {
        AwardLedger(campaigns: try allCampaigns().campaigns)
    }

    /// A unit or person of the roster by `don-vi:…`/`ca-nhan:…`, id or name.
    public func participant(_ text: String) throws(OfficeError) -> ParticipantRef {
        let roster = try roster()
        if let ref = ParticipantRef(parsing: text) { return ref }
        if let unit = roster.unit(text) { return .unit(unit.id) }
        if let person = roster.person(text) { return .person(person.id) }
        // Part of a name, with or without diacritics: "thu ha" finds "Nguyễn Thị Thu Hà".
        let wanted = VietnameseText.slug(text)
        if !wanted.isEmpty {
            func matches(_ name: String) -> Bool { "-\(VietnameseText.slug(name))-".contains("-\(wanted)-") }
            let found: [(ParticipantRef, String)] =
                roster.units.filter { matches($0.name) }.map { (.unit($0.id), $0.name) }
                + roster.people.filter { matches($0.name) }.map { (.person($0.id), "\($0.name) (\(roster.unit($0.unit)?.name ?? $0.unit))") }
            if found.count == 1, let only = found.first { return only.0 }
            if found.count > 1 {
                throw OfficeError(
                    .argument,
                    "«\(text)» khớp với \(found.count) đơn vị, cá nhân: "
                        + found.prefix(10).map { "\($0.1) [\($0.0)]" }.joined(separator: "; ") + (found.count > 10 ? "; …" : "")
                        + ". Ghi rõ hơn, hoặc ghi mã trong ngoặc vuông.")
            }
        }
        let names = roster.units.map(\.name) + roster.people.map(\.name)
        let hint = DidYouMean.suggestion(for: text, among: names).map { " Có phải ý bạn là «\($0)»?" } ?? ""
        throw OfficeError(.notFound, "Không tìm thấy đơn vị hay cá nhân «\(text)» trong danh sách.\(hint)")
    }

    /// A participant's awards granted by decisions across every campaign.
    public func record(_ participant: ParticipantRef) throws(OfficeError) -> [YearAward] {
        try awardLedger().history(of: participant)
    }

    /// The year's report across every campaign that runs in `year`.
    public func yearSummary(_ year: Int) throws(OfficeError) -> Document {
        let all = try allCampaigns()
        var parts: [YearSummaryCampaign] = []
        for campaign in all.campaigns where YearSummaryCampaign.runs(campaign.plan, state: campaign.state, in: year) {
            parts.append(
                YearSummaryCampaign(
                    campaign: campaign.resolved, state: campaign.state, evaluation: campaign.evaluator.evaluate(EvaluationPeriod(year: year))))
        }
        guard let builder = YearSummaryBuilder(year: year, campaigns: parts, roster: try roster()) else {
            throw OfficeError(.notFound, "Không có phong trào nào diễn ra trong năm \(year) (xem `thidua status`).")
        }
        return builder.build()
    }
}
