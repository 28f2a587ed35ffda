import Foundation
import ThiDuaCore

/// `thidua correct`: changes a recorded value with a reason, as a new event (old → new → reason).
enum CorrectCommand: Command {
    static let name = "correct"
    static let abstract = "Sửa một giá trị đã ghi nhận: ghi thêm sự kiện đính chính (giá trị cũ, giá trị mới, lý do), không sửa nhật ký."
    static let arguments = [("<campaign>", "Mã chiến dịch.")]
    static let options = [
        OptionSpec("--submission", value: "seq", help: "Số dòng nhật ký của lần nộp cần sửa."),
        OptionSpec("--row", value: "n", help: "Dòng dữ liệu trong lần nộp (bắt đầu từ 1)."),
        OptionSpec("--field", value: "id|label", help: "Trường cần sửa: mã trường, hoặc tên trường như trên biểu mẫu."),
        OptionSpec("--value", value: "text", help: "Giá trị mới, viết như trong biểu mẫu."),
        OptionSpec("--reason", value: "text", help: "Lý do sửa (bắt buộc)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else { throw .usage("Missing expected argument '<campaign>'.", help: "Usage: \(usage)") }
        for option in ["--submission", "--row", "--field", "--value", "--reason"] where arguments.values[option] == nil {
            throw .usage("Missing expected option '\(option)'.", help: "Usage: \(usage)")
        }
        let reason = arguments.values["--reason"] ?? ""
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .usage("Lý do sửa (--reason) không được để trống.") }
        guard let seq = Int(arguments.values["--submission"] ?? ""), let row = Int(arguments.values["--row"] ?? ""), row >= 1 else {
            throw .usage("--submission và --row cần số nguyên dương.")
        }
        let (plan, type) = try CampaignLookup.load(reference, context: context)
        let state = try JournalAccess.state(of: plan, context: context)
        guard let record = state.submissions.first(where: { $0.seq == seq }) else {
            throw .failure("Không có lần nộp nào ở dòng \(seq) của nhật ký; các lần nộp: \(state.submissions.map { String($0.seq) }.joined(separator: ", ")).")
        }
        guard record.rows.indices.contains(row - 1) else { throw .failure("Lần nộp ở dòng \(seq) chỉ có \(record.rows.count) dòng dữ liệu.") }
        let form = try FormCommand.lookupForm(record.form, plan: plan, type: type)
        let field = try lookupField(arguments.values["--field"] ?? "", in: form)
        let roster = try RosterCommand.loadRoster(context)
        let single = FormSpec(id: form.id, title: form.title, repeated: false, fields: [field])
        let table = CSVTable(header: [field.id], rows: [CSVRow(line: 2, fields: [arguments.values["--value"] ?? ""])])
        let (parsed, problems) = SubmissionValidator.validate(table: table, form: single, roster: roster, file: "--value")
        guard !problems.hasErrors, let value = parsed.first?.values[field.id] else {
            throw .failure("Giá trị mới không hợp lệ:\n" + problems.map(\.rendered).joined(separator: "\n"))
        }
        do {
            try CampaignActions.refuseLockedRows(state, form: form, rows: [record.rows[row - 1]], date: record.date)
        } catch {
            throw .failure(error.message)
        }
        let old = record.rows[row - 1].values[field.id]
        let oldValue: JSONValue
        let newValue: JSONValue
        do {
            oldValue = try old.map { try JSONValue.encode($0) } ?? .null
            newValue = try JSONValue.encode(value)
        } catch {
            throw .failure("Không mã hóa được giá trị: \(error)")
        }
        let payload = JSONValue.object([
            .init(key: "submission", value: .number(Double(seq))), .init(key: "row", value: .number(Double(row - 1))),
            .init(key: "field", value: .string(field.id)), .init(key: "old", value: oldValue), .init(key: "new", value: newValue),
            .init(key: "reason", value: .string(reason)),
        ])
        let result = try JournalAccess.append(
            [JournalStore.Draft(kind: .correction, actor: context.actor, date: context.today, payload: payload)], to: plan, context: context,
            expectingLastSeq: state.lastSeq)
        context.console.print(
            "Đã ghi đính chính (dòng \(result.events[0].seq)): \(field.label): \(old?.display ?? "(trống)") → \(value.display). Lý do: \(reason).")
        return .success
    }

    /// The field `--field` names: its code, else its label exactly as the form prints it (NFC),
    /// else its label in any letter case. When nothing matches, or a label in another case
    /// matches more than one field, the error lists every field's code with its label.
    static func lookupField(_ text: String, in form: FormSpec) throws(CLIError) -> FieldSpec {
        let wanted = VietnameseText.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let field = form.fields.first(where: { $0.id == wanted }) { return field }
        if let field = form.fields.first(where: { VietnameseText.nfc($0.label) == wanted }) { return field }
        let folded = form.fields.filter { VietnameseText.sameName($0.label, wanted) }
        if folded.count == 1, let field = folded.first { return field }
        let list = form.fields.map { "\($0.id) («\($0.label)»)" }.joined(separator: ", ")
        if folded.count > 1 {
            throw .usage(
                "«\(text)» là tên của \(folded.count) trường trong «\(form.id)»: \(folded.map(\.id).joined(separator: ", ")); ghi mã trường. Các trường (mã và tên): \(list)."
            )
        }
        let guess = VietnameseText.suggestion(for: wanted, among: form.fields.map(\.id) + form.fields.map(\.label))
        let hint = guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""
        throw .usage(
            "Trường «\(text)» không có trong «\(form.id)»; ghi mã hoặc tên trường. Các trường (mã và tên): \(list).\(hint)")
    }
}
