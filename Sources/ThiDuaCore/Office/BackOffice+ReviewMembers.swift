import ThiDuaBase

extension ReviewSheets {
    /// The largest council members file read (a list of a few dozen names is a few kilobytes,
    /// as CSV or as an .xlsx workbook).
    public static let membersFileLimit = ByteLimit(bytes: 256 << 10, what: "danh sách thành viên Hội đồng")
}

extension BackOffice {
    /// The council members of a members file: CSV, or an .xlsx workbook read by the roster's
    /// spreadsheet reader (the first sheet whose header, among its first ten rows, names the
    /// «Họ và tên» column). A refusal names the file and each bad row and column (for a
    /// workbook the cell, e.g. "Sheet1!A3 (dòng 3, cột «Họ và tên»)"); nothing is recorded.
    public static func councilMembers(_ file: InputFile) throws(OfficeError) -> [CouncilMember] {
        let limit = ReviewSheets.membersFileLimit
        guard file.bytes.count <= limit.bytes else {
            throw OfficeError(
                .invalid,
                "Tệp \(file.name) có \(InputLimits.size(file.bytes.count)), vượt giới hạn \(InputLimits.size(limit.bytes)) của \(limit.what); hãy chọn đúng tệp danh sách thành viên. Không ghi gì."
            )
        }
        guard SpreadsheetReader.isSpreadsheet(path: file.name, bytes: file.bytes) else {
            let (table, columns) = try sheet(file, ReviewSheets.memberColumns)
            let (members, problems) = ReviewSheets.members(table, columns: columns, file: file.name)
            if problems.hasErrors { throw refusal(file, problems) }
            return members
        }
        let nameColumn = ReviewSheets.memberColumns[0]
        let (sheets, readProblems) = SpreadsheetReader.readAll(file.bytes, file: file.name) { row in row.contains { nameColumn.matches($0) } }
        if readProblems.hasErrors { throw refusal(file, readProblems) }
        guard let found = sheets.first(where: { $0.header.contains { nameColumn.matches($0) } }) else {
            throw refusal(
                file,
                [
                    Diagnostic(
                        .error, file: file.name, message: "bảng tính không có trang nào có cột «\(nameColumn.label)» trong mười dòng đầu",
                        hint: "dòng tiêu đề cần các cột \(ReviewSheets.memberColumns.map { "«\($0.label)»" }.joined(separator: ", "))")
                ])
        }
        let table = found.csvTable
        let (columns, columnProblems) = CSVColumns.match(table, ReviewSheets.memberColumns, file: file.name)
        if columnProblems.hasErrors { throw refusal(file, found.locate(columnProblems)) }
        let (members, problems) = ReviewSheets.members(table, columns: columns, file: file.name)
        if problems.hasErrors { throw refusal(file, found.locate(problems)) }
        return members
    }
}
