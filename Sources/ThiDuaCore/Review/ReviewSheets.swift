import ThiDuaBase

/// The council's CSV sheets read row by row: the members list, the nominees list, the named
/// ballots and the paper tally sheet.
///
/// Every problem is a `Diagnostic` naming the file, the row and the column (as the file's own
/// header names it), what was found and what is allowed. Any problem means the caller records
/// nothing; all problems of a sheet are reported at once.
public enum ReviewSheets {
    // MARK: Columns

    /// The members list: Họ và tên, Chức vụ trong Hội đồng.
    public static let memberColumns = [
        CSVColumnSpec(key: "name", label: "Họ và tên", aliases: ["Thành viên", "Tên"], required: true),
        CSVColumnSpec(key: "role", label: "Chức vụ trong Hội đồng", aliases: ["Chức vụ", "Vai trò", "Nhiệm vụ"], required: false),
    ]

    /// The nominees list: Đối tượng, Hình thức.
    public static let nomineeColumns = [
        CSVColumnSpec(key: "who", label: "Đối tượng", aliases: ["Đơn vị, cá nhân", "Họ và tên", "Tên"], required: true),
        CSVColumnSpec(key: "award", label: "Hình thức", aliases: ["Hình thức khen thưởng"], required: true),
    ]

    /// Named ballots: Thành viên, Mã đề cử, Biểu quyết.
    public static let ballotColumns = [
        CSVColumnSpec(key: "member", label: "Thành viên", aliases: ["Họ và tên"], required: true),
        CSVColumnSpec(key: "nominee", label: "Mã đề cử", aliases: ["Đề cử", "Số thứ tự"], required: true),
        CSVColumnSpec(key: "vote", label: "Biểu quyết", aliases: ["Ý kiến"], required: true),
    ]

    /// The tally sheet: Mã đề cử, Đồng ý, Không đồng ý, Không biểu quyết.
    public static let tallyColumns = [
        CSVColumnSpec(key: "nominee", label: "Mã đề cử", aliases: ["Đề cử", "Số thứ tự"], required: true),
        CSVColumnSpec(key: "agree", label: "Đồng ý", required: true),
        CSVColumnSpec(key: "disagree", label: "Không đồng ý", required: true),
        CSVColumnSpec(key: "conflict", label: "Không biểu quyết", aliases: ["Xung đột lợi ích"], required: false),
    ]

    /// A sheet's columns as `CSVColumns.match` found them, and how the file names each one.
    struct Columns {
        let table: CSVTable
        let indices: [String: Int]
        let specs: [CSVColumnSpec]

        /// The column's name in the file's header, or the spec's label.
        func name(_ key: String) -> String {
            if let index = indices[key], table.header.indices.contains(index), !table.header[index].isEmpty {
                return table.header[index]
            }
            return specs.first { $0.key == key }?.label ?? key
        }

        /// The trimmed, NFC cell of that column in the row ("" when the column is absent).
        func cell(_ row: CSVRow, _ key: String) -> String {
            guard let index = indices[key] else { return "" }
            return VietnameseText.nfc(row[safe: index].trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// An error at a cell: `dòng 5, cột «Họ và tên»: …`.
    static func cellError(_ file: String, _ row: CSVRow, _ column: String, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, path: "dòng \(row.line), cột «\(column)»", line: row.line, message: message, hint: hint)
    }

    /// An error at a whole row.
    static func rowError(_ file: String, _ row: CSVRow, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, path: "dòng \(row.line)", line: row.line, message: message, hint: hint)
    }

    /// The error of a sheet with a header and no row.
    static func headerOnly(_ file: String, _ table: CSVTable, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(.error, file: file, path: "dòng \(table.headerLine)", line: table.headerLine, message: message, hint: hint)
    }

    // MARK: Members

