import Foundation
import ThiDuaCore

/// The `typeSettings` of a "Chính quyền thân thiện" plan.
public struct ChinhQuyenThanThienSettings: Codable, Sendable, Equatable {
    /// The pledge's wording, printed on the pledge form; the default is Đồng Nai's.
    public var pledge: Pledge?
    /// Who evaluates ("Văn phòng UBND xã"): named on the evaluation form, the criterion and the report.
    public var evaluator: String?
}

extension ChinhQuyenThanThienType {
    public func definition(for plan: CampaignPlan) -> CampaignTypeDefinition {
        let settings = settings(ChinhQuyenThanThienSettings.self, of: plan)
        let evaluator = settings?.evaluator.flatMap { Self.blank($0) ? nil : $0 } ?? Self.defaultEvaluator
        let pledge = settings?.pledge.flatMap { Self.usable($0) ? $0 : nil } ?? Self.defaultPledge
        if pledge == Self.defaultPledge && evaluator == Self.defaultEvaluator { return definition }
        return Self.makeDefinition(pledge: pledge, evaluator: evaluator)
    }

    public func validate(_ plan: CampaignPlan) -> [Diagnostic] {
        let (settings, problems) = decodeSettings(ChinhQuyenThanThienSettings.self, of: plan)
        var findings = problems
        if let pledge = settings?.pledge {
            for (key, list) in [("xin", pledge.xin), ("luon", pledge.luon), ("khong", pledge.khong)] {
                if list.isEmpty || list.contains(where: Self.blank) {
                    findings.append(
                        Diagnostic(
                            .error, path: "typeSettings.pledge.\(key)", message: "danh sách cam kết không được trống hay có dòng trống"))
                }
            }
        }
        if let evaluator = settings?.evaluator, Self.blank(evaluator) {
            findings.append(
                Diagnostic(
                    .error, path: "typeSettings.evaluator", message: "tên cơ quan đánh giá không được để trống",
                    hint: "ví dụ \"Văn phòng UBND xã\"; bỏ khóa này để dùng «\(Self.defaultEvaluator)»"))
        }
        return findings
    }

    /// The pledge a plan uses: its own lists, or the default.
    public static func pledge(of plan: CampaignPlan) -> Pledge {
        guard let settings = plan.typeSettings,
            let decoded = try? JSONNodeDecoder.decode(ChinhQuyenThanThienSettings.self, from: settings.node).0,
            let pledge = decoded.pledge, usable(pledge)
        else { return defaultPledge }
        return pledge
    }

    static func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }

    static func usable(_ pledge: Pledge) -> Bool {
        [pledge.xin, pledge.luon, pledge.khong].allSatisfy { !$0.isEmpty && !$0.contains(where: blank) }
    }
}
