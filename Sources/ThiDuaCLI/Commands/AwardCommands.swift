import Foundation
import ThiDuaCore

/// `thidua decide`: the award decision and the upward proposal from the closed review.
enum DecideCommand: Command {
    static let name = "decide"
    static let abstract =
        "Quyết định khen thưởng theo kết quả bình xét: danh sách trong chỉ tiêu, tiền thưởng theo nghị định và lương cơ sở tại ngày quyết định."
    static let arguments = [("<campaign>", "Mã chiến dịch.")]
    static let options = [
        OptionSpec("--date", value: "dd/mm/yyyy", help: "Ngày ký quyết định (mặc định: --today); tiền thưởng theo quy định có hiệu lực ngày này."),
        OptionSpec("--number", value: "text", help: "Số quyết định, ví dụ 35/QĐ-UBND (để trống khi còn là dự thảo)."),
        OptionSpec("--fund", value: "đồng", help: "Số dư quỹ thi đua, khen thưởng để đối chiếu tổng tiền thưởng."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else {
            throw .usage("Missing expected argument '<campaign>'.", help: "Usage: \(usage)")
        }
        var date = context.today
        if let text = arguments.values["--date"] {
            guard let parsed = CivilDate(parsing: text) else { throw .usage("--date «\(text)» không phải ngày hợp lệ (dd/mm/yyyy).") }
            date = parsed
        }
        var fund: Int?
        if let text = arguments.values["--fund"] {
            guard let value = Int(text.replacingOccurrences(of: ".", with: "")), value >= 0 else {
                throw .usage("--fund «\(text)» không phải số tiền (đồng).")
            }
            fund = value
        }
        let loaded = try LoadedCampaign.load(reference, context: context)
        let (tables, problems) = context.workspace.moneyTables()
        for d in problems { context.console.error(d.rendered) }
        if problems.contains(where: { $0.severity == .error }) {
            throw .failure("Bảng mức thưởng của thư mục làm việc có lỗi; sửa \(context.workspace.display(context.workspace.moneyTablesFile)) rồi chạy lại.")
        }
        let records: [DecisionRecord]
        let period = loaded.state.reviews.last(where: { $0.closed != nil })?.period
        let evaluation = period.map { loaded.evaluator.evaluate($0) }
        do {
            records = try CampaignActions.decide(
                plan: loaded.plan, state: loaded.state, roster: loaded.roster, evaluation: evaluation, tables: tables, date: date,
                number: arguments.values["--number"])
        } catch {
            throw error.cli
        }
        var drafts: [JournalStore.Draft] = []
        for record in records {
            do {
                drafts.append(
                    JournalStore.Draft(kind: .decision, actor: context.actor, date: context.today, payload: try CampaignActions.payload(record)))
            } catch {
                throw error.cli
            }
        }
        let result = try JournalAccess.append(drafts, to: loaded.plan, context: context, expectingLastSeq: loaded.state.lastSeq)
        var out = ""
        for (record, event) in zip(records, result.events) {
            out +=
                record.upward
                ? "Đề nghị cấp trên khen thưởng (dòng \(event.seq)):\n" : "Quyết định khen thưởng ngày \(record.date.vietnamese) (dòng \(event.seq)):\n"
            for line in record.lines {
                let award = loaded.plan.awards.first { $0.id == line.award }?.title ?? line.award
                out += "  - \(line.name) — \(award)" + (line.amount.map { ": \(Numbers.grouped($0)) đồng (\(line.basis ?? ""))" } ?? "") + "\n"
            }
            if !record.upward {
                out += "  Tổng: \(Numbers.grouped(record.total)) đồng (\(record.totalInWords ?? "")).\n"
                if let fund {
                    out +=
                        record.total <= fund
                        ? "  Trong quỹ: còn \(Numbers.grouped(fund - record.total)) đồng.\n"
                        : "  Cảnh báo: vượt quỹ \(Numbers.grouped(record.total - fund)) đồng.\n"
                }
            }
            for left in record.leftOut { out += "  Không đưa vào: \(left).\n" }
        }
        context.console.print(out)
        return .success
    }
}

/// One award proposed or granted, anywhere in the workspace.
struct AwardEntry: Encodable {
    var campaign: String
    var campaignName: String
    var type: String
    var year: Int
    var participant: String
    var name: String
    var award: String
    var awardTitle: String
    /// "quyết định", "đề nghị cấp trên", "Hội đồng thông qua".
    var status: String
    var date: String?
    var number: String?
    var amount: Int?
}

/// Awards across every campaign of the workspace.
enum AwardLedger {
    static func entries(_ context: CommandContext) throws(CLIError) -> [AwardEntry] {
        let roster = try RosterCommand.loadRoster(context)
        var out: [AwardEntry] = []
        for entry in try WorkspaceCampaigns.load(context) {
            let plan = entry.plan
            func title(_ id: String) -> String { plan.awards.first { $0.id == id }?.title ?? id }
            var decided: Set<String> = []
            for decision in entry.state.decisions {
                let year = EvaluationPeriod(parsing: decision.period)?.year ?? decision.date.year
                for line in decision.lines {
                    decided.insert("\(line.participant)|\(line.award)|\(year)")
                    out.append(
                        AwardEntry(
                            campaign: plan.id, campaignName: plan.name, type: plan.type, year: year, participant: line.participant.description,
                            name: line.name, award: line.award, awardTitle: title(line.award),
                            status: decision.upward ? "đề nghị cấp trên" : "quyết định", date: decision.date.vietnamese, number: decision.number,
                            amount: line.amount))
                }
            }
            for review in entry.state.reviews {
                guard let closing = review.closed else { continue }
                for result in review.results(present: closing.present.count) where result.approved {
                    let key = "\(result.nominee.participant)|\(result.nominee.award)|\(review.period.year)"
                    guard !decided.contains(key) else { continue }
                    out.append(
                        AwardEntry(
                            campaign: plan.id, campaignName: plan.name, type: plan.type, year: review.period.year,
                            participant: result.nominee.participant.description, name: result.nominee.participant.name(in: roster),
                            award: result.nominee.award, awardTitle: title(result.nominee.award), status: "Hội đồng thông qua, chưa quyết định",
                            date: closing.date.vietnamese, number: nil, amount: nil))
                }
            }
        }
        return out
    }
}

/// `thidua awards --year Y`: every award proposed across campaigns, with repeats flagged. The
/// same year as a document in the legal frame is `thidua doc --year Y`.
enum AwardsCommand: Command {
    static let name = "awards"
    static let abstract = "Tổng hợp khen thưởng của mọi chiến dịch trong năm; cảnh báo một đối tượng được đề nghị nhiều lần (có thể trùng thành tích)."
    static let options = [
        OptionSpec("--year", value: "yyyy", help: "Năm cần tổng hợp (mặc định: năm của --today)."),
        OptionSpec("--format", value: "format", help: "text, json hoặc xlsx.", choices: ["text", "json", "xlsx"]), SpreadsheetOutput.outOption,
    ]

