import Foundation
import ThiDuaBase

/// The back office of one workspace: every action on its campaigns and roster, and every read,
/// for every front-end (the command line, the web application, tests).
///
/// Each action loads what it needs, checks it against the campaign's rules, and appends typed
/// events to the campaign's journal onto exactly the state it checked (`expectingLastSeq`). When
/// another writer got in first, the action is checked again on the new state and retried, so a
/// busy office never sees a refusal that a retry would have avoided.
public struct BackOffice: Sendable {
    public let workspace: Workspace
    /// The compiled types and the workspace's declared types.
    public let registry: CampaignTypeRegistry
    /// What this process remembers of the workspace (states, checked plans, roster).
    public let memory: OfficeMemory
    /// Whether states are saved to and read from `.thidua/cache/` (see `StateCheckpoint`).
    public var checkpoints: Bool
    /// The shortest journal worth a checkpoint on disk: folding fewer lines costs less than
    /// writing and reading one.
    public var checkpointMinimumLines = 200

    /// A back office of `workspace`; `memory` nil shares the process's memory of that folder.
    public init(workspace: Workspace, registry: CampaignTypeRegistry, memory: OfficeMemory? = nil, checkpoints: Bool = true) {
        self.workspace = workspace
        self.registry = registry
        self.memory = memory ?? OfficeMemory.shared(for: workspace.root)
        self.checkpoints = checkpoints
    }

    /// How many times an action is checked again after another writer changed the journal.
    static let attempts = 20

    // MARK: Campaign files

    /// The campaign ids of the workspace, from the file names.
    public func campaignIDs() -> [String] { workspace.campaignIDs() }

    /// Loads a campaign file named by id (or path inside the workspace), refusing one with errors.
    public func plan(_ reference: String) throws(OfficeError) -> LoadedPlan {
        try planAndKey(reference).loaded
    }

    /// `plan(_:)` with the key it was checked under.
    /// `environment` is `environmentKey()`, when the caller already has it (several plans at once).
    func planAndKey(_ reference: String, environment: [UInt8]? = nil) throws(OfficeError) -> (loaded: LoadedPlan, key: [UInt8]) {
        guard let url = workspace.campaignFile(reference) else {
            let known = workspace.campaignIDs()
            let guess = DidYouMean.suggestion(for: reference, among: known)
            throw OfficeError(
                .notFound,
                "Không tìm thấy phong trào «\(reference)» trong \(workspace.display(workspace.campaignsFolder))/. "
                    + (guess.map { "Có phải ý bạn là «\($0)»? " } ?? "")
                    + (known.isEmpty ? "Thư mục chưa có phong trào nào." : "Các phong trào: \(known.joined(separator: ", ")).")
            )
        }
        let display = workspace.display(url)
        // Checked once per content: the same bytes under the same directives, types and tables
        // give the same result, so a remembered one is used (see `OfficeMemory`).
        let digest = memory.digest(of: url) { try? UserFile.read(url.path, limit: InputLimits.jsonFile).get() } ?? []
        let environment = environment ?? environmentKey()
        let key = Self.planKey(environment: environment, digest: digest, display: display)
        if let remembered = memory.plan(at: url.path, key: key) { return (remembered, key) }
        // Checked from the very bytes it is keyed and pinned by (the file may change meanwhile),
        // or the same check made for another workspace of this process (`CheckedPlans`).
        let (result, checkedHash, sharedKey) = CheckedPlans.load(url, in: workspace, registry: registry, environment: environment)
        guard let hash = checkedHash, let checkedKey = sharedKey else {
            throw OfficeError(.damaged, "Tệp phong trào có lỗi; sửa rồi chạy lại.", details: result.diagnostics.filter { $0.severity == .error })
        }
        guard let plan = result.validPlan, let type = registry.type(plan.type) else {
            throw OfficeError(.damaged, "Tệp phong trào có lỗi; sửa rồi chạy lại.", details: result.diagnostics.filter { $0.severity == .error })
        }
        let loaded = LoadedPlan(
            plan: plan, type: type, file: result.file, fileHash: SHA256.hex(hash), warnings: result.diagnostics.filter { $0.severity == .warning })
        memory.remember(loaded, at: url.path, key: checkedKey)
        return (loaded, checkedKey)
    }

    /// The roster every campaign draws on.
    public func roster() throws(OfficeError) -> Roster {
        try rosterAndKey().roster
    }

    /// `roster()` with the key of its files (nil when one could not be read).
    func rosterAndKey() throws(OfficeError) -> (roster: Roster, key: [UInt8]?) {
        let key = rosterKey()
        if let key, let remembered = memory.roster(key: key) { return (remembered, key) }
        do {
            let roster = try workspace.loadRoster()
            if let key { memory.remember(roster, key: key) }
            return (roster, key)
        } catch {
            throw OfficeError(.damaged, error.message)
        }
    }

    /// A campaign with its state and the roster: everything a read or a check needs.
    public func open(_ reference: String) throws(OfficeError) -> OpenCampaign {
        let (loaded, key) = try planAndKey(reference)
        let (roster, rosterKey) = try rosterAndKey()
        return try open(loaded, planKey: key, roster: roster, rosterKey: rosterKey)
    }

