import ThiDuaBase

extension BackOffice {
    /// How many journal lines past a saved status digest make `status` save it again: reading
    /// that many lines costs about as much as writing the small file.
    static let statusDigestRewriteLines = 8

    /// What `status` reads of a campaign's journal (`StatusDigest`), and where it came from.
    ///
    /// A digest this process remembers, else the one saved in `.thidua/cache/`, is used when the
    /// journal still holds the line it reflects, and only the lines after it are read and folded
    /// by the fold's rules. Anything else (no digest, a stale or damaged one, a failure or an
    /// invalid event in the new lines) goes the whole way, `stateAndSource(of:)`, so every error
    /// is the one a full read gives. Nothing on this path loads the state checkpoint unless it
    /// falls back.
    func statusDigest(of plan: CampaignPlan) throws(OfficeError) -> (digest: StatusDigest, source: StateSource) {
        let store = workspace.journal(for: plan.id)
        let remembered = memory.statusDigests
        if let known = remembered.digest(of: plan.id), let tail = (try? store.read(after: known.position)) ?? nil {
            var digest = known.digest
            for event in tail.events { digest.apply(event) }
            if digest.invalid == nil {
                if !tail.events.isEmpty { remembered.remember(plan.id, digest: digest, at: tail.position) }
                return (digest, .memory)
            }
        }
        if checkpoints, let saved = StatusDigestFile.read(campaign: plan.id, in: workspace),
            let tail = (try? store.read(after: saved.position)) ?? nil
        {
            var digest = saved.digest
            for event in tail.events { digest.apply(event) }
            if digest.invalid == nil {
                remembered.remember(plan.id, digest: digest, at: tail.position)
                if tail.events.count >= Self.statusDigestRewriteLines {
                    StatusDigestFile(digest: digest, position: tail.position).write(campaign: plan.id, in: workspace)
                }
                return (digest, .checkpoint)
            }
        }
        let (state, _, position) = try stateAndSource(of: plan)
        let digest = StatusDigest(state: state)
        remembered.remember(plan.id, digest: digest, at: position)
        if checkpoints, position.seq >= checkpointMinimumLines {
            StatusDigestFile(digest: digest, position: position).write(campaign: plan.id, in: workspace)
        }
        return (digest, .journal)
    }

    /// Every campaign of the workspace that loads, with its status digest, and the others by
    /// file: what `allCampaigns()` gives `status`, with the same refusals (a roster that cannot
    /// be read, a damaged journal), without folding whole states.
    func statusDigests() throws(OfficeError) -> (campaigns: [(plan: CampaignPlan, digest: StatusDigest)], skipped: [String]) {
        _ = try rosterAndKey()
        let environment = environmentKey()
        var campaigns: [(plan: CampaignPlan, digest: StatusDigest)] = []
        var skipped: [String] = []
        for id in workspace.campaignIDs() {
            do {
                let plan = try planAndKey(id, environment: environment).loaded.plan
                campaigns.append((plan, try statusDigest(of: plan).digest))
            } catch {
                if error.kind == .damaged, error.details.isEmpty { throw error }
                skipped.append(id)
            }
        }
        return (campaigns, skipped)
    }
}
