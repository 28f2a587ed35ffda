import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-or-nothing file writes.
public enum AtomicFile {
    /// Writes to a temporary file beside the target, fsyncs it, renames it over the target and
    /// fsyncs the folder. The temporary file is created new (`O_EXCL`, never through a link);
    /// leftovers of killed writers are removed.
    public static func write(_ data: Data, to url: URL) throws {
        let folder: CheckedFolder
        do {
            folder = try CheckedFolder.open(url.deletingLastPathComponent(), under: nil, create: true)
            removeLeftovers(of: url.lastPathComponent, in: folder)
            try folder.writeAtomically(Array(data), to: url.lastPathComponent, temporary: temporaryName(for: url.lastPathComponent))
        } catch {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: error.reason])
        }
    }

    /// `.<name>.<pid>.tmp`: hidden, so no folder listing takes it for a real file.
    static func temporaryName(for name: String) -> String {
        ".\(name).\(getpid()).tmp"
    }

    /// Removes `.<name>.<pid>.tmp` files whose process is gone (killed mid-write).
    static func removeLeftovers(of name: String, in folder: CheckedFolder) {
        let prefix = ".\(name)."
        for entry in folder.names() where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst(prefix.count).dropLast(4)
            guard let pid = Int32(middle) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { folder.remove(entry) }
        }
    }
}
