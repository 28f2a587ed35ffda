import Foundation
import Testing
import ThiDuaCore

/// Issue 16, defect 4 and the verify part of 9: a journal's tail damaged after it was written
/// (the last line edited, removed or cut short, the head missing or broken) is an error for
/// every read and write, with what to do; nothing is written on top. Run through the commands.
@Suite("Journal tail: damage is reported, never written over")
struct JournalTailTests {
    static let campaign = "minh-xuan-dvk-2026"
    static let journal = "data/minh-xuan-dvk-2026.journal.jsonl"

    /// An enrolled workspace whose journal has at least four lines (launch and two submissions).
    static func busyWorkspace() throws -> (FaultWorkspace, () -> Void) {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        #expect(ws.run(["launch", campaign]).code == 0)
        for n in 1...2 {
            let file = try ws.write("inbox/dang-ky-\(n).csv", FaultSuite.registrations(2))
            // The same rows twice: a second copy of the form, on purpose.
            let result = ws.run(["submit", campaign, "dang-ky-mo-hinh", file, "--again"])
            #expect(result.code == 0, "\(result.text)")
        }
        return (ws, cleanup)
    }

    static func lines(_ ws: FaultWorkspace) -> [String] {
        let all: [String] = String(decoding: ws.bytes(journal), as: UTF8.self).components(separatedBy: "\n")
        return Array(all.dropLast())
    }

    static func setLines(_ ws: FaultWorkspace, _ lines: [String], tail: String = "") throws {
        try Data((lines.map { $0 + "\n" }.joined() + tail).utf8).write(to: ws.url(journal))
    }

    /// Every command refuses the damaged journal, writes nothing, and verify names `line`.
    func expectRefused(_ ws: FaultWorkspace, line: Int, saying fragment: String) throws {
        let before = ws.snapshot()
        let status = ws.run(["evaluate", Self.campaign])
        #expect(status.code == 1, "status ran on a damaged journal: \(status.text)")
        #expect(status.text.contains(fragment), "\(status.text)")
        let file = try ws.write("inbox/them.csv", FaultSuite.registrations(1))
        let afterFile = ws.snapshot()
        for command in [["submit", Self.campaign, "dang-ky-mo-hinh", file], ["close", Self.campaign]] {
            let result = ws.run(command)
            #expect(result.code == 1, "\(command) wrote on a damaged journal: \(result.text)")
            #expect(result.text.contains(fragment), "\(result.text)")
            #expect(result.text.contains("thidua verify"), "no advice: \(result.text)")
            #expect(FaultWorkspace.changes(afterFile, ws.snapshot()).isEmpty, "\(command) changed a file")
        }
        let verified = ws.run(["verify", Self.campaign])
        #expect(verified.code == 1, "\(verified.text)")
        #expect(verified.text.contains("dòng \(line):"), "\(verified.text)")
        #expect(verified.text.contains(fragment), "\(verified.text)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()) == ["inbox/them.csv"])
    }

    @Test("the last line edited (still valid JSON): refused, verify names it")
    func lastLineEdited() throws {
        let (ws, cleanup) = try Self.busyWorkspace()
        defer { cleanup() }
        var lines = Self.lines(ws)
        lines[lines.count - 1] = lines[lines.count - 1].replacingOccurrences(of: "Mô hình số 1", with: "Mô hình số 9")
        try Self.setLines(ws, lines)
        try expectRefused(ws, line: lines.count, saying: "đã bị sửa")
    }

    @Test("the last line deleted: refused, verify says a line is missing")
    func lastLineDeleted() throws {
        let (ws, cleanup) = try Self.busyWorkspace()
        defer { cleanup() }
        let lines = Self.lines(ws)
        try Self.setLines(ws, Array(lines.dropLast()))
        try expectRefused(ws, line: lines.count, saying: "thiếu dòng")
    }

    @Test("the last line cut short after it was acknowledged: refused, not moved to .torn as crash debris")
    func lastLineCut() throws {
        let (ws, cleanup) = try Self.busyWorkspace()
        defer { cleanup() }
        let lines = Self.lines(ws)
        try Self.setLines(ws, Array(lines.dropLast()), tail: String(lines.last!.prefix(40)))
        try expectRefused(ws, line: lines.count, saying: "bị cắt cụt")
        #expect(!FileManager.default.fileExists(atPath: ws.url(Self.journal + ".torn").path))
    }

