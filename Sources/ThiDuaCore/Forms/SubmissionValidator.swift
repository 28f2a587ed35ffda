import Foundation
import ThiDuaBase

/// Checks filled forms (CSV or JSON) against their `FormSpec` and the roster.
///
/// Every cell of every row is checked and every problem reported at once, each naming the
/// file, the line, the column and the value. When anything is an error no row is returned:
/// the caller records nothing.
public enum SubmissionValidator {
    /// The form's own problems, the header matched to the fields, and the row count: the checks
    /// a CSV table and a sheet share before their rows are read.
    static func header(_ table: CSVTable, form: FormSpec, file: String) -> (columns: [String: Int], diagnostics: [Diagnostic]) {
        var diagnostics = formProblems(form, file: file)
        let specs = form.fields.map {
            CSVColumnSpec(key: $0.id, label: $0.label, aliases: [$0.id], required: $0.required)
        }
        let (columns, headerProblems) = CSVColumns.match(table, specs, file: file)
        diagnostics += headerProblems
        diagnostics += rowCount(form, places: table.rows.map { ("dòng \($0.line)", $0.line) }, file: file, headerLine: table.headerLine)
        return (columns, diagnostics)
    }

    /// Checks a CSV table. Columns may be the field ids or the field labels (as printed on
    /// the blank CSV form), in any order. Every field must have a column, except optional
    /// ones; unknown columns are errors. A non-repeated form must have exactly one row.
    public static func validate(table: CSVTable, form: FormSpec, roster: Roster, file: String) -> ([SubmissionRow], [Diagnostic]) {
        var (columns, diagnostics) = header(table, form: form, file: file)
        let parser = FieldParser(index: RosterIndex(roster), form: form)
        var rows: [SubmissionRow] = []
        rows.reserveCapacity(table.rows.count)
        for row in table.rows {
            var values: [String: FieldValue] = [:]
            for field in form.fields {
                guard let column = columns[field.id] else { continue }
                var cell = row[safe: column]
                // A cell written by CSVWriter.neutralise reads back as what it was.
                if CSVWriter.isNeutralised(cell) { cell.removeFirst() }
                let place = Place(jsonPath: nil, line: row.line, column: nil, label: field.label)
                check(.text(cell), field, parser, place, file: file, values: &values, diagnostics: &diagnostics)
            }
            rows.append(SubmissionRow(line: row.line, values: values))
            checkProposal(values, form: form, roster: roster, file: file, line: row.line, path: "dòng \(row.line)", diagnostics: &diagnostics)
        }
        return finish(rows, diagnostics)
    }

    /// A form that attests a check for a person (a unit's proposal) names only people of the
    /// row's unit: a unit proposes its own staff.
    static func checkProposal(
        _ values: [String: FieldValue], form: FormSpec, roster: Roster, file: String, line: Int?, path: String,
        diagnostics: inout [Diagnostic]
    ) {
        guard form.attests != nil else { return }
        var unit: String?
        var person: String?
        for field in form.fields {
            switch values[field.id] {
            case .unit(let id)? where unit == nil: unit = id
            case .person(let id)? where person == nil: person = id
            default: break
            }
        }
        guard let unit, let person, let who = roster.people.first(where: { $0.id == person }), who.unit != unit else { return }
        let unitName = roster.units.first { $0.id == unit }?.name ?? unit
        let ownName = roster.units.first { $0.id == who.unit }?.name ?? who.unit
        diagnostics.append(
            Diagnostic(
                .error, file: file, path: path, line: line,
                message: "«\(who.name)» thuộc «\(ownName)», không thuộc «\(unitName)»: đơn vị chỉ xét chọn, đề xuất người của đơn vị mình",
                hint: "ghi đúng đơn vị của người được đề xuất, hoặc để đơn vị «\(ownName)» đề xuất"))
    }

    /// Reads and checks CSV bytes in one step.
    public static func validate(csv bytes: [UInt8], form: FormSpec, roster: Roster, file: String) -> ([SubmissionRow], [Diagnostic]) {
        let (table, diagnostics) = CSVReader.read(bytes, file: file)
        guard let table else { return ([], diagnostics) }
        let (rows, more) = validate(table: table, form: form, roster: roster, file: file)
        return finish(rows, diagnostics + more)
    }

    /// The header row of the blank CSV form: the field labels, in order.
    public static func blankHeader(_ form: FormSpec) -> [String] {
        form.fields.map(\.label)
    }

