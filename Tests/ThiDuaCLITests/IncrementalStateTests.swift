import Foundation
import Testing
import ThiDuaCLI

@testable import ThiDuaCore

/// A count shared by threads (NSLock: the package still targets macOS 13, without `Mutex`).
private final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() {
        lock.lock()
        value += 1
        lock.unlock()
    }
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

@Suite("Incremental replay: memory and checkpoints", .serialized, .enabled(if: benchTool() != nil, "thidua-bench is not built"))
struct IncrementalStateTests {
    @Test("folding after a remembered or checkpointed line gives the state a whole replay gives, for every bundled campaign")
    func incrementalEqualsFull() throws {
        let (base, ward) = try generatedWard()
        defer { try? FileManager.default.removeItem(at: base) }
        let workspace = Workspace(root: ward)
        let ids = workspace.campaignIDs()
        #expect(ids.count >= 6)
        for id in ids {
            let store = workspace.journal(for: id)
            let all = try lines(of: store)
            let full = try fullReplay(store)
            #expect(all.count > 20, "\(id)")
            // The state's own binary form reads back as it was (reviews and decisions included).
            var writer = CheckpointWriter()
            try full.encode(to: &writer)
            var reader = try CheckpointReader(writer.finished(), from: 0)
            let decoded = try CampaignState(from: &reader)
            #expect(decoded == full, "\(id)")
            for cut in [1, all.count / 3, all.count / 2, all.count - 1] {
                try rewrite(store, Array(all.prefix(cut)))
                let first = office(ward)
                let plan = try first.plan(id).plan
                let before = try first.stateAndSource(of: plan)
                #expect(before.source == .journal && before.state.lastSeq == cut, "\(id) cut \(cut)")
                try rewrite(store, all)
                let warm = try first.stateAndSource(of: plan)
                #expect(warm.source == .memory && warm.state == full, "\(id) cut \(cut): memory")
                let fresh = try office(ward).stateAndSource(of: plan)
                #expect(fresh.source == .checkpoint && fresh.state == full, "\(id) cut \(cut): checkpoint")
                let none = try office(ward, checkpoints: false).stateAndSource(of: plan)
                #expect(none.source == .journal && none.state == full, "\(id) cut \(cut): whole read")
                try? FileManager.default.removeItem(at: workspace.cacheFolder)
            }
        }
    }

