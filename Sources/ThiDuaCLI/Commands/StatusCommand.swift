import ThiDuaCore
import ThiDuaRender

/// Prints the campaign files the back office skipped for their errors.
enum SkippedCampaigns {
    static func report(_ skipped: [String], context: CommandContext) {
        for id in skipped {
            context.console.error("Bỏ qua campaigns/\(id).json: tệp có lỗi (xem `thidua check \(id)`).")
        }
    }
}

/// `thidua status`: every campaign side by side on one day.
enum StatusCommand: Command {
    static let name = "status"
    static let examples = ["thidua status", "thidua status --format json", "thidua status --format xlsx --out tinh-hinh.xlsx"]
    static let abstract = "Tình hình mọi phong trào: giai đoạn, số đơn vị và cá nhân, biểu mẫu đã nhận, hạn sắp tới, việc quá hạn."
    static let options = [
        OptionSpec("--format", value: "format", help: "text, json hoặc xlsx (mặc định: text).", choices: ["text", "json", "xlsx"]), SpreadsheetOutput.outOption,
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        if let extra = arguments.positionals.first { throw .usage("Thừa tham số «\(extra)».") }
        if arguments.value("--format", default: "text") == "xlsx" {
            let all = try context.call { () throws(OfficeError) in try context.office.allCampaigns() }
            let entries = all.campaigns.map { SpreadsheetExports.CampaignEntry(plan: $0.plan, state: $0.state) }
            let book = SpreadsheetExports.status(entries, roster: try RosterCommand.loadRoster(context), today: context.today) {
                context.registry.type($0)?.definition.title ?? $0
            }
            return try SpreadsheetOutput.write(book, arguments: arguments, defaultName: "tinh-hinh-\(context.today.iso)", context: context)
        }
        let (statuses, skipped) = try context.call { () throws(OfficeError) in try context.office.status(today: context.today) }
        SkippedCampaigns.report(skipped, context: context)
        let roster = (try? context.office.roster()) ?? .empty
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(StatusReport(today: context.today.iso, campaigns: statuses)))
            return .success
        }
        var out = "Tình hình các phong trào ngày \(context.today.vietnamese) (\(statuses.count) phong trào)\n"
        for s in statuses {
            out += "\n\(s.name)\n"
            out += "  \(s.campaign) · \(context.registry.type(s.type)?.definition.title ?? s.type) · \(s.phase.vietnamese)\n"
            out += "  Ghi danh: \(s.units) đơn vị, \(s.people) cá nhân · Biểu mẫu đã nhận: \(s.submissions)\n"
            let forms = s.milestones.filter { $0.state != .marker }
            if !forms.isEmpty {
                out +=
                    "  Theo mốc: "
                    + forms.filter { $0.due.year == context.today.year || $0.state == .upcoming }.prefix(6)
                    .map { "\($0.title) (\($0.due.vietnamese)): \($0.fraction)" }.joined(separator: "; ") + "\n"
            }
            if s.phase != .closed, let next = s.milestones.first(where: { $0.lastDay >= context.today }) {
                out += "  Hạn tiếp theo: \(next.title) — \(next.dueText)" + (next.form == nil ? "" : " (đã nhận \(next.fraction))") + "\n"
            }
            let overdue = s.overdue.filter { $0.due.year == context.today.year || s.phase != .closed }
            for item in overdue.suffix(5) {
                out +=
                    "  Quá hạn: \(item.title) — hạn \(item.dueText), đã nhận \(item.fraction)"
                    + (item.expected == nil ? " (chưa ghi danh đơn vị, cá nhân)" : "") + "\n"
                out += MissingList.line(item, office: context.office, roster: roster)
            }
            if overdue.count > 5 { out += "  … và \(overdue.count - 5) mốc quá hạn khác (xem --format json)\n" }
        }
        context.console.print(out)
        return .success
    }

    struct StatusReport: Encodable {
        var today: String
        var campaigns: [CampaignStatus]
    }
}

/// `thidua deadlines`: what falls due soon across all campaigns.
enum DeadlinesCommand: Command {
    static let name = "deadlines"
    static let examples = ["thidua deadlines --days 60"]
    static let abstract = "Các hạn trong N ngày tới của mọi phong trào, sắp theo ngày; trước đó là các hạn đã quá mà chưa đủ, kèm tên đơn vị, cá nhân chưa nộp."
    static let options = [
        OptionSpec("--days", value: "n", help: "Số ngày tính từ hôm nay (mặc định: 30)."),
        OptionSpec("--format", value: "format", help: "text hoặc json (mặc định: text).", choices: ["text", "json"]),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        if let extra = arguments.positionals.first { throw .usage("Thừa tham số «\(extra)».") }
        let daysText = arguments.value("--days", default: "30")
        guard let days = Int(daysText), (0...3660).contains(days) else {
            throw .usage("Giá trị «\(daysText)» không hợp lệ cho «--days <n>». Cần một số nguyên từ 0 đến 3660.")
        }
        let end = context.today.adding(days: days)
        let (due, overdue) = try context.call { () throws(OfficeError) in try context.office.deadlines(today: context.today, days: days) }
        let roster = (try? context.office.roster()) ?? .empty
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(DeadlineReport(today: context.today.iso, overdue: overdue, upcoming: due)))
            return .success
        }
        var out = ""
        if !overdue.isEmpty {
            out += "Quá hạn, chưa đủ: \(overdue.count)\n"
            for item in overdue {
                let late = context.today.ordinal - item.lastDay.ordinal
                out += "  \(item.dueText) (quá \(late) ngày) · \(item.campaign) · \(item.title) · đã nhận \(item.fraction)\n"
                out += MissingList.line(item, office: context.office, roster: roster)
            }
            out += "\n"
        }
        out += "Các hạn từ \(context.today.vietnamese) đến \(end.vietnamese): \(due.count)\n"
        for item in due {
            let left = item.lastDay.ordinal - context.today.ordinal
            out +=
                "  \(item.dueText) (còn \(left) ngày) · \(item.campaign) · \(item.title)" + (item.form == nil ? "" : " · đã nhận \(item.fraction)")
                + "\n"
        }
        context.console.print(out)
        return .success
    }

    struct DeadlineReport: Encodable {
        var today: String
        var overdue: [MilestoneProgress]
        var upcoming: [MilestoneProgress]
    }
}

/// "    Chưa nộp (3): Tổ dân phố 1, Tổ dân phố 2, Khóm 4", at most 12 names.
enum MissingList {
    static func line(_ item: MilestoneProgress, office: BackOffice, roster: Roster) -> String {
        guard !item.missing.isEmpty else { return "" }
        let names = office.names(item.missing, roster: roster)
        return "    Chưa nộp (\(names.count)): " + names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", …" : "") + "\n"
    }
}

extension MilestoneProgress {
    /// "15/11/2023", or "trước 15/11/2023" when the day itself is already late ("trước ngày X").
    var dueText: String { lastDay < due ? "trước \(due.vietnamese)" : due.vietnamese }
}
