import Foundation
import ThiDuaCore
import ThiDuaRender

/// `thidua decide`: the award decision and the upward proposal from the closed review.
enum DecideCommand: Command {
    static let name = "decide"
    static let examples = [
        "thidua decide nam-gia-nghia-cchc-2026 --date 01/12/2026", "thidua decide nam-gia-nghia-cchc-2026 --signed --number 35/QĐ-UBND --date 03/12/2026",
    ]
    static let abstract =
        "Quyết định khen thưởng theo kết quả bình xét: danh sách trong chỉ tiêu, tiền thưởng theo nghị định và lương cơ sở tại ngày quyết định."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options = [
        OptionSpec("--date", value: "dd/mm/yyyy", help: "Ngày ký quyết định (mặc định: --today); tiền thưởng theo quy định có hiệu lực ngày này."),
        OptionSpec("--number", value: "text", help: "Số quyết định, ví dụ 35/QĐ-UBND (để trống khi còn là dự thảo)."),
        OptionSpec("--fund", value: "đồng", help: "Số dư quỹ thi đua, khen thưởng để đối chiếu tổng tiền thưởng."),
        OptionSpec("--signed", help: "Ghi số và ngày ký (--number, --date) cho dự thảo quyết định đã ký, thay vì ra quyết định mới."),
        OptionSpec("--decision", value: "seq", help: "Với --signed: dòng nhật ký của dự thảo (mặc định: dự thảo mới nhất chưa có số)."),
        OptionSpec("--xac-nhan-trung", help: "Xác nhận tặng một người cùng một hình thức hai lần trong một quyết định (mặc định: chỉ một lần)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else {
            throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)")
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
        context.warnAbout(reference)
        if arguments.flags.contains("--signed") {
            guard let number = arguments.values["--number"] else { throw .usage("--signed cần --number (số quyết định đã ký).") }
            var seq: Int?
            if let text = arguments.values["--decision"] {
                guard let value = Int(text), value > 0 else { throw .usage("--decision «\(text)» không phải số dòng nhật ký.") }
                seq = value
            }
            let signed = try context.call { () throws(OfficeError) in
                try context.office.numberDecision(reference, decision: seq, number: number, date: date, as: context.acting)
            }
            context.console.print("Đã ghi số \(number) ngày \(date.vietnamese) cho quyết định (dòng \(signed.seqs.first ?? 0) của nhật ký).")
            return .success
        }
        let result = try context.call { () throws(OfficeError) in
            try context.office.decide(
                reference, date: date, number: arguments.values["--number"], confirmRepeats: arguments.flags.contains("--xac-nhan-trung"),
                as: context.acting)
        }
        let campaign = try context.call { () throws(OfficeError) in try context.office.plan(reference) }.plan
        let records = result.records
        var out = ""
        for (record, seq) in zip(records, result.seqs) {
            out +=
                record.upward
                ? "Đề nghị cấp trên khen thưởng (dòng \(seq)):\n" : "Quyết định khen thưởng ngày \(record.date.vietnamese) (dòng \(seq)):\n"
            for line in record.lines {
                let award = campaign.awards.first { $0.id == line.award }?.title ?? line.award
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

/// One award proposed or granted, anywhere in the workspace, as `awards --format json` prints it.
struct AwardEntry: Encodable {
    var campaign: String
    var campaignName: String
    var type: String
    var year: Int
    var participant: String
    var name: String
    var award: String
    var awardTitle: String
    /// "quyết định", "đề nghị cấp trên", "Hội đồng thông qua, chưa quyết định".
    var status: String
    var date: String?
    var number: String?
    var amount: Int?

    init(_ a: YearAward) {
        campaign = a.campaign
        campaignName = a.campaignName
        type = a.type
        year = a.year
        participant = a.participant.description
        name = a.name
        award = a.award
        awardTitle = a.awardTitle
        status = a.status.vietnamese
        date = a.date?.vietnamese
        number = a.number
        amount = a.amount
    }
}

/// `thidua awards --year Y`: every award proposed across campaigns, with repeats flagged. The
/// same year as a document in the legal frame is `thidua doc --year Y`.
enum AwardsCommand: Command {
    static let name = "awards"
    static let examples = ["thidua awards --year 2026", "thidua awards --year 2026 --format json"]
    static let abstract = "Tổng hợp khen thưởng của mọi phong trào trong năm; cảnh báo một đối tượng được đề nghị nhiều lần (có thể trùng thành tích)."
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
        let ledger = try context.call { () throws(OfficeError) in try context.office.awardLedger() }
        let entries = ledger.year(year).map(AwardEntry.init)
        // The same ledger and rule as the year's report (`thidua doc --year`).
        let repeats = ledger.repeats(in: year).map(\.warning)
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(Report(year: year, awards: entries, repeats: repeats)))
            return repeats.isEmpty ? .success : .success
        }
        if arguments.value("--format", default: "text") == "xlsx" {
            let book = SpreadsheetExports.awards(year: year, ledger.year(year).map(SpreadsheetExports.AwardRow.init), repeats: repeats)
            return try SpreadsheetOutput.write(book, arguments: arguments, defaultName: "khen-thuong-\(year)", context: context)
        }
        var out = "Khen thưởng năm \(year) trong mọi phong trào (\(entries.count))\n"
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

/// `thidua record <unit|person>`: the awards a participant received, year by year.
enum RecordCommand: Command {
    static let name = "record"
    static let examples = ["thidua record \"Văn phòng HĐND và UBND\"", "thidua record ca-nhan:nguyen-thi-thu-ha"]
    static let abstract = "Quá trình khen thưởng của một đơn vị hoặc cá nhân qua các năm, trong mọi phong trào."
    static let arguments = [("<participant>", "Mã hoặc tên đơn vị, cá nhân.")]
    static let options = [
        OptionSpec("--format", value: "format", help: "text, json hoặc xlsx.", choices: ["text", "json", "xlsx"]), SpreadsheetOutput.outOption,
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let text = arguments.positionals.first else {
            throw .usage("Thiếu tham số «<participant>».", help: "Cách dùng: \(usage)")
        }
        let roster = try RosterCommand.loadRoster(context)
        let who = try context.call { () throws(OfficeError) in try context.office.participant(text) }
        let awards = try context.call { () throws(OfficeError) in try context.office.record(who) }
        let entries = awards.map(AwardEntry.init)
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(entries))
            return .success
        }
        if arguments.value("--format", default: "text") == "xlsx" {
            let book = SpreadsheetExports.record(awards.map(SpreadsheetExports.AwardRow.init))
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
