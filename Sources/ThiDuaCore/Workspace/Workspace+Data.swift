import Foundation
import ThiDuaBase

extension Workspace {
    public var dataFolder: URL { root.appendingPathComponent("data", isDirectory: true) }
    public var rosterFile: URL { root.appendingPathComponent("roster/roster.json") }

    /// The journal of a campaign: `data/<id>.journal.jsonl`. The id must have passed
    /// `Identifier.problem`, which the loader checks, so it cannot leave `data/`.
    public func journal(for campaignID: String) -> JournalStore {
        let url = dataFolder.appendingPathComponent("\(campaignID).journal.jsonl")
        return JournalStore(url: url, displayName: display(url))
    }

    /// The journals present, by campaign id.
    public func journalIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dataFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".journal.jsonl") }.map { String($0.dropLast(".journal.jsonl".count)) }.sorted()
    }

    /// The roster, or an empty one when none was imported yet.
    public func loadRoster() throws(WorkspaceError) -> Roster {
        guard let data = FileManager.default.contents(atPath: rosterFile.path) else { return Roster(units: [], people: []) }
        let (roster, problems) = RosterImporter.json(Array(data), file: display(rosterFile), existing: Roster(units: [], people: []))
        guard let roster, !problems.hasErrors else {
            throw WorkspaceError(message: "danh sách đơn vị, cá nhân bị hỏng:\n" + problems.map(\.rendered).joined(separator: "\n"))
        }
        return roster
    }

    /// Writes the roster whole: a temporary file, fsync, then rename over the old one.
    public func saveRoster(_ roster: Roster) throws(WorkspaceError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(roster)
            try AtomicFile.write(data, to: rosterFile)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError(message: "không ghi được \(display(rosterFile)): \(error.localizedDescription)")
        }
    }

    /// Creates a workspace's folders (existing ones are kept).
    public static func create(at root: URL) throws(WorkspaceError) -> Workspace {
        for folder in folders {
            do {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                throw WorkspaceError(message: "không tạo được thư mục \(root.appendingPathComponent(folder).path): \(error.localizedDescription)")
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

/// Whole-or-nothing file writes.
public enum AtomicFile {
    /// Writes to a temporary file beside the target, fsyncs it, then renames it over the target.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
            // rename(2) replaces the target atomically; FileManager.replaceItemAt on Linux can
            // remove the target and then fail, losing the file.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
