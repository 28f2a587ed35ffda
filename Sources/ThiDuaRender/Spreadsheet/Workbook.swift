import ThiDuaCore

/// One cell of a workbook to write. Numbers and dates are real cells (sortable and summable in
/// Excel), text is always text: "=1+1" typed by a user is never a formula.
public enum WorkbookCell: Sendable, Equatable {
    case empty
    case text(String)
    /// A whole number, shown with thousands groups (amounts, counts).
    case integer(Int)
    /// A whole number shown as typed, without groups (a year: 2026, never 2.026).
    case whole(Int)
    /// A number with decimals, shown as stored.
    case number(Double)
    /// A percentage given in percent (99.4 means 99,4%), stored as 0.994 with a "%" format.
    case percent(Double)
    /// A day, stored as a date serial with the format dd/mm/yyyy.
    case date(CivilDate)

    /// Text, or empty when `text` is nil.
    public static func optional(_ text: String?) -> WorkbookCell { text.map(WorkbookCell.text) ?? .empty }
}

/// One sheet: a name for its tab, a bold header row, rows of cells.
public struct Worksheet: Sendable, Equatable {
    /// The tab name; `SpreadsheetWriter` makes it valid (≤ 31 characters, none of `[]:*?/\`, unique).
    public var name: String
    /// The header row, written bold and frozen at the top.
    public var header: [String]
    /// The records.
    public var rows: [[WorkbookCell]]
    /// Column widths in characters; nil to size each column from its content.
    public var widths: [Double]?

    /// A sheet.
    public init(name: String, header: [String], rows: [[WorkbookCell]], widths: [Double]? = nil) {
        self.name = name
        self.header = header
        self.rows = rows
        self.widths = widths
    }
}

/// The sheets of one .xlsx file, in tab order.
public struct Workbook: Sendable, Equatable {
    /// The sheets, in tab order.
    public var sheets: [Worksheet]

    /// A workbook of `sheets`.
    public init(sheets: [Worksheet]) {
        self.sheets = sheets
    }
}
