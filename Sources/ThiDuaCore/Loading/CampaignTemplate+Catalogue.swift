import ThiDuaBase

/// The catalogue part of a new campaign file: indicators and criteria, raised and completed by
/// the directive chain.
extension CampaignTemplate {
    /// An indicator of the new plan.
    struct PlanIndicator {
        var id: String
        var catalogue: String?
        var title: String
        var measure: Measure
        var target: Target?
        var scope: IndicatorScope
        var field: String?
        /// The directive whose floor set the target, for the indicator's text.
        var floorFrom: Directive?
        /// The type's scoring table the value is derived from (the CCHC index sheet).
        var scoring: String?

        var json: JSONValue {
            var members: [(String, JSONValue)] = [("id", .string(id))]
            if let catalogue { members.append(("catalogue", .string(catalogue))) }
            members += [("title", .string(title)), ("measure", .string(measure.rawValue))]
            if let target {
                members.append(("target", templateObject([("op", .string(target.comparison.rawValue)), ("value", .number(target.value))])))
            }
            members.append(("scope", .string(scope.rawValue)))
            if let field { members.append(("field", .string(field))) }
            if let scoring { members.append(("source", templateObject([("scoring", .string(scoring))]))) }
            return templateObject(members)
        }
    }

    /// The catalogue's indicators with their default targets, each raised to the strongest floor
    /// of the directives; a floor on an indicator the catalogue lacks adds it.
    func planIndicators() -> [PlanIndicator] {
        let tables = Set((type.scoring ?? []).map(\.id))
        var out = type.indicators.map {
            PlanIndicator(
                id: $0.id, catalogue: $0.id, title: $0.title, measure: $0.measure, target: $0.defaultTarget, scope: $0.scope,
                field: $0.field, scoring: tables.contains($0.id) ? $0.id : nil)
        }
        // Farthest directive first, so a nearer directive's stronger floor wins.
        for directive in directives.reversed() {
            for floor in directive.floors {
                if let i = out.firstIndex(where: { $0.id == floor.indicator }) {
                    if let current = out[i].target, current.meets(floor.target, measure: out[i].measure) { continue }
                    out[i].target = floor.target
                    out[i].floorFrom = directive
                } else {
                    out.append(
                        PlanIndicator(
                            id: floor.indicator, catalogue: nil, title: floor.title ?? Self.blank("tên chỉ tiêu «\(floor.indicator)»"),
                            measure: floor.measure ?? .percent, target: floor.target, scope: .campaign, field: nil,
                            floorFrom: directive))
                }
            }
        }
        return out
    }

    /// A criterion of the new plan.
    struct PlanCriterion {
        var id: String
        var catalogue: String?
        var appliesTo: ParticipantKind
        var field: String?
        var text: String
        var rule: Rule?

        var json: JSONValue {
            var members: [(String, JSONValue)] = [("id", .string(id))]
            if let catalogue { members.append(("catalogue", .string(catalogue))) }
            members.append(("appliesTo", .string(appliesTo.rawValue)))
            if let field { members.append(("field", .string(field))) }
            members.append(("text", .string(text)))
            if let rule, let value = try? JSONValue.encode(rule) { members.append(("rule", value)) }
            return templateObject(members)
        }
    }

    /// The catalogue's criteria, then each criterion a directive requires that is not among them.
    func planCriteria() -> [PlanCriterion] {
        var out = type.criteria.map {
            PlanCriterion(id: $0.id, catalogue: $0.id, appliesTo: $0.appliesTo, field: $0.field, text: $0.text, rule: $0.rule)
        }
        for directive in directives {
            for required in directive.requiredCriteria where !required.key.isEmpty {
                if out.contains(where: { $0.id == required.key || $0.catalogue == required.key }) { continue }
                out.append(
                    PlanCriterion(
                        id: required.key, catalogue: nil, appliesTo: required.appliesTo ?? .collective, field: nil,
                        text: required.text ?? Self.blank("tiêu chí «\(required.key)» theo \(directive.shortName)"), rule: nil))
            }
        }
        return out
    }
}
