import Foundation
import Testing
import ThiDuaCore

/// `JournalStore.read(after:)`: only the lines after a known one, and nil (read it whole)
/// whenever the journal no longer holds that line where it was.
@Suite("Journal read after a known line")
struct IncrementalReadTests {
    @Test("reads only the lines after the position, and ends where a whole read ends")
    func tail() throws {
        let folder = temporaryFolder("after")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        for n in 0..<10 { _ = try store.append([draft(n)], time: "t") }
        let first = try store.read()
        #expect(first.position.seq == 10)
        let unchanged = try #require(try store.read(after: first.position))
        #expect(unchanged.events.isEmpty && unchanged.position == first.position)
        _ = try store.append((10..<15).map { draft($0) }, time: "t")
        let tail = try #require(try store.read(after: first.position))
        let whole = try store.read()
        #expect(tail.events.map(\.seq) == Array(11...15))
        #expect(tail.events == Array(whole.events.suffix(5)))
        #expect(tail.position == whole.position && tail.lines == whole.lines)
    }

    @Test("nil when the line is gone, changed or moved, or when what follows fails; the whole read reports it")
    func refusals() throws {
        let folder = temporaryFolder("after-stale")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        for n in 0..<10 { _ = try store.append([draft(n)], time: "t") }
        let position = try store.read().position
        let original = try Data(contentsOf: store.url)
        let head = try Data(contentsOf: URL(fileURLWithPath: store.url.path + ".head"))
        func restore() throws {
            try original.write(to: store.url)
            try head.write(to: URL(fileURLWithPath: store.url.path + ".head"))
        }

        // Shorter than the position.
        try original.prefix(position.lineStart + 5).write(to: store.url)
        #expect(try store.read(after: position) == nil)
        try restore()

        // The line changed (same length).
        var changed = original
        changed[position.lineStart + 10] ^= 0x01
        try changed.write(to: store.url)
        #expect(try store.read(after: position) == nil)
        #expect(try store.read().failure != nil)
        try restore()

        // The same line one byte further on.
        try (Data(" ".utf8) + original).write(to: store.url)
        #expect(try store.read(after: position) == nil)
        try restore()

        // A line after it that does not chain: nil, and the whole read names it.
        _ = try store.append([draft(10)], time: "t")
        var bytes = try Data(contentsOf: store.url)
        bytes[bytes.count - 10] ^= 0x01
        try bytes.write(to: store.url)
        #expect(try store.read(after: position) == nil)
        #expect(try store.read().failure != nil)
        try restore()

        // The head missing or behind the position.
        try FileManager.default.removeItem(atPath: store.url.path + ".head")
        #expect(try store.read(after: position) == nil)
        try Data("{\"seq\":3,\"hash\":\"\(String(repeating: "a", count: 64))\"}\n".utf8).write(to: URL(fileURLWithPath: store.url.path + ".head"))
        #expect(try store.read(after: position) == nil)
        try restore()
        #expect(try store.read(after: position) != nil)
    }
}
