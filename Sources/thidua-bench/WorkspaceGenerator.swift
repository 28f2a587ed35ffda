import Foundation
import ThiDuaCLI
import ThiDuaCore

/// The campaigns every synthetic ward runs: the repository's campaign files, loaded once.
struct Templates: Sendable {
    /// The repository root the files come from.
    var root: URL
    /// Campaign files that load with no error, with the campaign each gives.
    var campaigns: [(file: URL, campaign: ResolvedCampaign)]
    /// Declared campaign types and directives the campaign files need (copied as they are).
    var typeFiles: [URL]
    var directiveFiles: [URL]

    /// Loads the campaign files of the repository workspace at `root`; a file with errors is left
    /// out with a warning (it may be someone's work in progress).
    static func load(root: URL) throws -> Templates {
        let workspace = Workspace(root: root)
        let registry = CompiledTypes.registry(for: workspace)
        let loader = CampaignLoader(registry: registry)
        var campaigns: [(URL, ResolvedCampaign)] = []
        for file in workspace.campaignFiles() {
            let result = loader.load(path: file.path, displayName: workspace.display(file))
            guard let plan = result.validPlan, let type = registry.type(plan.type) else {
                Log.info("warning: \(workspace.display(file)) has errors and is left out of the benchmark")
                continue
            }
            campaigns.append((file, ResolvedCampaign(plan: plan, type: type)))
        }
        guard !campaigns.isEmpty else { throw BenchError("no campaign file in \(workspace.campaignsFolder.path) loads") }
        return Templates(
            root: root, campaigns: campaigns, typeFiles: Workspace.jsonFiles(in: workspace.typesFolder),
            directiveFiles: Workspace.jsonFiles(in: workspace.directivesFolder))
    }
}

/// What generating one ward wrote.
struct WardOutput: Sendable {
    var events = 0
    var appends = 0
    var journalBytes = 0
    var journals = 0
    var reviews = 0
    var decisions = 0
}

/// Writes synthetic ward workspaces: one workspace folder per ward, as each ward People's
/// Committee keeps its own (`campaigns/`, `types/`, `directives/`, `roster/roster.json`,
/// `data/<campaign>.journal.jsonl`), every event written through `JournalStore.append`.
struct WorkspaceGenerator: Sendable {
    enum Batching: String, Sendable {
        /// One append per step of the year (enrolment, registrations, sơ kết, tổng kết,
        /// corrections and appraisals, review and decision): about seven per journal.
        case step
        /// One append per journal, for the largest runs.
        case journal
    }

    var templates: Templates
    var seed: UInt64
    var wardCount: Int
    var batching: Batching

    /// Generates ward `index` under `root`.
    func generate(ward index: Int, under root: URL) throws -> WardOutput {
        let ward = WardIdentity.make(index: index, count: wardCount, seed: seed)
        let folder = root.appendingPathComponent(ward.folder)
        let workspace = try Workspace.create(at: folder)
        let files = FileManager.default
        for (file, _) in templates.campaigns {
            try files.copyItem(at: file, to: workspace.campaignsFolder.appendingPathComponent(file.lastPathComponent))
        }
        for file in templates.typeFiles {
            try files.copyItem(at: file, to: workspace.typesFolder.appendingPathComponent(file.lastPathComponent))
        }
        for file in templates.directiveFiles {
            try files.copyItem(at: file, to: workspace.directivesFolder.appendingPathComponent(file.lastPathComponent))
        }
        try workspace.saveRoster(ward.roster)

        var output = WardOutput()
        for (n, template) in templates.campaigns.enumerated() {
            let stream = SeededGenerator(seed: seed, stream: UInt64(index) &* 64 &+ UInt64(n) &+ 1_000_003)
            var history = CampaignHistory(campaign: template.campaign, ward: ward, random: stream)
            var batches = history.run()
            if batching == .journal, let last = batches.last {
                batches = [CampaignHistory.Batch(time: last.time, drafts: batches.flatMap(\.drafts))]
            }
            let store = workspace.journal(for: template.campaign.plan.id)
            var lastSeq = 0
            for batch in batches {
                let result = try store.append(batch.drafts, time: batch.time)
                lastSeq = result.events.last?.seq ?? lastSeq
                output.appends += 1
            }
            guard lastSeq == history.state.lastSeq else {
                throw BenchError("\(ward.folder)/\(store.displayName): wrote \(lastSeq) events, the history made \(history.state.lastSeq)")
            }
            output.events += lastSeq
            output.journals += 1
            output.reviews += history.state.reviews.count
            output.decisions += history.state.decisions.count
            output.journalBytes += ((try? files.attributesOfItem(atPath: store.url.path))?[.size] as? Int) ?? 0
        }
        return output
    }
}

/// A failure of the benchmark itself.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The message of any error the benchmark meets, as one line.
func describe(_ error: any Error) -> String {
    switch error {
    case let e as BenchError: e.description
    case let e as WorkspaceError: e.message
    case let e as JournalError: e.rendered
    default: "\(error)"
    }
}
