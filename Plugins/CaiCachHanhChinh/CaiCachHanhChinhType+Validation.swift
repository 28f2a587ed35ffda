import ThiDuaCore

/// The `typeSettings` of a "Cải cách hành chính" plan.
public struct CaiCachHanhChinhSettings: Codable, Sendable, Equatable {
    /// The CCHC areas the plan covers, by id: the only `field`s its indicators and criteria may
    /// name, and the catalogue `thidua check` compares it with.
    public var areas: [String]?
}

extension CaiCachHanhChinhType {
    /// The definition for a plan that names its areas: those areas only, and the catalogue
    /// entries of other areas left out (entries with no area stay, and so do indicators the
    /// type's forms report, without their area).
    public func definition(for plan: CampaignPlan) -> CampaignTypeDefinition {
        let chosen = Set(settings(CaiCachHanhChinhSettings.self, of: plan)?.areas ?? [])
        var d = definition
        let fields = d.fields.filter { chosen.contains($0.id) }
        guard !fields.isEmpty, fields.count < d.fields.count else { return d }
        let kept = Set(fields.map(\.id))
        d.fields = fields
        // An indicator the type's forms report (the unit's CCHC index) stays, outside any area.
        let reported = Set(d.forms.flatMap(\.fields).compactMap(\.reports))
        d.indicators = d.indicators.compactMap { indicator in
            if indicator.field.map(kept.contains) ?? true { return indicator }
            guard reported.contains(indicator.id) else { return nil }
            var outside = indicator
            outside.field = nil
            return outside
        }
        let indicatorIDs = Set(d.indicators.map(\.id))
        // A criterion leaves with its area, or with an indicator its rule reads.
        d.criteria = d.criteria.filter { criterion in
            (criterion.field.map(kept.contains) ?? true) && (criterion.rule?.indicatorReferences ?? []).allSatisfy(indicatorIDs.contains)
        }
        return d
    }

    public func validate(_ plan: CampaignPlan) -> [Diagnostic] {
        let (settings, problems) = decodeSettings(CaiCachHanhChinhSettings.self, of: plan)
        var findings = problems
        let known = definition.fields.map(\.id)
        for (i, area) in (settings?.areas ?? []).enumerated() where !known.contains(area) {
            findings.append(
                Diagnostic(
                    .error, path: "typeSettings.areas[\(i)]",
                    message: "lĩnh vực CCHC «\(area)» không có; cần một trong: \(known.joined(separator: ", "))",
                    hint: DidYouMean.suggestion(for: area, among: known).map { "có phải ý bạn là «\($0)»?" }))
        }
        if let areas = settings?.areas, areas.isEmpty {
            findings.append(
                Diagnostic(
                    .error, path: "typeSettings.areas", message: "danh sách lĩnh vực CCHC không được trống",
                    hint: "bỏ khóa «areas» nếu kế hoạch thi đua trên mọi lĩnh vực"))
        }
        return findings
    }
}
