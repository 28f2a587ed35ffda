import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

extension SeedScenario {
    /// A seed campaign with its plan changed first (its settings, say), resolved as `thidua` would.
    init(_ id: String, roster: Roster, adjust: (inout CampaignPlan) -> Void) throws {
        var plan = try Self.seedPlan(id)
        adjust(&plan)
        let type = try #require(CompiledTypes.registry.type(plan.type))
        campaign = ResolvedCampaign(plan: plan, type: type)
        self.roster = roster
    }

    /// A campaign resolved by the caller, with no history yet.
    init(campaign: ResolvedCampaign, roster: Roster) {
        self.campaign = campaign
        self.roster = roster
    }

    /// A seed's plan as loaded, with no error.
    static func seedPlan(_ id: String) throws -> CampaignPlan {
        let result = CampaignLoader(registry: CompiledTypes.registry).load(
            path: Repository.campaigns.appendingPathComponent("\(id).json").path, displayName: id)
        return try #require(result.validPlan, "\(result.diagnostics.map(\.rendered))")
    }

    /// The plan's findings from its type alone.
    static func typeFindings(_ plan: CampaignPlan) throws -> [Diagnostic] {
        try #require(CompiledTypes.registry.type(plan.type)).validate(plan)
    }

    var context: CampaignContext { CampaignContext(campaign: campaign, state: state, roster: roster) }

    /// The sơ kết or tổng kết report's blocks under one section, as plain text lines.
    func reportSection(_ id: String, _ kind: ReportKind = .tongKet, period: EvaluationPeriod) throws -> [String] {
        let section = try #require(campaign.definition.report(kind)?.sections.first { $0.id == id })
        let document = DossierBuilder(campaign: campaign, state: state, roster: roster).report(kind, evaluation: evaluator.evaluate(period))
        var lines: [String] = []
        var inside = false
        for block in document.body {
            if case .heading(let text, _) = block {
                inside = text.hasSuffix(section.heading.uppercased())
                continue
            }
            if inside { lines += Self.lines(block) }
        }
        return lines
    }

    static func lines(_ block: Block) -> [String] {
        switch block {
        case .paragraph(let p): [p.text]
        case .table(let t): [t.columns.joined(separator: " | ")] + t.rows.map { $0.joined(separator: " | ") }
        case .blank(let prompt, _): ["[\(prompt)]"]
        default: []
        }
    }
}

/// `typeSettings` from key–value pairs.
func settings(_ members: [(String, JSONValue)]) -> JSONValue {
    .object(members.map { JSONValue.Member(key: $0.0, value: $0.1) })
}
