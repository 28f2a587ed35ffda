import ThiDuaBase

/// The scoring tables a campaign uses: the plan's own, then the type's catalogue tables that an
/// indicator's `source` names and the plan does not redefine.
public enum ScoringTables {
    public static func effective(plan: CampaignPlan, definition: CampaignTypeDefinition) -> [ScoringTable] {
        var tables = plan.scoring
        let named = plan.indicators.compactMap(\.source?.scoring)
        for table in definition.scoring ?? [] where named.contains(table.id) && !tables.contains(where: { $0.id == table.id }) {
            tables.append(table)
        }
        return tables
    }
}
