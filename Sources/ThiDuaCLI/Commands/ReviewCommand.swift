import Foundation
import ThiDuaCore

/// `thidua review open|vote|tally|close|show`: the council review (bình xét), every step journaled.
enum ReviewCommand: Command {
    static let name = "review"
    static let examples = [
        "thidua review open nam-gia-nghia-cchc-2026 --period 2026 --members hoi-dong.csv --place \"Hội trường UBND\"",
        "thidua review vote nam-gia-nghia-cchc-2026 --file phieu.csv", "thidua review close nam-gia-nghia-cchc-2026 --absent \"Lý Quốc Bảo\"",
    ]
    static let abstract = "Bình xét của Hội đồng Thi đua – Khen thưởng: mở phiên, ghi phiếu, nhập kiểm phiếu, đóng phiên với kết quả."
    static let arguments = [
        ("<action>", "open | vote | tally | close | show."),
        ("<campaign>", "Mã phong trào."),
        ("[<file>]", "Với tally: tệp CSV kiểm phiếu (Mã đề cử, Đồng ý, Không đồng ý, Không biểu quyết)."),
    ]
    static let options = [
        OptionSpec("--period", value: "period", help: "open: kỳ bình xét (mặc định: kỳ mới nhất có số liệu)."),
        OptionSpec("--members", value: "file.csv", help: "open: danh sách Hội đồng (Họ và tên, Chức vụ trong Hội đồng), tệp CSV hoặc Excel .xlsx."),
        OptionSpec("--nominees", value: "file.csv", help: "open: danh sách đề cử (Đối tượng, Hình thức); mặc định: mọi đối tượng đủ điều kiện."),
        OptionSpec("--date", value: "dd/mm/yyyy", help: "open, close: ngày họp (mặc định: --today)."),
        OptionSpec("--place", value: "text", help: "open: địa điểm họp."),
        OptionSpec("--member", value: "name", help: "vote: thành viên bỏ phiếu."),
        OptionSpec("--agree", value: "ids", help: "vote: mã đề cử đồng ý, cách nhau bởi dấu phẩy, hoặc «all»."),
        OptionSpec("--disagree", value: "ids", help: "vote: mã đề cử không đồng ý."),
        OptionSpec("--conflict", value: "ids", help: "vote: mã đề cử không biểu quyết vì xung đột lợi ích."),
        OptionSpec("--file", value: "file.csv", help: "vote: phiếu theo tên từ tệp CSV (Thành viên, Mã đề cử, Biểu quyết)."),
        OptionSpec("--absent", value: "names", help: "close: thành viên vắng mặt, cách nhau bởi dấu chấm phẩy."),
        OptionSpec("--format", value: "format", help: "show: text hoặc json.", choices: ["text", "json"]),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard arguments.positionals.count >= 2 else {
            throw .usage("Thiếu các tham số «<action> <campaign>».", help: "Cách dùng: \(usage)")
        }
        let action = arguments.positionals[0]
        let reference = arguments.positionals[1]
        switch action {
        case "open": return try open(arguments, reference, context)
        case "vote": return try vote(arguments, reference, context)
        case "tally": return try tally(arguments, reference, context)
        case "close": return try close(arguments, reference, context)
        case "show": return try show(arguments, reference, context)
        default:
            let guess = DidYouMean.suggestion(for: action, among: ["open", "vote", "tally", "close", "show"])
            throw .usage("Không có thao tác «\(action)»." + (guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""), help: "Cách dùng: \(usage)")
        }
    }

