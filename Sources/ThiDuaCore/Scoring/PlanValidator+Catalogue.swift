import ThiDuaBase

extension PlanValidator {
    /// The problems of a type's catalogue tables on their own, with paths under `scoring`: the
    /// same checks as a plan's tables, with every indicator they read taken as a plan's percent
    /// indicator (whether the plan has it is checked when a plan brings the table in).
    public static func scoringProblems(of definition: CampaignTypeDefinition) -> [Diagnostic] {
        let tables = definition.scoring ?? []
        guard !tables.isEmpty else { return [] }
        var references: [String] = []
        for item in tables.flatMap(\.items) {
            for id in item.indicatorReferences where !references.contains(id) { references.append(id) }
        }
        let end = CivilDate(year: 2026, month: 12, day: 31) ?? CivilDate(year: 2000, month: 1, day: 1)!
        var plan = CampaignPlan(
            version: CampaignPlan.currentVersion, type: definition.id, id: "danh-muc", name: definition.title,
            issuer: Authority(name: "-", headerLines: ["-"], level: .xa), number: DocumentNumber(symbol: "-"), place: "-",
            date: PartialDate(year: 2026), documentKind: "KẾ HOẠCH", title: "-", addressees: [], basis: [], implements: [],
            preamble: [], period: CampaignPeriod(end: end), purposes: [], requirements: [], participants: [], content: [],
            indicators: references.map { Indicator(id: $0, title: $0, measure: .percent, scope: .collective) }, criteria: [],
            awards: [], dossier: [], funding: nil, milestones: [], assignments: [], closing: [], recipients: [],
            signer: Signer(title: "-"), outline: nil, typeSettings: nil, notes: [])
        plan.scoring = tables
        return PlanValidator(plan: plan, type: nil).validate().filter { $0.path?.hasPrefix("scoring") == true }
    }
}
