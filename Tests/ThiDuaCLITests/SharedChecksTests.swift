import Foundation
import Testing
import ThiDuaCLI

@testable import ThiDuaCore

/// A workspace holding copies of the repository's campaign files, declared types and directives,
/// as every generated ward does. `marker` starts every campaign file as a comment: workspaces made
/// with the same marker hold the same bytes, and no other test's check (the process shares them)
/// has those bytes.
private func wardCopy(_ marker: String) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-shared-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for folder in ["campaigns", "types", "directives"] {
        try FileManager.default.copyItem(at: Harness.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
    }
    for file in Workspace(root: root).campaignFiles() {
        try Data(("// \(marker)\n".utf8) + (try Data(contentsOf: file))).write(to: file)
    }
    return root
}

/// Appends bytes that change a JSON file's hash and nothing it says.
private func touch(_ file: URL) throws {
    let handle = try FileHandle(forUpdating: file)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(" \n".utf8))
    try handle.close()
}

/// The load result of `id` in `root` through `CheckedPlans`, with its key.
private func check(_ id: String, in root: URL, program: String = ProgramIdentity.version) throws -> (result: CampaignLoadResult, key: [UInt8]) {
    let workspace = Workspace(root: root)
    let registry = CompiledTypes.registry(for: workspace)
    let environment = CheckedPlans.environmentKey(workspace: workspace, registry: registry, program: program) { url in
        (try? workspace.read(url, limit: InputLimits.jsonFile))?.map { SHA256.hash($0) }
    }
    let file = try #require(workspace.campaignFile(id))
    let loaded = CheckedPlans.load(file, in: workspace, registry: registry, environment: environment)
    return (loaded.result, try #require(loaded.key))
}

@Suite("Checks shared by content between workspaces of one process")
struct SharedChecksTests {
    /// The campaign with a directive: its check reads `directives/` and `types/`.
    let id = "minh-xuan-cds-2026"

    @Test("the same files in two workspaces share one check; a changed campaign file, directive, type, money table or program never does")
    func sharedOnlyWhenEverythingMatches() throws {
        let marker = UUID().uuidString
        let first = try wardCopy(marker)
        let second = try wardCopy(marker)
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        // A marked result under the first workspace's key: whoever gets it back shared that check.
        let (real, key) = try check(id, in: first)
        var marked = real
        marked.plan?.name = "ĐÃ DÙNG CHUNG"
        CheckedPlans.shared.store(marked, for: key)
        #expect(try check(id, in: second).key == key)
        #expect(try check(id, in: second).result.plan?.name == "ĐÃ DÙNG CHUNG")
        // The back office of another workspace (its own memory: another process's view) takes it too.
        let office = BackOffice(workspace: Workspace(root: second), registry: CompiledTypes.registry(for: Workspace(root: second)), memory: OfficeMemory())
        #expect(try office.plan(id).plan.name == "ĐÃ DÙNG CHUNG")

        let changes: [(String, URL)] = [
            ("campaign file", second.appendingPathComponent("campaigns/\(id).json")),
            ("directive", second.appendingPathComponent("directives/minh-xuan-du-cds-2026.json")),
            ("declared type", second.appendingPathComponent("types/chuyen-doi-so.json")),
        ]
        for (what, file) in changes {
            let original = try Data(contentsOf: file)
            try touch(file)
            let changed = try check(id, in: second)
            #expect(changed.key != key, "\(what)")
            #expect(changed.result.plan?.name == real.plan?.name, "\(what)")
            let fresh = BackOffice(workspace: Workspace(root: second), registry: CompiledTypes.registry(for: Workspace(root: second)), memory: OfficeMemory())
            #expect(try fresh.plan(id).plan.name == real.plan?.name, "\(what)")
            try original.write(to: file)
            #expect(try check(id, in: second).result.plan?.name == "ĐÃ DÙNG CHUNG", "\(what) restored")
        }
        // A money table added (any file of tables/), and another program.
        let tables = second.appendingPathComponent("tables")
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        try Data("{}\n".utf8).write(to: tables.appendingPathComponent("money.json"))
        #expect(try check(id, in: second).key != key)
        #expect(try check(id, in: second).result.plan?.name == real.plan?.name)
        try FileManager.default.removeItem(at: tables)
        #expect(try check(id, in: second).result.plan?.name == "ĐÃ DÙNG CHUNG")
        let other = try check(id, in: second, program: ProgramIdentity.version + "-khác")
        #expect(other.key != key)
        #expect(other.result.plan?.name == real.plan?.name)
    }

    @Test("a shared check's messages name the file as this workspace names it")
    func messagesNameThisWorkspacesFile() throws {
        let marker = UUID().uuidString
        let first = try wardCopy(marker)
        let second = try wardCopy(marker)
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        // The same bytes under another name: the check is not shared, and says which file.
        let original = second.appendingPathComponent("campaigns/\(id).json")
        try FileManager.default.moveItem(at: original, to: second.appendingPathComponent("campaigns/ban-sao.json"))
        let (mine, _) = try check(id, in: first)
        let (copy, _) = try check("ban-sao", in: second)
        #expect(mine.file == "campaigns/\(id).json")
        #expect(copy.file == "campaigns/ban-sao.json")
        #expect(!copy.diagnostics.isEmpty)
        #expect(copy.diagnostics.allSatisfy { $0.file == "campaigns/ban-sao.json" })
        #expect(copy.diagnostics.contains { $0.message.contains("ban-sao.json") })
        #expect(mine.diagnostics.allSatisfy { $0.file == "campaigns/\(id).json" })
        // The shared result is exactly the result of checking the file alone.
        let alone = CampaignLoader(registry: CompiledTypes.registry(for: Workspace(root: first)))
            .load(path: first.appendingPathComponent("campaigns/\(id).json").path, displayName: "campaigns/\(id).json")
        #expect(alone.diagnostics == mine.diagnostics)
        #expect(alone.plan == mine.plan)
    }

    @Test("declared types are read once per content; a changed type file is read again")
    func declaredTypesShared() throws {
        let marker = UUID().uuidString
        let first = try wardCopy(marker)
        let second = try wardCopy(marker)
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let a = CompiledTypes.declaredTypes(in: Workspace(root: first))
        let b = CompiledTypes.declaredTypes(in: Workspace(root: second))
        #expect(a.files.map(\.definition) == b.files.map(\.definition))
        let file = second.appendingPathComponent("types/chuyen-doi-so.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        let title = try #require(a.files.first?.definition?.title)
        try text.replacingOccurrences(of: title, with: title + " (sửa)").write(to: file, atomically: true, encoding: .utf8)
        let changed = CompiledTypes.declaredTypes(in: Workspace(root: second))
        #expect(changed.files.first?.definition?.title == title + " (sửa)")
        #expect(CompiledTypes.declaredTypes(in: Workspace(root: first)).files.first?.definition?.title == title)
    }

    @Test("the store keeps at most its capacity, dropping the least recently used")
    func contentCacheBound() {
        let cache = ContentCache<String>(capacity: 2)
        cache.store("một", for: [1])
        cache.store("hai", for: [2])
        #expect(cache.value(for: [1]) == "một")
        cache.store("ba", for: [3])
        #expect(cache.count == 2)
        #expect(cache.value(for: [2]) == nil)
        #expect(cache.value(for: [1]) == "một")
        #expect(cache.value(for: [3]) == "ba")
        #expect(cache.value(for: [4]) { "bốn" } == "bốn")
        #expect(cache.count == 2)
    }

    @Test("a process keeps the memories of at most its limit of workspaces, the least recently used dropped")
    func workspaceMemoriesBound() {
        let memories = WorkspaceMemories(limit: 2)
        let a = memories.memory(for: "/a")
        let b = memories.memory(for: "/b")
        #expect(memories.memory(for: "/a") === a)
        _ = memories.memory(for: "/c")
        #expect(memories.count == 2)
        #expect(memories.memory(for: "/a") === a)
        #expect(memories.memory(for: "/b") !== b)
        memories.limit = 1
        #expect(memories.count == 1)
        memories.removeAll()
        #expect(memories.count == 0)
    }
}
