import ThiDuaCore

/// The charts of the pages, made from what the back office reads (progress, standings,
/// milestones); drawing only, nothing here decides a result.
enum Charts {
    // MARK: Indicators against targets

    /// The campaign's own indicators measured as a whole, one bar each against its own scale and
    /// target; nil when it has none. Ranks are left to the tables (a bar does not say "lower is better").
    static func campaignIndicators(_ progress: [IndicatorProgress], id: String, campaign: String) -> BarChart? {
        let whole = progress.filter { $0.units.isEmpty && $0.measure != .rank }
        guard !whole.isEmpty else { return nil }
        let rows = whole.map { item -> BarChart.Row in
            let truth = item.campaignTruth ?? .missing
            return BarChart.Row(
                label: item.title, value: item.campaign, scale: scale(item), target: item.target?.value,
                valueText: item.campaign.map { ChartNumber.value($0, item.measure) } ?? "", note: note(truth), style: truth == .notMet ? .notMet : .met,
                cells: [
                    item.title, item.campaign.map { ChartNumber.value($0, item.measure) } ?? "Chưa có số liệu",
                    item.target.map { ChartNumber.target($0, item.measure) } ?? "–", truth.vietnamese,
                ])
        }
        return BarChart(
            id: id, title: "Chỉ tiêu chung so với kế hoạch – \(campaign)", rows: rows, columns: ["Chỉ tiêu", "Số liệu", "Chỉ tiêu kế hoạch", "Kết quả"],
            summary: "Mỗi thanh là một chỉ tiêu chung, vạch đứt là mức kế hoạch. "
                + "\(rows.filter { $0.style == .met && $0.value != nil }.count)/\(rows.count) chỉ tiêu đạt. Số liệu ở bảng ngay sau biểu đồ.",
            labelsAbove: true)
    }

    /// One indicator measured on each unit: a bar per unit, the target as a dashed line across,
    /// and first the whole ward's figure when the plan combines the units' values into one.
    /// `only` keeps the rows of that unit alone (a unit head sees no other unit).
    static func indicator(_ item: IndicatorProgress, id: String, only: String? = nil) -> BarChart? {
        guard !item.units.isEmpty, item.measure != .rank else { return nil }
        let scale = scale(item)
        var rows: [BarChart.Row] = []
        if only == nil, item.aggregateSentence != nil {
            let truth = item.campaignTruth ?? .missing
            rows.append(
                BarChart.Row(
                    label: "Toàn phường, xã", value: item.campaign, scale: scale, target: item.target?.value,
                    valueText: item.campaign.map { ChartNumber.value($0, item.measure) } ?? "", note: note(truth), style: .whole,
                    cells: [
                        "Toàn phường, xã", item.campaign.map { ChartNumber.value($0, item.measure) } ?? "Chưa có số liệu", truth.vietnamese,
                        item.aggregateSentence ?? "",
                    ]))
        }
        for unit in item.units where only == nil || unit.unit == only {
            rows.append(
                BarChart.Row(
                    label: unit.name, value: unit.value, scale: scale, target: item.target?.value,
                    valueText: unit.value.map { ChartNumber.value($0, item.measure) } ?? "", note: note(unit.truth),
                    style: unit.truth == .notMet ? .notMet : .met, highlighted: unit.unit == only,
                    cells: [unit.name, unit.value.map { ChartNumber.value($0, item.measure) } ?? "Chưa có số liệu", unit.truth.vietnamese, ""]))
        }
        let target = item.target.map { ChartNumber.target($0, item.measure) }
        let met = item.units.filter { $0.truth == .met && (only == nil || $0.unit == only) }.count
        let counted = item.units.filter { only == nil || $0.unit == only }.count
        return BarChart(
            id: id, title: item.title + (target.map { " (chỉ tiêu \($0))" } ?? ""), rows: rows,
            columns: ["Đơn vị", "Số liệu", "Kết quả", "Cách tính"], axis: axis(scale, item.measure),
            targetLabel: target.map { "Chỉ tiêu \($0)" },
            summary: "Mỗi thanh là một đơn vị, vạch đứt là chỉ tiêu \(target ?? ""). \(met)/\(counted) đơn vị đạt. Số liệu ở bảng ngay sau biểu đồ.")
    }

    /// The end of the value axis: 100% for shares (more when a value passes it), else a round
    /// number above the largest value and the target.
    static func scale(_ item: IndicatorProgress) -> Double {
        let values = item.units.compactMap(\.value) + [item.campaign, item.target?.value].compactMap { $0 }
        let largest = values.max() ?? 0
        switch item.measure {
        case .percent: return max(100, ChartNumber.niceCeiling(largest))
        case .yesNo: return 1
        default: return ChartNumber.niceCeiling(max(largest, 1))
        }
    }

