import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Workspace {
    public var dataFolder: URL { root.appendingPathComponent("data", isDirectory: true) }
    public var rosterFile: URL { root.appendingPathComponent("roster/roster.json") }

    /// The journal of a campaign: `data/<id>.journal.jsonl`. The id must have passed
    /// `Identifier.problem`, which the loader checks; the store also refuses any path that
    /// leaves the workspace or goes through a link.
    public func journal(for campaignID: String, lockPolicy: LockPolicy = .standard) -> JournalStore {
        let url = dataFolder.appendingPathComponent("\(campaignID).journal.jsonl")
        return JournalStore(url: url, displayName: display(url), root: root, lockPolicy: lockPolicy)
    }

    /// The journals present, by campaign id.
    public func journalIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dataFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".journal.jsonl") }.map { String($0.dropLast(".journal.jsonl".count)) }
            .filter { Identifier.problem($0) == nil }.sorted()
    }

    /// The checked-open primitive: the folder of `url` opened under this workspace without
    /// following links (see `CheckedFolder`), optionally created.
    public func folder(of url: URL, create: Bool = false) throws(FileAccessError) -> CheckedFolder {
        try CheckedFolder.open(url.deletingLastPathComponent(), under: root, create: create)
    }

    /// Opens a file of the workspace with `flags`, never through a link, never outside the
    /// workspace, only a regular file. The caller closes the descriptor.
    public func open(_ url: URL, _ flags: Int32, mode: mode_t = 0o644) throws(FileAccessError) -> Int32 {
        try folder(of: url, create: (flags & O_CREAT) != 0).open(url.lastPathComponent, flags, mode: mode)
    }

    /// The bytes of a file of the workspace, its size checked against `limit` first; nil when absent.
    public func read(_ url: URL, limit: ByteLimit) throws(FileAccessError) -> [UInt8]? {
        let folder: CheckedFolder
        do {
            folder = try self.folder(of: url)
        } catch {
            if error.code == ENOENT { return nil }
            throw error
        }
        return try folder.read(url.lastPathComponent, limit: limit)
    }

    /// Writes a file of the workspace whole (temporary file, fsync, rename, folder fsync), never through a link.
    public func writeAtomically(_ data: Data, to url: URL) throws(FileAccessError) {
        let folder = try folder(of: url, create: true)
        let name = url.lastPathComponent
        AtomicFile.removeLeftovers(of: name, in: folder)
        try folder.writeAtomically(Array(data), to: name, temporary: AtomicFile.temporaryName(for: name))
    }

    /// Creates a workspace's folders (existing ones are kept).
    public static func create(at root: URL) throws(WorkspaceError) -> Workspace {
        for folder in folders {
            do {
                _ = try CheckedFolder.open(root.appendingPathComponent(folder), under: root, create: true)
            } catch {
                throw WorkspaceError(message: "không tạo được thư mục \(root.appendingPathComponent(folder).path): \(error.reason)")
            }
        }
        return Workspace(root: root)
    }
}

/// A workspace-level failure, in Vietnamese.
public struct WorkspaceError: Error, Equatable, Sendable {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}
