import Foundation
import ThiDuaBase

extension Workspace {
    /// The roster, or an empty one when none was imported yet. Takes no lock: the roster only
    /// changes by an atomic rename, so a read sees the old roster or the new one, whole.
    public func loadRoster() throws(WorkspaceError) -> Roster {
        let bytes: [UInt8]?
        do {
            bytes = try read(rosterFile, limit: InputLimits.rosterFile)
        } catch {
            throw WorkspaceError(message: "không đọc được \(display(rosterFile)): \(error.reason)")
        }
        guard let bytes else { return Roster(units: [], people: []) }
        let (roster, problems) = RosterImporter.json(
            bytes, file: display(rosterFile), existing: Roster(units: [], people: []), kinds: unitKinds().kinds.acceptingAnyKeyword)
        guard let roster, !problems.hasErrors else {
            throw WorkspaceError(message: "danh sách đơn vị, cá nhân bị hỏng:\n" + problems.map(\.rendered).joined(separator: "\n"))
        }
        return roster
    }

    /// Writes the roster whole: a temporary file, fsync, then rename over the old one.
    /// Prefer `updateRoster`, which holds the roster's lock from the read to the write.
    public func saveRoster(_ roster: Roster) throws(WorkspaceError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(roster)
        } catch {
            throw WorkspaceError(message: "không ghi được \(display(rosterFile)): \(error.localizedDescription)")
        }
        do {
            try writeAtomically(data, to: rosterFile)
        } catch {
            throw WorkspaceError(message: "không ghi được \(display(rosterFile)): \(error.reason)")
        }
    }

    /// Reads the roster, applies `change` and writes the result, holding the roster's lock
    /// (`roster/roster.json.lock`) from the read to the write, so two imports at once both
    /// land. Waits for another writer as `lockPolicy` says. Returns the roster written; when
    /// `change` throws, nothing is written and its error is rethrown.
    @discardableResult
    public func updateRoster(lockPolicy: LockPolicy = .standard, _ change: (Roster) throws -> Roster) throws -> Roster {
        let lock = try lockRoster(lockPolicy)
        defer { lock.release() }
        let updated = try change(try loadRoster())
        try saveRoster(updated)
        return updated
    }

    /// Takes the roster's lock.
    public func lockRoster(_ policy: LockPolicy = .standard) throws(WorkspaceError) -> FileLock {
        do {
            let folder = try folder(of: rosterFile, create: true)
            return try FileLock.acquire(
                rosterFile.lastPathComponent + ".lock", in: folder, what: "danh sách đơn vị, cá nhân (\(display(rosterFile)))", policy: policy)
        } catch let error as LockError {
            throw WorkspaceError(message: error.busy ? error.message : "không ghi được \(display(rosterFile)): \(error.message)")
        } catch let error as FileAccessError {
            throw WorkspaceError(message: "không ghi được \(display(rosterFile)): \(error.reason)")
        } catch {
            throw WorkspaceError(message: "\(error)")
        }
    }
}
