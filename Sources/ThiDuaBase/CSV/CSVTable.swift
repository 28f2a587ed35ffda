import Foundation

/// One record of a CSV file, with the physical line it starts on.
public struct CSVRow: Sendable, Equatable {
    /// 1-based physical line where the record starts (a quoted field may span several lines).
    public var line: Int
    /// The cells, trimmed and in NFC; exactly as many as the header when read by `CSVReader`.
    public var fields: [String]

    /// A row starting on physical line `line`.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// The cell at `index`, or "" when the row is shorter (never traps).
    public subscript(safe index: Int) -> String {
        fields.indices.contains(index) ? fields[index] : ""
    }
}

/// A CSV file read into a header and rows.
///
/// Every cell is trimmed and in Unicode NFC, so names typed on different machines compare equal.
public struct CSVTable: Sendable, Equatable {
    /// The column names of the first non-blank line.
    public var header: [String]
    /// The data records, blank lines left out.
    public var rows: [CSVRow]
    /// The physical line of the header (1 unless blank lines precede it).
    public var headerLine: Int

    /// A table; `headerLine` is the physical line of the header.
    public init(header: [String], rows: [CSVRow], headerLine: Int = 1) {
        self.header = header
        self.rows = rows
        self.headerLine = headerLine
    }

    /// The index of the column named `name`: an exact match after trimming and NFC
    /// (case- and diacritic-sensitive), or nil.
    public func column(_ name: String) -> Int? {
        let wanted = VietnameseText.nfc(name.trimmingCharacters(in: .whitespacesAndNewlines))
        return header.firstIndex { VietnameseText.nfc($0.trimmingCharacters(in: .whitespacesAndNewlines)) == wanted }
    }
}
