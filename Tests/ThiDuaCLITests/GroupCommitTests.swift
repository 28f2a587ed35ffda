import Foundation
import Testing

@testable import ThiDuaCLI
@testable import ThiDuaCore

/// What threads did, gathered under a lock (NSLock: the package still targets macOS 13).
private final class Outcomes: @unchecked Sendable {
    struct Written {
        var thread: Int
        var turn: Int
        var seq: Int
        var marker: String
    }
    private let lock = NSLock()
    private var writtenList: [Written] = []
    private var refusedList: [(marker: String, error: OfficeError)] = []

    func wrote(_ item: Written) { lock.withLock { writtenList.append(item) } }
    func refused(_ marker: String, _ error: OfficeError) { lock.withLock { refusedList.append((marker, error)) } }
    var written: [Written] { lock.withLock { writtenList } }
    var refusals: [(marker: String, error: OfficeError)] { lock.withLock { refusedList } }
}

/// Runs `body(thread)` on `count` threads started together and waits for all of them.
private func together(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    let start = DispatchSemaphore(value: 0)
    for index in 0..<count {
        group.enter()
        Thread.detachNewThread {
            start.wait()
            body(index)
            group.leave()
        }
    }
    for _ in 0..<count { start.signal() }
    group.wait()
}

/// Many writers of one campaign at once (`BackOffice.commit`, `CommitLine`): each is checked
/// against every write before it, written or still queued; nothing is lost; each gets its own
/// line or its own refusal; the chain verifies; a second process's writes are never written over.
@Suite("Group commit: many writers of one campaign", .serialized)
struct GroupCommitTests {
    static let campaign = "phu-ly-cqtt-2024"
    static let form = "bao-cao-tong-ket"
    static let day = CivilDate(year: 2024, month: 6, day: 10)!

    /// A workspace with the sample ward's roster, its units enrolled in the campaign.
    static func ward() throws -> (OfficeWorkspace, units: [String]) {
        let ws = try OfficeWorkspace()
        _ = try ws.office.importRoster([
            OfficeWorkspace.file("don-vi.csv", SampleWard.units), OfficeWorkspace.file("ca-nhan.csv", SampleWard.people),
        ])
        let units = try ws.office.roster().units.map(\.id)
        _ = try ws.office.enroll(campaign, EnrolmentRequest(units: units), as: ws.acting(CivilDate(year: 2024, month: 1, day: 5)!))
        return (ws, units)
    }

    /// A unit's report as the web page sends it; `count` "mười hai" is refused as not a number.
    static func report(unit: String, marker: String, count: String = "12") -> SubmissionRequest {
        let json = "{\"don-vi\":\"\(unit)\",\"ket-qua\":\"\(marker)\",\"so-ky-cam-ket\":\"\(count)\"}"
        return SubmissionRequest(form: form, file: InputFile(name: "\(form).json", bytes: Array(json.utf8)), from: unit)
    }

    /// The journal's submissions: marker → seq.
    static func recorded(_ office: BackOffice) throws -> [String: Int] {
        let contents = try office.workspace.journal(for: campaign).read()
        #expect(contents.failure == nil)
        var found: [String: Int] = [:]
        for record in CampaignState(events: contents.events).submissions {
            guard case .text(let marker)? = record.rows.first?.values["ket-qua"] else { continue }
            #expect(found[marker] == nil, "\(marker) recorded twice")
            found[marker] = record.seq
        }
        return found
    }