    /// The council members of a members list; empty names, names given twice and a list with
    /// nobody are errors. An empty role reads as "Ủy viên".
    public static func members(_ table: CSVTable, columns: [String: Int], file: String) -> ([CouncilMember], [Diagnostic]) {
        let c = Columns(table: table, indices: columns, specs: memberColumns)
        guard !table.rows.isEmpty else {
            return (
                [],
                [
                    headerOnly(
                        file, table, "Hội đồng chưa có thành viên nào: tệp chỉ có dòng tiêu đề",
                        hint: "ghi mỗi thành viên một dòng dưới dòng tiêu đề (\(memberColumns.map(\.label).joined(separator: ", ")))")
                ]
            )
        }
        var members: [CouncilMember] = []
        var problems: [Diagnostic] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let name = c.cell(row, "name")
            let key = VietnameseText.key(name)
            guard !key.isEmpty else {
                problems.append(
                    cellError(
                        file, row, c.name("name"), "ô để trống: có thành viên Hội đồng không có họ tên",
                        hint: "ghi họ và tên thành viên, hoặc xóa dòng này"))
                continue
            }
            if let first = firstLine[key] {
                problems.append(
                    cellError(
                        file, row, c.name("name"),
                        "«\(name)» có tên hai lần trong danh sách Hội đồng (dòng \(first) và dòng \(row.line))",
                        hint: "mỗi thành viên chỉ ghi một dòng; xóa dòng thừa"))
                continue
            }
            firstLine[key] = row.line
            let role = c.cell(row, "role")
            members.append(CouncilMember(name: name, role: role.isEmpty ? "Ủy viên" : role))
        }
        return (members, problems)
    }

    // MARK: Nominees

    /// The nominees of a nominees list, numbered "1", "2"… in row order. Each row must name a
    /// participant of the roster enrolled in the campaign, and an award kind of the plan (by id
    /// or title) given to that kind of participant; the same nomination twice is an error.
    public static func nominees(
        _ table: CSVTable, columns: [String: Int], file: String, plan: CampaignPlan, state: CampaignState, roster: Roster
    ) -> ([Nominee], [Diagnostic]) {
        let c = Columns(table: table, indices: columns, specs: nomineeColumns)
        guard !table.rows.isEmpty else {
            return (
                [],
                [
                    headerOnly(
                        file, table, "danh sách đề cử chưa có ai: tệp chỉ có dòng tiêu đề",
                        hint:
                            "ghi mỗi đề cử một dòng (Đối tượng, Hình thức), hoặc bỏ --nominees để đề cử mọi đối tượng đủ điều kiện")
                ]
            )
        }
        let awardList = plan.awards.map { "«\($0.title)» (\($0.id))" }.joined(separator: ", ")
        var nominees: [Nominee] = []
        var problems: [Diagnostic] = []
        var firstLine: [Nominee: Int] = [:]
        for row in table.rows {
            let who = c.cell(row, "who")
            let awardText = c.cell(row, "award")
            var participant: ParticipantRef?
            switch resolve(who, roster: roster) {
            case .success(let found):
                if let problem = enrolmentProblem(found, state: state, roster: roster) {
                    problems.append(cellError(file, row, c.name("who"), problem, hint: "chạy `thidua enroll` trước, hoặc bỏ dòng này"))
                } else {
                    participant = found
                }
            case .failure(let problem):
                problems.append(cellError(file, row, c.name("who"), problem.message, hint: problem.hint))
            }
            var award: AwardKind?
            if awardText.isEmpty {
                problems.append(
                    cellError(file, row, c.name("award"), "ô để trống; cần một hình thức khen thưởng của kế hoạch: \(awardList)"))
            } else if let found = plan.awards.first(where: { $0.id == awardText || VietnameseText.sameName($0.title, awardText) }) {
                award = found
            } else {
                let guess = VietnameseText.suggestion(for: awardText, among: plan.awards.map(\.title))
                problems.append(
                    cellError(
                        file, row, c.name("award"),
                        "«\(awardText)» không có trong kế hoạch; các hình thức khen thưởng của kế hoạch: \(awardList)",
                        hint: guess.map { "có phải ý bạn là «\($0)»?" } ?? "ghi đúng tên hoặc mã hình thức như trong kế hoạch"))
            }
            guard let participant, let award else { continue }
            guard award.recipients.contains(participant.kind) else {
                problems.append(
                    cellError(
                        file, row, c.name("award"),
                        "«\(award.title)» không dành cho \(participant.kind.vietnamese) («\(participant.name(in: roster))»); hình thức này dành cho: \(award.recipients.map(\.vietnamese).joined(separator: ", "))"
                    ))
                continue
            }
            let key = Nominee(id: "", participant: participant, award: award.id)
            if let first = firstLine[key] {
                problems.append(
                    rowError(
                        file, row, "«\(participant.name(in: roster))» đã được đề cử «\(award.title)» ở dòng \(first)",
                        hint: "mỗi đề cử chỉ ghi một dòng; xóa dòng thừa"))
                continue
            }
            firstLine[key] = row.line
            nominees.append(Nominee(id: "\(nominees.count + 1)", participant: participant, award: award.id))
        }
        return (nominees, problems)
    }

