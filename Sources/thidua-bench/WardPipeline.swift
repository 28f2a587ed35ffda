import Foundation
import ThiDuaCLI
import ThiDuaCore
import ThiDuaRender

/// The steps a ward's year-end run takes, each as the command line takes it: load and check
/// the campaign files, replay the journals, evaluate and rank, build and render the dossier.
enum WardPipeline {
    // MARK: Load and check

    struct Loaded {
        var workspace: Workspace
        var campaigns: [ResolvedCampaign]
        var files = 0
        var bytes = 0
        var errors = 0
    }

    /// Loads and checks every campaign file of a ward's workspace, with the workspace's registry
    /// (compiled types and the declared types of `types/`) and its directives, as `thidua check` does;
    /// a file checked already in this process with the same content and environment is taken
    /// from `CheckedPlans` (the benchmark clears it before each cold measurement).
    static func load(_ folder: URL) -> Loaded {
        let workspace = Workspace(root: folder)
        let registry = CompiledTypes.registry(for: workspace)
        let environment = CheckedPlans.environmentKey(workspace: workspace, registry: registry) { url in
            (try? workspace.read(url, limit: InputLimits.jsonFile))?.map { SHA256.hash($0) }
        }
        var loaded = Loaded(workspace: workspace, campaigns: [])
        for file in workspace.campaignFiles() {
            let result = CheckedPlans.load(file, in: workspace, registry: registry, environment: environment).result
            loaded.files += 1
            loaded.bytes += ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int) ?? 0
            guard let plan = result.validPlan, let type = registry.type(plan.type) else {
                loaded.errors += 1
                continue
            }
            loaded.campaigns.append(ResolvedCampaign(plan: plan, type: type))
        }
        return loaded
    }

    // MARK: Replay

    struct Replayed {
        /// State by campaign id.
        var states: [String: CampaignState] = [:]
        var journals = 0
        var events = 0
        var bytes = 0
        /// Journals whose chain does not hold.
        var failures = 0
        /// Seconds reading, checking the chain and parsing (`JournalStore.read`), and folding.
        var readSeconds = 0.0
        var foldSeconds = 0.0
    }

    /// Reads every journal of the workspace (chain checked line by line) and folds it into the
    /// campaign's state.
    static func replay(_ workspace: Workspace) -> Replayed {
        var replayed = Replayed()
        for id in workspace.journalIDs() {
            let store = workspace.journal(for: id)
            let t0 = SystemProbes.now()
            guard let contents = try? store.read() else {
                replayed.failures += 1
                continue
            }
            let t1 = SystemProbes.now()
            let state = CampaignState(events: contents.events)
            let t2 = SystemProbes.now()
            replayed.readSeconds += t1 - t0
            replayed.foldSeconds += t2 - t1
            if contents.failure != nil { replayed.failures += 1 }
            replayed.states[id] = state
            replayed.journals += 1
            replayed.events += contents.events.count
            replayed.bytes += ((try? FileManager.default.attributesOfItem(atPath: store.url.path))?[.size] as? Int) ?? 0
        }
        return replayed
    }

    // MARK: Evaluate

    /// The period a campaign's year-end run evaluates: the latest with data.
    static func period(_ campaign: ResolvedCampaign, _ evaluator: Evaluator) -> EvaluationPeriod {
        let end = campaign.plan.period.end
        return evaluator.defaultPeriod(today: CivilDate(year: end.year, month: 12, day: 31) ?? end)
    }

    static func evaluate(_ campaign: ResolvedCampaign, state: CampaignState, roster: Roster) -> Evaluation {
        let evaluator = Evaluator(campaign: campaign, state: state, roster: roster)
        return evaluator.evaluate(period(campaign, evaluator))
    }

    // MARK: Documents

    /// Awards each participant received in any campaign of the ward, for the báo cáo thành tích.
    static func history(_ campaigns: [ResolvedCampaign], _ states: [String: CampaignState]) -> [ParticipantRef: [String]] {
        var history: [ParticipantRef: [String]] = [:]
        for campaign in campaigns {
            for decision in states[campaign.plan.id]?.decisions ?? [] where !decision.upward {
                for line in decision.lines {
                    let title = campaign.plan.awards.first { $0.id == line.award }?.title ?? line.award
                    history[line.participant, default: []].append("\(title) (\(decision.period))")
                }
            }
        }
        return history
    }

    /// Every document of one campaign's dossier: the plan, its blank forms, the sơ kết and tổng
    /// kết reports, and for each closed review the biên bản, the tờ trình (local and upward
    /// when it has such awards), a báo cáo thành tích per approved nominee, and the decision
    /// with its certificates. Filled forms (one per submission) are not part of it.
    static func dossier(
        _ campaign: ResolvedCampaign, state: CampaignState, roster: Roster, evaluation: Evaluation,
        history: [ParticipantRef: [String]]
    ) -> [Document] {
        let plan = campaign.plan
        var documents = [PlanDocumentBuilder(plan: plan, type: campaign.definition).build()]
        for form in campaign.definition.forms { documents.append(FormDocumentBuilder(plan: plan, form: form).build()) }
        let builder = DossierBuilder(campaign: campaign, state: state, roster: roster, history: history)
        for kind in ReportKind.allCases { documents.append(builder.report(kind, evaluation: evaluation)) }
        for review in state.reviews where review.closed != nil {
            documents.append(builder.minutes(review))
            let results = review.results(present: review.closed?.present.count ?? 0).filter(\.approved)
            let levels = Set(results.compactMap { r in plan.awards.first { $0.id == r.nominee.award }?.level == .upward })
            for upward in levels.sorted(by: { !$0 && $1 }) { documents.append(builder.proposal(review, upward: upward)) }
            var reported: Set<ParticipantRef> = []
            for result in results where reported.insert(result.nominee.participant).inserted {
                documents.append(builder.achievementReport(result.nominee.participant, evaluation: evaluation))
            }
        }
        for decision in state.decisions {
            documents.append(builder.decision(decision))
            if !decision.upward { documents.append(builder.certificates(decision)) }
        }
        return documents
    }

    /// The formats documents are rendered in.
    enum Format: String, CaseIterable, Sendable {
        case md, html, docx

        /// Renders a document; returns the size of the output in bytes.
        func render(_ document: Document) -> Int {
            switch self {
            case .md: return MarkdownRenderer().render(document).utf8.count
            case .html: return HTMLRenderer().render(document).utf8.count
            case .docx: return (try? DOCXRenderer().render(document))?.count ?? 0
            }
        }
    }

    // MARK: The whole run of a ward

    struct WardRun {
        var files = 0
        var events = 0
        var participants = 0
        var documents = 0
        var outputBytes = 0
        var errors = 0
    }

    /// The same data pass as the commands and the web application make it, through the back
    /// office: every campaign opened (its file checked, or remembered by `office`'s memory; its
    /// state remembered, from a checkpoint or from the journal), evaluated and ranked.
    static func run(through office: BackOffice) -> WardRun {
        guard let all = try? office.allCampaigns() else { return WardRun(errors: 1) }
        var run = WardRun(files: all.campaigns.count + all.skipped.count, errors: all.skipped.count)
        for campaign in all.campaigns {
            run.events += campaign.state.lastSeq
            run.participants += campaign.evaluator.evaluate(period(campaign.resolved, campaign.evaluator)).standings.count
        }
        return run
    }

    /// Everything for one ward: check, replay, evaluate and rank, and the dossier built and
    /// rendered in `formats` (nil: no documents).
    static func run(_ folder: URL, formats: [Format]?) -> WardRun {
        let loaded = load(folder)
        let replayed = replay(loaded.workspace)
        let roster = (try? loaded.workspace.loadRoster()) ?? Roster()
        var run = WardRun(files: loaded.files, events: replayed.events, errors: loaded.errors + replayed.failures)
        let history = history(loaded.campaigns, replayed.states)
        for campaign in loaded.campaigns {
            let state = replayed.states[campaign.plan.id] ?? CampaignState()
            let evaluation = evaluate(campaign, state: state, roster: roster)
            run.participants += evaluation.standings.count
            guard let formats else { continue }
            for document in dossier(campaign, state: state, roster: roster, evaluation: evaluation, history: history) {
                run.documents += 1
                for format in formats { run.outputBytes += format.render(document) }
            }
        }
        return run
    }
}
