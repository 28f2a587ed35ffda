import ThiDuaBase

extension PlanValidator {
    /// The scoring tables, the indicators they feed, and the awards' ratings and quotas. Every
    /// finding names the item and what is wrong.
    mutating func checkScoring() {
        let tables = ScoringTables.effective(plan: plan, definition: type ?? CampaignTypeDefinition(id: "", title: "", summary: "", legalBasis: []))
        for (path, message) in Identifier.listProblems("scoring", plan.scoring.map(\.id)) { error(path, message) }
        let criterionIDs = Set(plan.criteria.map(\.id))
        var seenItems: [String: String] = [:]
        for table in tables {
            let path: String
            if let i = plan.scoring.firstIndex(where: { $0.id == table.id }) {
                path = "scoring[\(i)]"
            } else {
                let j = plan.indicators.firstIndex { $0.source?.scoring == table.id } ?? 0
                path = "indicators[\(j)].source"
            }
            checkTable(table, path: path, criterionIDs: criterionIDs, seenItems: &seenItems)
        }
        for kind in ParticipantKind.allCases {
            let ranking = tables.filter { $0.ranking && $0.appliesTo == kind }
            if ranking.count > 1 {
                error(
                    "scoring",
                    "có \(ranking.count) bảng điểm cùng dùng để xếp hạng \(kind.vietnamese): \(ranking.map(\.id).joined(separator: ", ")); chỉ một bảng được «ranking»"
                )
            }
        }
        for (i, indicator) in plan.indicators.enumerated() {
            guard let id = indicator.source?.scoring else { continue }
            let path = "indicators[\(i)].source.scoring"
            guard let table = tables.first(where: { $0.id == id }) else {
                let known = tables.map(\.id) + (type?.scoring ?? []).map(\.id)
                error(
                    path, "chỉ tiêu «\(indicator.id)» lấy giá trị từ bảng điểm «\(id)» nhưng không có bảng này (trong «scoring» hay danh mục của loại)",
                    hint: suggest(id, known))
                continue
            }
            if indicator.measure != .percent {
                error(
                    path, "chỉ tiêu «\(indicator.id)» tính từ bảng điểm (tổng ÷ điểm tối đa × 100) phải đo bằng «percent», thấy «\(indicator.measure.rawValue)»"
                )
            }
            let scope = indicator.scope ?? .campaign
            if scope == .campaign || (scope == .collective) != (table.appliesTo == .collective) {
                error(
                    path, "chỉ tiêu «\(indicator.id)» (phạm vi «\(scope.rawValue)») không khớp bảng điểm «\(id)» chấm cho \(table.appliesTo.vietnamese)",
                    hint: "đặt «scope» là «\(table.appliesTo == .collective ? "collective" : "individual")»")
            }
        }
        for (a, award) in plan.awards.enumerated() {
            if let rating = award.rating {
                let path = "awards[\(a)].rating"
                if let table = tables.first(where: { $0.id == rating.table }) {
                    let bands = table.bands.map(\.id)
                    for (k, band) in rating.bands.enumerated() where !bands.contains(band) {
                        error(
                            "\(path).bands[\(k)]", "bảng điểm «\(table.id)» không có mức xếp loại «\(band)»; có: \(bands.joined(separator: ", "))",
                            hint: suggest(band, bands))
                    }
                    if rating.bands.isEmpty { error("\(path).bands", "cần ít nhất một mức xếp loại") }
                } else {
                    error("\(path).table", "không có bảng điểm «\(rating.table)»", hint: suggest(rating.table, tables.map(\.id)))
                }
            }
            if let quota = award.quota {
                let path = "awards[\(a)].quota"
                if let share = quota.share, !(share > 0 && share <= 100) {
                    error("\(path).share", "tỷ lệ khen thưởng \(Numbers.vietnamese(share))% phải lớn hơn 0 và không quá 100")
                }
                if let group = quota.group {
                    if let found = plan.participants.first(where: { $0.id == group }) {
                        if !award.recipients.contains(found.kind) {
                            error("\(path).group", "nhóm «\(group)» là \(found.kind.vietnamese) nhưng «\(award.title)» không khen \(found.kind.vietnamese)")
                        }
                    } else {
                        error("\(path).group", "không có nhóm đối tượng «\(group)» trong «participants»", hint: suggest(group, plan.participants.map(\.id)))
                    }
                    if quota.share == nil { error("\(path).group", "«group» chỉ dùng với «share» (tỷ lệ phần trăm)") }
                }
                if quota.rounding != nil && quota.share == nil { error("\(path).rounding", "«rounding» chỉ dùng với «share»") }
            }
        }
    }

