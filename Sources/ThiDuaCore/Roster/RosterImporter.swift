import Foundation
import ThiDuaBase

/// Imports the ward's units and people from CSV or JSON, checking everything at once.
///
/// Every error of the file is reported together, each naming the line and column. When
/// anything is an error the returned arrays are empty and the caller records nothing.
public enum RosterImporter {
    static let unitColumns = [
        RosterField.id.column(required: false, aliases: ["Mã đơn vị"]),
        RosterField.unitName.column(required: true, aliases: ["Tên"]),
        RosterField.kind.column(required: true, aliases: ["Loại đơn vị"]),
        RosterField.parent.column(required: false, aliases: ["Đơn vị cấp trên"]),
    ]

    static let personColumns = [
        RosterField.id.column(required: false, aliases: ["Mã cá nhân"]),
        RosterField.personName.column(required: true, aliases: ["Họ tên"]),
        RosterField.position.column(required: true, aliases: []),
        RosterField.unit.column(required: true, aliases: ["Tên đơn vị"]),
        RosterField.birthDate.column(required: false, aliases: []),
    ]

    /// Units CSV columns: "Mã" (optional; else the slug of the name), "Tên đơn vị"
    /// (required), "Loại" (required, read by `UnitKind.parse`), "Trực thuộc" (optional: id or
    /// name of another unit in the same file or in `existing`). Returns the new units only.
    public static func units(
        csv bytes: [UInt8], file: String, existing: Roster, kinds: UnitKindCatalogue = .standard
    ) -> ([Unit], [Diagnostic]) {
        let check = checkedUnits(csv: bytes, file: file, existing: existing, kinds: kinds)
        return finish(check.units, check.diagnostics)
    }

    /// The units of a CSV file, including those that passed their own checks in a file with
    /// errors, and the rows refused: people checked against them get the true reason.
    public static func checkedUnits(csv bytes: [UInt8], file: String, existing: Roster, kinds: UnitKindCatalogue) -> UnitCheck {
        let (table, readProblems) = CSVReader.read(bytes, file: file)
        guard let table else { return UnitCheck(units: [], refused: [], diagnostics: readProblems) }
        var check = checkedUnits(table: table, file: file, existing: existing, kinds: kinds)
        check.diagnostics = readProblems + check.diagnostics
        return check
    }

    /// The units of a table already read (a CSV file or a spreadsheet's sheet).
    public static func units(
        table: CSVTable, file: String, existing: Roster, kinds: UnitKindCatalogue = .standard
    ) -> ([Unit], [Diagnostic]) {
        let check = checkedUnits(table: table, file: file, existing: existing, kinds: kinds)
        return finish(check.units, check.diagnostics)
    }

    /// See `checkedUnits(csv:file:existing:kinds:)`.
    static func checkedUnits(table: CSVTable, file: String, existing: Roster, kinds: UnitKindCatalogue) -> UnitCheck {
        let (columns, diagnostics) = match(table, file: file, columns: unitColumns + kinds.figures.map(\.column))
        guard let columns else { return UnitCheck(units: [], refused: [], diagnostics: diagnostics) }
        let raws = table.rows.map { row in
            var raw = RawUnit(
                place: RecordPlace(line: row.line), id: cell(row, columns, .id), name: cell(row, columns, .unitName),
                kind: cell(row, columns, .kind), parent: cell(row, columns, .parent))
            for figure in kinds.figures {
                guard let index = columns["figure:\(figure.id)"] else { continue }
                let text = row[safe: index].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { raw.figures.append((figure.id, text, table.header.indices.contains(index) ? table.header[index] : figure.label)) }
            }
            return raw
        }
        let (units, refused, problems) = checkUnits(raws, file: file, existing: existing, kinds: kinds)
        return UnitCheck(units: units, refused: refused, diagnostics: diagnostics + problems)
    }