    static func axis(_ scale: Double, _ measure: Measure) -> [(Double, String)] {
        guard measure != .yesNo else { return [] }
        // A few criteria or a small count: a tick on every whole number, no "0,3".
        if measure != .percent, scale == scale.rounded(), scale <= 8 {
            return (0...Int(scale)).map { (Double($0), String($0)) }
        }
        return (0...4).map { i in
            let value = scale * Double(i) / 4
            return (value, measure == .percent ? ChartNumber.decimal(value) + "%" : ChartNumber.decimal(value))
        }
    }

    static func note(_ truth: Truth) -> String {
        switch truth {
        case .met: "đạt"
        case .notMet: "không đạt"
        case .missing: ""
        }
    }

    // MARK: Standings

    /// The units ranked by total (score, or criteria met), best first; those with data missing
    /// last, unranked. `highlight` marks the viewer's own unit; `only` keeps that unit alone.
    static func standings(
        _ evaluation: Evaluation, id: String, campaign: String, highlight: String? = nil, only: String? = nil, title: String? = nil
    ) -> BarChart {
        let units = evaluation.standings.filter { $0.participant.kind == .collective && (only == nil || $0.participant.id == only) }
        let rows = units.map { standing -> BarChart.Row in
            let points = standing.criteria.contains { $0.maxPoints != nil } || !standing.scores.isEmpty
            let unitWord = points ? "điểm" : "tiêu chí"
            let scale = standing.maxTotal ?? ChartNumber.niceCeiling(max(standing.total ?? 1, 1))
            let figure =
                standing.total.map { total in
                    "\(ChartNumber.decimal(total))/\(ChartNumber.decimal(scale)) \(unitWord)"
                } ?? ""
            let rank = standing.rank.map(String.init) ?? "–"
            let note = standing.rank == nil ? "chưa xếp hạng" : "hạng \(rank)"
            return BarChart.Row(
                label: standing.rank.map { "\($0). \(standing.name)" } ?? standing.name, value: standing.total, scale: scale, target: nil,
                valueText: figure, note: note, style: .neutral, highlighted: standing.participant.id == highlight,
                cells: [rank, standing.name, figure.isEmpty ? "Chưa có số liệu" : figure, standing.rank == nil ? "Chưa xếp hạng (còn thiếu số liệu)" : ""])
        }
        let scales = Set(rows.map(\.scale))
        let ranked = units.filter { $0.rank != nil }.count
        return BarChart(
            id: id, title: title ?? "Xếp hạng các đơn vị \(evaluation.period.vietnamese) – \(campaign)", rows: rows,
            columns: ["Hạng", "Đơn vị", "Kết quả", "Ghi chú"], axis: scales.count == 1 ? axis(scales.first ?? 1, .count) : [],
            summary: rows.isEmpty
                ? "Chưa có số liệu."
                : "\(ranked)/\(rows.count) đơn vị đã được xếp hạng; thanh dài hơn là điểm hoặc số tiêu chí đạt cao hơn. Số liệu ở bảng ngay sau biểu đồ.")
    }

    // MARK: Deadlines

    /// Milestones on a time axis with today marked and, under each, who has not sent it, by name.
    /// `campaignNames` names each milestone's campaign (a timeline across campaigns).
    static func deadlines(
        _ milestones: [MilestoneProgress], id: String, title: String, today: CivilDate, roster: Roster, campaignNames: [String: String]? = nil
    ) -> TimelineChart {
        let rows = milestones.map { milestone -> TimelineChart.Row in
            let missing = milestone.missing.map { id in roster.unit(id)?.name ?? roster.person(id)?.name ?? id }
            return TimelineChart.Row(
                title: milestone.title, campaign: campaignNames.map { $0[milestone.campaign] ?? milestone.campaign }, date: milestone.lastDay,
                dateText: dateText(milestone),
                mark: mark(milestone.state), stateText: stateText(milestone), missing: missing)
        }
        let overdue = milestones.filter { $0.state == .overdue }.count
        return TimelineChart(
            id: id, title: title, today: today, rows: rows,
            summary: "\(milestones.count) mốc thời hạn, \(overdue) mốc đã quá hạn mà còn thiếu; hôm nay là \(today.vietnamese). "
                + "Tên những đơn vị, cá nhân chưa nộp ở bảng ngay sau biểu đồ.")
    }

    /// "15/11/2026", or "trước 15/11/2026" when the plan says "trước ngày".
    static func dateText(_ milestone: MilestoneProgress) -> String {
        milestone.lastDay < milestone.due ? "trước \(milestone.due.vietnamese)" : milestone.due.vietnamese
    }

    static func mark(_ state: MilestoneProgress.State) -> TimelineChart.Mark {
        switch state {
        case .done: .done
        case .overdue: .overdue
        case .upcoming: .upcoming
        case .marker: .marker
        }
    }

    static func stateText(_ milestone: MilestoneProgress) -> String {
        switch milestone.state {
        case .marker: "Mốc thời gian"
        case .done: "Đã đủ \(milestone.fraction)"
        case .overdue: "Quá hạn · đã nhận \(milestone.fraction)"
        case .upcoming: "Chưa đến hạn · đã nhận \(milestone.fraction)"
        }
    }
}
