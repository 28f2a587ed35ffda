import Foundation
import ThiDuaBase

/// What one process remembers of a workspace between calls of the back office: each
/// campaign's folded state with the journal position it reflects, each campaign file's load
/// result under the hash of everything it was computed from, and the roster under the hash of
/// its files. A long-running process (the web application) then reads only the journal lines
/// appended since its last call, and checks a campaign file once per content.
///
/// Nothing remembered is trusted as it is: a state is used only after the journal is seen to
/// still hold the line it reflects (`JournalStore.read(after:)`), a plan or roster only when the
/// hash of the files read now is the one it was computed from. Every `BackOffice` of the same
/// workspace folder in a process shares one memory (`shared(for:)`); tests make their own to act
/// as separate processes.
public final class OfficeMemory: @unchecked Sendable {
    /// Guards every dictionary below; held only to look up, store or fold a few events in place.
    private let lock = NSLock()
    private var states: [String: RememberedState] = [:]
    private var plans: [String: (key: [UInt8], loaded: LoadedPlan)] = [:]
    private var roster: (key: [UInt8], roster: Roster)?
    private var opened: [String: (key: OpenKey, campaign: OpenCampaign)] = [:]

    /// What an opened campaign was made from: the plan's and the roster's keys and the journal
    /// position of its state. The same three give the same campaign, evaluations included.
    struct OpenKey: Equatable {
        var plan: [UInt8]
        var roster: [UInt8]
        var position: JournalPosition
    }

    struct RememberedState {
        var state: CampaignState
        var position: JournalPosition
    }

    public init() {}

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [String: OfficeMemory] = [:]

    /// The memory every back office of the workspace folder at `root` shares in this process.
    public static func shared(for root: URL) -> OfficeMemory {
        let path = root.standardizedFileURL.path
        registryLock.lock()
        defer { registryLock.unlock() }
        if let memory = registry[path] { return memory }
        let memory = OfficeMemory()
        registry[path] = memory
        return memory
    }

    /// Forgets everything (tests; a process that wants to start over).
    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        states = [:]
        plans = [:]
        roster = nil
        opened = [:]
    }

    // MARK: States

    /// Where the remembered state of a campaign stands, if one is remembered.
    func position(of campaign: String) -> JournalPosition? {
        lock.lock()
        defer { lock.unlock() }
        return states[campaign]?.position
    }

    /// Folds the lines read after `from` into the remembered state, in place, when it still
    /// stands at `from`; the state afterwards, or nil when another caller moved it meanwhile.
    func advance(_ campaign: String, from: JournalPosition, with tail: JournalContents) -> CampaignState? {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = states.removeValue(forKey: campaign), entry.position == from else { return nil }
        // The opened campaign shares the state's storage: dropped first, the fold below appends
        // in place instead of copying the whole state.
        if !tail.events.isEmpty { opened[campaign] = nil }
        for event in tail.events { entry.state.apply(event) }
        entry.position = tail.position
        // A state naming impossible ids is refused by the caller and never kept.
        if entry.state.invalidEvents.isEmpty { states[campaign] = entry }
        return entry.state
    }

    /// Keeps a state folded from a journal whose chain held up to `position`.
    func remember(_ campaign: String, state: CampaignState, at position: JournalPosition) {
        guard state.invalidEvents.isEmpty, state.lastSeq == position.seq else { return }
        lock.lock()
        defer { lock.unlock() }
        states[campaign] = RememberedState(state: state, position: position)
    }

    // MARK: Opened campaigns

    /// The campaign opened from exactly `key`, evaluator and its results included.
    func campaign(_ id: String, key: OpenKey) -> OpenCampaign? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = opened[id], entry.key == key else { return nil }
        return entry.campaign
    }

    func remember(_ campaign: OpenCampaign, key: OpenKey) {
        lock.lock()
        defer { lock.unlock() }
        opened[campaign.plan.id] = (key, campaign)
    }

    // MARK: Plans and roster

    /// The load result remembered for the campaign file at `path`, when computed under `key`.
    func plan(at path: String, key: [UInt8]) -> LoadedPlan? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = plans[path], entry.key == key else { return nil }
        return entry.loaded
    }

    func remember(_ loaded: LoadedPlan, at path: String, key: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        plans[path] = (key, loaded)
    }

    /// The roster remembered under `key` (the hash of its files).
    func roster(key: [UInt8]) -> Roster? {
        lock.lock()
        defer { lock.unlock() }
        guard let roster, roster.key == key else { return nil }
        return roster.roster
    }

    func remember(_ roster: Roster, key: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        self.roster = (key, roster)
    }
}