    @Test("a missing .head: verify says so; writes are refused")
    func headMissing() throws {
        let (ws, cleanup) = try Self.busyWorkspace()
        defer { cleanup() }
        try FileManager.default.removeItem(at: ws.url(Self.journal + ".head"))
        try expectRefused(ws, line: Self.lines(ws).count, saying: "thiếu tệp minh-xuan-dvk-2026.journal.jsonl.head")
    }

    @Test("a broken .head: verify says so; writes are refused")
    func headBroken() throws {
        let (ws, cleanup) = try Self.busyWorkspace()
        defer { cleanup() }
        try Data("{\"seq\":\"bốn\"}".utf8).write(to: ws.url(Self.journal + ".head"))
        try expectRefused(ws, line: Self.lines(ws).count, saying: "bị hỏng")
    }

    @Test("line N's prev changed: verify blames line N, not N − 1", arguments: [2, 3])
    func prevChanged(_ target: Int) throws {
        let (ws, cleanup) = try Self.busyWorkspace()
        defer { cleanup() }
        var lines = Self.lines(ws)
        #expect(lines.count >= 4)
        let line = lines[target - 1]
        let at = try #require(line.range(of: "\"prev\":\""))
        let digit = line.index(at.upperBound, offsetBy: 5)
        lines[target - 1] = line.replacingCharacters(in: digit...digit, with: line[digit] == "a" ? "b" : "a")
        try Self.setLines(ws, lines)
        let verified = ws.run(["verify", Self.campaign])
        #expect(verified.code == 1)
        #expect(verified.text.contains("dòng \(target): dòng \(target) đã bị sửa"), "\(verified.text)")
    }

    @Test("line N − 1 edited: verify still blames N − 1")
    func previousEdited() throws {
        let (ws, cleanup) = try Self.busyWorkspace()
        defer { cleanup() }
        var lines = Self.lines(ws)
        lines[1] = lines[1].replacingOccurrences(of: "Cán bộ kiểm thử", with: "Cán bộ kiểm thứ")
        try Self.setLines(ws, lines)
        let verified = ws.run(["verify", Self.campaign])
        #expect(verified.text.contains("dòng 2: dòng 2 đã bị sửa"), "\(verified.text)")
    }

    @Test("a head one write behind (a crash after the lines, before the head): accepted and repaired")
    func headBehind() throws {
        let (ws, cleanup) = try Self.busyWorkspace()
        defer { cleanup() }
        let lines = Self.lines(ws)
        let previous = lines[lines.count - 2]
        let hash = SHA256.hex(SHA256.hash(Array(previous.utf8)))
        try Data("{\"seq\":\(lines.count - 1),\"hash\":\"\(hash)\"}\n".utf8).write(to: ws.url(Self.journal + ".head"))
        #expect(ws.run(["evaluate", Self.campaign]).code == 0)
        #expect(ws.run(["verify", Self.campaign]).code == 0)
        let file = try ws.write("inbox/them.csv", FaultSuite.registrations(1))
        #expect(ws.run(["submit", Self.campaign, "dang-ky-mo-hinh", file]).code == 0)
        #expect(ws.run(["verify", Self.campaign]).code == 0)
        let head = String(decoding: ws.bytes(Self.journal + ".head"), as: UTF8.self)
        #expect(head.contains("\"seq\":\(lines.count + 1)"), "\(head)")
    }

    @Test("leftover temporary files of killed writers are cleaned by the next write")
    func leftovers() throws {
        let (ws, cleanup) = try Self.busyWorkspace()
        defer { cleanup() }
        try ws.write("roster/.roster.json.99999999.tmp", "{")
        try ws.write(Self.journal + ".head.tmp", "{\"seq\":1")
        let roster = try ws.write("inbox/them.csv", "Mã,Tên đơn vị,Loại,Trực thuộc\ntdp-3,Tổ dân phố 3,tổ dân phố,\n")
        #expect(ws.run(["roster", "import", roster]).code == 0)
        let file = try ws.write("inbox/dk.csv", FaultSuite.registrations(1))
        #expect(ws.run(["submit", Self.campaign, "dang-ky-mo-hinh", file]).code == 0)
        #expect(!FileManager.default.fileExists(atPath: ws.url("roster/.roster.json.99999999.tmp").path))
        #expect(!FileManager.default.fileExists(atPath: ws.url(Self.journal + ".head.tmp").path))
        #expect(ws.run(["verify"]).code == 0)
    }
}
