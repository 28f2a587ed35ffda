import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// Each campaign's writers in this process (`BackOffice.commit`): they check in turn and are
    /// written as a group. Without a line, concurrent submits to one campaign all check against
    /// the same journal line; one wins and every other finds the journal stale and starts again,
    /// a queue that grows with the square of the writers. Other processes are still kept out by
    /// the journal's lock and the stale check.
    private var lines: [String: CommitLine] = [:]
    private var states: [String: RememberedState] = [:]
    private var plans: [String: (key: [UInt8], loaded: LoadedPlan)] = [:]
    private var roster: (key: [UInt8], roster: Roster)?
    private var opened: [String: (key: OpenKey, campaign: OpenCampaign)] = [:]
    private var digests: [String: (stamp: FileStamp, digest: [UInt8]?)] = [:]
    /// What `status` reads of each campaign (`BackOffice+StatusDigest`).
    let statusDigests = StatusDigestMemory()

    /// What `lstat` says of a file: any write, rename or replacement changes at least one of
    /// these (the change time cannot be set by a user), so an unchanged stamp is an unchanged file.
    struct FileStamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int
        var changed: Int64
        var changedNanoseconds: Int

        /// The stamp of `path`, or nil when it cannot be read (absent, refused).
        init?(path: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if canImport(Glibc)
                modified = Int64(info.st_mtim.tv_sec)
                modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
                changed = Int64(info.st_ctim.tv_sec)
                changedNanoseconds = Int(info.st_ctim.tv_nsec)
            #else
                modified = Int64(info.st_mtimespec.tv_sec)
                modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
                changed = Int64(info.st_ctimespec.tv_sec)
                changedNanoseconds = Int(info.st_ctimespec.tv_nsec)
            #endif
        }
    }

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

    /// The memory every back office of the workspace folder at `root` shares in this process
    /// (a bounded number of workspaces: `WorkspaceMemories`).
    public static func shared(for root: URL) -> OfficeMemory {
        WorkspaceMemories.shared.memory(for: root.standardizedFileURL.path)
    }

    /// Forgets everything (tests; a process that wants to start over).
    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        states = [:]
        plans = [:]
        roster = nil
        opened = [:]
        digests = [:]
        statusDigests.clear()
    }

    // MARK: States

    /// Where the remembered state of a campaign stands, if one is remembered.
    func position(of campaign: String) -> JournalPosition? {
        lock.lock()
        defer { lock.unlock() }
        return states[campaign]?.position
    }

    /// Folds the lines read after `from` into the remembered state, in place, and returns it
    /// with where it now stands; nil when the remembered state is gone or does not stand at or
    /// after `from` within what was read. A state another caller moved on meanwhile (within the
    /// lines read, or past them: the journal only grows) is taken as it is, folding only what it
    /// lacks, so concurrent readers never fall back to a whole read because of each other.
    func advance(_ campaign: String, from: JournalPosition, with tail: JournalContents) -> (state: CampaignState, position: JournalPosition)? {
        lock.lock()
        defer { lock.unlock() }
        guard let current = states[campaign]?.position else { return nil }
        if current != from {
            guard current.seq > from.seq else { return nil }
            if current.seq >= tail.position.seq {
                // At or past the end of what was read: newer, when it is on the same line there.
                guard current.seq > tail.position.seq || current.hash == tail.position.hash, let entry = states[campaign] else { return nil }
                return (entry.state, entry.position)
            }
            // Within what was read: the next line read must chain to the line it stands on.
            guard tail.events.first(where: { $0.seq == current.seq + 1 })?.prev == current.hash else { return nil }
        }
        // Taken out to fold in place (the only reference).
        guard var entry = states.removeValue(forKey: campaign) else { return nil }
        let events = tail.events.filter { $0.seq > entry.position.seq }
        // The opened campaign shares the state's storage: dropped first, the fold below appends
        // in place instead of copying the whole state.
        if !events.isEmpty { opened[campaign] = nil }
        for event in events { entry.state.apply(event) }
        entry.position = tail.position
        // A state naming impossible ids is refused by the caller and never kept.
        if entry.state.invalidEvents.isEmpty { states[campaign] = entry }
        return (entry.state, entry.position)
    }

    /// Keeps a state folded from a journal whose chain held up to `position`.
    func remember(_ campaign: String, state: CampaignState, at position: JournalPosition) {
        guard state.invalidEvents.isEmpty, state.lastSeq == position.seq else { return }
        lock.lock()
        defer { lock.unlock() }
        states[campaign] = RememberedState(state: state, position: position)
    }

    /// The commit line of a campaign's journal.
    func commitLine(for campaign: String) -> CommitLine {
        lock.lock()
        defer { lock.unlock() }
        if let line = lines[campaign] { return line }
        let line = CommitLine()
        lines[campaign] = line
        return line
    }

    /// Folds what this process just appended into the remembered state when it stands where the
    /// append began, so the next call reads only the line it now stands at. Each event is folded
    /// as read back from its line, exactly as a replay would fold it.
    func advance(_ campaign: String, written: JournalStore.AppendResult) {
        guard !written.events.isEmpty else { return }
        var events: [JournalEvent] = []
        for event in written.events {
            guard let read = JournalEvent.parse(event.line).0 else { return }
            events.append(read)
        }
        _ = advance(
            campaign, from: written.before, with: JournalContents(events: events, lines: written.after.seq, failure: nil, tornBytes: 0, position: written.after)
        )
    }

    // MARK: File contents

    /// The SHA-256 of a file's bytes (nil: absent or unreadable), read and hashed again only when
    /// its stamp changed since the last time; `read` gives the bytes (nil when absent) or throws.
    func digest(of url: URL, read: () throws -> [UInt8]?) rethrows -> [UInt8]? {
        let path = url.path
        let stamp = FileStamp(path: path)
        if let stamp {
            lock.lock()
            let known = digests[path]
            lock.unlock()
            if let known, known.stamp == stamp { return known.digest }
        }
        let digest = try read().map { SHA256.hash($0) }
        // A stamp taken after the read could belong to a newer file than the bytes read: the
        // one taken before is kept, so a change during the read is seen next time. A file
        // changed in the last two seconds is not remembered at all: file times are kept to a
        // clock tick, so a second change within the same tick would leave the stamp as it was.
        if let stamp, FileStamp(path: path) == stamp, Int64(time(nil)) - max(stamp.modified, stamp.changed) >= 2 {
            lock.lock()
            digests[path] = (stamp, digest)
            lock.unlock()
        }
        return digest
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
