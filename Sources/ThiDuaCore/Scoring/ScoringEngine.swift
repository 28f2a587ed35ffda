import ThiDuaBase

/// Scores one participant on one table for the evaluator's period: each item (self-score,
/// appraised score, what counts), the blocks with their caps, the total and the band.
///
/// Order of the caps: each item within 0…its maximum; a block's bonus and deduction sums within
/// the block's caps; a block's deduction no more than its score + bonus (a block never goes below
/// 0 unless `mayGoNegative`); then every block's bonus and deduction within the table's caps. The
/// total is Σ block scores + bonus − deduction, exact in tenths (`ScorePoints`).
public struct ScoringEngine: Sendable {
    public let evaluator: RuleEvaluator

    public init(evaluator: RuleEvaluator) { self.evaluator = evaluator }

    var facts: FactBase { evaluator.facts }

    public func sheet(_ table: ScoringTable, for participant: ParticipantRef) -> ScoreSheet {
        let period = evaluator.period
        let assessments = table.items.map { facts.assessment(of: $0.id, by: participant, in: period) }
        // A sheet is "sent" when any self-scored item has a self-score; a table of computed items only needs none.
        let selfScored = table.selfScoredItems.map(\.id)
        let sent =
            selfScored.isEmpty
            || zip(table.items, assessments).contains { item, a in
                selfScored.contains(item.id) && (a?.selfPoints != nil || a?.selfMet != nil)
            }
        var items: [ItemScore] = []
        for (block, item) in table.blocks.flatMap({ b in b.items.map { (b, $0) } }) {
            let assessment = facts.assessment(of: item.id, by: participant, in: period)
            items.append(score(item, block: block, assessment, for: participant, table: table, sent: sent))
        }
        var blocks: [BlockScore] = []
        for block in table.blocks {
            blocks.append(total(of: block, items: items.filter { $0.block == block.id }))
        }
        let rawBonus = blocks.reduce(ScorePoints.zero) { $0 + $1.bonus }
        let rawDeduction = blocks.reduce(ScorePoints.zero) { $0 + $1.deduction }
        var notes: [String] = []
        let bonus = cap(rawBonus, table.maxBonus, "tổng điểm thưởng", &notes)
        let deduction = cap(rawDeduction, table.maxDeduction, "tổng điểm trừ", &notes)
        var total = blocks.reduce(ScorePoints.zero) { $0 + $1.score } + bonus - deduction
        if total < .zero && !table.blocks.contains(where: { $0.mayGoNegative == true }) { total = .zero }
        let selfTotal = selfTotalOf(table, items)
        let missing = items.filter { $0.counted == nil && $0.role == .score }.map(\.id)
        let status: SheetStatus = !sent && table.withoutSelfScore == .unrated ? .unrated : missing.isEmpty ? .rated : .missing(missing)
        var sheet = ScoreSheet(
            table: table.id, title: table.title, items: items, blocks: blocks, status: status, total: status == .rated ? total : nil,
            selfTotal: sent ? selfTotal : nil, maxTotal: table.maxTotal, bonus: bonus, deduction: deduction, band: nil,
            bandTitle: nil, bandExplanation: "", rankExplanation: nil, explanation: "")
        rate(&sheet, table, participant)
        sheet.explanation = explain(sheet, table, notes)
        return sheet
    }

    // MARK: Items

    func score(
        _ item: ScoringItem, block: ScoringBlock, _ a: Assessment?, for participant: ParticipantRef, table: ScoringTable, sent: Bool
    ) -> ItemScore {
        let max = ScorePoints(item.max)
        var line = ItemScore(
            id: item.id, title: item.title, block: block.id, role: item.role, max: max, selfScore: nil,
            appraised: a?.appraisedPoints.map { ScorePoints($0) }, appraisalReason: a?.appraisedBy != nil ? a?.appraisalReason : nil,
            counted: nil, met: nil, explanation: "")
        var parts: [String] = []
        switch item.method {
        case .attested:
            line.selfScore = a?.selfPoints.map { ScorePoints($0) }
            parts.append(line.selfScore.map { "tự chấm \($0.vietnamese)" } ?? "chưa tự chấm")
        case .gate(let gate):
            if let rule = gate.rule {
                let result = evaluator.evaluate(rule, for: participant)
                line.met = result.truth == .missing ? nil : result.truth == .met
                parts.append(result.explanation)
            } else {
                let selfMet = a?.selfMet
                line.met = a?.appraisedMet ?? selfMet
                parts.append(selfMet.map { $0 ? "tự đánh giá: có" : "tự đánh giá: không" } ?? "chưa tự đánh giá")
                line.selfScore = selfMet.map { $0 ? max : .zero }
                // The appraiser's yes or no is the appraised score of a yes/no item.
                if line.appraised == nil, let appraisedMet = a?.appraisedMet { line.appraised = appraisedMet ? max : .zero }
            }
            if gate.rule != nil { line.selfScore = line.met.map { $0 ? max : .zero } }
        case .formula(let formula):
            let (share, text) = self.share(formula.source, for: participant)
            parts.append(text)
            if let share {
                if let thresholds = formula.thresholds {
                    let hit = thresholds.first { $0.comparison.holds(share, $0.value) }
                    line.selfScore = ScorePoints(hit?.points ?? 0)
                    parts.append(
                        hit.map { "\($0.comparison.symbol) \(Numbers.vietnamese($0.value)) → \(Numbers.vietnamese($0.points)) điểm" }
                            ?? "không đạt mức nào → 0 điểm")
                } else {
                    line.selfScore = ScorePoints(share * item.max / 100, rounding: table.rounding)
                    parts.append("× \(max.vietnamese) = \(line.selfScore?.vietnamese ?? "")")
                }
            }
        case .graded(let graded):
            let (share, text) = self.share(graded.source, for: participant)
            parts.append(text)
            if let share {
                let step = graded.steps.sorted { $0.from > $1.from }.first { share >= $0.from }
                line.selfScore = ScorePoints(step?.points ?? 0)
                parts.append(
                    step.map { "mức từ \(Numbers.vietnamese($0.from)) → \(Numbers.vietnamese($0.points)) điểm" } ?? "dưới mọi mức → 0 điểm")
            }
        }
        if let appraised = line.appraised {
            let reason = line.appraisalReason.map { " (\($0))" } ?? ""
            if case .gate(let gate) = item.method, gate.rule == nil, a?.appraisedPoints == nil {
                parts.append("thẩm định: " + (a?.appraisedMet == true ? "có" : "không") + reason)
            } else {
                parts.append("thẩm định \(appraised.vietnamese)" + reason)
            }
        }
        var counted = line.appraised ?? line.selfScore
        if counted == nil, item.role != .score || (!sent && table.withoutSelfScore == .appraised) {
            // Nothing claimed is no bonus and no deduction; without a sheet the plan may score 0.
            counted = .zero
        }
        if let value = counted {
            if value > max {
                parts.append("vượt mức tối đa \(max.vietnamese), chỉ tính \(max.vietnamese)")
                counted = max
            } else if value < .zero {
                counted = .zero
            }
        }
        line.counted = counted
        let sign = item.role == .deduction ? "−" : item.role == .bonus ? "+" : ""
        line.explanation = parts.joined(separator: "; ") + " → " + (counted.map { sign + $0.vietnamese } ?? "thiếu")
        return line
    }

