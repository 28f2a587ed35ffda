import ThiDuaCore

/// The `typeSettings` of a "Dân vận chính quyền" plan: the rank thresholds, which drive the
/// catalogue's `xep-hang` criterion and the ranking section of the reports.
///
/// There is no `ranking` key: the rank indicator is the plan indicator that selects the
/// catalogue's `xep-hang-dvcq` (or has that id), so naming it again could only disagree.
public struct DanVanChinhQuyenSettings: Codable, Sendable, Equatable {
    /// Ranks up to this count as "thứ hạng cao".
    public var highRankMax: Int?
    /// Places gained on last year that count as "thay đổi vượt bậc".
    public var rankRiseMin: Int?
}

extension DanVanChinhQuyenType {
    public func definition(for plan: CampaignPlan) -> CampaignTypeDefinition {
        let thresholds = RankThresholds(settings(DanVanChinhQuyenSettings.self, of: plan))
        return thresholds == RankThresholds() ? definition : Self.makeDefinition(thresholds: thresholds)
    }

    /// The plan's rank indicator: the one selecting the catalogue's, or with its id.
    static func rankIndicator(of plan: CampaignPlan) -> Indicator? {
        plan.indicators.first { $0.catalogue == rankIndicator } ?? plan.indicators.first { $0.id == rankIndicator }
    }

    public func validate(_ plan: CampaignPlan) -> [Diagnostic] {
        let (settings, problems) = decodeSettings(DanVanChinhQuyenSettings.self, of: plan)
        var findings = problems
        for (key, value) in [("highRankMax", settings?.highRankMax), ("rankRiseMin", settings?.rankRiseMin)] {
            if let value, value < 1 {
                findings.append(Diagnostic(.error, path: "typeSettings.\(key)", message: "phải từ 1 trở lên, thấy \(value)"))
            }
        }
        let setsThresholds = settings?.highRankMax != nil || settings?.rankRiseMin != nil
        for (i, criterion) in plan.criteria.enumerated() where criterion.catalogue == Self.rankCriterion {
            if criterion.rule != nil && setsThresholds {
                findings.append(
                    Diagnostic(
                        .error, path: "criteria[\(i)].rule",
                        message:
                            "ngưỡng xếp hạng đã đặt ở typeSettings (highRankMax, rankRiseMin); tiêu chí «\(criterion.id)» chọn «\(Self.rankCriterion)» nên lấy điều kiện của loại, không ghi lại ngưỡng",
                        hint: "bỏ «rule» của tiêu chí"))
            }
            if criterion.rule == nil, Self.rankIndicator(of: plan) == nil {
                findings.append(
                    Diagnostic(
                        .error, path: "criteria[\(i)]",
                        message: "tiêu chí «\(criterion.id)» xét thứ hạng nhưng kế hoạch không có chỉ tiêu xếp hạng",
                        hint: "thêm vào «indicators» một chỉ tiêu có \"catalogue\": \"\(Self.rankIndicator)\" và \"measure\": \"rank\""))
            }
        }
        if let indicator = Self.rankIndicator(of: plan), indicator.measure != .rank {
            let i = plan.indicators.firstIndex(of: indicator) ?? 0
            findings.append(
                Diagnostic(
                    .error, path: "indicators[\(i)].measure",
                    message: "chỉ tiêu xếp hạng «\(indicator.id)» phải có measure «rank», thấy «\(indicator.measure.rawValue)»"))
        }
        return findings
    }
}
