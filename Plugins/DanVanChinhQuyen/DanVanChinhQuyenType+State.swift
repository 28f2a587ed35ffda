import ThiDuaCore

/// The ranking section of the reports, with the plan's thresholds.
extension DanVanChinhQuyenType {
    /// `xep-hang`: each enrolled unit's rank this year and last, the change, and whether it is a
    /// high rank or a remarkable rise by the plan's thresholds.
    public func section(_ section: ReportSection, in context: CampaignContext, period: EvaluationPeriod) -> SectionContent? {
        guard section.id == "xep-hang" else { return nil }
        let thresholds = RankThresholds(settings(DanVanChinhQuyenSettings.self, of: context.plan))
        let rule = thresholds.sentence
        guard let indicator = Self.rankIndicator(of: context.plan) else {
            return SectionContent(paragraphs: ["Kế hoạch không có chỉ tiêu xếp hạng dân vận chính quyền."])
        }
        var lines: [(now: Double?, row: [String])] = []
        for unit in context.state.units {
            let who = ParticipantRef.unit(unit)
            let now = context.facts.value(indicator.id, for: who, in: period)?.value
            let before = context.facts.previousValue(indicator.id, for: who, in: period)?.0.value
            var change = ""
            var verdict: [String] = []
            if let now, let high = thresholds.highRankMax, now <= Double(high) { verdict.append("thứ hạng cao") }
            if let now, let before {
                let gained = before - now
                change = gained > 0 ? "tăng \(Numbers.vietnamese(gained))" : gained < 0 ? "giảm \(Numbers.vietnamese(-gained))" : "giữ nguyên"
                if let rise = thresholds.rankRiseMin, gained >= Double(rise) { verdict.append("thay đổi vượt bậc") }
            }
            let name = context.name(who)
            let text = now == nil ? "chưa có thứ hạng" : verdict.isEmpty ? "—" : verdict.joined(separator: ", ")
            lines.append((now, [name, before.map { Numbers.vietnamese($0) } ?? "", now.map { Numbers.vietnamese($0) } ?? "", change, text]))
        }
        guard lines.contains(where: { $0.now != nil }) else {
            return SectionContent(paragraphs: ["Chưa có kết quả xếp hạng \(period.vietnamese).", rule])
        }
        let ordered = lines.enumerated().sorted { a, b in
            switch (a.element.now, b.element.now) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }
        return SectionContent(
            paragraphs: [rule], columns: ["TT", "Đơn vị", "Hạng năm trước", "Hạng \(period.vietnamese)", "Thay đổi (bậc)", "Đánh giá"],
            rows: ordered.enumerated().map { ["\($0.offset + 1)"] + $0.element.element.row }, widths: [0.6, 3.6, 1.4, 1.4, 1.4, 2.6])
    }
}
