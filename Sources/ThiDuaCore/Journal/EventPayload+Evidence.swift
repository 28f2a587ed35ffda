import ThiDuaBase

extension EventKind {
    /// An evidence file (minh chứng) attached to a unit's record in the campaign.
    public static let evidence: EventKind = "evidence"
}

/// `evidence`: a file attached to a unit's record, optionally to one of its forms or indicators.
///
/// The bytes live in `data/minh-chung/<sha256>.<ext>` (`EvidenceStore`); the journal holds the
/// hash, the kind found from the content and the name the sender gave, cleaned for display only.
public struct EvidencePayload: EventPayload {
    public static let kind = EventKind.evidence
    /// The unit whose record it supports.
    public var unit: String
    /// The form it belongs to, if any.
    public var form: String?
    /// The indicator it belongs to, if any.
    public var indicator: String?
    /// SHA-256 of the bytes, lowercase hex: the stored file's name.
    public var sha256: String
    public var size: Int
    /// `EvidenceKind.rawValue`, found from the content (never from the name).
    public var fileKind: String
    /// The sender's file name, cleaned (`EvidenceRecord.displayName`); never used as a path.
    public var name: String
    /// What the file shows, in the sender's words.
    public var note: String?

    public init(
        unit: String, form: String?, indicator: String?, sha256: String, size: Int, fileKind: String, name: String, note: String?
    ) {
        self.unit = unit
        self.form = form
        self.indicator = indicator
        self.sha256 = sha256
        self.size = size
        self.fileKind = fileKind
        self.name = name
        self.note = note
    }
}

extension EventKind {
    /// An evidence file withdrawn (a mistake): no longer listed or offered; the bytes stay.
    public static let evidenceWithdrawn: EventKind = "evidence-withdrawn"
}

/// `evidence-withdrawn`: the `evidence` line a file was recorded on, and why it is withdrawn.
/// The journal stays append-only and the stored file stays on disk; the fold stops listing it.
public struct EvidenceWithdrawalPayload: EventPayload {
    public static let kind = EventKind.evidenceWithdrawn
    /// The journal line of the `evidence` event withdrawn.
    public var evidence: Int
    public var reason: String

    public init(evidence: Int, reason: String) {
        self.evidence = evidence
        self.reason = reason
    }
}
