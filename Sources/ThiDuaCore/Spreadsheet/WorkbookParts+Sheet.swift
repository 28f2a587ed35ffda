import Foundation
import ThiDuaBase

extension WorkbookParts {
    /// The sheet as a table, or nil with no error when the sheet has no cell with a value. The
    /// header is the first of the first ten rows that `isHeader` accepts (title lines above it,
    /// "DANH SÁCH ĐƠN VỊ", are left out), else the first row with a value.
    func table(
        _ sheet: Sheet, file: String, isHeader: ([String]) -> Bool = { _ in true }
    ) throws(SpreadsheetProblem) -> (
        SheetTable?, [Diagnostic]
    ) {
        let root = try Self.xml(archive, sheet.part)
        var diagnostics: [Diagnostic] = []
        let quoted = SheetTable(name: sheet.name, header: [], columns: [], headerRow: 0, rows: []).quotedName
        var grid: [(row: Int, cells: [Int: SheetCell])] = []
        var nextRow = 1
        for rowNode in root.child("sheetData")?.children("row") ?? [] {
            var rowNumber = nextRow
            if let r = rowNode.attributes["r"] {
                guard let number = Int(r), (1...CellReference.maxRow).contains(number) else {
                    throw SpreadsheetProblem("số dòng «\(r)» không hợp lệ", part: "trang «\(sheet.name)»")
                }
                rowNumber = number
            }
            nextRow = rowNumber + 1
            var cells: [Int: SheetCell] = [:]
            var nextColumn = 0
            for cellNode in rowNode.children("c") {
                var column = nextColumn
                if let r = cellNode.attributes["r"] {
                    guard let reference = CellReference(r), reference.row == rowNumber else {
                        throw SpreadsheetProblem("ô «\(r)» không hợp lệ ở dòng \(rowNumber)", part: "trang «\(sheet.name)»")
                    }
                    column = reference.column
                }
                guard column <= CellReference.maxColumn else {
                    throw SpreadsheetProblem("dòng \(rowNumber) có ô vượt cột XFD", part: "trang «\(sheet.name)»")
                }
                nextColumn = column + 1
                let place = "\(quoted)!\(CellReference.letters(column))\(rowNumber)"
                switch cellValue(cellNode) {
                case .success(let value):
                    if value != .empty { cells[column] = value }
                case .failure(let problem):
                    diagnostics.append(
                        Diagnostic(.error, file: file, path: place, line: rowNumber, message: problem.message, hint: problem.hint))
                }
            }
            if !cells.isEmpty { grid.append((rowNumber, cells)) }
        }
        grid.sort { $0.row < $1.row }
        let headerIndex = grid.prefix(10).firstIndex { row in isHeader(row.cells.keys.sorted().map { row.cells[$0]?.text ?? "" }) } ?? 0
        grid.removeFirst(min(headerIndex, grid.count))
        guard let first = grid.first else { return (nil, diagnostics) }
        let sheetName = sheet.name
        let headerColumns = first.cells.keys.sorted()
        let span = headerColumns[0]...headerColumns[headerColumns.count - 1]
        var header: [String] = []
        for column in span {
            let cell = first.cells[column] ?? .empty
            let name = cell.text
            if name.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, path: "\(quoted)!\(CellReference.letters(column))\(first.row)", line: first.row,
                        message: "cột \(CellReference.letters(column)) của dòng tiêu đề không có tên",
                        hint: "đặt tên cho cột đó, hoặc xóa cột nếu không dùng"))
            }
            header.append(name)
        }
        var rows: [SheetRow] = []
        for (rowNumber, cells) in grid.dropFirst() {
            let outside = cells.keys.filter { !span.contains($0) }.sorted()
            if let column = outside.first {
                let reference = "\(quoted)!\(CellReference.letters(column))\(rowNumber)"
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, path: reference, line: rowNumber,
                        message:
                            "ô \(reference) có giá trị «\(cells[column]?.text ?? "")» nhưng cột \(CellReference.letters(column)) không có tên ở dòng tiêu đề (dòng \(first.row))",
                        hint: "xóa ô thừa, hoặc đặt tên cột ở dòng tiêu đề"))
                continue
            }
            rows.append(SheetRow(row: rowNumber, cells: span.map { cells[$0] ?? .empty }))
        }
        let table = SheetTable(name: sheetName, header: header, columns: Array(span), headerRow: first.row, rows: rows)
        return (table, diagnostics)
    }

    /// One `<c>` element's value by its type attribute `t` and style `s`.
    func cellValue(_ node: XMLNode) -> Result<SheetCell, ValueProblem> {
        let raw = node.child("v")?.text
        switch node.attributes["t"] ?? "n" {
        case "s":
            guard let raw, let index = Int(raw.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                return .failure(ValueProblem(message: "ô trỏ tới chuỗi dùng chung số «\(raw ?? "")» không tồn tại", hint: nil))
            }
            return .success(Self.clean(sharedStrings[index]))
        case "inlineStr":
            return .success(Self.clean(node.child("is").map(Self.richText) ?? ""))
        case "str":
            return .success(Self.clean(raw ?? ""))
        case "b":
            return .success(raw.map { .bool($0 == "1" || $0 == "true") } ?? .empty)
        case "e":
            return .failure(
                ValueProblem(
                    message: "ô có lỗi công thức «\(raw ?? "")»", hint: "sửa công thức trong bảng tính, hoặc nhập thẳng giá trị"))
        case "d":
            let text = raw ?? ""
            guard let date = CivilDate(parsing: String(text.prefix(10))) else {
                return .failure(ValueProblem(message: "ô ngày «\(text)» không đọc được", hint: nil))
            }
            return .success(.date(date))
        default:
            guard let raw else { return .success(.empty) }
            guard let value = Double(raw.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                return .failure(ValueProblem(message: "ô số có giá trị «\(raw)» không phải là số", hint: nil))
            }
            let style = node.attributes["s"].flatMap { Int($0) } ?? 0
            switch styles.indices.contains(style) ? styles[style] : .plain {
            case .plain: return .success(.number(value, percent: false))
            case .percent: return .success(.number(value, percent: true))
            case .date: return date(serial: value).map(SheetCell.date)
            }
        }
    }

    /// The day of a date serial: 1900 system (with Excel's phantom 29/02/1900 at 60) or 1904.
    /// The time of day is dropped.
    func date(serial: Double) -> Result<CivilDate, ValueProblem> {
        // Checked as a Double first: Int(1e300) would trap.
        guard serial >= (date1904 ? 0 : 1), serial < 2_958_466 else {
            return .failure(ValueProblem(message: "ô ngày có số ngày \(SheetCell.plain(serial)) ngoài khoảng cho phép", hint: "nhập ngày dạng dd/mm/yyyy"))
        }
        let days = Int(serial.rounded(.down))
        if date1904 {
            return .success(Self.civil(daysSince1970: days - 24_107))
        }
        if days == 60 {
            return .failure(ValueProblem(message: "ô ngày là 29/02/1900, ngày không có thật", hint: "nhập lại ngày cho đúng"))
        }
        // Serial 61 is 01/03/1900; below 60 Excel counts from 31/12/1899 without the phantom day.
        return .success(Self.civil(daysSince1970: (days < 60 ? days + 1 : days) - 25_569))
    }

    /// The proleptic Gregorian day `days` after 01/01/1970, by eras of 400 years (the
    /// well-known "civil from days" arithmetic), so a sheet of dates costs no month loops.
    static func civil(daysSince1970 days: Int) -> CivilDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CivilDate(year: year, month: month, day: day) ?? CivilDate(year: 1970, month: 1, day: 1)!
    }

    /// Text cells are trimmed and NFC, as the CSV path reads them; blank text is empty.
    static func clean(_ text: String) -> SheetCell {
        // Most cells have nothing to trim: Foundation's trimming is only paid for when needed.
        let padded = text.unicodeScalars.first.map(\.properties.isWhitespace) == true || text.unicodeScalars.last.map(\.properties.isWhitespace) == true
        let trimmed = VietnameseText.nfc(padded ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text)
        return trimmed.isEmpty ? .empty : .text(trimmed)
    }
}
