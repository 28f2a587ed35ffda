import ThiDuaBase

/// Where a state folded from a journal stands: its last line, that line's SHA-256, and where
/// the line lies in the file. Enough to check, reading only that line, that the journal still
/// holds what was folded, and to fold only what came after it.
public struct JournalPosition: Sendable, Equatable, Hashable {
    /// The last line folded (0: none).
    public var seq: Int
    /// SHA-256 (hex) of that line's bytes, or the genesis hash for seq 0.
    public var hash: String
    /// Byte offset where that line starts.
    public var lineStart: Int
    /// Byte offset just after its newline: where the next line starts.
    public var offset: Int

    public init(seq: Int, hash: String, lineStart: Int, offset: Int) {
        self.seq = seq
        self.hash = hash
        self.lineStart = lineStart
        self.offset = offset
    }

    /// Before the first line.
    public static let start = JournalPosition(seq: 0, hash: JournalEvent.genesis, lineStart: 0, offset: 0)
}
