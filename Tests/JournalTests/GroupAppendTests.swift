import Foundation
import Testing
import ThiDuaCore

/// `JournalStore.append(_ groups:)`: several actions' drafts in one write (group commit).
@Suite("Journal store: group append")
struct GroupAppendTests {
    @Test("groups are written in order, each with its own time, as one chain; the positions match a read")
    func groupsInOrder() throws {
        let folder = temporaryFolder("group-append")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        let first = try store.append([draft(0)], time: "t0")
        #expect(first.before == .start)
        let groups = [
            JournalStore.Group(drafts: [draft(1), draft(2)], time: "t1"),
            JournalStore.Group(drafts: [draft(3)], time: "t2"),
            JournalStore.Group(drafts: [draft(4, actor: "Trần Thị B"), draft(5)], time: "t3"),
        ]
        let written = try store.append(groups, expectingLastSeq: 1)
        #expect(written.events.map(\.seq) == [2, 3, 4, 5, 6])
        #expect(written.events.map(\.time) == ["t1", "t1", "t2", "t3", "t3"])
        #expect(written.events[3].actor == "Trần Thị B")
        let contents = try store.read()
        #expect(contents.failure == nil)
        #expect(contents.events == first.events + written.events)
        #expect(written.before == first.after)
        #expect(written.after == contents.position)
        // What a state at `before` would read next is exactly what the append wrote.
        let tail = try #require(try store.read(after: written.before))
        #expect(tail.events == written.events)
        #expect(tail.position == written.after)
        #expect(try store.verify().isValid)
    }

    @Test("a group append onto a journal that moved on writes nothing, whatever the groups")
    func staleWritesNothing() throws {
        let folder = temporaryFolder("group-stale")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        for n in 0..<3 { _ = try store.append([draft(n)], time: "t") }
        let before = try Data(contentsOf: store.url)
        let head = try Data(contentsOf: URL(fileURLWithPath: store.url.path + ".head"))
        let groups = [JournalStore.Group(drafts: [draft(7)], time: "t"), JournalStore.Group(drafts: [draft(8)], time: "t")]
        let error = #expect(throws: JournalError.self) { _ = try store.append(groups, expectingLastSeq: 2) }
        #expect(error?.kind == .stale)
        #expect(try Data(contentsOf: store.url) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.url.path + ".head")) == head)
    }

    @Test("a torn tail is set aside once, before the first group")
    func tornTailBeforeGroups() throws {
        let folder = temporaryFolder("group-torn")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        _ = try store.append([draft(0)], time: "t")
        let handle = try FileHandle(forWritingTo: store.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":2,\"ti".utf8))
        try handle.close()
        let written = try store.append(
            [JournalStore.Group(drafts: [draft(1)], time: "t"), JournalStore.Group(drafts: [draft(2)], time: "t")], expectingLastSeq: 1)
        #expect(written.tornTail?.bytes == 12)
        #expect(written.events.map(\.seq) == [2, 3])
        #expect(try store.verify().isValid)
    }
}
