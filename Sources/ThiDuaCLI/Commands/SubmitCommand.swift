import Foundation
import ThiDuaCore

/// `thidua submit <campaign> <form> <file>`: records a filled form, all rows or none.
enum SubmitCommand: Command {
    static let name = "submit"
    static let abstract = "Ghi nhận biểu mẫu đã điền (CSV, Excel hoặc JSON): kiểm tra mọi dòng, có lỗi thì không ghi gì."
    static let arguments = [("<campaign>", "Mã chiến dịch."), ("<form>", "Mã biểu mẫu."), ("<file>", "Tệp .csv (UTF-8), .xlsx hoặc .json.")]
    static let options = [OptionSpec("--from", value: "unit|person", help: "Đơn vị hoặc cá nhân nộp, khi biểu mẫu không có cột đơn vị/họ tên.")]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard arguments.positionals.count == 3 else {
            throw .usage(
                arguments.positionals.count < 3
                    ? "Missing expected argument '\(["<campaign>", "<form>", "<file>"][arguments.positionals.count])'."
                    : "Unexpected argument '\(arguments.positionals[3])'.", help: "Usage: \(usage)")
        }
        let (plan, type) = try CampaignLookup.load(arguments.positionals[0], context: context)
        let form = try FormCommand.lookupForm(arguments.positionals[1], plan: plan, type: type)
        let path = arguments.positionals[2]
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .failure("Không đọc được tệp «\(path)».") }
        let roster = try RosterCommand.loadRoster(context)
        let bytes = Array(data)
        var rows: [SubmissionRow] = []
        var problems: [Diagnostic] = []
        if path.lowercased().hasSuffix(".json") {
            (rows, problems) = SubmissionValidator.validate(json: bytes, form: form, roster: roster, file: path)
        } else if SpreadsheetReader.isSpreadsheet(path: path, bytes: bytes) {
            (rows, problems) = SubmissionValidator.validate(xlsx: bytes, form: form, roster: roster, file: path)
        } else {
            let (table, readProblems) = CSVReader.read(bytes, file: path)
            problems = readProblems
            if let table, !readProblems.hasErrors {
                (rows, problems) = SubmissionValidator.validate(table: table, form: form, roster: roster, file: path)
                problems = readProblems + problems
            }
        }
        var from = form.senders(of: rows)
        if let sender = arguments.values["--from"] {
            if let unit = roster.unit(sender) {
                from = [unit.id]
            } else if let person = roster.person(sender) {
                from = [person.id]
            } else {
                problems.append(Diagnostic(.error, message: "«\(sender)» (--from) không có trong danh sách đơn vị, cá nhân"))
            }
        }
        if problems.hasErrors {
            for d in problems { context.console.error(d.rendered) }
            throw .failure("Không ghi nhận gì: \(problems.filter { $0.severity == .error }.count) lỗi trong «\(path)». Sửa tất cả rồi nộp lại.")
        }
        for d in problems { context.console.error(d.rendered) }
        let state = try JournalAccess.state(of: plan, context: context)
        do {
            try CampaignActions.refuseLockedRows(state, form: form, rows: rows, date: context.today)
        } catch {
            throw .failure(error.message)
        }
        let match = MilestoneMatch.find(form: form.id, plan: plan, on: context.today)
        let notEnrolled = from.filter { !state.units.contains($0) && !state.people.contains($0) }
        var payload: [JSONValue.Member] = [
            .init(key: "form", value: .string(form.id)), .init(key: "source", value: .string((path as NSString).lastPathComponent)),
            .init(key: "from", value: .array(from.map { .string($0) })),
        ]
        if let match {
            payload.append(.init(key: "milestone", value: .string(match.milestone)))
            payload.append(.init(key: "due", value: .string(match.due.iso)))
        }
        payload.append(.init(key: "late", value: .bool(match?.late ?? false)))
        let encodedRows: JSONValue
        do {
            encodedRows = try JSONValue.encode(rows)
        } catch {
            throw .failure("Không mã hóa được dữ liệu: \(error)")
        }
        payload.append(.init(key: "rows", value: encodedRows))
        let result = try JournalAccess.append(
            [JournalStore.Draft(kind: .submission, actor: context.actor, date: context.today, payload: .object(payload))], to: plan, context: context,
            expectingLastSeq: state.lastSeq)
        var message =
            "Đã ghi nhận \(rows.count) dòng của «\(form.title)» cho «\(plan.name)» (dòng \(result.events[0].seq) của nhật ký, người nộp: \(context.actor))."
        if let match, match.late { message += "\nNộp muộn: hạn «\(match.title)» là \(match.due.vietnamese)." }
        if !notEnrolled.isEmpty { message += "\nLưu ý: chưa ghi danh vào chiến dịch: \(notEnrolled.joined(separator: ", "))." }
        context.console.print(message)
        return .success
    }

}

/// The milestone a submission answers: its due day this year (yearly) or its date.
struct MilestoneMatch {
    var milestone: String
    var title: String
    var due: CivilDate
    var late: Bool

    static func find(form: String, plan: CampaignPlan, on day: CivilDate) -> MilestoneMatch? {
        var candidates: [MilestoneMatch] = []
        for milestone in plan.milestones where milestone.form == form {
            switch milestone.due {
            case .date(let date)?: candidates.append(MilestoneMatch(milestone: milestone.id, title: milestone.title, due: date, late: day > date))
            case .yearly?:
                if let due = milestone.due?.occurrence(in: day.year) {
                    candidates.append(MilestoneMatch(milestone: milestone.id, title: milestone.title, due: due, late: day > due))
                }
            case nil: break
            }
        }
        return candidates.filter { !$0.late }.min { $0.due < $1.due } ?? candidates.max { $0.due < $1.due }
    }
}
