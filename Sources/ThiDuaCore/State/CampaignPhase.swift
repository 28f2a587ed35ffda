import ThiDuaBase

/// Where a campaign stands.
public enum CampaignPhase: String, Codable, Sendable, CaseIterable {
    /// Before its period, not launched.
    case draft
    /// Launched (recorded), its period not begun.
    case launched
    /// Within its period.
    case running
    /// Closed by an event, or its period and every dated milestone after it are over.
    case closed

    /// "dự thảo", "đã phát động", "đang thực hiện", "đã kết thúc".
    public var vietnamese: String {
        switch self {
        case .draft: "dự thảo"
        case .launched: "đã phát động"
        case .running: "đang thực hiện"
        case .closed: "đã kết thúc"
        }
    }

    /// The phase on a given day.
    public static func of(_ plan: CampaignPlan, state: CampaignState, on today: CivilDate) -> CampaignPhase {
        of(plan, launched: state.launched, closed: state.closed, on: today)
    }

    /// The phase on a given day, from the days the journal launched and closed the campaign.
    public static func of(_ plan: CampaignPlan, launched: CivilDate?, closed: CivilDate?, on today: CivilDate) -> CampaignPhase {
        if let closed, closed <= today { return .closed }
        // A deadline after the period (hồ sơ khen thưởng "trước ngày 15/11" of a campaign ending
        // 30/10) keeps the campaign open until it has passed.
        if today > plan.lastDay { return .closed }
        let start = plan.effectiveStart
        if today >= start { return .running }
        return launched == nil ? .draft : .launched
    }
}

extension CampaignPlan {
    /// The first day of the campaign: the period's start, else the plan's date, else 1 January
    /// of the plan's year (or of the end year).
    public var effectiveStart: CivilDate {
        if let start = period.start { return start }
        if let date = date.complete { return date }
        let year = date.year ?? period.end.year
        return CivilDate(year: year, month: date.month ?? 1, day: 1) ?? period.end
    }

    /// The period's end, or the last fixed milestone date after it.
    public var lastDay: CivilDate {
        let dated = milestones.compactMap { m -> CivilDate? in if case .date(let d)? = m.due { return d } else { return nil } }
        return max(period.end, dated.max() ?? period.end)
    }

    /// The years the campaign covers.
    public var years: [Int] {
        if let years = period.years, !years.isEmpty { return years }
        let first = effectiveStart.year
        return first <= period.end.year ? Array(first...period.end.year) : [period.end.year]
    }
}
