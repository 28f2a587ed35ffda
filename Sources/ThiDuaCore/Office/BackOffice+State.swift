import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension BackOffice {
    /// The campaign's state, refusing a journal whose chain is broken or that names impossible ids.
    ///
    /// Incremental: a state remembered by this process (`OfficeMemory`), else the campaign's
    /// checkpoint in `.thidua/cache/` (`StateCheckpoint`), is used when the journal still holds
    /// the line it reflects at the same place with the same hash, and only the lines after it
    /// are read and folded. Anything else (a shorter or rewritten journal, a changed head, a
    /// failure in the new lines, another program) reads the journal whole, so every error is the
    /// one a whole read gives. `verify` always reads everything.
    public func state(of plan: CampaignPlan) throws(OfficeError) -> CampaignState {
        try stateAndSource(of: plan).state
    }

    /// The campaign with its state; the same one as last time (its evaluations already made)
    /// when the plan, the roster and the journal are what they were.
    func open(_ loaded: LoadedPlan, planKey: [UInt8], roster: Roster, rosterKey: [UInt8]?) throws(OfficeError) -> OpenCampaign {
        let (state, _, position) = try stateAndSource(of: loaded.plan)
        guard let rosterKey else { return OpenCampaign(loaded: loaded, state: state, roster: roster) }
        let key = OfficeMemory.OpenKey(plan: planKey, roster: rosterKey, position: position)
        if let known = memory.campaign(loaded.plan.id, key: key) { return known }
        let campaign = OpenCampaign(loaded: loaded, state: state, roster: roster)
        memory.remember(campaign, key: key)
        return campaign
    }

    /// Where a state came from (tests check that a stale one is never used).
    enum StateSource: Sendable, Equatable {
        case memory, checkpoint, journal
    }

    /// `state(of:)`, and where it came from.
    func stateAndSource(of plan: CampaignPlan) throws(OfficeError) -> (state: CampaignState, source: StateSource, position: JournalPosition) {
        let store = workspace.journal(for: plan.id)
        // Another thread may move the remembered state between reading its position and folding
        // (a writer folds what it wrote): read on from where it stands now, a few times, before
        // falling back to a checkpoint or a whole read.
        for attempt in 0..<4 {
            guard let position = memory.position(of: plan.id) else { break }
            guard let tail = (try? store.read(after: position)) ?? nil else {
                // Readers take no lock, so one may have folded lines a writer of this process has
                // written but not yet put under the head (it moves the head right after its
                // fsync): a moment's wait costs less than decoding a checkpoint or a whole read.
                if attempt < 3 {
                    usleep(1_000)
                    continue
                }
                break
            }
            if let (state, at) = memory.advance(plan.id, from: position, with: tail) {
                return (try refusingInvalid(state, store: store), .memory, at)
            }
        }
        var state = CampaignState()
        var contents: JournalContents?
        var from = 0
        var source = StateSource.journal
        if checkpoints, let checkpoint = StateCheckpoint.read(campaign: plan.id, in: workspace),
            let tail = (try? store.read(after: checkpoint.position)) ?? nil
        {
            state = checkpoint.state
            for event in tail.events { state.apply(event) }
            contents = tail
            from = checkpoint.position.seq
            source = .checkpoint
        }
        if contents == nil {
            let whole: JournalContents
            do {
                whole = try store.read()
            } catch {
                throw OfficeError(.damaged, error.rendered)
            }
            if let failure = whole.failure {
                throw OfficeError(
                    .damaged,
                    "Nhật ký \(store.displayName) hỏng ở dòng \(failure.line): \(failure.reason). Chạy `thidua verify \(plan.id)` để xem; không ghi gì thêm."
                )
            }
            state = CampaignState(events: whole.events)
            contents = whole
        }
        guard let contents else { return (state, source, .start) }
        state = try refusingInvalid(state, store: store)
        memory.remember(plan.id, state: state, at: contents.position)
        // A new checkpoint once enough lines were folded past the old one (an eighth of the
        // journal, at least 32 lines), so writing it stays a small share of the commands' work.
        let folded = contents.position.seq - from
        if checkpoints, contents.position.seq >= checkpointMinimumLines, folded > 0, from == 0 || folded >= max(32, contents.position.seq / 8) {
            StateCheckpoint(state: state, position: contents.position).write(campaign: plan.id, in: workspace)
            // The status digest of the same line, so `status` after many writes reads few lines.
            StatusDigestFile(digest: StatusDigest(state: state), position: contents.position).write(campaign: plan.id, in: workspace)
        }
        return (state, source, contents.position)
    }

    private func refusingInvalid(_ state: CampaignState, store: JournalStore) throws(OfficeError) -> CampaignState {
        if let bad = state.invalidEvents.first {
            throw OfficeError(
                .damaged,
                "Nhật ký \(store.displayName) dòng \(bad.seq): \(bad.reason). Nhật ký này không do ThiDua ghi hoặc đã bị sửa; không dùng được.")
        }
        return state
    }

    /// The hash of everything a campaign file's load result is computed from besides the file
    /// (`CheckedPlans.environmentKey`), each file hashed again only when its stamp changed.
    func environmentKey() -> [UInt8] {
        CheckedPlans.environmentKey(workspace: workspace, registry: registry) { digest(of: $0, limit: InputLimits.jsonFile) }
    }

    /// The SHA-256 of a workspace file's bytes (nil: absent or refused), remembered while the
    /// file's stamp stays the same.
    func digest(of file: URL, limit: ByteLimit) -> [UInt8]? {
        memory.digest(of: file) { try? workspace.read(file, limit: limit) }
    }

    /// The key a campaign file's load result is remembered under (`CheckedPlans.key`).
    static func planKey(environment: [UInt8], digest: [UInt8], display: String) -> [UInt8] {
        CheckedPlans.key(environment: environment, digest: digest, display: display)
    }

    /// The hash of the roster's files (the roster and the unit kinds it is read with); nil when
    /// one cannot be read (the load then says why).
    func rosterKey() -> [UInt8]? {
        var hasher = SHA256()
        for file in [workspace.rosterFile, workspace.unitKindsFile] {
            do {
                let digest = try memory.digest(of: file) { try workspace.read(file, limit: InputLimits.rosterFile) }
                Self.feed(&hasher, name: file.lastPathComponent, bytes: digest)
            } catch {
                return nil
            }
        }
        return hasher.finalize()
    }

    /// Feeds a named file (or its absence) length-prefixed.
    static func feed(_ hasher: inout SHA256, name: String, bytes: [UInt8]?) {
        CheckedPlans.feed(&hasher, name: name, bytes: bytes)
    }
}