    private mutating func checkTable(_ table: ScoringTable, path: String, criterionIDs: Set<String>, seenItems: inout [String: String]) {
        let t = "bảng điểm «\(table.id)»"
        if table.blocks.isEmpty { error("\(path).blocks", "\(t) cần ít nhất một phần") }
        for (p, message) in Identifier.listProblems("\(path).blocks", table.blocks.map(\.id)) { error(p, message) }
        let derived = Set(plan.indicators.filter { $0.source != nil }.map(\.id))
        let indicatorIDs = plan.indicators.map(\.id)
        for (b, block) in table.blocks.enumerated() {
            let bp = "\(path).blocks[\(b)]"
            for (key, cap) in [("maxBonus", block.maxBonus), ("maxDeduction", block.maxDeduction)] {
                if let cap, !(cap >= 0 && cap.isFinite) {
                    error("\(bp).\(key)", "mức trần của phần «\(block.title)» phải là số không âm, thấy \(Numbers.vietnamese(cap))")
                }
            }
            if block.items.isEmpty { error("\(bp).items", "phần «\(block.title)» chưa có mục chấm điểm nào") }
            for (k, item) in block.items.enumerated() {
                let ip = "\(bp).items[\(k)]"
                let name = "mục «\(item.id)»"
                if let problem = Identifier.problem(item.id) { error("\(ip).id", problem) }
                if let first = seenItems[item.id] {
                    error("\(ip).id", "\(name) trùng mã với \(first); mỗi mục chấm điểm cần mã riêng")
                } else {
                    seenItems[item.id] = ip
                }
                if criterionIDs.contains(item.id) {
                    error("\(ip).id", "\(name) trùng mã với một tiêu chí trong «criteria»; phiếu tự đánh giá cần mã riêng")
                }
                let zeroAllowed: Bool
                if case .gate = item.method { zeroAllowed = true } else { zeroAllowed = false }
                if !item.max.isFinite || item.max < 0 || (item.max == 0 && !zeroAllowed) {
                    error("\(ip).max", "\(name): điểm tối đa phải lớn hơn 0, thấy \(Numbers.vietnamese(item.max))")
                }
                if item.max * 10 != (item.max * 10).rounded() {
                    error("\(ip).max", "\(name): điểm tối đa \(Numbers.vietnamese(item.max)) có quá một chữ số thập phân")
                }
                if item.role != .score, case .gate = item.method {
                    error("\(ip).gate", "\(name) là \(item.role.vietnamese), không thể là mục có/không")
                }
                for ref in item.indicatorReferences {
                    if !indicatorIDs.contains(ref) {
                        error(ip, "\(name) dùng chỉ tiêu «\(ref)» nhưng «indicators» không có chỉ tiêu này", hint: suggest(ref, indicatorIDs))
                    } else if derived.contains(ref) {
                        error(ip, "\(name) dùng chỉ tiêu «\(ref)», chỉ tiêu này lại tính từ bảng điểm; không được tính vòng")
                    }
                }
                checkMethod(item, path: ip, name: name)
            }
        }
        for (key, cap) in [("maxBonus", table.maxBonus), ("maxDeduction", table.maxDeduction)] {
            if let cap, !(cap >= 0 && cap.isFinite) { error("\(path).\(key)", "mức trần của \(t) phải là số không âm, thấy \(Numbers.vietnamese(cap))") }
        }
        checkBands(table, path: path)
        let blockIDs = table.blocks.map(\.id)
        for (s, step) in table.tieBreak.enumerated() {
            let sp = "\(path).tieBreak[\(s)]"
            if step.by == .block {
                guard let id = step.block else {
                    error("\(sp).block", "bước xét «block» cần mã phần («block»)")
                    continue
                }
                if !blockIDs.contains(id) { error("\(sp).block", "\(t) không có phần «\(id)»", hint: suggest(id, blockIDs)) }
            } else if step.block != nil {
                error("\(sp).block", "«block» chỉ dùng với bước xét «block»")
            }
        }
    }