    @Test("48 threads submitting at once: every good one written once at the line it was told, every bad one refused alone")
    func manyWritersOneCampaign() throws {
        let (ws, units) = try Self.ward()
        defer { ws.remove() }
        let office = ws.office
        let outcomes = Outcomes()
        let before = try office.workspace.journal(for: Self.campaign).read().events.count
        together(48) { thread in
            for turn in 0..<4 {
                let marker = "Kết quả luồng \(thread) lượt \(turn)"
                // Every fifth one carries a count that is not a number: refused, alone.
                let bad = (thread + turn) % 5 == 0
                let request = Self.report(unit: units[thread % units.count], marker: marker, count: bad ? "mười hai" : "\(thread)")
                do throws(OfficeError) {
                    let result = try office.submit(Self.campaign, request, as: ws.acting(Self.day, "don-vi-\(thread)"))
                    outcomes.wrote(.init(thread: thread, turn: turn, seq: result.seq, marker: marker))
                } catch {
                    outcomes.refused(marker, error)
                }
            }
        }
        let written = outcomes.written
        let refusals = outcomes.refusals
        #expect(written.count + refusals.count == 48 * 4)
        // Exactly the bad ones were refused, each for its own field.
        let badMarkers = Set((0..<48).flatMap { t in (0..<4).filter { (t + $0) % 5 == 0 }.map { "Kết quả luồng \(t) lượt \($0)" } })
        #expect(Set(refusals.map(\.marker)) == badMarkers)
        for refusal in refusals {
            #expect(refusal.error.kind == .invalid, "\(refusal.marker): \(refusal.error.message)")
            #expect(refusal.error.details.contains { $0.path == "so-ky-cam-ket" }, "\(refusal.marker): \(refusal.error.details)")
        }
        // Every acknowledged one is in the journal once, at the line it was told, and nothing else is.
        let recorded = try Self.recorded(office)
        #expect(recorded.count == written.count)
        for item in written { #expect(recorded[item.marker] == item.seq, "\(item.marker)") }
        #expect(Set(written.map(\.seq)).count == written.count)
        // Each thread's submits are in the order it made them.
        for thread in 0..<48 {
            let seqs = written.filter { $0.thread == thread }.sorted { $0.turn < $1.turn }.map(\.seq)
            #expect(seqs == seqs.sorted(), "thread \(thread): \(seqs)")
        }
        let contents = try office.workspace.journal(for: Self.campaign).read()
        #expect(contents.events.count == before + written.count)
        #expect(contents.events.map(\.seq) == Array(1...contents.events.count))
        #expect(try office.workspace.journal(for: Self.campaign).verify().isValid)
        // Each event is its writer's: the actor is the thread that was told that line.
        for item in written { #expect(contents.events[item.seq - 1].actor == "don-vi-\(item.thread)") }
        // The remembered state is the one a whole replay gives.
        #expect(try office.open(Self.campaign).state == CampaignState(events: contents.events))
    }

    @Test("the same file sent by many threads at once is written once: each check sees the writes queued before it")
    func sameFileAtOnce() throws {
        let (ws, units) = try Self.ward()
        defer { ws.remove() }
        let office = ws.office
        for round in 0..<6 {
            let outcomes = Outcomes()
            let marker = "Cùng một tệp, vòng \(round)"
            together(16) { thread in
                do throws(OfficeError) {
                    let result = try office.submit(Self.campaign, Self.report(unit: units[0], marker: marker), as: ws.acting(Self.day))
                    outcomes.wrote(.init(thread: thread, turn: round, seq: result.seq, marker: marker))
                } catch {
                    outcomes.refused(marker, error)
                }
            }
            #expect(outcomes.written.count == 1, "round \(round): \(outcomes.written.count) written")
            #expect(outcomes.refusals.count == 15)
            for refusal in outcomes.refusals {
                #expect(refusal.error.kind == .refused && refusal.error.message.contains("giống hệt lần nộp ở dòng \(outcomes.written.first?.seq ?? -1)"))
            }
        }
        #expect(try Self.recorded(office).count == 6)
        #expect(try office.workspace.journal(for: Self.campaign).verify().isValid)
    }

    @Test("two processes (two memories) writing one journal at once: stale checks are redone, nothing is lost or written twice")
    func twoProcesses() throws {
        let (ws, units) = try Self.ward()
        defer { ws.remove() }
        let offices = (0..<2).map { _ in BackOffice(workspace: ws.office.workspace, registry: ws.office.registry, memory: OfficeMemory()) }
        let outcomes = Outcomes()
        together(24) { thread in
            let office = offices[thread % 2]
            for turn in 0..<3 {
                let marker = "Tiến trình \(thread % 2) luồng \(thread) lượt \(turn)"
                do throws(OfficeError) {
                    let result = try office.submit(Self.campaign, Self.report(unit: units[thread % units.count], marker: marker), as: ws.acting(Self.day))
                    outcomes.wrote(.init(thread: thread, turn: turn, seq: result.seq, marker: marker))
                } catch {
                    outcomes.refused(marker, error)
                }
            }
        }
        #expect(outcomes.refusals.isEmpty, "\(outcomes.refusals.map(\.error.message).prefix(3))")
        let recorded = try Self.recorded(offices[0])
        #expect(recorded.count == 24 * 3)
        for item in outcomes.written { #expect(recorded[item.marker] == item.seq, "\(item.marker)") }
        #expect(try ws.office.workspace.journal(for: Self.campaign).verify().isValid)
        // The same file sent by the other process afterwards is seen: its check read the disk.
        let sent = try #require(outcomes.written.first { $0.thread % 2 == 0 })
        let again = #expect(throws: OfficeError.self) {
            _ = try offices[1].submit(Self.campaign, Self.report(unit: units[sent.thread % units.count], marker: sent.marker), as: ws.acting(Self.day))
        }
        #expect(again?.message.contains("giống hệt lần nộp ở dòng \(sent.seq)") == true, "\(String(describing: again?.message))")
    }
}

/// One value handed between threads.
final class Box<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    func set(_ value: Value) { lock.withLock { stored = value } }
    var value: Value? { lock.withLock { stored } }
}

/// `CommitLine` alone, with writes that the test holds and lets go: who writes which batch, and
/// what a failed write does to the writers queued behind it.
@Suite("Group commit: the commit line")
struct CommitLineTests {
    static func group(_ n: Int) -> JournalStore.Group {
        JournalStore.Group(
            drafts: [JournalStore.Draft(kind: "test", actor: "A", date: GroupCommitTests.day, payload: .object([.init(key: "n", value: .number(Double(n)))]))],
            time: "t\(n)")
    }

