import ThiDuaBase

extension ScoringEngine {
    /// Picks the band by total, then applies its gates: a failed gate caps the rating at the
    /// gate's `otherwise` band, whose own gates apply in turn. A total fitting no band is said so.
    func rate(_ sheet: inout ScoreSheet, _ table: ScoringTable, _ participant: ParticipantRef) {
        guard !table.bands.isEmpty else { return }
        guard let total = sheet.total else {
            switch sheet.status {
            case .unrated: sheet.bandExplanation = "không xếp loại: chưa gửi bảng tự chấm điểm"
            case .missing(let ids): sheet.bandExplanation = "chưa xếp loại: thiếu điểm mục " + ids.joined(separator: ", ")
            case .rated: break
            }
            return
        }
        let fitting = table.bands.filter { $0.contains(total) }
        guard var band = pick(fitting, table.overlapWins) else {
            sheet.bandExplanation = "tổng điểm \(total.vietnamese) không thuộc mức xếp loại nào của bảng; Hội đồng xem xét"
            return
        }
        var steps = ["tổng \(total.vietnamese) điểm (\(band.rangeText)) → \(band.title)"]
        var visited: Set<String> = [band.id]
        gates: while true {
            for gate in band.gates {
                let (truth, reason) = check(gate, sheet, participant)
                switch truth {
                case .met: continue
                case .missing:
                    sheet.bandExplanation = (steps + ["điều kiện «\(gate.text)»: \(reason) → chưa xếp loại"]).joined(separator: "; ")
                    return
                case .notMet:
                    guard let next = gate.otherwise.flatMap({ id in table.bands.first { $0.id == id } }), !visited.contains(next.id)
                    else {
                        sheet.bandExplanation =
                            (steps + ["không đạt điều kiện «\(gate.text)» (\(reason)) → không xếp loại"]).joined(separator: "; ")
                        return
                    }
                    steps.append("không đạt điều kiện «\(gate.text)» (\(reason)) → hạ xuống \(next.title)")
                    visited.insert(next.id)
                    band = next
                    continue gates
                }
            }
            break
        }
        sheet.band = band.id
        sheet.bandTitle = band.title
        sheet.bandExplanation = steps.joined(separator: "; ")
    }

    func pick(_ bands: [RatingBand], _ wins: BandOverlap?) -> RatingBand? {
        guard bands.count > 1 else { return bands.first }
        // `check` makes an undeclared overlap an error; the higher band is taken meanwhile.
        return wins == .lower ? bands.min { $0.from < $1.from } : bands.max { $0.from < $1.from }
    }

    func check(_ gate: BandGate, _ sheet: ScoreSheet, _ participant: ParticipantRef) -> (Truth, String) {
        if gate.noZeroItem == true {
            let zero = sheet.items.filter { $0.role == .score && $0.counted == .zero && $0.max > .zero }
            return zero.isEmpty
                ? (.met, "không có mục nào 0 điểm") : (.notMet, "mục 0 điểm: " + zero.map(\.title).joined(separator: ", "))
        }
        if let id = gate.item {
            guard let item = sheet.items.first(where: { $0.id == id }) else { return (.missing, "không có mục «\(id)»") }
            guard let met = item.met ?? item.counted.map({ $0 > .zero }) else { return (.missing, "«\(item.title)» chưa có kết quả") }
            let answer = met ? "có" : "không"
            return (met ? .met : .notMet, item.title == gate.text ? "trả lời: \(answer)" : "«\(item.title)»: \(answer)")
        }
        if let rule = gate.rule {
            let result = evaluator.evaluate(rule, for: participant)
            return (result.truth, result.reason)
        }
        return (.met, "")
    }

    /// "Tổng 87,5/100 (điểm 85 + thưởng 3,5 − trừ 1); tự chấm 90; …; xếp loại Tốt".
    func explain(_ sheet: ScoreSheet, _ table: ScoringTable, _ notes: [String]) -> String {
        let base = sheet.blocks.reduce(ScorePoints.zero) { $0 + $1.score }
        var parts: [String] = []
        switch sheet.status {
        case .unrated: parts.append("«\(table.title)»: không xếp loại (chưa gửi bảng tự chấm điểm)")
        case .missing(let ids): parts.append("«\(table.title)»: chưa đủ điểm, thiếu: " + ids.joined(separator: ", "))
        case .rated:
            var head = "«\(table.title)»: tổng \(sheet.total?.vietnamese ?? "")/\(sheet.maxTotal.vietnamese) điểm"
            head += " (điểm các phần \(base.vietnamese)"
            if sheet.bonus > .zero { head += " + thưởng \(sheet.bonus.vietnamese)" }
            if sheet.deduction > .zero { head += " − trừ \(sheet.deduction.vietnamese)" }
            head += ")"
            parts.append(head)
        }
        if let own = sheet.selfTotal, sheet.status == .rated, let total = sheet.total, own != total {
            parts.append("tự chấm \(own.vietnamese), chênh lệch \((total - own).vietnamese)")
        }
        parts += sheet.blocks.flatMap(\.notes) + notes
        let changed = sheet.items.filter { $0.appraised != nil && $0.difference != .zero }
        if !changed.isEmpty {
            parts.append(
                "thẩm định: "
                    + changed.map { "\($0.id) \($0.selfScore?.vietnamese ?? "—") → \($0.appraised?.vietnamese ?? "")" }.joined(
                        separator: ", "))
        }
        if !sheet.bandExplanation.isEmpty { parts.append(sheet.bandExplanation) }
        return parts.joined(separator: "; ")
    }
}