    private mutating func checkMethod(_ item: ScoringItem, path: String, name: String) {
        let measures = Dictionary(plan.indicators.map { ($0.id, $0.measure) }, uniquingKeysWith: { a, _ in a })
        func checkSource(_ source: ShareSource, _ key: String, shareTimesMax: Bool) {
            let hasIndicator = source.indicator != nil
            let hasPair = source.numerator != nil || source.denominator != nil
            if hasIndicator == hasPair {
                error("\(path).\(key)", "\(name): cần «indicator», hoặc «numerator» và «denominator» (không cả hai)")
            } else if hasPair && (source.numerator == nil || source.denominator == nil) {
                error("\(path).\(key)", "\(name): «numerator» và «denominator» phải đi cùng nhau")
            }
            if shareTimesMax, let id = source.indicator, let measure = measures[id], measure != .percent {
                error(
                    "\(path).\(key).indicator",
                    "\(name): tỷ lệ × điểm tối đa cần chỉ tiêu đo bằng phần trăm; «\(id)» đo bằng «\(measure.rawValue)»",
                    hint: "dùng «thresholds» để cho điểm theo ngưỡng")
            }
        }
        switch item.method {
        case .attested: break
        case .formula(let formula):
            checkSource(formula.source, "formula", shareTimesMax: formula.thresholds == nil)
            for (i, threshold) in (formula.thresholds ?? []).enumerated() where threshold.points < 0 || threshold.points > item.max {
                error(
                    "\(path).formula.thresholds[\(i)].points",
                    "\(name): ngưỡng cho \(Numbers.vietnamese(threshold.points)) điểm, ngoài khoảng 0–\(Numbers.vietnamese(item.max))")
            }
            if formula.thresholds?.isEmpty == true { error("\(path).formula.thresholds", "\(name): «thresholds» để trống") }
        case .graded(let graded):
            checkSource(graded.source, "graded", shareTimesMax: false)
            if graded.steps.isEmpty { error("\(path).graded.steps", "\(name): cần ít nhất một mức") }
            var froms: Set<Double> = []
            for (i, step) in graded.steps.enumerated() {
                if step.points < 0 || step.points > item.max {
                    error(
                        "\(path).graded.steps[\(i)].points",
                        "\(name): mức từ \(Numbers.vietnamese(step.from)) cho \(Numbers.vietnamese(step.points)) điểm, ngoài khoảng 0–\(Numbers.vietnamese(item.max))"
                    )
                }
                if !froms.insert(step.from).inserted {
                    error("\(path).graded.steps[\(i)].from", "\(name): hai mức cùng bắt đầu từ \(Numbers.vietnamese(step.from))")
                }
            }
            let sorted = graded.steps.sorted { $0.from < $1.from }
            for (low, high) in zip(sorted, sorted.dropFirst()) where high.points < low.points {
                warning(
                    "\(path).graded.steps",
                    "\(name): mức từ \(Numbers.vietnamese(high.from)) cho ít điểm hơn mức từ \(Numbers.vietnamese(low.from)); kiểm tra lại")
            }
        case .gate(let gate):
            if let rule = gate.rule { checkRule(rule, path: "\(path).gate.rule") }
        }
    }
}
