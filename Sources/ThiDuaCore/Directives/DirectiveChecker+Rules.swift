import ThiDuaBase

extension DirectiveChecker {
    /// A floor holds criterion rules and award standards too: a rule "≥ 80" on an indicator the
    /// directive sets at "> 85" lets a unit be judged met below the directive's level.
    func ruleFloors(_ floor: DirectiveFloor, _ k: Int, ids: Set<String>, _ directive: Directive, _ file: DirectiveFile) -> [Diagnostic] {
        var places: [(String, Rule)] = []
        for (c, criterion) in plan.criteria.enumerated() {
            if let rule = criterion.rule { places.append(("criteria[\(c)].rule", rule)) }
        }
        for (a, award) in plan.awards.enumerated() {
            for (s, standard) in (award.standards ?? []).enumerated() {
                if let rule = standard.rule { places.append(("awards[\(a)].standards[\(s)].rule", rule)) }
            }
        }
        var findings: [Diagnostic] = []
        for (path, rule) in places {
            for (leafPath, id, target) in Self.comparisons(rule, path: path) where ids.contains(id) {
                let measure = plan.indicators.first { $0.id == id }?.measure
                guard !target.meets(floor.target, measure: measure) else { continue }
                findings.append(
                    Diagnostic(
                        .error, path: leafPath,
                        message:
                            "điều kiện «\(id) \(target.vietnamese(measure: measure))» lỏng hơn mức \(directive.shortName) yêu cầu «\(floor.target.vietnamese(measure: floor.measure ?? measure))» (\(file.place("floors[\(k)]")))",
                        hint: "đặt điều kiện «\(floor.target.vietnamese(measure: measure))» hoặc chặt hơn"))
            }
        }
        return findings
    }

    /// Every literal comparison in a rule with its JSON path.
    static func comparisons(_ rule: Rule, path: String) -> [(String, String, Target)] {
        switch rule {
        case .all(let rules): rules.enumerated().flatMap { comparisons($1, path: "\(path).all[\($0)]") }
        case .any(let rules): rules.enumerated().flatMap { comparisons($1, path: "\(path).any[\($0)]") }
        case .atLeast(_, let rules): rules.enumerated().flatMap { comparisons($1, path: "\(path).of[\($0)]") }
        case .compare(let id, _, let comparison, let value): [(path, id, Target(comparison, value))]
        default: []
        }
    }
}
