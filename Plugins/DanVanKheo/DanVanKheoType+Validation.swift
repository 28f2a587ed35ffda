import ThiDuaCore

/// The `typeSettings` of a "Dân vận khéo" plan.
///
/// There is no registration deadline here: the registration milestone's `due` is the deadline,
/// and a second copy could only disagree with it.
public struct DanVanKheoSettings: Codable, Sendable, Equatable {
    /// The fields the plan uses, by id: the plan's `field`s and the registration form's choices.
    public var fields: [String]?
    /// Models each unit must register each year: the target of the catalogue's `mo-hinh-dang-ky`
    /// and the count of its `dang-ky-mo-hinh` criterion, in one place.
    public var minimumModelsPerUnit: Int?
}

extension DanVanKheoType {
    /// The minimum of models per unit per year the plan fixes (nil: the plan does not say).
    static func minimum(of settings: DanVanKheoSettings?) -> Int? {
        settings?.minimumModelsPerUnit.flatMap { $0 >= 1 ? $0 : nil }
    }

    public func definition(for plan: CampaignPlan) -> CampaignTypeDefinition {
        let settings = settings(DanVanKheoSettings.self, of: plan)
        let all = Self.makeFields()
        let chosen = (settings?.fields ?? []).compactMap { id in all.first { $0.id == id } }
        let fields = chosen.isEmpty ? all : all.filter { chosen.contains($0) }
        let minimum = Self.minimum(of: settings) ?? Self.defaultMinimum
        if fields == all && minimum == Self.defaultMinimum { return definition }
        return Self.makeDefinition(fields: fields, minimum: minimum)
    }

    /// A plan indicator counting models with no target of its own takes the plan's minimum.
    public func complete(_ plan: CampaignPlan) -> CampaignPlan {
        guard let minimum = Self.minimum(of: settings(DanVanKheoSettings.self, of: plan)) else { return plan }
        var plan = plan
        for i in plan.indicators.indices where Self.countsModels(plan.indicators[i]) && plan.indicators[i].target == nil {
            plan.indicators[i].target = Target(.atLeast, Double(minimum))
        }
        return plan
    }

    static func countsModels(_ indicator: Indicator) -> Bool {
        indicator.id == modelCount || indicator.catalogue == modelCount
    }

    public func validate(_ plan: CampaignPlan) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let (settings, problems) = decodeSettings(DanVanKheoSettings.self, of: plan)
        findings += problems
        let known = definition.fields.map(\.id)
        for (i, field) in (settings?.fields ?? []).enumerated() where !known.contains(field) {
            findings.append(
                Diagnostic(
                    .error, path: "typeSettings.fields[\(i)]",
                    message: "lĩnh vực «\(field)» không có; cần một trong: \(known.joined(separator: ", "))",
                    hint: DidYouMean.suggestion(for: field, among: known).map { "có phải ý bạn là «\($0)»?" }))
        }
        if let minimum = settings?.minimumModelsPerUnit {
            if minimum < 1 {
                findings.append(
                    Diagnostic(
                        .error, path: "typeSettings.minimumModelsPerUnit",
                        message: "số mô hình tối thiểu phải từ 1 trở lên, thấy \(minimum)"))
            } else {
                findings += twoPlaces(plan, minimum: minimum)
            }
        }
        if !plan.milestones.contains(where: { $0.kind == .registration }) {
            findings.append(
                Diagnostic(
                    .warning, path: "milestones",
                    message: "kế hoạch “Dân vận khéo” chưa có mốc đăng ký mô hình (kind «registration»)",
                    hint: "thêm mốc, ví dụ {\"kind\": \"registration\", \"due\": \"15/02\", \"form\": \"dang-ky-mo-hinh\"}"))
        }
        return findings
    }

    /// The minimum lives in `typeSettings` only: a target or rule of the plan that repeats it is an error.
    func twoPlaces(_ plan: CampaignPlan, minimum: Int) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (i, indicator) in plan.indicators.enumerated() where Self.countsModels(indicator) && indicator.target != nil {
            findings.append(
                Diagnostic(
                    .error, path: "indicators[\(i)].target",
                    message:
                        "số mô hình tối thiểu đã ghi ở typeSettings.minimumModelsPerUnit (\(minimum)); chỉ tiêu «\(indicator.id)» không ghi lại mức này",
                    hint: "bỏ «target» của chỉ tiêu, hoặc bỏ typeSettings.minimumModelsPerUnit"))
        }
        for (i, criterion) in plan.criteria.enumerated() where criterion.catalogue == Self.modelCriterion && criterion.rule != nil {
            findings.append(
                Diagnostic(
                    .error, path: "criteria[\(i)].rule",
                    message:
                        "số mô hình tối thiểu đã ghi ở typeSettings.minimumModelsPerUnit (\(minimum)); tiêu chí «\(criterion.id)» lấy điều kiện của loại",
                    hint: "bỏ «rule» của tiêu chí, hoặc bỏ typeSettings.minimumModelsPerUnit"))
        }
        return findings
    }
}
