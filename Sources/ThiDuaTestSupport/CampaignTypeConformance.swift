import ThiDuaCore

/// The conformance suite's entry point: `CampaignTypeChecker` (in Core, the one checker of the
/// contract, which also checks every type file) run on a type, its findings as lines that name
/// the type and the part at fault. An empty array means the type conforms.
public enum CampaignTypeConformance {
    public static func check(_ type: any CampaignType) -> [String] {
        CampaignTypeChecker.check(type).map { finding in
            let path = finding.path.map { $0.isEmpty ? "" : "\($0): " } ?? ""
            return "\(type.definition.id): \(path)\(finding.message)" + (finding.hint.map { " (\($0))" } ?? "")
        }
    }

    /// The smallest plan of a type, for checking validation on sparse input.
    public static func minimalPlan(type: String) -> CampaignPlan { CampaignTypeChecker.minimalPlan(type: type) }
}
