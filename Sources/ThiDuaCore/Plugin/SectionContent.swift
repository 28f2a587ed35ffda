import ThiDuaBase

/// What fills a report section a type supplies (source `type` or `tally`): paragraphs, then a
/// table, then notes. Plain data: the host prints it like every other section.
public struct SectionContent: Sendable, Hashable {
    /// Sentences printed before the table ("Tỷ lệ ký cam kết: 12/14 (85,7%).").
    public var paragraphs: [String]
    /// Column headings; no table when empty.
    public var columns: [String]
    public var rows: [[String]]
    /// Relative column widths, one per column, or nil to share the page evenly.
    public var widths: [Double]?
    /// Sentences printed in italics after the table (how a figure is counted).
    public var notes: [String]

    public init(paragraphs: [String] = [], columns: [String] = [], rows: [[String]] = [], widths: [Double]? = nil, notes: [String] = []) {
        self.paragraphs = paragraphs
        self.columns = columns
        self.rows = rows
        self.widths = widths
        self.notes = notes
    }

    /// Whether there is nothing to print.
    public var isEmpty: Bool { paragraphs.isEmpty && rows.isEmpty && notes.isEmpty }
}
