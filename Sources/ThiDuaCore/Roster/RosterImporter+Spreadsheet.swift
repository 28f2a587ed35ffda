import ThiDuaBase

extension RosterImporter {
    /// Units and people from .xlsx workbooks: every sheet with a "Họ và tên" column is a sheet
    /// of people, every other sheet with a "Tên đơn vị" column a sheet of units. The units of
    /// every workbook are read first, so people may belong to units of any of them (or of
    /// `earlier`, read from other files). Places in messages name the sheet and cell
    /// ("'Cá nhân'!C5 (dòng 5, cột «Đơn vị»)"). Empty sheets are skipped.
    public static func spreadsheets(
        _ files: [(file: String, bytes: [UInt8])], existing: Roster, units earlier: [Unit] = [],
        refused earlierRefused: [RefusedUnit] = [], kinds: UnitKindCatalogue = .standard
    ) -> (units: [Unit], people: [Person], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var books: [(file: String, sheets: [SheetTable])] = []
        for (file, bytes) in files {
            // The header is the row naming a unit or person column; title lines above it are skipped.
            let names = [unitColumns[1], personColumns[1]]
            let (sheets, readProblems) = SpreadsheetReader.readAll(bytes, file: file) { row in row.contains { cell in names.contains { $0.matches(cell) } } }
            diagnostics += readProblems
            if sheets.isEmpty && !readProblems.hasErrors {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, message: "bảng tính không có trang nào có dữ liệu",
                        hint: "trang đơn vị cần cột «Tên đơn vị», «Loại»; trang cá nhân cần cột «Họ và tên», «Chức vụ», «Đơn vị»"))
            }
            books.append((file, sheets))
        }
        let isPeople = { (sheet: SheetTable) in sheet.header.contains { personColumns[1].matches($0) } }
        var units: [Unit] = []
        var refused = earlierRefused
        for (file, sheets) in books {
            for sheet in sheets where !isPeople(sheet) {
                let known = Roster(units: existing.units + earlier + units, people: [])
                let check = RosterImporter.checkedUnits(table: sheet.csvTable, file: file, existing: known, kinds: kinds)
                diagnostics += sheet.locate(check.diagnostics)
                units += check.units
                refused += check.refused
            }
        }
        var people: [Person] = []
        for (file, sheets) in books {
            for sheet in sheets where isPeople(sheet) {
                let known = Roster(units: existing.units, people: existing.people + people)
                let (found, problems) = RosterImporter.people(table: sheet.csvTable, file: file, existing: known, units: earlier + units, refused: refused)
                diagnostics += sheet.locate(problems)
                people += found
            }
        }
        return diagnostics.hasErrors ? ([], [], diagnostics) : (units, people, diagnostics)
    }
}