    static func date(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> CivilDate? {
        guard let text = arguments.values["--date"] else { return nil }
        guard let date = CivilDate(parsing: text) else { throw .usage("--date «\(text)» không phải ngày hợp lệ (dd/mm/yyyy).") }
        return date
    }

    static func open(_ arguments: ParsedArguments, _ reference: String, _ context: CommandContext) throws(CLIError) -> ExitCode {
        guard let membersPath = arguments.values["--members"] else {
            throw .usage("Thiếu tùy chọn bắt buộc «--members».", help: "Cách dùng: \(usage)")
        }
        let members = try context.readInput(membersPath)
        let nominees = try arguments.values["--nominees"].map { (path) throws(CLIError) in try context.readInput(path) }
        let meetingDate = try date(arguments, context)
        context.warnAbout(reference)
        let result = try context.call { () throws(OfficeError) in
            try context.office.openReview(
                reference, period: arguments.values["--period"], members: members, nominees: nominees, meetingDate: meetingDate,
                place: arguments.values["--place"], as: context.acting)
        }
        let campaign = try context.call { () throws(OfficeError) in try context.office.open(reference) }
        var out = "Đã mở phiên bình xét \(result.review) \(result.period.vietnamese) (dòng \(result.seq)): "
        out += "\(result.members) thành viên, \(result.nominees.count) đề cử.\n"
        for nominee in result.nominees {
            out += "  \(nominee.id). \(nominee.participant.name(in: campaign.roster)) — \(campaign.awardTitle(nominee.award))\n"
        }
        context.console.print(out)
        return .success
    }

    /// The nominee ids of an option: a comma list, or «all» for every nominee of the open review.
    static func ids(_ text: String?, _ reference: String, _ context: CommandContext) -> [String] {
        guard let text else { return [] }
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "all" {
            return (try? context.office.open(reference).state.openReview?.nominees.map(\.id)) ?? []
        }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func vote(_ arguments: ParsedArguments, _ reference: String, _ context: CommandContext) throws(CLIError) -> ExitCode {
        var ballots: [(member: String, votes: [String: Vote])] = []
        let sheet = try arguments.values["--file"].map { (path) throws(CLIError) in try context.readInput(path) }
        if sheet == nil {
            guard let member = arguments.values["--member"] else {
                throw .usage("Cần --member (và --agree/--disagree/--conflict) hoặc --file.", help: "Cách dùng: \(usage)")
            }
            var votes: [String: Vote] = [:]
            for (option, vote) in [("--agree", Vote.agree), ("--disagree", .disagree), ("--conflict", .conflict)] {
                for id in ids(arguments.values[option], reference, context) {
                    if let other = votes[id], other != vote {
                        throw .usage("Đề cử «\(id)» vừa «\(other.vietnamese)» vừa «\(vote.vietnamese)».")
                    }
                    votes[id] = vote
                }
            }
            ballots = [(member, votes)]
        }
        let result = try context.call { () throws(OfficeError) in
            try context.office.vote(reference, ballots: ballots, sheet: sheet, as: context.acting)
        }
        context.console.print("Đã ghi \(result.count) phiếu biểu quyết vào phiên \(result.review).")
        return .success
    }

    static func tally(_ arguments: ParsedArguments, _ reference: String, _ context: CommandContext) throws(CLIError) -> ExitCode {
        guard arguments.positionals.count >= 3 else {
            throw .usage("Thiếu tham số «<file>» (tệp CSV kiểm phiếu).", help: "Cách dùng: \(usage)")
        }
        let sheet = try context.readInput(arguments.positionals[2])
        let result = try context.call { () throws(OfficeError) in try context.office.tally(reference, sheet: sheet, as: context.acting) }
        context.console.print("Đã ghi kết quả kiểm phiếu của \(result.count) đề cử (dòng \(result.seq)).")
        return .success
    }

    static func close(_ arguments: ParsedArguments, _ reference: String, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let absent = (arguments.values["--absent"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let meetingDate = try date(arguments, context)
        let result = try context.call { () throws(OfficeError) in
            try context.office.closeReview(reference, absent: absent, meetingDate: meetingDate, as: context.acting)
        }
        let campaign = try context.call { () throws(OfficeError) in try context.office.open(reference) }
        var out = "Đã đóng phiên \(result.review) (dòng \(result.seq)).\n"
        out += outcome(result.results, campaign)
        context.console.print(out)
        return .success
    }

    static func outcome(_ results: [NomineeResult], _ campaign: OpenCampaign) -> String {
        var out = ""
        for r in results {
            out += "  \(r.nominee.id). \(r.nominee.participant.name(in: campaign.roster)) — \(campaign.awardTitle(r.nominee.award)): "
            out += "đồng ý \(r.tally.agree), không đồng ý \(r.tally.disagree), không biểu quyết \(r.tally.conflict); \(r.explanation)\n"
        }
        return out
    }

    static func show(_ arguments: ParsedArguments, _ reference: String, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let campaign = try context.open(reference)
        guard let review = campaign.state.reviews.last else {
            context.console.print("Phong trào chưa có phiên bình xét nào.")
            return .success
        }
        let present = review.closed?.present.count ?? review.members.count
        let results = review.results(present: present, roster: campaign.roster)
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(ReviewReport(review, results: results)))
            return .success
        }
        var out = "Phiên bình xét \(review.id), \(review.period.vietnamese), họp ngày \(review.date.vietnamese)"
        out += review.closed == nil ? " — đang mở\n" : " — đã đóng (có mặt \(present)/\(review.members.count))\n"
        out += "Hội đồng: " + review.members.map { "\($0.name) (\($0.role))" }.joined(separator: "; ") + "\n"
        out += outcome(results, campaign)
        context.console.print(out)
        return .success
    }
}

/// `thidua review show --format json`.
struct ReviewReport: Encodable {
    struct Row: Encodable {
        var nominee: String
        var participant: String
        var award: String
        var agree, disagree, conflict, voting: Int
        var approved: Bool
        var explanation: String
    }
    var review: String
    var period: String
    var closed: Bool
    var members: Int
    var present: [String]?
    var results: [Row]

    init(_ review: ReviewRecord, results: [NomineeResult]) {
        self.review = review.id
        period = review.period.description
        closed = review.closed != nil
        members = review.members.count
        present = review.closed?.present
        self.results = results.map {
            Row(
                nominee: $0.nominee.id, participant: $0.nominee.participant.description, award: $0.nominee.award, agree: $0.tally.agree,
                disagree: $0.tally.disagree, conflict: $0.tally.conflict, voting: $0.voting, approved: $0.approved,
                explanation: $0.explanation)
        }
    }
}
