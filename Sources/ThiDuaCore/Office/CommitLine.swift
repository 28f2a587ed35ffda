import Foundation
import ThiDuaBase

/// Group commit for one campaign journal in one process (`BackOffice.commit`).
///
/// Writers take turns to check: each runs its action against the campaign as every earlier
/// writer of the line left it, including writers whose events are not on disk yet (their events
/// folded into a provisional campaign), and queues its drafts. One writer at a time writes: it
/// takes every queued group and appends them with one `JournalStore.append` (one write, one
/// fsync of the journal, one move of the head), then hands each writer its own events. While it
/// is in fsync, the next writers check and queue, so N writers at once cost a few fsyncs, not N.
///
/// A refusal (`build` throws) leaves nothing queued and touches no other writer. A failed write
/// fails only the groups in it; the groups checked on top of them are checked again from disk,
/// as are all of them when another process wrote meanwhile (`.stale`). What reaches the disk is
/// exactly what one append per writer would have written, in the order the writers checked.
final class CommitLine: @unchecked Sendable {
    /// The turn to check: held while a writer opens the campaign, runs its check and folds its events.
    private let turn = NSLock()
    /// Guards everything below; writers waiting for their write sleep on it.
    private let condition = NSCondition()
    /// Checked, not written yet, oldest first.
    private var queued: [Ticket] = []
    /// Whether a writer is appending a batch now (its tickets are out of `queued`).
    private var writing = false
    /// The campaign with every queued and in-flight group folded in; only valid while something
    /// is queued or being written (otherwise the next writer opens the campaign from disk).
    private var provisional: OpenCampaign?
    /// The journal's last line under the oldest queued ticket: what the next batch expects.
    private var base = 0
    /// Bumped when a write fails: a check made on the provisional campaign before is void.
    private var generation = 0

    /// One writer's checked group and, once written, what became of it.
    final class Ticket: @unchecked Sendable {
        let group: JournalStore.Group
        fileprivate(set) var outcome: Outcome?

        init(group: JournalStore.Group) {
            self.group = group
        }
    }

    enum Outcome {
        case written(JournalStore.AppendResult)
        /// Check again from the journal on disk (another writer got in first, or a group this
        /// one was checked on top of was not written).
        case checkAgain
        case failed(JournalError)
    }

    /// What a writer's check came to.
    enum Checked {
        /// Queued: wait for it (`wait(for:write:)`).
        case queued(Ticket)
        /// The action had nothing to write.
        case nothing
        /// A write failed while it was being checked: the campaign it saw is void.
        case checkAgain
    }

    /// Takes the turn, runs `check` on the campaign as the writers before left it (`open` when
    /// nothing is queued or being written), and queues the group it returns. A refusal (`check`
    /// throws) queues nothing and leaves the campaign as it was for the next writer.
    ///
    /// The provisional campaign is taken out of the line while it is checked and folded, so the
    /// fold appends in place instead of copying the state (whose size grows with the journal):
    /// nothing else may hold it, which is why a ticket keeps only its group.
    func check(
        open: () throws(OfficeError) -> OpenCampaign, _ check: (OpenCampaign) throws(OfficeError) -> JournalStore.Group?
    ) throws(OfficeError) -> Checked {
        turn.lock()
        defer { turn.unlock() }
        condition.lock()
        let pending = !queued.isEmpty || writing
        var taken = pending ? provisional : nil
        provisional = nil
        let started = generation
        condition.unlock()
        var campaign: OpenCampaign
        if let found = taken {
            campaign = found
            taken = nil
        } else {
            campaign = try open()
        }
        let group: JournalStore.Group?
        do throws(OfficeError) {
            group = try check(campaign)
        } catch {
            restore(campaign, generation: started)
            throw error
        }
        guard let group, !group.drafts.isEmpty else {
            restore(campaign, generation: started)
            return .nothing
        }
        // The evaluator holds the state too: dropped first, so the fold below is in place.
        let lastSeq = campaign.state.lastSeq
        campaign.evaluator = Evaluator(campaign: campaign.resolved, state: CampaignState(), roster: campaign.roster)
        var seq = lastSeq
        for draft in group.drafts {
            seq += 1
            // As the line will be read back, so the state matches a replay exactly.
            let event = JournalEvent(
                seq: seq, time: group.time, date: draft.date, actor: draft.actor, kind: draft.kind, payload: draft.payload, prev: "")
            campaign.state.apply(JournalEvent.parse(event.line).0 ?? event)
        }
        campaign.evaluator = Evaluator(campaign: campaign.resolved, state: campaign.state, roster: campaign.roster)
        condition.lock()
        defer { condition.unlock() }
        guard started == generation else { return .checkAgain }
        if queued.isEmpty && !writing { base = lastSeq }
        let ticket = Ticket(group: group)
        provisional = campaign
        queued.append(ticket)
        return .queued(ticket)
    }

    /// Puts back a provisional campaign that nothing was added to (unless a write failed meanwhile).
    private func restore(_ campaign: OpenCampaign, generation started: Int) {
        condition.lock()
        defer { condition.unlock() }
        if started == generation && (!queued.isEmpty || writing) { provisional = campaign }
    }

    /// Waits until the ticket's group is written or failed; the writer whose group is first
    /// found unwritten with nobody writing writes every queued group (`write`) for all of them.
    func wait(for ticket: Ticket, write: ([JournalStore.Group], Int) -> Result<JournalStore.AppendResult, JournalError>) -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let outcome = ticket.outcome { return outcome }
            if !writing {
                // The ticket is still queued: lead the next batch.
                let batch = queued
                let expected = base
                queued = []
                writing = true
                condition.unlock()
                let result = write(batch.map(\.group), expected)
                condition.lock()
                writing = false
                settle(batch, result)
                condition.broadcast()
                continue
            }
            condition.wait()
        }
    }

    /// Hands each ticket of a written (or failed) batch its outcome.
    private func settle(_ batch: [Ticket], _ result: Result<JournalStore.AppendResult, JournalError>) {
        switch result {
        case .success(let written):
            var start = 0
            for (index, ticket) in batch.enumerated() {
                let count = ticket.group.drafts.count
                var own = written
                own.events = Array(written.events[start..<(start + count)])
                // The torn tail was set aside before the first group's lines.
                if index > 0 { own.tornTail = nil }
                start += count
                ticket.outcome = .written(own)
            }
            base = written.after.seq
            // Nothing left to write on top of it: the next writer reads the disk, and the state
            // copy is not kept between bursts.
            if queued.isEmpty { provisional = nil }
        case .failure(let error):
            for ticket in batch { ticket.outcome = error.kind == .stale ? .checkAgain : .failed(error) }
            // Checked on top of groups that are not on disk: void.
            for ticket in queued { ticket.outcome = .checkAgain }
            queued = []
            provisional = nil
            generation += 1
        }
    }
}
