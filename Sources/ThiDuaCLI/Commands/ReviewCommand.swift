import Foundation
import ThiDuaCore

/// `thidua review open|vote|tally|close|show`: the council review (bình xét), every step journaled.
enum ReviewCommand: Command {
    static let name = "review"
    static let abstract = "Bình xét của Hội đồng Thi đua – Khen thưởng: mở phiên, ghi phiếu, nhập kiểm phiếu, đóng phiên với kết quả."
    static let arguments = [
        ("<action>", "open | vote | tally | close | show."),
        ("<campaign>", "Mã chiến dịch."),
        ("[<file>]", "Với tally: tệp CSV kiểm phiếu (Mã đề cử, Đồng ý, Không đồng ý, Không biểu quyết)."),
    ]
    static let options = [
        OptionSpec("--period", value: "period", help: "open: kỳ bình xét (mặc định: kỳ mới nhất có số liệu)."),
        OptionSpec("--members", value: "file.csv", help: "open: danh sách Hội đồng (Họ và tên, Chức vụ trong Hội đồng)."),
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
            throw .usage("Missing expected arguments '<action> <campaign>'.", help: "Usage: \(usage)")
        }
        let action = arguments.positionals[0]
        let loaded = try LoadedCampaign.load(arguments.positionals[1], context: context)
        switch action {
        case "open": return try open(arguments, loaded, context)
        case "vote": return try vote(arguments, loaded, context)
        case "tally": return try tally(arguments, loaded, context)
        case "close": return try close(arguments, loaded, context)
        case "show": return try show(arguments, loaded, context)
        default:
            let guess = DidYouMean.suggestion(for: action, among: ["open", "vote", "tally", "close", "show"])
            throw .usage("Unknown action '\(action)'." + (guess.map { " Did you mean '\($0)'?" } ?? ""), help: "Usage: \(usage)")
        }
    }

    static func date(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> CivilDate {
        guard let text = arguments.values["--date"] else { return context.today }
        guard let date = CivilDate(parsing: text) else { throw .usage("--date «\(text)» không phải ngày hợp lệ (dd/mm/yyyy).") }
        return date
    }

    /// Reads a CSV with the given columns, failing with every problem at once.
    static func table(_ path: String, _ specs: [CSVColumnSpec], _ context: CommandContext) throws(CLIError) -> (CSVTable, [String: Int]) {
        let resolved = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
        let (table, problems) = CSVReader.read(path: resolved.path, displayName: path)
        guard let table, !problems.contains(where: { $0.severity == .error }) else { throw refusal(path, problems) }
        let (columns, columnProblems) = CSVColumns.match(table, specs, file: path)
        guard !columnProblems.contains(where: { $0.severity == .error }) else { throw refusal(path, columnProblems) }
        return (table, columns)
    }

    /// The error of a file with problems: each one names the file, the row and the column.
    static func refusal(_ path: String, _ problems: [Diagnostic]) -> CLIError {
        .failure("Tệp \(path) có lỗi; không ghi gì:\n" + problems.map(\.rendered).joined(separator: "\n"))
    }

    static func open(_ arguments: ParsedArguments, _ loaded: LoadedCampaign, _ context: CommandContext) throws(CLIError) -> ExitCode {
        guard let membersPath = arguments.values["--members"] else {
            throw .usage("Missing expected option '--members'.", help: "Usage: \(usage)")
        }
        let period = try loaded.period(arguments, context: context)
        let (memberTable, memberColumns) = try table(membersPath, ReviewSheets.memberColumns, context)
        let (members, memberProblems) = ReviewSheets.members(memberTable, columns: memberColumns, file: membersPath)
        if memberProblems.hasErrors { throw refusal(membersPath, memberProblems) }
        var nominees: [Nominee] = []
        if let path = arguments.values["--nominees"] {
            let (t, c) = try table(path, ReviewSheets.nomineeColumns, context)
            let (listed, problems) = ReviewSheets.nominees(
                t, columns: c, file: path, plan: loaded.plan, state: loaded.state, roster: loaded.roster)
            if problems.hasErrors { throw refusal(path, problems) }
            nominees = listed
        } else {
            let evaluation = loaded.evaluator.evaluate(period)
            for standing in evaluation.standings {
                for award in standing.awards where award.truth == .met {
                    nominees.append(Nominee(id: "\(nominees.count + 1)", participant: standing.participant, award: award.award))
                }
            }
        }
        let meetingDate = try date(arguments, context)
        let (kind, payload): (EventKind, JSONValue)
        do {
            (kind, payload) = try CampaignActions.openReview(
                plan: loaded.plan, state: loaded.state, roster: loaded.roster, period: period, members: members, nominees: nominees,
                meetingDate: meetingDate, place: arguments.values["--place"])
        } catch {
            throw error.cli
        }
        let event = try loaded.append(kind, payload, context: context)
        var out = "Đã mở phiên bình xét \(payload["review"]?.string ?? "") \(period.vietnamese) (dòng \(event.seq)): "
        out += "\(members.count) thành viên, \(nominees.count) đề cử.\n"
        for nominee in nominees {
            let award = loaded.plan.awards.first { $0.id == nominee.award }?.title ?? nominee.award
            out += "  \(nominee.id). \(nominee.participant.name(in: loaded.roster)) — \(award)\n"
        }
        context.console.print(out)
        return .success
    }

    static func ids(_ text: String?, _ review: ReviewRecord) -> [String] {
        guard let text else { return [] }
        if text.trimmingCharacters(in: .whitespaces).lowercased() == "all" { return review.nominees.map(\.id) }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func vote(_ arguments: ParsedArguments, _ loaded: LoadedCampaign, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let review: ReviewRecord
        do {
            review = try CampaignActions.currentReview(loaded.state)
        } catch {
            throw error.cli
        }
        var ballots: [(member: String, votes: [String: Vote])] = []
        if let path = arguments.values["--file"] {
            let (t, c) = try table(path, ReviewSheets.ballotColumns, context)
            let (read, problems) = ReviewSheets.ballots(t, columns: c, file: path, review: review)
            if problems.hasErrors { throw refusal(path, problems) }
            ballots = read
        } else {
            guard let member = arguments.values["--member"] else {
                throw .usage("Cần --member (và --agree/--disagree/--conflict) hoặc --file.", help: "Usage: \(usage)")
            }
            var votes: [String: Vote] = [:]
            for (option, vote) in [("--agree", Vote.agree), ("--disagree", .disagree), ("--conflict", .conflict)] {
                for id in ids(arguments.values[option], review) {
                    if let other = votes[id], other != vote {
                        throw .usage("Đề cử «\(id)» vừa «\(other.vietnamese)» vừa «\(vote.vietnamese)».")
                    }
                    votes[id] = vote
                }
            }
            ballots = [(member, votes)]
        }
        // Check every ballot against the state as it would be after the ones before it.
        var state = loaded.state
        var drafts: [JournalStore.Draft] = []
        var problems: [String] = []
        for (member, votes) in ballots {
            do {
                let (kind, payload) = try CampaignActions.ballot(state: state, member: member, votes: votes)
                let draft = JournalStore.Draft(kind: kind, actor: context.actor, date: context.today, payload: payload)
                drafts.append(draft)
                state.apply(JournalEvent(seq: state.lastSeq + 1, time: "", date: context.today, actor: context.actor, kind: kind, payload: payload, prev: ""))
            } catch {
                problems.append(error.message)
            }
        }
        if !problems.isEmpty { throw .failure("Phiếu có lỗi; không ghi phiếu nào:\n" + problems.joined(separator: "\n")) }
        let result = try JournalAccess.append(drafts, to: loaded.plan, context: context, expectingLastSeq: loaded.state.lastSeq)
        context.console.print("Đã ghi \(result.events.count) phiếu biểu quyết vào phiên \(review.id).")
        return .success
    }

    static func tally(_ arguments: ParsedArguments, _ loaded: LoadedCampaign, _ context: CommandContext) throws(CLIError) -> ExitCode {
        guard arguments.positionals.count >= 3 else {
            throw .usage("Missing expected argument '<file>' (tệp CSV kiểm phiếu).", help: "Usage: \(usage)")
        }
        let path = arguments.positionals[2]
        let review: ReviewRecord
        do {
            review = try CampaignActions.currentReview(loaded.state)
        } catch {
            throw error.cli
        }
        let (t, c) = try table(path, ReviewSheets.tallyColumns, context)
        let (sheet, problems) = ReviewSheets.tally(t, columns: c, file: path, review: review)
        if problems.hasErrors { throw refusal(path, problems) }
        let (kind, payload): (EventKind, JSONValue)
        do {
            (kind, payload) = try CampaignActions.tally(state: loaded.state, sheet: sheet)
        } catch {
            throw error.cli
        }
        let event = try loaded.append(kind, payload, context: context)
        context.console.print("Đã ghi kết quả kiểm phiếu của \(sheet.count) đề cử (dòng \(event.seq)).")
        return .success
    }

    static func close(_ arguments: ParsedArguments, _ loaded: LoadedCampaign, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let absent = (arguments.values["--absent"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let meetingDate = arguments.values["--date"] == nil ? nil : try date(arguments, context)
        let (kind, payload, results): (EventKind, JSONValue, [NomineeResult])
        do {
            (kind, payload, results) = try CampaignActions.closeReview(state: loaded.state, absent: absent, meetingDate: meetingDate)
        } catch {
            throw error.cli
        }
        let event = try loaded.append(kind, payload, context: context)
        var out = "Đã đóng phiên \(payload["review"]?.string ?? "") (dòng \(event.seq)).\n"
        out += outcome(results, loaded)
        context.console.print(out)
        return .success
    }

    static func outcome(_ results: [NomineeResult], _ loaded: LoadedCampaign) -> String {
        var out = ""
        for r in results {
            let award = loaded.plan.awards.first { $0.id == r.nominee.award }?.title ?? r.nominee.award
            out += "  \(r.nominee.id). \(r.nominee.participant.name(in: loaded.roster)) — \(award): "
            out += "đồng ý \(r.tally.agree), không đồng ý \(r.tally.disagree), không biểu quyết \(r.tally.conflict); \(r.explanation)\n"
        }
        return out
    }

    static func show(_ arguments: ParsedArguments, _ loaded: LoadedCampaign, _ context: CommandContext) throws(CLIError) -> ExitCode {
        guard let review = loaded.state.reviews.last else {
            context.console.print("Chiến dịch chưa có phiên bình xét nào.")
            return .success
        }
        let present = review.closed?.present.count ?? review.members.count
        let results = review.results(present: present)
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(ReviewReport(review, results: results)))
            return .success
        }
        var out = "Phiên bình xét \(review.id), \(review.period.vietnamese), họp ngày \(review.date.vietnamese)"
        out += review.closed == nil ? " — đang mở\n" : " — đã đóng (có mặt \(present)/\(review.members.count))\n"
        out += "Hội đồng: " + review.members.map { "\($0.name) (\($0.role))" }.joined(separator: "; ") + "\n"
        out += outcome(results, loaded)
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
