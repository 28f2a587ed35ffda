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
    /// The turn to check: held while a writer opens the campaign and runs its `build`.
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

    /// One writer's checked groups and, once written, what became of them.
    final class Ticket: @unchecked Sendable {
        let group: JournalStore.Group
        /// The campaign the group was checked against.
        let campaign: OpenCampaign
        fileprivate(set) var outcome: Outcome?

        init(group: JournalStore.Group, campaign: OpenCampaign) {
            self.group = group
            self.campaign = campaign
        }
    }

    enum Outcome {
        case written(JournalStore.AppendResult)
        /// Check again from the journal on disk (another writer got in first, or a group this
        /// one was checked on top of was not written).
        case checkAgain
        case failed(JournalError)
    }

    /// What a writer's turn found: the campaign to check against, when one is provisional.
    struct Turn {
        var provisional: OpenCampaign?
        var generation: Int
    }

    /// Waits for the turn to check. The caller must end it with `queue` or `endTurn`.
    func beginTurn() -> Turn {
        turn.lock()
        condition.lock()
        defer { condition.unlock() }
        // Nothing pending: the disk is the truth (and shows what other processes wrote).
        if queued.isEmpty && !writing { provisional = nil }
        return Turn(provisional: provisional, generation: generation)
    }

    /// Ends a turn that queued nothing (a refusal, an action with nothing to write).
    func endTurn() {
        turn.unlock()
    }

    /// Queues a checked group and ends the turn; nil when a write failed during the check (the
    /// campaign it was checked against is void: check again).
    func queue(_ group: JournalStore.Group, checkedAgainst campaign: OpenCampaign, turn started: Turn) -> Ticket? {
        defer { turn.unlock() }
        condition.lock()
        defer { condition.unlock() }
        guard started.generation == generation else { return nil }
        let ticket = Ticket(group: group, campaign: campaign)
        if queued.isEmpty && !writing { base = campaign.state.lastSeq }
        var next = campaign
        var seq = campaign.state.lastSeq
        for draft in group.drafts {
            seq += 1
            // As the line will be read back, so the state matches a replay exactly.
            let event = JournalEvent(
                seq: seq, time: group.time, date: draft.date, actor: draft.actor, kind: draft.kind, payload: draft.payload, prev: "")
            next.state.apply(JournalEvent.parse(event.line).0 ?? event)
        }
        next.evaluator = Evaluator(campaign: next.resolved, state: next.state, roster: next.roster)
        provisional = next
        queued.append(ticket)
        return ticket
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
