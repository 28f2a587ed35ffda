import ThiDuaBase

/// Every award of the workspace, every year, in one place: granted by a decision, proposed to
/// the level above, or approved by the council and not yet decided.
///
/// `thidua awards`, the year's report (`doc --year`), `record`, the award history of the báo
/// cáo thành tích and `decide`'s checks all read this one ledger, so an award is counted the
/// same way everywhere (an approval that a decision carries is counted once, as decided).
public struct AwardLedger: Sendable {
    public let entries: [YearAward]

    public init(entries: [YearAward]) { self.entries = entries }

    /// The ledger of these campaigns: every year that has a decision or a closed review.
    public init(campaigns: [OpenCampaign]) {
        var entries: [YearAward] = []
        for campaign in campaigns {
            var years = Set(campaign.state.decisions.map(\.year))
            for review in campaign.state.reviews where review.closed != nil { years.insert(review.period.year) }
            for year in years.sorted() {
                entries += YearAward.collect(campaign.resolved, state: campaign.state, roster: campaign.roster, year: year)
            }
        }
        self.entries = entries
    }

    /// The awards of one year.
    public func year(_ year: Int) -> [YearAward] { entries.filter { $0.year == year } }

    /// Participants proposed more than once in a year.
    public func repeats(in year: Int) -> [AwardRepeat] { AwardRepeat.find(in: self.year(year)) }

    /// A participant's awards granted by decisions, by year then campaign.
    public func history(of participant: ParticipantRef) -> [YearAward] {
        entries.filter { $0.participant == participant && $0.status == .decided }.sorted { ($0.year, $0.campaign) < ($1.year, $1.campaign) }
    }

    /// Each participant's awards as the báo cáo thành tích lists them:
    /// "Năm 2025: Giấy khen …, Quyết định số … ngày … («…»)".
    public var historyLines: [ParticipantRef: [String]] {
        var out: [ParticipantRef: [String]] = [:]
        for entry in entries where entry.status == .decided {
            out[entry.participant, default: []].append(
                "Năm \(entry.year): \(entry.awardTitle)" + (entry.number.map { ", Quyết định số \($0)" } ?? "")
                    + (entry.date.map { " ngày \($0.vietnamese)" } ?? "") + " («\(entry.campaignName)»)")
        }
        return out
    }
}