    /// A problem with a place: the message and, when there is one, how to fix it.
    public struct Finding: Error, Sendable, Equatable {
        public var message: String
        public var hint: String?

        /// Both as sentences, for a message that has no file to name (a command-line value).
        public var sentence: String {
            func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
            var out = capitalized(message) + "."
            if let hint {
                out += " " + capitalized(hint)
                if let last = hint.last, !".?!".contains(last) { out += "." }
            }
            return out
        }
    }

    /// A participant named by code (`don-vi:…`, `ca-nhan:…`), unit id or name, or person id or
    /// name (a name shared by several people must be given by code).
    public static func resolve(_ text: String, roster: Roster) -> Result<ParticipantRef, Finding> {
        let trimmed = VietnameseText.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !trimmed.isEmpty else {
            return .failure(Finding(message: "ô để trống; cần tên hoặc mã một đơn vị, cá nhân trong danh sách", hint: nil))
        }
        if let ref = ParticipantRef(parsing: trimmed) {
            let known = ref.kind == .collective ? roster.units.contains { $0.id == ref.id } : roster.people.contains { $0.id == ref.id }
            if known { return .success(ref) }
            return .failure(Finding(message: "không có \(ref.kind.vietnamese) mã «\(ref.id)» trong danh sách", hint: nil))
        }
        if let unit = roster.unit(trimmed) { return .success(.unit(unit.id)) }
        if let person = roster.person(trimmed) { return .success(.person(person.id)) }
        let namesakes = roster.people(named: trimmed)
        if namesakes.count > 1 {
            return .failure(
                Finding(
                    message: "có \(namesakes.count) người tên «\(trimmed)» trong danh sách",
                    hint: "ghi mã cá nhân để phân biệt: " + namesakes.map { "ca-nhan:\($0.id)" }.joined(separator: ", ")))
        }
        let guess = VietnameseText.suggestion(for: trimmed, among: roster.units.map(\.name) + roster.people.map(\.name))
        return .failure(
            Finding(
                message: "không tìm thấy đơn vị hay cá nhân «\(trimmed)» trong danh sách",
                hint: guess.map { "có phải ý bạn là «\($0)»?" } ?? "ghi đúng tên hoặc mã như trong danh sách đơn vị, cá nhân"))
    }

    /// Why the participant cannot be nominated in this campaign, if it cannot.
    static func enrolmentProblem(_ participant: ParticipantRef, state: CampaignState, roster: Roster) -> String? {
        let enrolled = participant.kind == .collective ? state.units : state.people
        return enrolled.contains(participant.id) ? nil : "«\(participant.name(in: roster))» chưa tham gia phong trào này"
    }

    // MARK: Ballots