    /// People CSV columns: "Mã" (optional; else the slug of the name and the unit id, made
    /// unique with -2, -3…), "Họ và tên", "Chức vụ", "Đơn vị" (required: id or name of a unit
    /// in `existing` or in `units`), "Ngày sinh" (optional, dd/mm/yyyy). Returns the new people only.
    public static func people(
        csv bytes: [UInt8], file: String, existing: Roster, units: [Unit], refused: [RefusedUnit] = []
    ) -> ([Person], [Diagnostic]) {
        let (table, readProblems) = CSVReader.read(bytes, file: file)
        guard let table else { return ([], readProblems) }
        let (people, diagnostics) = people(table: table, file: file, existing: existing, units: units, refused: refused)
        return finish(people, readProblems + diagnostics)
    }

    /// The people of a table already read (a CSV file or a spreadsheet's sheet).
    public static func people(
        table: CSVTable, file: String, existing: Roster, units: [Unit], refused: [RefusedUnit] = []
    ) -> ([Person], [Diagnostic]) {
        let (columns, diagnostics) = match(table, file: file, columns: personColumns)
        guard let columns else { return ([], diagnostics) }
        let raws = table.rows.map { row in
            RawPerson(
                place: RecordPlace(line: row.line), id: cell(row, columns, .id), name: cell(row, columns, .personName),
                position: cell(row, columns, .position), unit: cell(row, columns, .unit),
                birthDate: cell(row, columns, .birthDate))
        }
        let (people, problems) = checkPeople(raws, file: file, existing: existing, units: units, refused: refused)
        return finish(people, diagnostics + problems)
    }

    /// Matches the table's header. The columns are nil when the rows cannot be checked: a
    /// required column is missing.
    private static func match(_ table: CSVTable, file: String, columns specs: [CSVColumnSpec]) -> ([String: Int]?, [Diagnostic]) {
        var (columns, diagnostics) = CSVColumns.match(table, specs, file: file)
        guard specs.allSatisfy({ !$0.required || columns[$0.key] != nil }) else { return (nil, diagnostics) }
        if table.rows.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, file: file, line: table.headerLine, message: "tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào",
                    hint: "điền mỗi đơn vị hoặc cá nhân trên một dòng dưới dòng tiêu đề"))
        }
        return (columns, diagnostics)
    }

    private static func cell(_ row: CSVRow, _ columns: [String: Int], _ field: RosterField) -> String {
        columns[field.key].map { row[safe: $0] } ?? ""
    }

    /// Findings in file order (stable for one line), as the user reads the file.
    static func byLine(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
    }

    /// Why a name (of a unit, a person, a position) cannot be used: a control character or a
    /// line break, which would reach the terminal and the documents, or a length over
    /// `InputLimits.nameCharacters`. The message says what was found and the limit.
    static func nameProblem(_ name: String, what: String) -> (message: String, hint: String)? {
        var length = 0
        for (offset, scalar) in name.unicodeScalars.enumerated() {
            length += 1
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                let kind = v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 ? "dấu xuống dòng" : "ký tự điều khiển"
                return (
                    "\(what) chứa \(kind) \(CSVReader.describe(scalar)) ở ký tự thứ \(offset + 1); tên không được chứa ký tự điều khiển hay xuống dòng",
                    "ghi tên trên một dòng, chỉ gồm chữ, số, dấu câu và khoảng trắng"
                )
            }
        }
        if length > InputLimits.nameCharacters {
            return (
                "\(what) dài \(Numbers.grouped(length)) ký tự, vượt giới hạn \(InputLimits.nameCharacters) ký tự",
                "rút gọn \(what); kiểm tra xem có dán nhầm cả đoạn văn vào ô không"
            )
        }
        return nil
    }

    static func finish<T>(_ items: [T], _ diagnostics: [Diagnostic]) -> ([T], [Diagnostic]) {
        diagnostics.hasErrors ? ([], diagnostics) : (items, diagnostics)
    }
}