    /// Every campaign of the workspace that loads, with its state; the others by file and reason.
    public func allCampaigns() throws(OfficeError) -> (campaigns: [OpenCampaign], skipped: [String]) {
        let (roster, rosterKey) = try rosterAndKey()
        let environment = environmentKey()
        var campaigns: [OpenCampaign] = []
        var skipped: [String] = []
        for id in workspace.campaignIDs() {
            do {
                let (loaded, key) = try planAndKey(id, environment: environment)
                campaigns.append(try open(loaded, planKey: key, roster: roster, rosterKey: rosterKey))
            } catch {
                if error.kind == .damaged, error.details.isEmpty { throw error }
                skipped.append(id)
            }
        }
        return (campaigns, skipped)
    }

    // MARK: Writing

    /// Opens the campaign, lets `build` check its state and make the events, and appends them
    /// onto exactly that state; when another process appended meanwhile, does it all again.
    ///
    /// Writers of one campaign in this process commit as a group (`CommitLine`): each checks in
    /// turn against the campaign as the writers before it left it, written or still queued, and
    /// the queued groups go to disk in one append with one fsync. A refusal is the refusing
    /// writer's alone; nothing it built is queued.
    ///
    /// A campaign file changed after a lock (its hash differs from the one the lock pinned) is
    /// refused until the change is recorded with `amendPlan`, so locked results never change
    /// silently.
    func commit(
        _ reference: String, as context: ActionContext, allowUnrecordedPlanChange: Bool = false,
        _ build: (OpenCampaign) throws(OfficeError) -> [JournalStore.Draft]
    ) throws(OfficeError) -> Committed {
        // The line of the campaign file's id (a reference that names no file fails in `open`).
        let line = memory.commitLine(for: workspace.campaignFile(reference)?.deletingPathExtension().lastPathComponent ?? reference)
        var attempt = 0
        while true {
            attempt += 1
            var plan: CampaignPlan?
            let checked = try line.check(open: { () throws(OfficeError) in try open(reference) }) { (campaign) throws(OfficeError) in
                if !allowUnrecordedPlanChange, campaign.planChangedAfterLock {
                    throw OfficeError(
                        .refused,
                        "Tệp kế hoạch «\(campaign.loaded.file)» đã thay đổi sau khi khóa kết quả; kết quả đã khóa được tính theo tệp cũ. "
                            + "Đưa tệp về như cũ, hoặc ghi nhận việc sửa kèm lý do: `thidua amend \(campaign.plan.id) --reason \"…\"`. Chưa ghi gì.")
                }
                plan = campaign.plan
                let drafts = try build(campaign)
                return drafts.isEmpty ? nil : JournalStore.Group(drafts: drafts, time: context.now())
            }
            guard let plan else { throw OfficeError(.damaged, "Không mở được phong trào «\(reference)».") }
            let outcome: CommitLine.Outcome
            switch checked {
            case .nothing:
                return Committed(plan: plan, events: [], tornTail: nil)
            case .checkAgain:
                outcome = .checkAgain
            case .queued(let ticket):
                let store = workspace.journal(for: plan.id)
                outcome = line.wait(for: ticket) { groups, expected in
                    do throws(JournalError) {
                        let written = try store.append(groups, expectingLastSeq: expected)
                        memory.advance(plan.id, written: written)
                        return .success(written)
                    } catch {
                        return .failure(error)
                    }
                }
            }
            switch outcome {
            case .written(let written):
                return Committed(plan: plan, events: written.events, tornTail: written.tornTail)
            case .checkAgain where attempt < Self.attempts:
                continue
            case .checkAgain:
                throw OfficeError(.refused, "Không ghi được: nhật ký của phong trào «\(reference)» thay đổi liên tục trong lúc ghi. Chạy lại lệnh.")
            case .failed(let error):
                throw OfficeError(error.kind == .busy ? .refused : .damaged, error.rendered)
            }
        }
    }

    /// What an action appended, and the plan it was checked under. (Not the campaign: a writer
    /// holding its state would make the next writer's fold copy it; see `CommitLine`.)
    public struct Committed: Sendable {
        public var plan: CampaignPlan
        public var events: [JournalEvent]
        /// A torn last line found and set aside before writing (after a crash).
        public var tornTail: TornTail?
        /// The first event's journal line.
        public var seq: Int { events.first?.seq ?? 0 }
    }
}

/// A campaign file that loaded cleanly, with its type and the warnings to show.
public struct LoadedPlan: Sendable {
    public var plan: CampaignPlan
    public var type: any CampaignType
    /// The file as named to the user.
    public var file: String
    /// SHA-256 of the file's bytes: pinned in the journal at launch and lock.
    public var fileHash: String
    /// Warnings, blanks `[CẦN ĐIỀN: …]` included (`blanks` counts those).
    public var warnings: [Diagnostic]

    /// How many marked blanks remain to be filled.
    public var blanks: Int { warnings.filter(CampaignBlanks.isBlank).count }
    /// Warnings other than blanks.
    public var otherWarnings: [Diagnostic] { warnings.filter { !CampaignBlanks.isBlank($0) } }
}
