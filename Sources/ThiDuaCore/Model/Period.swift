import ThiDuaBase

/// When a campaign runs.
public struct CampaignPeriod: Hashable, Sendable, Codable {
    /// First day; nil means "from the date the plan is issued".
    public var start: CivilDate?
    public var end: CivilDate
    /// The plan's own words for the period, printed in the document.
    public var text: [String]?
    /// The years the campaign is evaluated for ("giai đoạn 2026 - 2030" → 2026…2030).
    public var years: [Int]?

    public init(start: CivilDate? = nil, end: CivilDate, text: [String]? = nil, years: [Int]? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.years = years
    }
}
