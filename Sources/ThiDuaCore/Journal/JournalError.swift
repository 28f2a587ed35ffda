import ThiDuaBase

/// Why a journal could not be read or written. Messages are Vietnamese, for the official.
public struct JournalError: Error, Equatable, Sendable {
    public var file: String
    public var message: String
    /// What kind of failure it is, so a caller can react (retry on `.stale`) without reading the message.
    public var kind: Kind

    /// The kinds of journal failure.
    public enum Kind: Sendable, Equatable {
        /// The journal gained events since the caller read it (`expectingLastSeq` did not match):
        /// nothing was written; read again, check again, and retry.
        case stale
        /// Another process held the journal's lock for the whole bounded wait.
        case busy
        /// The file is damaged or was changed after it was written (its tail does not match
        /// `.head`, a line does not parse): nothing is written until the user restores it.
        case damaged
        /// A path of the workspace was refused (a symbolic link, a FIFO, outside the workspace).
        case unsafePath
        /// The system refused a read or a write (a full disk, no permission…).
        case io
        /// Anything else.
        case other
    }

    public init(file: String, message: String, kind: Kind = .other) {
        self.file = file
        self.message = message
        self.kind = kind
    }

    /// The one-line form: `data/x.journal.jsonl: …`.
    public var rendered: String { "\(file): \(message)" }
}

/// A torn last line found after a crash: the bytes after the last newline, moved aside.
public struct TornTail: Equatable, Sendable {
    /// How many bytes were moved.
    public var bytes: Int
    /// Where they were saved (`<journal>.torn`).
    public var savedTo: String
}

/// The outcome of walking a journal's chain.
public struct VerifyReport: Equatable, Sendable {
    public var file: String
    /// Complete lines read.
    public var lines: Int
    /// The first line that fails (1-based) and why; nil when the chain holds.
    public var failure: (line: Int, reason: String)?
    /// Bytes after the last newline (a write cut short), not yet set aside.
    public var tornBytes: Int

    public var isValid: Bool { failure == nil }

    public static func == (a: VerifyReport, b: VerifyReport) -> Bool {
        a.file == b.file && a.lines == b.lines && a.failure?.line == b.failure?.line && a.failure?.reason == b.failure?.reason
            && a.tornBytes == b.tornBytes
    }
}
