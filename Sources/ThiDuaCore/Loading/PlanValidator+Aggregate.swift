import ThiDuaBase

extension PlanValidator {
    /// An aggregated indicator: campaign-wide, combining a per-unit indicator, weighted by another.
    mutating func checkAggregate(_ aggregate: IndicatorAggregate, of indicator: Indicator, path: String) {
        let perUnit = plan.indicators.filter { $0.scope == .collective }.map(\.id)
        if (indicator.scope ?? .campaign) != .campaign {
            error(
                "\(path)",
                "chỉ tiêu «\(indicator.id)» có «aggregate» nên phải là số liệu chung (\"scope\": \"campaign\"); thấy «\(indicator.scope?.rawValue ?? "")»")
        }
        if indicator.source != nil {
            error("\(path)", "chỉ tiêu «\(indicator.id)» không thể vừa có «aggregate» vừa có «source»; chỉ giữ một")
        }
        func checkReference(_ id: String, key: String) {
            guard let referenced = plan.indicators.first(where: { $0.id == id }) else {
                error(
                    "\(path).\(key)",
                    "«\(key)» là «\(id)» nhưng «indicators» không có chỉ tiêu này; cần một chỉ tiêu của từng đơn vị (\"scope\": \"collective\")",
                    hint: suggest(id, perUnit))
                return
            }
            if referenced.scope != .collective {
                error(
                    "\(path).\(key)",
                    "«\(key)» là «\(id)», chỉ tiêu có phạm vi «\(referenced.scope?.rawValue ?? "campaign")»; cần chỉ tiêu của từng đơn vị (\"scope\": \"collective\")"
                        + (perUnit.isEmpty ? "" : ", ví dụ: \(perUnit.joined(separator: ", "))"))
            }
        }
        if aggregate.of == indicator.id {
            error("\(path).of", "chỉ tiêu «\(indicator.id)» không thể tổng hợp từ chính nó")
        } else {
            checkReference(aggregate.of, key: "of")
        }
        if let figure = aggregate.rosterWeight {
            if let problem = Identifier.problem(figure) { error("\(path).rosterWeight", problem, hint: "ví dụ «so-ho»") }
            if aggregate.by != .weighted {
                error("\(path).rosterWeight", "«rosterWeight» chỉ dùng khi «by» là «weighted»; «by» đang là «\(aggregate.by.rawValue)»")
            }
            if aggregate.weight != nil {
                error("\(path).rosterWeight", "chỉ dùng một quyền số: «weight» (chỉ tiêu báo cáo) hoặc «rosterWeight» (số liệu trong danh bạ)")
            }
        }
        // With a roster figure as the base there is no reported weight to check.
        switch aggregate.rosterWeight == nil ? (aggregate.by, aggregate.weight) : (.sum, nil) {
        case (.weighted, nil):
            error(
                "\(path).weight",
                "«by» là «weighted» nên cần «weight»: chỉ tiêu của từng đơn vị làm quyền số (ví dụ số người trưởng thành), hoặc «rosterWeight»: số liệu của đơn vị trong danh bạ (ví dụ số hộ)",
                hint: perUnit.isEmpty ? nil : "có: \(perUnit.joined(separator: ", "))")
        case (.weighted, let weight?):
            checkReference(weight, key: "weight")
        case (_, _?):
            error("\(path).weight", "«weight» chỉ dùng khi «by» là «weighted»; «by» đang là «\(aggregate.by.rawValue)»")
        case (_, nil):
            break
        }
        if let share = aggregate.minReported, !(share > 0 && share <= 100) {
            error("\(path).minReported", "tỷ lệ đơn vị cần báo cáo \(Numbers.vietnamese(share))% phải lớn hơn 0 và không quá 100")
        }
        if aggregate.by == .sum, indicator.measure == .percent {
            warning("\(path).by", "cộng các tỷ lệ phần trăm của các đơn vị hiếm khi có nghĩa; thường dùng «weighted» hoặc «mean»")
        }
    }
}

extension PlanValidator {
    /// The unit kinds a plan may name in a scope (the roster's kinds).
    static var knownUnitKinds: [String] { UnitKind.allCases.map(\.rawValue) }

    /// A criterion's scope: known unit kinds, known participant groups, not empty.
    mutating func checkScope(_ scope: RuleScope, path: String) {
        let kinds = Self.knownUnitKinds
        for (k, kind) in (scope.unitKinds ?? []).enumerated() where !kinds.contains(kind) {
            error(
                "\(path).unitKinds[\(k)]", "loại đơn vị «\(kind)» không có; có: \(kinds.joined(separator: ", "))",
                hint: suggest(kind, kinds))
        }
        let groups = plan.participants.map(\.id)
        for (g, id) in (scope.groups ?? []).enumerated() where !groups.contains(id) {
            error(
                "\(path).groups[\(g)]", "nhóm đối tượng «\(id)» không có trong «participants»; có: \(groups.joined(separator: ", "))",
                hint: suggest(id, groups))
        }
        if (scope.unitKinds ?? []).isEmpty && (scope.groups ?? []).isEmpty {
            error("\(path)", "«scope» cần «unitKinds» (loại đơn vị) hoặc «groups» (mã nhóm đối tượng), ít nhất một phần tử")
        } else if scope.kinds(in: plan).isEmpty {
            warning("\(path)", "các nhóm trong «scope» không nêu loại đơn vị («unitKinds») nên tiêu chí không áp dụng cho ai")
        }
    }
}