    /// The blank CSV form: BOM, the header row, nothing else.
    public static func blankCSV(_ form: FormSpec) -> String {
        CSVWriter.write(header: blankHeader(form), rows: [])
    }

    /// Where a cell stands, for its diagnostics. The CSV path is built only when needed.
    struct Place {
        var jsonPath: String?
        var line: Int?
        var column: Int?
        /// The field label, for a CSV path "dòng 12, cột «Tỷ lệ»".
        var label: String?

        var path: String? {
            if let jsonPath { return jsonPath }
            guard let line, let label else { return nil }
            return "dòng \(line), cột «\(label)»"
        }
    }

    /// Checks one cell and stores its value, or reports why it is wrong.
    static func check(
        _ input: CellInput, _ field: FieldSpec, _ parser: FieldParser, _ place: Place, file: String,
        values: inout [String: FieldValue], diagnostics: inout [Diagnostic]
    ) {
        if input.isEmpty {
            guard field.required else { return }
            diagnostics.append(
                Diagnostic(
                    .error, file: file, path: place.path, line: place.line, column: place.column,
                    message: "«\(field.label)» là bắt buộc nhưng đang để trống", hint: "điền \(expectation(field))"))
            return
        }
        switch parser.parse(input, as: field) {
        case .success(let value):
            values[field.id] = value
        case .failure(let problem):
            diagnostics.append(
                Diagnostic(
                    .error, file: file, path: place.path, line: place.line, column: place.column, message: problem.message,
                    hint: problem.hint))
        }
    }

    /// What a field takes, in words: "một ngày dạng dd/mm/yyyy".
    static func expectation(_ field: FieldSpec) -> String {
        switch field.kind {
        case .text, .longText: return "nội dung cho «\(field.label)»"
        case .integer: return "một số nguyên"
        case .number: return "một số"
        case .percent: return "một tỷ lệ từ 0 đến 100"
        case .date: return "một ngày dạng dd/mm/yyyy"
        case .yesNo: return "Có hoặc Không"
        case .choice: return "một trong: \(VietnameseText.quotedList(field.choices ?? [], limit: 20))"
        case .unit: return "tên hoặc mã của một đơn vị trong danh bạ"
        case .person: return "tên hoặc mã của một người trong danh bạ"
        }
    }

    /// Errors in the form itself: a choice field without choices, a field id used twice.
    static func formProblems(_ form: FormSpec, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: Set<String> = []
        for field in form.fields {
            if !seen.insert(field.id).inserted {
                out.append(
                    Diagnostic(
                        .error, file: file, path: "biểu mẫu «\(form.id)»",
                        message: "biểu mẫu «\(form.id)» có hai trường cùng mã «\(field.id)»",
                        hint: "sửa định nghĩa biểu mẫu trong loại phong trào"))
            }
            if field.kind == .choice && (field.choices ?? []).isEmpty {
                out.append(
                    Diagnostic(
                        .error, file: file, path: "biểu mẫu «\(form.id)»",
                        message: "trường «\(field.label)» của biểu mẫu «\(form.id)» là lựa chọn nhưng không có danh sách lựa chọn",
                        hint: "khai báo «choices» cho trường «\(field.id)» trong loại phong trào"))
            }
        }
        return out
    }

    /// A non-repeated form takes exactly one row; a repeated one with no rows is worth a warning.
    static func rowCount(_ form: FormSpec, places: [(path: String, line: Int)], file: String, headerLine: Int?) -> [Diagnostic] {
        if places.isEmpty {
            return [
                Diagnostic(
                    form.repeated ? .warning : .error, file: file, line: headerLine,
                    message: "«\(form.title)» không có dòng dữ liệu nào", hint: "điền ít nhất một dòng dưới dòng tiêu đề")
            ]
        }
        guard !form.repeated, places.count > 1 else { return [] }
        let extra = places.dropFirst()
        return [
            Diagnostic(
                .error, file: file, path: extra.first?.path, line: extra.first?.line,
                message:
                    "«\(form.title)» chỉ nhận một dòng, thấy \(places.count) dòng (thừa: \(extra.prefix(10).map(\.path).joined(separator: ", "))\(extra.count > 10 ? ", …" : ""))",
                hint: "mỗi đơn vị nộp một phiếu một dòng; tách thành nhiều tệp hoặc xóa các dòng thừa")
        ]
    }

    static func finish(_ rows: [SubmissionRow], _ diagnostics: [Diagnostic]) -> ([SubmissionRow], [Diagnostic]) {
        diagnostics.hasErrors ? ([], diagnostics) : (rows, diagnostics)
    }
}
