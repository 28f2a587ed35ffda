import ThiDuaBase

extension SubmissionValidator {
    /// Checks the first sheet (or the sheet named `sheet`) of an .xlsx workbook. Number cells
    /// are taken as numbers (1250 stays 1250, never re-read as text), cells with a "%" format
    /// as percentages (0.994 → 99,4%), date cells as dates; places in messages name the cell
    /// ("Sheet1!C5 (dòng 5, cột «Tỷ lệ»)").
    public static func validate(
        xlsx bytes: [UInt8], form: FormSpec, roster: Roster, file: String, sheet name: String? = nil
    ) -> ([SubmissionRow], [Diagnostic]) {
        // The header is the first row naming every required field; title lines above it are skipped.
        let required = form.fields.filter(\.required).map { CSVColumnSpec(key: $0.id, label: $0.label, aliases: [$0.id], required: true) }
        let (sheet, readProblems) = SpreadsheetReader.read(bytes, file: file, sheet: name) { row in
            !required.isEmpty && required.allSatisfy { spec in row.contains { spec.matches($0) } }
        }
        guard let sheet else { return ([], readProblems) }
        let (rows, diagnostics) = validate(sheet: sheet, form: form, roster: roster, file: file)
        return finish(rows, readProblems + diagnostics)
    }

    /// Checks one sheet already read.
    public static func validate(sheet: SheetTable, form: FormSpec, roster: Roster, file: String) -> ([SubmissionRow], [Diagnostic]) {
        let table = sheet.csvTable
        var (columns, diagnostics) = header(table, form: form, file: file)
        let parser = FieldParser(index: RosterIndex(roster), form: form)
        var rows: [SubmissionRow] = []
        for row in sheet.rows {
            var values: [String: FieldValue] = [:]
            for field in form.fields {
                guard let column = columns[field.id], column < row.cells.count else { continue }
                let place = Place(jsonPath: nil, line: row.row, column: nil, label: field.label)
                check(input(row.cells[column]), field, parser, place, file: file, values: &values, diagnostics: &diagnostics)
            }
            rows.append(SubmissionRow(line: row.row, values: values))
            checkProposal(values, form: form, roster: roster, file: file, line: row.row, path: "dòng \(row.row)", diagnostics: &diagnostics)
        }
        // Messages name a column by its label; the sheet may head it with the field id.
        let labels = Dictionary(form.fields.compactMap { field in columns[field.id].map { (field.label, $0) } }, uniquingKeysWith: { first, _ in first })
        return finish(rows, sheet.locate(diagnostics, columns: labels))
    }

    /// A typed cell as the field checks take it: numbers as numbers (percent-formatted ones in
    /// percent), dates as dd/mm/yyyy.
    static func input(_ cell: SheetCell) -> CellInput {
        switch cell {
        case .empty: return .text("")
        case .text(let text): return .text(text)
        case .bool(let value): return .bool(value)
        case .date(let date): return .text(date.vietnamese)
        case .number(let value, let percent): return .number(SheetCell.plain(percent ? value * 100 : value))
        }
    }
}
