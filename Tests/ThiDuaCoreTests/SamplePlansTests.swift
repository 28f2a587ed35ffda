import Foundation
import Testing
import ThiDuaCore

@Suite("Where the demo finds its plans")
struct SamplePlansTests {
    /// A checkout with one plan and a program built in `.build/<triple>/debug`, and an empty folder.
    static func layout() throws -> (base: URL, checkout: URL, executable: URL, empty: URL) {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("sample-plans-\(UUID().uuidString.prefix(8))")
        let checkout = base.appendingPathComponent("ThiDua")
        try fm.createDirectory(at: checkout.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: checkout.appendingPathComponent("campaigns/mau-2026.json"))
        let bin = checkout.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug")
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        let executable = bin.appendingPathComponent("thidua")
        try Data().write(to: executable)
        let empty = base.appendingPathComponent("phuong")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        return (base, checkout, executable, empty)
    }

    @Test("a workspace with plans is used as it is")
    func workspaceFirst() throws {
        let l = try Self.layout()
        defer { try? FileManager.default.removeItem(at: l.base) }
        #expect(SamplePlans.folder(workspace: l.checkout, executable: nil)?.standardizedFileURL == l.checkout.standardizedFileURL)
    }

    @Test("from an empty folder, the checkout the program was built in")
    func fallsBackToTheCheckout() throws {
        let l = try Self.layout()
        defer { try? FileManager.default.removeItem(at: l.base) }
        let found = SamplePlans.folder(workspace: l.empty, executable: l.executable)
        #expect(found?.resolvingSymlinksInPath().path == l.checkout.resolvingSymlinksInPath().path)
    }

    @Test("a share/thidua folder beside bin is found")
    func installedLayout() throws {
        let l = try Self.layout()
        defer { try? FileManager.default.removeItem(at: l.base) }
        let fm = FileManager.default
        let prefix = l.base.appendingPathComponent("usr")
        try fm.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.createDirectory(at: prefix.appendingPathComponent("share/thidua/campaigns"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: prefix.appendingPathComponent("share/thidua/campaigns/mau.json"))
        let found = SamplePlans.folder(workspace: l.empty, executable: prefix.appendingPathComponent("bin/thidua"))
        #expect(found?.resolvingSymlinksInPath().path == prefix.appendingPathComponent("share/thidua").resolvingSymlinksInPath().path)
    }

    @Test("no plans anywhere: nil, so the demo can say what to do")
    func nothing() throws {
        let l = try Self.layout()
        defer { try? FileManager.default.removeItem(at: l.base) }
        let lone = l.empty.appendingPathComponent("a/b/c/bin/thidua")
        #expect(SamplePlans.folder(workspace: l.empty, executable: lone) == nil)
        #expect(SamplePlans.folder(workspace: l.empty, executable: nil) == nil)
    }
}
