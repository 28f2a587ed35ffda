import ThiDuaBase

/// One evidence file attached to a unit's record, as the journal holds it.
public struct EvidenceRecord: Sendable, Equatable {
    /// The journal line that recorded it: the evidence's number in links.
    public var seq: Int
    public var date: CivilDate
    public var actor: String
    public var unit: String
    public var form: String?
    public var indicator: String?
    public var sha256: String
    public var size: Int
    public var kind: EvidenceKind
    /// The sender's file name, cleaned; display text only.
    public var name: String
    public var note: String?

    public init(seq: Int, date: CivilDate, actor: String, payload: EvidencePayload, kind: EvidenceKind) {
        self.seq = seq
        self.date = date
        self.actor = actor
        unit = payload.unit
        form = payload.form
        indicator = payload.indicator
        sha256 = payload.sha256
        size = payload.size
        self.kind = kind
        name = payload.name
        note = payload.note
    }

    /// The longest display name kept.
    public static let maximumNameLength = 120

    /// A sender's file name as display text: the last path component (either slash), control
    /// and bidirectional-override characters dropped, NFC, at most 120 characters; "tệp" when
    /// nothing is left. It names nothing on disk.
    public static func displayName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { scalar in
            let value = scalar.value
            if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) { return false }
            // Bidirectional controls can disguise an extension ("tệp‮fdp.exe").
            if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F { return false }
            return true
        }
        var text = VietnameseText.nfc(String(String.UnicodeScalarView(kept))).trimmingCharacters(in: .whitespaces)
        if text.count > maximumNameLength { text = String(text.prefix(maximumNameLength)) }
        return text.isEmpty || text == "." || text == ".." ? "tệp" : text
    }

    /// An ASCII file name for downloads: the display name's slug and the kind's extension,
    /// e.g. "bao-cao-quy-1.pdf"; "minh-chung-<seq>.<ext>" when the name has no letter.
    public var downloadName: String {
        var stem = name
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        let slug = VietnameseText.slug(stem)
        return (slug.isEmpty ? "minh-chung-\(seq)" : slug) + "." + kind.fileExtension
    }
}
