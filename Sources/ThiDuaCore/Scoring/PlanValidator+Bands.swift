import ThiDuaBase

extension PlanValidator {
    /// Bands: ids, edges, gaps (a warning: totals there fit no band and are reported so),
    /// overlaps (an error unless `overlapWins` says which wins), and their gates.
    mutating func checkBands(_ table: ScoringTable, path: String) {
        guard !table.bands.isEmpty else { return }
        let t = "bảng điểm «\(table.id)»"
        for (p, message) in Identifier.listProblems("\(path).bands", table.bands.map(\.id)) { error(p, message) }
        for (i, band) in table.bands.enumerated() {
            if let below = band.below, below <= band.from {
                error(
                    "\(path).bands[\(i)].below",
                    "mức «\(band.title)»: «below» \(Numbers.vietnamese(below)) phải lớn hơn «from» \(Numbers.vietnamese(band.from))")
            }
        }
        let sorted = table.bands.enumerated().sorted { $0.element.from < $1.element.from }
        if let lowest = sorted.first?.element, lowest.from > 0 {
            warning(
                "\(path).bands",
                "\(t): tổng dưới \(Numbers.vietnamese(lowest.from)) điểm không thuộc mức xếp loại nào; sẽ báo «không thuộc mức nào», không tự xếp loại")
        }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            let upper = a.element.below ?? .infinity
            if upper > b.element.from {
                if table.overlapWins == nil {
                    error(
                        "\(path).bands[\(b.offset)]",
                        "mức «\(b.element.title)» (\(b.element.rangeText)) chồng lên mức «\(a.element.title)» (\(a.element.rangeText))",
                        hint: "sửa «from»/«below» cho liền nhau, hoặc ghi «overlapWins»: «higher» hay «lower» theo kế hoạch")
                }
            } else if upper < b.element.from {
                warning(
                    "\(path).bands[\(a.offset)].below",
                    "\(t): tổng từ \(Numbers.vietnamese(upper)) đến dưới \(Numbers.vietnamese(b.element.from)) điểm không thuộc mức xếp loại nào",
                    hint: "đặt «below» của «\(a.element.title)» bằng «from» của «\(b.element.title)» nếu kế hoạch không để trống khoảng này")
            }
        }
        if let top = sorted.last?.element, let below = top.below {
            let most =
                table.maxTotal
                + ScorePoints(
                    table.maxBonus ?? table.blocks.reduce(0) { s, b in s + (b.maxBonus ?? b.items.filter { $0.role == .bonus }.reduce(0) { $0 + $1.max }) })
            if ScorePoints(below) <= most {
                warning(
                    "\(path).bands",
                    "\(t): tổng có thể đạt \(most.vietnamese) điểm nhưng mức cao nhất «\(top.title)» chỉ đến dưới \(Numbers.vietnamese(below))")
            }
        }
        let ids = table.bands.map(\.id)
        let itemIDs = table.items.map(\.id)
        for (i, band) in table.bands.enumerated() {
            for (g, gate) in band.gates.enumerated() {
                let gp = "\(path).bands[\(i)].gates[\(g)]"
                let conditions = [gate.noZeroItem == true, gate.item != nil, gate.rule != nil].filter { $0 }.count
                if conditions != 1 {
                    error(gp, "điều kiện «\(gate.text)» của mức «\(band.title)» cần đúng một trong «noZeroItem», «item», «rule»; thấy \(conditions)")
                }
                if let item = gate.item, !itemIDs.contains(item) {
                    error("\(gp).item", "\(t) không có mục «\(item)»", hint: suggest(item, itemIDs))
                }
                if let rule = gate.rule {
                    checkRule(rule, path: "\(gp).rule")
                    let derived = Set(plan.indicators.filter { $0.source != nil }.map(\.id))
                    for ref in rule.indicatorReferences where derived.contains(ref) {
                        error("\(gp).rule", "điều kiện dùng chỉ tiêu «\(ref)» tính từ bảng điểm; không được tính vòng")
                    }
                }
                if let otherwise = gate.otherwise {
                    if let target = table.bands.first(where: { $0.id == otherwise }) {
                        if target.from >= band.from {
                            error(
                                "\(gp).otherwise",
                                "không đạt điều kiện «\(gate.text)» phải hạ xuống mức thấp hơn «\(band.title)», nhưng «\(target.title)» không thấp hơn")
                        }
                    } else {
                        error("\(gp).otherwise", "\(t) không có mức xếp loại «\(otherwise)»", hint: suggest(otherwise, ids))
                    }
                }
            }
        }
    }
}