    /// The named ballots of a ballots file, one per member in the order they first appear:
    /// each row must name a member of the review, one of its nominee codes and a valid vote.
    /// Two different votes of a member on one nominee are an error.
    public static func ballots(
        _ table: CSVTable, columns: [String: Int], file: String, review: ReviewRecord
    ) -> ([(member: String, votes: [String: Vote])], [Diagnostic]) {
        let c = Columns(table: table, indices: columns, specs: ballotColumns)
        if review.secret {
            return (
                [],
                [
                    Diagnostic(
                        .error, file: file,
                        message: "phiên «\(review.id)» bỏ phiếu kín nên không nhận phiếu ghi tên",
                        hint: "nhập kết quả kiểm phiếu bằng `thidua review tally`")
                ]
            )
        }
        guard !table.rows.isEmpty else {
            return (
                [],
                [
                    headerOnly(
                        file, table, "tệp phiếu chưa có phiếu nào: tệp chỉ có dòng tiêu đề",
                        hint: "ghi mỗi ý kiến một dòng (\(ballotColumns.map(\.label).joined(separator: ", ")))")
                ]
            )
        }
        var problems: [Diagnostic] = []
        var order: [String] = []
        var votes: [String: [String: (vote: Vote, line: Int)]] = [:]
        for row in table.rows {
            let memberText = c.cell(row, "member")
            let id = c.cell(row, "nominee")
            let voteText = c.cell(row, "vote")
            var member: CouncilMember?
            if memberText.isEmpty {
                problems.append(
                    cellError(file, row, c.name("member"), "ô để trống; cần họ tên một thành viên Hội đồng: \(review.memberList)"))
            } else if let found = review.member(named: memberText) {
                member = found
            } else {
                let finding = review.unknownMember(memberText)
                problems.append(cellError(file, row, c.name("member"), finding.message, hint: finding.hint))
            }
            var nominee: Nominee?
            if id.isEmpty {
                problems.append(cellError(file, row, c.name("nominee"), "ô để trống; cần mã một đề cử của phiên: \(review.nomineeCodes)"))
            } else if let found = review.nominee(id) {
                nominee = found
            } else {
                let finding = review.unknownNominee(id)
                problems.append(cellError(file, row, c.name("nominee"), finding.message, hint: finding.hint))
            }
            guard let vote = Vote(typed: voteText) else {
                problems.append(
                    cellError(
                        file, row, c.name("vote"),
                        "«\(voteText)» không hợp lệ; dùng «đồng ý», «không đồng ý» hoặc «xung đột lợi ích»"))
                continue
            }
            guard let member, let nominee else { continue }
            if let earlier = votes[member.name]?[nominee.id] {
                if earlier.vote != vote {
                    problems.append(
                        rowError(
                            file, row,
                            "«\(member.name)» đã biểu quyết «\(earlier.vote.vietnamese)» cho đề cử «\(nominee.id)» ở dòng \(earlier.line), nay lại «\(vote.vietnamese)»",
                            hint: "mỗi thành viên chỉ có một ý kiến cho mỗi đề cử; giữ lại một dòng"))
                }
                continue
            }
            if votes[member.name] == nil { order.append(member.name) }
            votes[member.name, default: [:]][nominee.id] = (vote, row.line)
        }
        return (order.map { name in (name, (votes[name] ?? [:]).mapValues(\.vote)) }, problems)
    }
}

extension ReviewRecord {
    /// The member with that name (NFC, case-insensitive, spaces folded).
    public func member(named name: String) -> CouncilMember? {
        let key = VietnameseText.key(name)
        return members.first { VietnameseText.key($0.name) == key }
    }

    /// The nominee with that code.
    public func nominee(_ id: String) -> Nominee? { nominees.first { $0.id == id } }

    /// "«Nguyễn Văn An», «Trần Thị Bình»".
    var memberList: String { VietnameseText.quotedList(members.map(\.name), limit: 30) }

    /// "1, 2, 3".
    var nomineeCodes: String { nominees.map(\.id).joined(separator: ", ") }

    /// Why `name` is not a member of this review, with the members and a did-you-mean.
    public func unknownMember(_ name: String) -> ReviewSheets.Finding {
        let guess = VietnameseText.suggestion(for: name, among: members.map(\.name))
        return ReviewSheets.Finding(
            message: "«\(name)» không phải thành viên Hội đồng của phiên «\(id)»; các thành viên: \(memberList)",
            hint: guess.map { "có phải ý bạn là «\($0)»?" })
    }

    /// Why `code` names no nominee of this review, with the codes.
    public func unknownNominee(_ code: String) -> ReviewSheets.Finding {
        ReviewSheets.Finding(
            message: "không có đề cử mã «\(code)» trong phiên «\(id)»; các mã: \(nomineeCodes)",
            hint: "xem danh sách đề cử bằng `thidua review show`")
    }
}