    @Test("evidence records go through the checkpoint; one whose hash could not name a file makes it unusable")
    func evidenceInCheckpoint() throws {
        func state(hash: String) throws -> CampaignState {
            var s = CampaignState()
            let payload = EvidencePayload(
                unit: "van-phong", form: nil, indicator: nil, sha256: hash, size: 12, fileKind: "pdf", name: "bien-ban.pdf", note: "họp")
            s.evidence = [EvidenceRecord(seq: 3, date: try #require(CivilDate(year: 2026, month: 5, day: 4)), actor: "vp", payload: payload, kind: .pdf)]
            s.lastSeq = 3
            return s
        }
        func roundTrip(_ s: CampaignState) throws(CheckpointReader.Damaged) -> CampaignState {
            var writer = CheckpointWriter()
            do { try s.encode(to: &writer) } catch { throw CheckpointReader.Damaged() }
            var reader = try CheckpointReader(writer.finished(), from: 0)
            return try CampaignState(from: &reader)
        }
        let good = try state(hash: String(repeating: "ab", count: 32))
        #expect(try roundTrip(good) == good)
        #expect(throws: CheckpointReader.Damaged.self) { try roundTrip(try state(hash: "../../etc/passwd")) }
    }

    @Test("a stale checkpoint is never used: journal cut short, rewritten, another program, a damaged file")
    func staleCheckpoints() throws {
        let (base, ward) = try generatedWard()
        defer { try? FileManager.default.removeItem(at: base) }
        let workspace = Workspace(root: ward)
        let ids = workspace.campaignIDs()
        let id = try #require(ids.first)
        let other = try #require(ids.last)
        let store = workspace.journal(for: id)
        let all = try lines(of: store)
        let plan = try office(ward).plan(id).plan
        func checkpointed() throws {
            try? FileManager.default.removeItem(at: workspace.cacheFolder)
            #expect(try office(ward).stateAndSource(of: plan).source == .journal)
            #expect(try office(ward).stateAndSource(of: plan).source == .checkpoint)
        }

        // Cut short (the last lines removed, the head moved back, as a restore would).
        try checkpointed()
        try rewrite(store, Array(all.prefix(all.count - 3)))
        let cut = try office(ward).stateAndSource(of: plan)
        let expected1 = try fullReplay(store)
        #expect(cut.source == .journal && cut.state == expected1 && cut.state.lastSeq == all.count - 3)

        // Rewritten: another journal, longer than the checkpointed position, in its place.
        try rewrite(store, all)
        try checkpointed()
        let otherLines = try lines(of: workspace.journal(for: other))
        try rewrite(store, otherLines)
        let rewritten = try office(ward).stateAndSource(of: plan)
        let expected2 = try fullReplay(store)
        #expect(rewritten.source == .journal && rewritten.state == expected2)

        // Another program: a checkpoint keyed for it is not read, even at the right position.
        try rewrite(store, all)
        try? FileManager.default.removeItem(at: workspace.cacheFolder)
        let position = try store.read().position
        var fake = CampaignState()
        fake.lastSeq = position.seq
        StateCheckpoint(state: fake, position: position).write(campaign: id, in: workspace, program: "thidua 9.9 other build")
        #expect(StateCheckpoint.read(campaign: id, in: workspace, program: "thidua 9.9 other build") != nil)
        #expect(StateCheckpoint.read(campaign: id, in: workspace) == nil)
        let otherProgram = try office(ward).stateAndSource(of: plan)
        let expected3 = try fullReplay(store)
        #expect(otherProgram.source == .journal && otherProgram.state == expected3)

        // A damaged file: every single byte changed in turn at a few places is refused.
        try checkpointed()
        let file = workspace.cacheFolder.appendingPathComponent(StateCheckpoint.fileName(campaign: id))
        let good = try #require(FileManager.default.contents(atPath: file.path))
        for at in [0, 20, good.count / 2, good.count - 1] {
            var bad = good
            bad[at] ^= 0x5A
            try bad.write(to: file)
            let damaged = try office(ward).stateAndSource(of: plan)
            let expected4 = try fullReplay(store)
            #expect(damaged.source == .journal && damaged.state == expected4, "byte \(at)")
        }
        // Cut short, and empty.
        for bad in [good.prefix(good.count / 2), Data()] {
            try Data(bad).write(to: file)
            #expect(try office(ward).stateAndSource(of: plan).source == .journal)
        }

        // The line the checkpoint names edited (same length), the head following it: not used,
        // and the whole read reports the edit exactly as without a checkpoint.
        try rewrite(store, all)
        try checkpointed()
        var edited = all
        let last = edited.count - 1
        if let i = edited[last].lastIndex(of: UInt8(ascii: "0")) { edited[last][i] = UInt8(ascii: "1") }
        try rewrite(store, edited)
        var withCheckpoint: String?
        var without: String?
        do { _ = try office(ward).state(of: plan) } catch { withCheckpoint = error.message }
        try? FileManager.default.removeItem(at: workspace.cacheFolder)
        do { _ = try office(ward, checkpoints: false).state(of: plan) } catch { without = error.message }
        #expect(withCheckpoint != nil && withCheckpoint == without)
        try rewrite(store, all)
    }

    @Test("a changed campaign file, directive or roster is checked again by a process that remembers the old one")
    func changedFilesAreReadAgain() throws {
        let (base, ward) = try generatedWard()
        defer { try? FileManager.default.removeItem(at: base) }
        let workspace = Workspace(root: ward)
        let id = try #require(workspace.campaignIDs().first)
        let back = office(ward)
        let first = try back.plan(id)
        #expect(try back.plan(id).plan.name == first.plan.name)
        let file = try #require(workspace.campaignFile(id))
        let text = try String(contentsOf: file, encoding: .utf8)
        let renamed = text.replacingOccurrences(of: "\"name\": \"", with: "\"name\": \"Đổi tên ", options: [], range: text.range(of: "\"name\": \""))
        #expect(renamed != text)
        try renamed.write(to: file, atomically: true, encoding: .utf8)
        let second = try back.plan(id)
        #expect(second.plan.name == "Đổi tên " + first.plan.name)
        #expect(second.fileHash != first.fileHash)
        // Changed in place (same file, same size): seen too.
        let handle = try FileHandle(forUpdating: file)
        let at = try #require(Array(renamed.utf8).firstRange(of: Array("Đổi tên".utf8))).lowerBound
        try handle.seek(toOffset: UInt64(at + Array("Đổi ".utf8).count))
        try handle.write(contentsOf: Data("Tên".utf8))
        try handle.close()
        #expect(try back.plan(id).plan.name == "Đổi Tên " + first.plan.name)
        // Once the file is older than the file clock's tick, its digest is remembered by its
        // stamp; an edit in place (same inode, same size) still changes the stamp.
        Thread.sleep(forTimeInterval: 2.2)
        #expect(try back.plan(id).plan.name == "Đổi Tên " + first.plan.name)
        let again = try FileHandle(forUpdating: file)
        try again.seek(toOffset: UInt64(at + Array("Đổi ".utf8).count))
        try again.write(contentsOf: Data("t".utf8))
        try again.close()
        #expect(try back.plan(id).plan.name == "Đổi tên " + first.plan.name)

        let roster = try back.roster()
        let rosterFile = workspace.rosterFile
        let rosterText = try String(contentsOf: rosterFile, encoding: .utf8)
        let unit = try #require(roster.units.first)
        try rosterText.replacingOccurrences(of: unit.name, with: unit.name + " mới").write(to: rosterFile, atomically: true, encoding: .utf8)
        #expect(try back.roster().units.first?.name == unit.name + " mới")
    }

    @Test("a process that remembers a state sees what another process appended, and a journal cut back")
    func twoProcesses() throws {
        let (base, ward) = try generatedWard()
        defer { try? FileManager.default.removeItem(at: base) }
        let workspace = Workspace(root: ward)
        let id = try #require(workspace.campaignIDs().first)
        let store = workspace.journal(for: id)
        let all = try lines(of: store)
        let server = office(ward)
        let plan = try server.plan(id).plan
        let before = try server.state(of: plan)

        // Another process appends, through the journal's lock, as `thidua submit` would.
        let submission = try #require(try store.read().events.last { $0.kind == .submission })
        let other = office(ward)
        _ = try store.append(
            [JournalStore.Draft(kind: submission.kind, actor: "Quy trình khác", date: submission.date, payload: submission.payload)],
            time: "2026-12-01T00:00:00Z")
        let after = try server.stateAndSource(of: plan)
        #expect(after.source == .memory)
        let expected5 = try fullReplay(store)
        #expect(after.state == expected5)
        #expect(after.state.submissions.count == before.submissions.count + 1)
        #expect(try other.state(of: plan) == after.state)

        // The journal restored to an earlier copy: the remembered state is not used.
        try rewrite(store, all)
        let restored = try server.stateAndSource(of: plan)
        #expect(restored.source != .memory)
        #expect(restored.state == before)
    }

    @Test("many threads reading through one memory while another process appends all end on the whole replay's state")
    func concurrentReaders() throws {
        let (base, ward) = try generatedWard()
        defer { try? FileManager.default.removeItem(at: base) }
        let workspace = Workspace(root: ward)
        let id = try #require(workspace.campaignIDs().first)
        let store = workspace.journal(for: id)
        let shared = office(ward)
        let plan = try shared.plan(id).plan
        let submission = try #require(try store.read().events.last { $0.kind == .submission })
        let failures = FailureCount()
        DispatchQueue.concurrentPerform(iterations: 9) { worker in
            for n in 0..<20 {
                if worker == 0 {
                    let draft = JournalStore.Draft(
                        kind: submission.kind, actor: "Người nộp \(n)", date: submission.date, payload: submission.payload)
                    if (try? store.append([draft], time: "2026-12-01T00:00:00Z")) == nil { failures.add() }
                } else {
                    // Each read must be a state the journal held: its last line is a real one.
                    guard let state = try? shared.state(of: plan), state.lastSeq >= submission.seq else {
                        failures.add()
                        continue
                    }
                    _ = try? shared.open(id).evaluator.defaultPeriod(today: submission.date)
                }
            }
        }
        #expect(failures.count == 0)
        let expected = try fullReplay(store)
        #expect(try shared.state(of: plan) == expected)
        #expect(expected.submissions.count >= 20)
    }

    @Test("a deleted cache changes no output of the commands")
    func deletedCacheChangesNothing() throws {
        let (base, ward) = try generatedWard()
        defer { try? FileManager.default.removeItem(at: base) }
        let workspace = Workspace(root: ward)
        let id = try #require(workspace.campaignIDs().first)
        let commands = [["status"], ["status", "--format", "json"], ["deadlines"], ["evaluate", id], ["verify"]]
        func outputs() -> [String] {
            // A new process each time: nothing remembered in memory.
            OfficeMemory.shared(for: ward).clear()
            return commands.map { command in
                let result = Harness.run(command, in: ward)
                return "\(result.code)\n\(result.output)\n\(result.errors)"
            }
        }
        let plain = outputs()
        // Checkpoints of every campaign, then the same commands from them.
        for campaign in workspace.campaignIDs() {
            let back = office(ward)
            _ = try back.state(of: try back.plan(campaign).plan)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.cacheFolder.path)
        #expect(names.filter { $0.hasPrefix("state-") }.count == workspace.campaignIDs().count)
        #expect(names.filter { $0.hasPrefix("status-") }.count == workspace.campaignIDs().count)
        #expect(outputs() == plain)
        try FileManager.default.removeItem(at: ward.appendingPathComponent(".thidua"))
        #expect(outputs() == plain)
    }
}
