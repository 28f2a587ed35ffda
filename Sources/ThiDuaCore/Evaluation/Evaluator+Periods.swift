import ThiDuaBase

extension Evaluator {
    /// The first day of the campaign: its period's start, else the plan's date (the first of its
    /// month when the day is blank), else 1 January of its first year.
    var campaignStart: CivilDate? {
        if let start = plan.period.start ?? plan.date.complete { return start }
        if let year = plan.date.year, let month = plan.date.month { return CivilDate(year: year, month: month, day: 1) }
        return plan.period.years?.min().flatMap { CivilDate(year: $0, month: 1, day: 1) }
    }

    /// The half-year a sơ kết reports on when none is named: the first half of `year`, unless the
    /// campaign began after it ended (30/6): then the latest first half inside the campaign that has
    /// ended by `today`, else the whole year.
    public func defaultHalfYear(today: CivilDate, year: Int) -> EvaluationPeriod {
        guard let start = campaignStart else { return EvaluationPeriod(year: year, halfYear: true) }
        func inside(_ y: Int) -> Bool {
            guard let june = CivilDate(year: y, month: 6, day: 30) else { return false }
            return june >= start && june <= plan.period.end
        }
        if inside(year) { return EvaluationPeriod(year: year, halfYear: true) }
        let years = (start.year...max(start.year, plan.period.end.year)).filter(inside)
        if let reached = years.last(where: { y in CivilDate(year: y, month: 6, day: 30).map { $0 <= today } ?? false }) {
            return EvaluationPeriod(year: reached, halfYear: true)
        }
        // No first half inside the campaign has ended: the year so far, never a half-year before it began.
        return EvaluationPeriod(year: year)
    }
}