    struct Report: Encodable {
        var year: Int
        var awards: [AwardEntry]
        var repeats: [String]
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        var year = context.today.year
        if let text = arguments.values["--year"] {
            guard let y = Int(text), y > 1900, y < 2200 else { throw .usage("--year «\(text)» không phải năm.") }
            year = y
        }
        let entries = try AwardLedger.entries(context).filter { $0.year == year }
        // The rule for repeats is the one the year's report (`thidua doc --year`) prints.
        let repeats = AwardRepeat.find(in: entries.compactMap(\.yearAward)).map(\.warning)
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(Report(year: year, awards: entries, repeats: repeats)))
            return repeats.isEmpty ? .success : .success
        }
        if arguments.value("--format", default: "text") == "xlsx" {
            let book = SpreadsheetExports.awards(year: year, entries.map(\.row), repeats: repeats)
            return try SpreadsheetOutput.write(book, arguments: arguments, defaultName: "khen-thuong-\(year)", context: context)
        }
        var out = "Khen thưởng năm \(year) trong mọi chiến dịch (\(entries.count))\n"
        if entries.isEmpty { out += "  Chưa có đề nghị hay quyết định khen thưởng nào.\n" }
        for e in entries.sorted(by: { ($0.campaign, $0.name) < ($1.campaign, $1.name) }) {
            out += "  - \(e.name) — \(e.awardTitle) — «\(e.campaignName)» — \(e.status)"
            out += (e.number.map { ", số \($0)" } ?? "") + (e.amount.map { ", \(Numbers.grouped($0)) đồng" } ?? "") + "\n"
        }
        if !repeats.isEmpty {
            out += "\nCảnh báo — cùng một đối tượng được đề nghị nhiều lần:\n"
            for r in repeats { out += "  ! \(r)\n" }
        }
        context.console.print(out)
        return .success
    }
}

extension AwardEntry {
    /// The entry as the year's report counts it.
    var yearAward: YearAward? {
        guard let who = ParticipantRef(parsing: participant) else { return nil }
        let kind: YearAward.Status = status == "quyết định" ? .decided : status == "đề nghị cấp trên" ? .upward : .approved
        return YearAward(
            campaign: campaign, campaignName: campaignName, type: type, participant: who, name: name, award: award, awardTitle: awardTitle,
            status: kind, document: number ?? "", amount: amount)
    }
}

/// `thidua record <unit|person>`: the awards a participant received, year by year.
enum RecordCommand: Command {
    static let name = "record"
    static let abstract = "Quá trình khen thưởng của một đơn vị hoặc cá nhân qua các năm, trong mọi chiến dịch."
    static let arguments = [("<participant>", "Mã hoặc tên đơn vị, cá nhân.")]
    static let options = [
        OptionSpec("--format", value: "format", help: "text, json hoặc xlsx.", choices: ["text", "json", "xlsx"]), SpreadsheetOutput.outOption,
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let text = arguments.positionals.first else {
            throw .usage("Missing expected argument '<participant>'.", help: "Usage: \(usage)")
        }
        let roster = try RosterCommand.loadRoster(context)
        let who: ParticipantRef
        if let ref = ParticipantRef(parsing: text) {
            who = ref
        } else if let unit = roster.unit(text) {
            who = .unit(unit.id)
        } else if let person = roster.person(text) {
            who = .person(person.id)
        } else {
            throw .failure("Không tìm thấy đơn vị hay cá nhân «\(text)» trong danh sách.")
        }
        let entries = try AwardLedger.entries(context).filter { $0.participant == who.description && $0.status == "quyết định" }
            .sorted { ($0.year, $0.campaign) < ($1.year, $1.campaign) }
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(entries))
            return .success
        }
        if arguments.value("--format", default: "text") == "xlsx" {
            let book = SpreadsheetExports.record(entries.map(\.row))
            return try SpreadsheetOutput.write(book, arguments: arguments, defaultName: "qua-trinh-khen-thuong-\(who.id)", context: context)
        }
        var out = "Quá trình khen thưởng của \(who.name(in: roster))\n"
        if entries.isEmpty { out += "  Chưa có hình thức khen thưởng nào được ghi nhận.\n" }
        for e in entries {
            out +=
                "  - Năm \(e.year): \(e.awardTitle)" + (e.number.map { ", Quyết định số \($0)" } ?? "") + (e.date.map { " ngày \($0)" } ?? "")
                + " («\(e.campaignName)»)\n"
        }
        context.console.print(out)
        return .success
    }
}