    /// What a journal ending at `expected` would have written for `groups`.
    static func written(_ groups: [JournalStore.Group], after expected: Int) -> JournalStore.AppendResult {
        var seq = expected
        var events: [JournalEvent] = []
        for group in groups {
            for draft in group.drafts {
                seq += 1
                events.append(
                    JournalEvent(seq: seq, time: group.time, date: draft.date, actor: draft.actor, kind: draft.kind, payload: draft.payload, prev: ""))
            }
        }
        var result = JournalStore.AppendResult(events: events, tornTail: nil)
        result.after.seq = seq
        return result
    }

    /// Queues `group(n)` on `line`, checking that the campaign it is checked against stands at `expected`.
    static func queue(_ line: CommitLine, _ n: Int, opening campaign: OpenCampaign, expecting expected: Int) throws -> CommitLine.Ticket? {
        let seen = Box<Int>()
        let checked = try line.check(open: { () throws(OfficeError) in campaign }) { (provisional) throws(OfficeError) in
            seen.set(provisional.state.lastSeq)
            return Self.group(n)
        }
        #expect(seen.value == expected, "writer \(n)")
        guard case .queued(let ticket) = checked else { return nil }
        return ticket
    }

    /// A first writer queued on `line` whose write is held until `finish()`: it has entered
    /// `write` (and so holds the line's turn) when this returns.
    struct HeldWrite {
        let release: DispatchSemaphore
        let done: DispatchSemaphore
        let outcome: Box<CommitLine.Outcome>

        /// Lets the write end and gives the first writer's outcome.
        func finish() -> CommitLine.Outcome? {
            release.signal()
            done.wait()
            return outcome.value
        }
    }

    static func holdFirstWrite(
        _ line: CommitLine, opening campaign: OpenCampaign, expecting base: Int,
        result: @escaping @Sendable ([JournalStore.Group], Int) -> Result<JournalStore.AppendResult, JournalError>
    ) throws -> HeldWrite {
        let entered = DispatchSemaphore(value: 0)
        let held = HeldWrite(release: DispatchSemaphore(value: 0), done: DispatchSemaphore(value: 0), outcome: Box<CommitLine.Outcome>())
        let first = try #require(try Self.queue(line, 1, opening: campaign, expecting: base))
        Thread.detachNewThread {
            held.outcome.set(
                line.wait(for: first) { groups, expected in
                    entered.signal()
                    held.release.wait()
                    return result(groups, expected)
                })
            held.done.signal()
        }
        entered.wait()
        return held
    }

