import ThiDuaCore

/// The `typeSettings` of a "Dân vận khéo" plan.
public struct DanVanKheoSettings: Codable, Sendable, Equatable {
    /// The fields the plan uses, by id.
    public var fields: [String]?
    /// Yearly registration deadline, "dd/mm".
    public var registrationDeadline: String?
    /// Models each unit must register each year.
    public var minimumModelsPerUnit: Int?
}

extension DanVanKheoType {
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
        if let deadline = settings?.registrationDeadline {
            let parts = deadline.split(separator: "/", omittingEmptySubsequences: false)
            let valid =
                parts.count == 2 && Int(parts[1]).map { (1...12).contains($0) } == true
                && Int(parts[0]).map { d in d >= 1 && d <= CivilDate.daysIn(month: Int(parts[1]) ?? 1, year: 2024) } == true
            if !valid {
                findings.append(
                    Diagnostic(
                        .error, path: "typeSettings.registrationDeadline",
                        message: "hạn đăng ký «\(deadline)» không hợp lệ; cần dạng dd/mm có thật, ví dụ 15/02"))
            }
        }
        if let minimum = settings?.minimumModelsPerUnit, minimum < 1 {
            findings.append(
                Diagnostic(
                    .error, path: "typeSettings.minimumModelsPerUnit", message: "số mô hình tối thiểu phải từ 1 trở lên, thấy \(minimum)"))
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
}
