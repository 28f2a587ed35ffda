import Foundation
import Synchronization
import Testing
import ThiDuaCLI
import ThiDuaCore
import ThiDuaRender

/// The demo ward of `thidua demo`, made once for the dossier defect tests (read only). Made on
/// first use under a lock, not in a static initialiser: the demo runs the command line, which
/// must not run inside a one-time initialiser.
enum SharedDossierWard {
    private static let made = Mutex<URL?>(nil)

    /// The ward's folder.
    static func root() throws -> URL {
        try made.withLock { (root: inout URL?) throws -> URL in
            if let root { return root }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-dossier-shared-\(UUID().uuidString)")
            let demo = Harness.run(["--today", "2026-12-20", "--actor", "Lê Thị Ngọc Ánh", "demo", "--out", folder.path, "--quiet"])
            guard demo.code == 0 else { throw DemoFailure(message: demo.output + demo.errors) }
            root = folder
            return folder
        }
    }

    struct DemoFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "thidua demo failed: \(message)" }
    }

    /// One campaign of the ward, loaded as the commands load it.
    static func campaign(_ id: String) throws -> WardCampaign { try WardCampaign(root: root(), id: id) }
}

/// A campaign of a workspace with its journal state and roster, and the builder of its documents.
struct WardCampaign {
    let root: URL
    let resolved: ResolvedCampaign
    let events: [JournalEvent]
    let state: CampaignState
    let roster: Roster

    init(root: URL, id: String) throws {
        self.root = root
        let workspace = Workspace(root: root)
        roster = try workspace.loadRoster()
        let registry = CompiledTypes.registry(for: workspace)
        let file = try #require(workspace.campaignFile(id))
        let plan = try #require(CampaignLoader(registry: registry).load(path: file.path).validPlan)
        let type = try #require(registry.type(plan.type))
        resolved = ResolvedCampaign(plan: plan, type: type)
        events = try workspace.journal(for: id).read().events
        state = CampaignState(events: events)
    }

    var plan: CampaignPlan { resolved.plan }
    var builder: DossierBuilder { DossierBuilder(campaign: resolved, state: state, roster: roster) }
    var review: ReviewRecord? { state.reviews.last { $0.closed != nil } }
    var decision: DecisionRecord? { state.decisions.first { !$0.upward } }

    /// The evaluation of the reviewed period, else of the last year.
    var evaluation: Evaluation {
        let period = review?.period ?? EvaluationPeriod(year: plan.period.end.year)
        return Evaluator(campaign: resolved, state: state, roster: roster).evaluate(period)
    }

    /// `decide` run again on the journal without its decisions.
    func decideAgain(confirmRepeats: Bool = false) throws -> [DecisionRecord] {
        let before = CampaignState(events: events.filter { $0.kind != .decision })
        let date = try #require(decision?.date)
        return try CampaignActions.decide(
            plan: plan, state: before, roster: roster, evaluation: evaluation, tables: .standard, date: date, number: nil,
            confirmRepeats: confirmRepeats)
    }

    static func markdown(_ document: Document) -> String { MarkdownRenderer().render(document) }
}
