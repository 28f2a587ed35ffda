import ThiDuaCore

/// Loads every campaign of the workspace with its state; campaigns with errors are reported, not fatal.
enum WorkspaceCampaigns {
    struct Entry {
        var plan: CampaignPlan
        var state: CampaignState
    }

    static func load(_ context: CommandContext) throws(CLIError) -> [Entry] {
        let loader = CampaignLoader(registry: context.registry)
        var entries: [Entry] = []
        for url in context.workspace.campaignFiles() {
            let result = loader.load(path: url.path, displayName: context.workspace.display(url))
            guard let plan = result.validPlan else {
                context.console.error("Bỏ qua \(result.file): tệp có lỗi (xem `thidua check \(result.file)`).")
                continue
            }
            entries.append(Entry(plan: plan, state: try JournalAccess.state(of: plan, context: context)))
        }
        return entries
    }
}

/// `thidua status`: every campaign side by side on one day.
enum StatusCommand: Command {
    static let name = "status"
    static let abstract = "Tình hình mọi chiến dịch: giai đoạn, số đơn vị và cá nhân, biểu mẫu đã nhận, hạn sắp tới, việc quá hạn."
    static let options = [
        OptionSpec("--format", value: "format", help: "text, json hoặc xlsx (mặc định: text).", choices: ["text", "json", "xlsx"]), SpreadsheetOutput.outOption,
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        if let extra = arguments.positionals.first { throw .usage("Unexpected argument '\(extra)'.") }
        if arguments.value("--format", default: "text") == "xlsx" {
            let entries = try WorkspaceCampaigns.load(context).map { SpreadsheetExports.CampaignEntry(plan: $0.plan, state: $0.state) }
            let book = SpreadsheetExports.status(entries, roster: try RosterCommand.loadRoster(context), today: context.today) {
                context.registry.type($0)?.definition.title ?? $0
            }
            return try SpreadsheetOutput.write(book, arguments: arguments, defaultName: "tinh-hinh-\(context.today.iso)", context: context)
        }
        let statuses = try WorkspaceCampaigns.load(context).map { CampaignStatus(plan: $0.plan, state: $0.state, today: context.today) }
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(StatusReport(today: context.today.iso, campaigns: statuses)))
            return .success
        }
        var out = "Tình hình các chiến dịch ngày \(context.today.vietnamese) (\(statuses.count) chiến dịch)\n"
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
            if s.phase != .closed, let next = s.milestones.first(where: { $0.due >= context.today }) {
                out += "  Hạn tiếp theo: \(next.title) — \(next.due.vietnamese)" + (next.form == nil ? "" : " (đã nhận \(next.fraction))") + "\n"
            }
            let overdue = s.overdue.filter { $0.due.year == context.today.year || s.phase != .closed }
            for item in overdue.suffix(5) {
                out +=
                    "  Quá hạn: \(item.title) — hạn \(item.due.vietnamese), đã nhận \(item.fraction)"
                    + (item.expected == nil ? " (chưa ghi danh đơn vị, cá nhân)" : "") + "\n"
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
    static let abstract = "Các hạn trong N ngày tới của mọi chiến dịch, sắp theo ngày."
    static let options = [
        OptionSpec("--days", value: "n", help: "Số ngày tính từ hôm nay (mặc định: 30)."),
        OptionSpec("--format", value: "format", help: "text hoặc json (mặc định: text).", choices: ["text", "json"]),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        if let extra = arguments.positionals.first { throw .usage("Unexpected argument '\(extra)'.") }
        let daysText = arguments.value("--days", default: "30")
        guard let days = Int(daysText), (0...3660).contains(days) else {
            throw .usage("The value '\(daysText)' is invalid for '--days <n>'. Cần một số nguyên từ 0 đến 3660.")
        }
        let end = context.today.adding(days: days)
        let entries = try WorkspaceCampaigns.load(context)
        var due: [MilestoneProgress] = []
        for entry in entries {
            let status = CampaignStatus(plan: entry.plan, state: entry.state, today: context.today)
            guard status.phase != .closed else { continue }
            due += status.milestones.filter { $0.due >= context.today && $0.due <= end }
        }
        due.sort { ($0.due, $0.campaign) < ($1.due, $1.campaign) }
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(due))
            return .success
        }
        var out = "Các hạn từ \(context.today.vietnamese) đến \(end.vietnamese): \(due.count)\n"
        for item in due {
            let left = item.due.ordinal - context.today.ordinal
            out +=
                "  \(item.due.vietnamese) (còn \(left) ngày) · \(item.campaign) · \(item.title)" + (item.form == nil ? "" : " · đã nhận \(item.fraction)")
                + "\n"
        }
        context.console.print(out)
        return .success
    }
}
