import Foundation
import Testing
import ThiDuaCore

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh folder for one test.
func temporaryFolder(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let day = CivilDate(year: 2026, month: 11, day: 22)!

func draft(_ n: Int, actor: String = "Nguyễn Văn A") -> JournalStore.Draft {
    JournalStore.Draft(kind: "test", actor: actor, date: day, payload: .object([.init(key: "n", value: .number(Double(n)))]))
}

@Suite("Journal store")
struct JournalStoreTests {
    @Test("appends chain each line to the one before")
    func chain() throws {
        let folder = temporaryFolder("chain")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        for n in 0..<10 { _ = try store.append([draft(n)], time: "t") }
        let contents = try store.read()
        #expect(contents.events.count == 10)
        #expect(contents.failure == nil)
        #expect(contents.events.map(\.seq) == Array(1...10))
        #expect(contents.events[0].prev == JournalEvent.genesis)
        let lines = try String(contentsOf: store.url, encoding: .utf8).split(separator: "\n")
        #expect(contents.events[1].prev == SHA256.hex(SHA256.hash(String(lines[0]))))
        #expect(try store.verify().isValid)
    }

    @Test("changing one byte of a middle line names that line", arguments: [1, 3, 5, 9])
    func tamperMiddle(_ target: Int) throws {
        let folder = temporaryFolder("tamper")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        for n in 0..<10 { _ = try store.append([draft(n)], time: "t") }
        var lines = try String(contentsOf: store.url, encoding: .utf8).components(separatedBy: "\n")
        // "Nguyễn Văn A" → "Nguyễn Văn B": still valid JSON, so only the chain can tell.
        lines[target - 1] = lines[target - 1].replacingOccurrences(of: "Văn A", with: "Văn B")
        try Data(lines.joined(separator: "\n").utf8).write(to: store.url)
        let report = try store.verify()
        #expect(report.failure?.line == target, "\(String(describing: report.failure))")
    }

    @Test("changing the last line is caught by the head file")
    func tamperLast() throws {
        let folder = temporaryFolder("tamper-last")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        for n in 0..<4 { _ = try store.append([draft(n)], time: "t") }
        let text = try String(contentsOf: store.url, encoding: .utf8)
        var bytes = Array(text.utf8)
        let lastLineStart = (bytes.dropLast().lastIndex(of: 0x0A) ?? -1) + 1
        let digit = bytes[lastLineStart...].firstIndex(of: UInt8(ascii: "3"))!  // the "n":3 of the payload
        bytes[digit] = UInt8(ascii: "7")
        try Data(bytes).write(to: store.url)
        let report = try store.verify()
        #expect(report.failure?.line == 4)
        #expect(report.failure?.reason.contains("đã bị sửa") == true)
    }

    @Test("a removed last line is caught")
    func truncated() throws {
        let folder = temporaryFolder("truncated")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        for n in 0..<3 { _ = try store.append([draft(n)], time: "t") }
        let lines = try String(contentsOf: store.url, encoding: .utf8).split(separator: "\n")
        try Data((lines.dropLast().joined(separator: "\n") + "\n").utf8).write(to: store.url)
        #expect(try store.verify().failure?.line == 3)
    }

    @Test("a torn last line is set aside to .torn, reported, and the chain goes on")
    func tornTail() throws {
        let folder = temporaryFolder("torn")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        for n in 0..<3 { _ = try store.append([draft(n)], time: "t") }
        let handle = try FileHandle(forWritingTo: store.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":4,\"time\":\"t\",\"da".utf8))
        try handle.close()
        #expect(try store.verify().tornBytes == 23)
        #expect(try store.read().events.count == 3)
        let result = try store.append([draft(3)], time: "t")
        #expect(result.tornTail?.bytes == 23)
        #expect(result.events[0].seq == 4)
        let torn = try String(contentsOf: URL(fileURLWithPath: store.url.path + ".torn"), encoding: .utf8)
        #expect(torn == "{\"seq\":4,\"time\":\"t\",\"da\n")
        let report = try store.verify()
        #expect(report.isValid && report.lines == 4 && report.tornBytes == 0)
    }

    @Test("a damaged last line refuses further appends and writes nothing")
    func damagedLastLine() throws {
        let folder = temporaryFolder("damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        _ = try store.append([draft(0)], time: "t")
        try Data("not json\n".utf8).write(to: store.url)
        let before = try Data(contentsOf: store.url)
        #expect(throws: JournalError.self) { try store.append([draft(1)], time: "t") }
        #expect(try Data(contentsOf: store.url) == before)
    }

    @Test("Vietnamese and hostile text survive the line format")
    func roundTrip() throws {
        let folder = temporaryFolder("text")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        let text = "Tổ 5 \"<script>\" \\ \n\t\u{01} 😀"
        _ = try store.append([JournalStore.Draft(kind: "x", actor: text, date: day, payload: .string(text))], time: "t")
        let event = try #require(try store.read().events.first)
        #expect(event.actor == text)
        #expect(event.payload == .string(text))
    }
}

@Suite("Journal head")
struct JournalHeadTests {
    @Test("a damaged tail is refused by read and append; acceptTail after review makes it whole again")
    func acceptTail() throws {
        let folder = temporaryFolder("accept")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        for n in 0..<3 { _ = try store.append([draft(n)], time: "t") }
        let lines = try String(contentsOf: store.url, encoding: .utf8).split(separator: "\n")
        try Data((lines.dropLast().joined(separator: "\n") + "\n").utf8).write(to: store.url)
        #expect(try store.read().failure?.line == 3)
        #expect(throws: JournalError.self) { try store.append([draft(9)], time: "t") }
        do {
            _ = try store.append([draft(9)], time: "t")
        } catch {
            #expect(error.kind == .damaged)
        }
        #expect(try store.acceptTail() == 2)
        #expect(try store.verify().isValid)
        #expect(try store.append([draft(3)], time: "t").events[0].seq == 3)
    }

    @Test("a stale expectation is a typed .stale error and writes nothing")
    func stale() throws {
        let folder = temporaryFolder("stale")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        _ = try store.append([draft(0)], time: "t")
        let before = try Data(contentsOf: store.url)
        do {
            _ = try store.append([draft(1)], time: "t", expectingLastSeq: 0)
            Issue.record("a stale append was accepted")
        } catch {
            #expect(error.kind == .stale)
        }
        #expect(try Data(contentsOf: store.url) == before)
    }

    @Test("line 3 with a changed prev is blamed, not line 2")
    func blame() throws {
        let folder = temporaryFolder("blame")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = JournalStore(url: folder.appendingPathComponent("a.journal.jsonl"))
        for n in 0..<5 { _ = try store.append([draft(n)], time: "t") }
        var lines = try String(contentsOf: store.url, encoding: .utf8).components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: "\"prev\":\"", with: "\"prev\":\"f")
        lines[2].remove(at: lines[2].index(lines[2].endIndex, offsetBy: -3))
        try Data(lines.joined(separator: "\n").utf8).write(to: store.url)
        let report = try store.verify()
        #expect(report.failure?.line == 3, "\(String(describing: report.failure))")
        #expect(try store.read().events.count == 2)
    }
}
