import Foundation
import ThiDuaBase

/// The value of one spreadsheet cell, typed as the file stores it.
public enum SheetCell: Sendable, Equatable {
    case empty
    case text(String)
    /// A number; `percent` when its number format shows it with "%" (0.994 shown as 99,4%).
    case number(Double, percent: Bool)
    /// A number whose number format is a date (1900 or 1904 date system resolved).
    case date(CivilDate)
    case bool(Bool)

    /// The cell as the CSV path would have read it: text as is, dates dd/mm/yyyy, whole
    /// numbers without grouping, fractions with a decimal comma, percentages with "%".
    public var text: String {
        switch self {
        case .empty: return ""
        case .text(let text): return text
        case .date(let date): return date.vietnamese
        case .bool(let value): return value ? "có" : "không"
        case .number(let value, let percent):
            return percent ? Self.plain(value * 100).replacingOccurrences(of: ".", with: ",") + "%" : Self.plain(value)
        }
    }

    /// A number as plain digits: "1250", "0.25" (at most 10 decimals, no exponent).
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.10f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// One data row of a sheet: its row number and one cell per header column.
public struct SheetRow: Sendable, Equatable {
    /// The 1-based row number shown in the spreadsheet.
    public var row: Int
    /// One cell per column of the header, in header order.
    public var cells: [SheetCell]
}

/// One sheet of a workbook, read as a table: the first non-empty row is the header, the rows
/// under it the records; empty rows are left out.
///
/// Its `csvTable` feeds the CSV checks (rows numbered as in the sheet); `locate(_:)` turns their
/// "dòng 5, cột «Tỷ lệ»" into "Sheet1!C5 (dòng 5, cột «Tỷ lệ»)".
public struct SheetTable: Sendable, Equatable {
    /// The sheet's name as shown on its tab.
    public var name: String
    /// Header texts, trimmed and NFC, in column order.
    public var header: [String]
    /// 0-based sheet column of each header entry (the header may start at column B).
    public var columns: [Int]
    /// The header's row number.
    public var headerRow: Int
    /// The records.
    public var rows: [SheetRow]

    /// A table.
    public init(name: String, header: [String], columns: [Int], headerRow: Int, rows: [SheetRow]) {
        self.name = name
        self.header = header
        self.columns = columns
        self.headerRow = headerRow
        self.rows = rows
    }

    /// The table as text cells, rows numbered as in the sheet.
    public var csvTable: CSVTable {
        CSVTable(
            header: header, rows: rows.map { CSVRow(line: $0.row, fields: $0.cells.map(\.text)) }, headerLine: headerRow)
    }

    /// "Sheet1!C5" for a row and the header column `label` (nil when no column has that name);
    /// `columns` maps a label to its header index when the header names it otherwise (a field id).
    public func reference(row: Int, label: String, columns labels: [String: Int] = [:]) -> String? {
        guard let index = labels[label] ?? header.firstIndex(where: { VietnameseText.sameName($0, label) }), columns.indices.contains(index)
        else { return nil }
        return "\(quotedName)!\(CellReference.letters(columns[index]))\(row)"
    }

    /// The sheet name as a reference prefix: quoted when it holds anything but letters and digits.
    public var quotedName: String {
        name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) ? name : "'\(name.replacingOccurrences(of: "'", with: "''"))'"
    }

    /// The diagnostics with their CSV places ("dòng 5, cột «Tỷ lệ»", "dòng 5") given the sheet's
    /// cell or row: "Sheet1!C5 (dòng 5, cột «Tỷ lệ»)", "Sheet1, dòng 5".
    public func locate(_ diagnostics: [Diagnostic], columns labels: [String: Int] = [:]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var copy = diagnostic
            guard let path = diagnostic.path, path.hasPrefix("dòng ") else {
                if copy.path == nil, copy.line != nil { copy.path = "trang «\(name)»" }
                return copy
            }
            let rest = path.dropFirst("dòng ".count)
            let digits = rest.prefix(while: \.isNumber)
            guard let row = Int(digits) else { return copy }
            let after = rest.dropFirst(digits.count)
            if after.hasPrefix(", cột «"), after.hasSuffix("»") {
                let label = String(after.dropFirst(", cột «".count).dropLast())
                if let reference = reference(row: row, label: label, columns: labels) {
                    copy.path = "\(reference) (\(path))"
                    return copy
                }
            }
            copy.path = "trang «\(name)», \(path)"
            return copy
        }
    }
}
