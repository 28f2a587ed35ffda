import Foundation
import ThiDuaBase

extension SubmissionValidator {
    /// Checks a JSON submission: an array of objects keyed by field id (a field label is also
    /// accepted), or one object for a non-repeated form. Values may be strings, numbers or
    /// booleans; null is an empty cell. Paths read "[3].ty-le" (rows counted from 0).
    public static func validate(json bytes: [UInt8], form: FormSpec, roster: Roster, file: String) -> ([SubmissionRow], [Diagnostic]) {
        if let problem = CSVReader.encodingProblem(bytes, file: file) { return ([], [problem]) }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return ([], [DecodingDiagnostics.diagnostic(for: error).inFile(file)])
        }
        var diagnostics = formProblems(form, file: file)
        var items: [(node: JSONNode, prefix: String)]
        switch root.kind {
        case .array(let nodes): items = nodes.enumerated().map { ($0.element, "[\($0.offset)]") }
        case .object: items = [(root, "")]
        default:
            diagnostics.append(
                Diagnostic(
                    .error, file: file, line: root.line, column: root.column,
                    message: "tệp phiếu phải là một mảng các đối tượng [ {…}, … ], thấy \(root.foundDescription)",
                    hint: "mỗi dòng của phiếu là một đối tượng có khóa là mã trường"))
            return ([], diagnostics)
        }
        let places = items.map { (path: $0.prefix.isEmpty ? "(gốc)" : $0.prefix, line: $0.node.line) }
        diagnostics += rowCount(form, places: places, file: file, headerLine: root.line)
        let parser = FieldParser(index: RosterIndex(roster), form: form)
        var rows: [SubmissionRow] = []
        for item in items {
            if let row = check(item.node, prefix: item.prefix, form: form, parser: parser, file: file, diagnostics: &diagnostics) {
                rows.append(row)
                checkProposal(
                    row.values, form: form, roster: roster, file: file, line: item.node.line, path: item.prefix.isEmpty ? "(gốc)" : item.prefix,
                    diagnostics: &diagnostics)
            }
        }
        return finish(rows, diagnostics)
    }

    private static func join(_ prefix: String, _ key: String) -> String {
        prefix.isEmpty ? key : "\(prefix).\(key)"
    }

    /// Checks one object of a JSON submission.
    private static func check(
        _ node: JSONNode, prefix: String, form: FormSpec, parser: FieldParser, file: String, diagnostics: inout [Diagnostic]
    ) -> SubmissionRow? {
        guard case .object(let members) = node.kind else {
            diagnostics.append(
                Diagnostic(
                    .error, file: file, path: prefix.isEmpty ? nil : prefix, line: node.line, column: node.column,
                    message: "mỗi dòng của phiếu phải là một đối tượng {…}, thấy \(node.foundDescription)"))
            return nil
        }
        var byField: [String: JSONMember] = [:]
        for member in members {
            let key = VietnameseText.nfc(member.key)
            guard
                let field = form.fields.first(where: { $0.id == key })
                    ?? form.fields.first(where: { VietnameseText.sameName($0.label, key) })
            else {
                let guess = VietnameseText.suggestion(for: key, among: form.fields.map(\.id))
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, path: join(prefix, member.key), line: member.line, column: member.column,
                        message:
                            "khóa «\(member.key)» không phải trường của «\(form.title)»; các trường: \(VietnameseText.quotedList(form.fields.map(\.id), limit: 30))",
                        hint: guess.map { "có phải ý bạn là «\($0)»?" } ?? "xóa khóa này hoặc sửa cho đúng mã trường"))
                continue
            }
            if let first = byField[field.id] {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, path: join(prefix, member.key), line: member.line, column: member.column,
                        message: "trường «\(field.label)» được ghi hai lần (khóa «\(first.key)» và «\(member.key)»)",
                        hint: "giữ lại một khóa"))
                continue
            }
            byField[field.id] = member
        }
        var values: [String: FieldValue] = [:]
        for field in form.fields {
            guard let member = byField[field.id] else {
                if field.required {
                    diagnostics.append(
                        Diagnostic(
                            .error, file: file, path: prefix.isEmpty ? nil : prefix, line: node.line, column: node.column,
                            message: "thiếu trường bắt buộc «\(field.label)» (khóa «\(field.id)»)",
                            hint: "thêm \"\(field.id)\": … với \(expectation(field))"))
                }
                continue
            }
            let place = Place(jsonPath: join(prefix, member.key), line: member.value.line, column: member.value.column)
            let input: CellInput
            switch member.value.kind {
            case .null: input = .text("")
            case .string(let s): input = .text(VietnameseText.nfc(s.trimmingCharacters(in: .whitespacesAndNewlines)))
            case .number(let text): input = .number(text)
            case .bool(let b): input = .bool(b)
            case .array, .object:
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, path: place.path, line: place.line, column: place.column,
                        message: "«\(field.label)»: cần một chuỗi, số hoặc true/false, thấy \(member.value.foundDescription)"))
                continue
            }
            check(input, field, parser, place, file: file, values: &values, diagnostics: &diagnostics)
        }
        return SubmissionRow(line: node.line, values: values)
    }
}
