import ThiDuaBase

extension AwardKind {
    /// What its standards ask of the plan's criteria, in words for `show`; nil when it asks
    /// every criterion (the usual case) or the plan has none.
    public func criteriaNote(in plan: CampaignPlan) -> String? {
        guard !plan.criteria.isEmpty else { return nil }
        let requirements = (standards ?? []).compactMap(\.criteria)
        guard !requirements.isEmpty else { return nil }
        if requirements.allSatisfy({ $0 == .none }) { return "không xét theo tiêu chí thi đua" }
        let parts = requirements.compactMap { requirement -> String? in
            switch requirement {
            case .all: "cần đạt mọi tiêu chí thi đua"
            case .none: nil
            case .each(let ids): "cần đạt tiêu chí \(ids.joined(separator: ", "))"
            case .atLeast(let n, let ids): "cần đạt ít nhất \(n)/\(ids.count) tiêu chí \(ids.joined(separator: ", "))"
            }
        }
        return parts.joined(separator: "; ")
    }
}
