import Foundation

/// The status digests one process remembers (part of `OfficeMemory`), each with the journal
/// position it reflects. Like a remembered state, one is used only after the journal is seen to
/// still hold that line (`JournalStore.read(after:)`).
final class StatusDigestMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var digests: [String: (digest: StatusDigest, position: JournalPosition)] = [:]

    func digest(of campaign: String) -> (digest: StatusDigest, position: JournalPosition)? {
        lock.lock()
        defer { lock.unlock() }
        return digests[campaign]
    }

    /// Keeps a digest folded from a journal whose chain held up to `position`.
    func remember(_ campaign: String, digest: StatusDigest, at position: JournalPosition) {
        guard digest.invalid == nil, digest.lastSeq == position.seq else { return }
        lock.lock()
        defer { lock.unlock() }
        digests[campaign] = (digest, position)
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        digests = [:]
    }
}
