import Foundation
import ThiDuaBase

/// Reads .xlsx workbooks (SpreadsheetML, ECMA-376) as saved by Excel, LibreOffice Calc or
/// Google Sheets: sheets by name, shared strings (rich text runs joined), inline strings,
/// numbers, booleans, dates (1900 or 1904 date system, found by the cell's number format),
/// cached formula results and the `r` references of rows and cells.
///
/// Any problem gives no table and a Vietnamese diagnostic naming the file: nothing half read.
public enum SpreadsheetReader {
    /// Whether a file is to be read as .xlsx: its extension, or its ZIP signature.
    public static func isSpreadsheet(path: String, bytes: [UInt8]) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") || ZipArchive.looksLikeZip(bytes)
    }

    /// Every sheet of the workbook, in tab order. `isHeader` picks each sheet's header row among
    /// its first ten (see `table(_:file:isHeader:)`); by default the first row with a value.
    public static func readAll(
        _ bytes: [UInt8], file: String, limits: ZipLimits = .spreadsheet, isHeader: @escaping ([String]) -> Bool = { _ in true }
    ) -> ([SheetTable], [Diagnostic]) {
        do throws(SpreadsheetProblem) {
            let book = try WorkbookParts(bytes, limits: limits)
            var tables: [SheetTable] = []
            var diagnostics: [Diagnostic] = []
            for sheet in book.sheets {
                let (table, found) = try book.table(sheet, file: file, isHeader: isHeader)
                diagnostics += found
                if let table { tables.append(table) }
            }
            return diagnostics.hasErrors ? ([], diagnostics) : (tables, diagnostics)
        } catch {
            return ([], [error.diagnostic(file: file)])
        }
    }

    /// One sheet: the one named `sheet`, or the first. Sheets with nothing in them count only
    /// when named.
    public static func read(
        _ bytes: [UInt8], file: String, sheet: String? = nil, limits: ZipLimits = .spreadsheet,
        isHeader: @escaping ([String]) -> Bool = { _ in true }
    ) -> (SheetTable?, [Diagnostic]) {
        do throws(SpreadsheetProblem) {
            let book = try WorkbookParts(bytes, limits: limits)
            guard let chosen = sheet.map({ name in book.sheets.first { VietnameseText.sameName($0.name, name) } }) ?? book.sheets.first
            else {
                let names = book.sheets.map { "«\($0.name)»" }.joined(separator: ", ")
                return (nil, [Diagnostic(.error, file: file, message: "tệp không có trang «\(sheet ?? "")»; các trang: \(names)")])
            }
            let (table, found) = try book.table(chosen, file: file, isHeader: isHeader)
            if table == nil && !found.hasErrors {
                return (
                    nil,
                    found + [
                        Diagnostic(
                            .error, file: file, path: "trang «\(chosen.name)»", message: "trang tính trống",
                            hint: "dòng đầu tiên có chữ là dòng tiêu đề (tên các cột), các dòng dữ liệu ở bên dưới")
                    ]
                )
            }
            return found.hasErrors ? (nil, found) : (table, found)
        } catch {
            return (nil, [error.diagnostic(file: file)])
        }
    }
}

/// A reason the workbook as a whole cannot be read.
struct SpreadsheetProblem: Error {
    var message: String
    var hint: String?
    var part: String?

    init(_ message: String, hint: String? = nil, part: String? = nil) {
        self.message = message
        self.hint = hint
        self.part = part
    }

    func diagnostic(file: String) -> Diagnostic {
        Diagnostic(.error, file: file, path: part, message: message, hint: hint)
    }

    static func zip(_ error: ZipReadError) -> SpreadsheetProblem {
        SpreadsheetProblem(
            error.description,
            hint: error == .notZip
                ? "tệp .xlsx phải là bảng tính Excel thật; nếu là CSV, hãy đổi phần mở rộng thành .csv"
                : "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx")
    }
}