    /// The share (or value) a formula or graded item reads, with how it was found.
    func share(_ source: ShareSource, for participant: ParticipantRef) -> (Double?, String) {
        if let id = source.indicator {
            let title = evaluator.title(id)
            guard let value = evaluator.lookup(id, participant, in: evaluator.period)?.value else {
                return (nil, "\(title): chưa có số liệu")
            }
            return (value, "\(title) \(evaluator.format(value, id))")
        }
        guard let n = source.numerator, let d = source.denominator else { return (nil, "chưa khai báo cách tính") }
        let top = evaluator.lookup(n, participant, in: evaluator.period)?.value
        let bottom = evaluator.lookup(d, participant, in: evaluator.period)?.value
        guard let top, let bottom else {
            let absent = [(n, top), (d, bottom)].filter { $0.1 == nil }.map { evaluator.title($0.0) }
            return (nil, "chưa có số liệu: " + absent.joined(separator: ", "))
        }
        guard bottom > 0 else { return (nil, "\(evaluator.title(d)) bằng 0, không tính được tỷ lệ") }
        let share = top * 100 / bottom
        return (share, "\(Numbers.vietnamese(top))/\(Numbers.vietnamese(bottom)) = \(RuleEvaluator.decimal(share, fixed: true))%")
    }

    // MARK: Blocks and caps

    func total(of block: ScoringBlock, items: [ItemScore]) -> BlockScore {
        func sum(_ role: ScoreRole) -> ScorePoints {
            items.filter { $0.role == role }.reduce(.zero) { $0 + ($1.counted ?? .zero) }
        }
        var notes: [String] = []
        let score = sum(.score)
        let bonus = cap(sum(.bonus), block.maxBonus, "điểm thưởng phần «\(block.title)»", &notes)
        var deduction = cap(sum(.deduction), block.maxDeduction, "điểm trừ phần «\(block.title)»", &notes)
        if block.mayGoNegative != true, deduction > score + bonus {
            notes.append(
                "điểm trừ phần «\(block.title)» \(deduction.vietnamese) lớn hơn điểm của phần; phần không dưới 0 nên chỉ trừ \((score + bonus).vietnamese)")
            deduction = score + bonus
        }
        return BlockScore(
            id: block.id, title: block.title, max: block.maxScore, score: score, bonus: bonus, deduction: deduction,
            total: score + bonus - deduction, notes: notes)
    }

    func cap(_ value: ScorePoints, _ limit: Double?, _ what: String, _ notes: inout [String]) -> ScorePoints {
        guard let limit else { return value }
        let most = ScorePoints(limit)
        guard value > most else { return value }
        notes.append("\(what) \(value.vietnamese) vượt mức tối đa \(most.vietnamese), chỉ tính \(most.vietnamese)")
        return most
    }

    /// The total the participant's own scores give, with the same caps.
    func selfTotalOf(_ table: ScoringTable, _ items: [ItemScore]) -> ScorePoints? {
        var own = items
        for i in own.indices {
            let value = own[i].selfScore ?? .zero
            own[i].counted = Swift.min(value, own[i].max)
        }
        var notes: [String] = []
        let blocks: [BlockScore] = table.blocks.map { block in self.total(of: block, items: own.filter { $0.block == block.id }) }
        let bonus = cap(blocks.reduce(ScorePoints.zero) { $0 + $1.bonus }, table.maxBonus, "", &notes)
        let deduction = cap(blocks.reduce(ScorePoints.zero) { $0 + $1.deduction }, table.maxDeduction, "", &notes)
        let total = blocks.reduce(ScorePoints.zero) { $0 + $1.score } + bonus - deduction
        return Swift.max(total, table.blocks.contains { $0.mayGoNegative == true } ? total : .zero)
    }
}