    @Test("writers arriving during a write are checked on top of it and written together in the next batch")
    func batching() throws {
        let (ws, _) = try GroupCommitTests.ward()
        defer { ws.remove() }
        let campaign = try ws.office.open(GroupCommitTests.campaign)
        let base = campaign.state.lastSeq
        let line = CommitLine()
        let held = try Self.holdFirstWrite(line, opening: campaign, expecting: base) { groups, expected in
            .success(Self.written(groups, after: expected))
        }
        // Two writers check while the first is being written: each sees everything before it
        // (not the disk: `opening` would give the campaign without the first).
        var tickets: [CommitLine.Ticket] = []
        for n in 2...3 { tickets.append(try #require(try Self.queue(line, n, opening: campaign, expecting: base + n - 1))) }
        // A refusal queues nothing and leaves the campaign as it was for the next writer.
        #expect(throws: OfficeError.self) {
            _ = try line.check(open: { () throws(OfficeError) in campaign }) { (_) throws(OfficeError) in throw OfficeError(.invalid, "không hợp lệ") }
        }
        let firstOutcome = held.finish()
        guard case .written(let firstWritten)? = firstOutcome else {
            Issue.record("the first write did not succeed")
            return
        }
        #expect(firstWritten.events.map(\.seq) == [base + 1])
        // The second writer leads the next batch: both queued groups, in order, onto the first's line.
        let batch = Box<([String], Int)>()
        let outcome = line.wait(for: tickets[0]) { groups, expected in
            batch.set((groups.map(\.time), expected))
            return .success(Self.written(groups, after: expected))
        }
        #expect(batch.value?.0 == ["t2", "t3"])
        #expect(batch.value?.1 == base + 1)
        guard case .written(let second) = outcome else {
            Issue.record("the second write did not succeed")
            return
        }
        #expect(second.events.map(\.seq) == [base + 2])
        // The third was written by the second's batch: it gets its own event without writing.
        guard case .written(let third) = line.wait(for: tickets[1], write: { _, _ in .failure(JournalError(file: "x", message: "không được gọi")) }) else {
            Issue.record("the third write did not succeed")
            return
        }
        #expect(third.events.map(\.seq) == [base + 3])
        #expect(third.events.map(\.time) == ["t3"])
        // Nothing pending: the next writer reads the disk (here: the campaign `opening` gives).
        _ = try Self.queue(line, 4, opening: campaign, expecting: base)
    }

    @Test("a failed write fails its own writers; those checked on top of it are checked again, and the next one reads the disk")
    func failedWrite() throws {
        let (ws, _) = try GroupCommitTests.ward()
        defer { ws.remove() }
        let campaign = try ws.office.open(GroupCommitTests.campaign)
        let base = campaign.state.lastSeq
        let line = CommitLine()
        let held = try Self.holdFirstWrite(line, opening: campaign, expecting: base) { _, _ in
            .failure(JournalError(file: "x", message: "đĩa đầy", kind: .io))
        }
        let second = try #require(try Self.queue(line, 2, opening: campaign, expecting: base + 1))
        // A writer still checking on the provisional campaign when the write fails.
        let lateChecking = DispatchSemaphore(value: 0)
        let lateGo = DispatchSemaphore(value: 0)
        let late = Box<String>()
        let lateDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let checked = try? line.check(open: { () throws(OfficeError) in campaign }) { (_) throws(OfficeError) in
                lateChecking.signal()
                lateGo.wait()
                return Self.group(3)
            }
            if case .checkAgain? = checked { late.set("check again") } else { late.set("other") }
            lateDone.signal()
        }
        lateChecking.wait()
        let firstOutcome = held.finish()
        guard case .failed(let error)? = firstOutcome else {
            Issue.record("the first writer was not told its write failed")
            return
        }
        #expect(error.kind == .io)
        guard case .checkAgain = line.wait(for: second, write: { _, _ in .failure(JournalError(file: "x", message: "không được gọi")) }) else {
            Issue.record("the second writer was not told to check again")
            return
        }
        lateGo.signal()
        lateDone.wait()
        #expect(late.value == "check again")
        // Nothing pending any more: the next writer reads the disk.
        _ = try Self.queue(line, 4, opening: campaign, expecting: base)
    }
}
