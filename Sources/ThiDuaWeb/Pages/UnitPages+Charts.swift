import ThiDuaCore

/// The unit head's charts: his own deadlines on a timeline, his own indicators against their
/// targets, his own total and rank. Nothing of another unit is drawn (no name, no figure), as
/// the unit's pages show nothing of other units.
extension UnitPages {
    /// The unit's own state for each milestone with a form, on a time axis with today marked.
    static func deadlineChart(_ status: CampaignStatus, campaign: OpenCampaign, unit: ThiDuaCore.Unit, today: CivilDate) -> String {
        let rows = status.milestones.filter { $0.form != nil }.map { milestone -> TimelineChart.Row in
            let sent = campaign.state.submissions.contains { $0.form == milestone.form && $0.from.contains(unit.id) }
            let mark: TimelineChart.Mark
            let words: String
            if sent {
                (mark, words) = (.done, "Đã nộp")
            } else if !milestone.missing.contains(unit.id) {
                (mark, words) = (.marker, "Không do đơn vị nộp")
            } else if milestone.lastDay < today {
                (mark, words) = (.overdue, "Quá hạn, chưa nộp")
            } else {
                (mark, words) = (.upcoming, "Chưa nộp")
            }
            return TimelineChart.Row(
                title: milestone.title, date: milestone.lastDay, dateText: Charts.dateText(milestone), mark: mark, stateText: words)
        }
        guard !rows.isEmpty else { return "" }
        var chart = TimelineChart(
            id: "dv-han", title: "Thời hạn nộp hồ sơ của \(unit.name)", today: today, rows: rows,
            summary: "\(rows.count) thời hạn; \(rows.filter { $0.mark == .overdue }.count) quá hạn mà đơn vị chưa nộp. Bảng thời hạn ở ngay dưới.")
        chart.window = 183
        return chart.figure
    }

    /// The unit's indicators measured per unit (its own bar and the target) and its own total
    /// with its rank; "" when the plan measures nothing per unit and ranks nobody.
    static func resultCharts(_ evaluation: Evaluation, campaign: OpenCampaign, unit: ThiDuaCore.Unit) -> String {
        var out = ""
        for (number, item) in campaign.evaluator.progress(evaluation).enumerated() {
            if let chart = Charts.indicator(item, id: "dv-ct-\(number)", only: unit.id) { out += chart.html }
        }
        if evaluation.standings.contains(where: { $0.participant == .unit(unit.id) && $0.maxTotal != nil }) {
            out +=
                Charts.standings(
                    evaluation, id: "dv-xh", campaign: campaign.plan.name, highlight: unit.id, only: unit.id,
                    title: "Kết quả của \(unit.name) \(evaluation.period.vietnamese)"
                ).html
        }
        return out
    }
}
