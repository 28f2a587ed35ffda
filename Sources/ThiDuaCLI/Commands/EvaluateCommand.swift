import Foundation
import ThiDuaCore
import ThiDuaRender

/// `thidua evaluate`: standings with explanations.
enum EvaluateCommand: Command {
    static let name = "evaluate"
    static let examples = ["thidua evaluate nam-gia-nghia-cchc-2026 --period 2026", "thidua evaluate minh-xuan-dvk-2026 --period 2026-6t --format csv"]
    static let abstract = "Đánh giá, xếp hạng: từng tiêu chí đạt hay không (kèm số liệu), tổng điểm, thứ hạng, hình thức khen thưởng đủ điều kiện."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options = [
        OptionSpec("--period", value: "period", help: "Kỳ đánh giá: năm (2026) hoặc 6 tháng (2026-6t); mặc định kỳ mới nhất có số liệu."),
        OptionSpec("--format", value: "format", help: "table, csv, json hoặc xlsx (mặc định: table).", choices: ["table", "csv", "json", "xlsx"]),
        SpreadsheetOutput.outOption,
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else {
            throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)")
        }
        let (loaded, evaluation) = try context.call { () throws(OfficeError) in
            try context.office.evaluate(reference, period: arguments.values["--period"], today: context.today)
        }
        context.warn(loaded.loaded)
        switch arguments.value("--format", default: "table") {
        case "json": context.console.print(JSONOutput.encode(EvaluationReport(evaluation, plan: loaded.plan)))
        case "xlsx":
            let name = "danh-gia-\(loaded.plan.id)-\(evaluation.period.description)"
            return try SpreadsheetOutput.write(
                SpreadsheetExports.evaluation(evaluation, plan: loaded.plan), arguments: arguments, defaultName: name, context: context)
        case "csv": context.console.print(EvaluationText.csv(evaluation, plan: loaded.plan))
        default: context.console.print(EvaluationText.table(evaluation, plan: loaded.plan, roster: loaded.roster))
        }
        return .success
    }
}

/// The evaluation as text and CSV.
enum EvaluationText {
    static func table(_ e: Evaluation, plan: CampaignPlan, roster: Roster) -> String {
        var out = "Đánh giá «\(plan.name)» — \(e.period.vietnamese)" + (e.locked ? " (đã khóa)" : "") + "\n"
        if !e.indicators.isEmpty {
            out += "\nChỉ tiêu chung:\n"
            for i in e.indicators { out += "  \(mark(i.truth)) \(i.explanation)\n" }
        }
        if !e.registrations.isEmpty {
            out += "\nĐăng ký, cam kết:\n"
            for r in e.registrations { out += "  \(mark(r.truth)) \(r.explanation)\n" }
        }
        if e.standings.isEmpty {
            out += "\nChưa có đơn vị, cá nhân nào tham gia (chạy `thidua enroll \(plan.id)`).\n"
        }
        for kind in ParticipantKind.allCases {
            let group = e.standings.filter { $0.participant.kind == kind }
            guard !group.isEmpty else { continue }
            out += "\n" + (kind == .collective ? "Tập thể" : "Cá nhân") + " (\(group.count)):\n"
            let nameWidth = min(34, max(12, group.map { $0.name.count }.max() ?? 12))
            out +=
                "  " + pad("Hạng", 5) + pad(kind == .collective ? "Đơn vị" : "Họ và tên", nameWidth + 2) + pad("Tiêu chí", 10)
                + pad("Tổng", 12) + "Đủ điều kiện khen thưởng\n"
            for s in group {
                let criteria = s.criteria.isEmpty ? "—" : "\(s.met)/\(s.criteria.count)"
                let total =
                    s.criteria.isEmpty && s.scores.isEmpty
                    ? "—"
                    : s.total.map { t in Numbers.vietnamese(t) + (s.maxTotal.map { "/" + Numbers.vietnamese($0) } ?? "") }
                        ?? (s.scores.contains { $0.status == .unrated } ? "không xếp loại" : "thiếu")
                let awards = s.awards.filter { $0.truth == .met }.map(\.title).joined(separator: "; ")
                out +=
                    "  " + pad(s.rank.map(String.init) ?? "—", 5) + pad(s.name, nameWidth + 2) + pad(criteria, 10) + pad(total, 12)
                    + (awards.isEmpty ? "—" : awards) + "\n"
            }
        }
        let detailed = e.standings.filter { !$0.criteria.isEmpty || !$0.awards.isEmpty || !$0.indicators.isEmpty || !$0.scores.isEmpty }
        if !detailed.isEmpty {
            out += "\nGiải thích:\n"
            for s in detailed {
                out += "  \(s.name)" + (s.rank.map { " (hạng \($0))" } ?? " (chưa xếp hạng)") + "\n"
                for c in s.criteria { out += "    \(mark(c.truth)) \(c.id): \(c.explanation)\n" }
                for sheet in s.scores {
                    out += "    [điểm] " + ([sheet.explanation] + [sheet.rankExplanation].compactMap { $0 }).joined(separator: "; ") + "\n"
                }
                for i in s.indicators { out += "    \(mark(i.truth)) chỉ tiêu \(i.indicator): \(i.explanation)\n" }
                for a in s.awards { out += "    \(mark(a.truth)) \(a.title): \(a.explanation)\n" }
            }
        }
        out += "\n" + ([Evaluation.tieRule] + e.rankingRules).joined(separator: "\n")
        return out
    }

    static func mark(_ truth: Truth) -> String {
        switch truth {
        case .met: "[đạt]"
        case .notMet: "[không]"
        case .missing: "[thiếu]"
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func csv(_ e: Evaluation, plan: CampaignPlan) -> String {
        let header = ["Kỳ", "Loại", "Mã", "Tên", "Hạng", "Tiêu chí đạt", "Tiêu chí thiếu số liệu", "Tổng", "Tối đa", "Đủ điều kiện", "Giải thích"]
        var rows: [[String]] = []
        for s in e.standings {
            let explanation =
                (s.scores.map(\.explanation) + s.criteria.map { "\($0.id): \($0.explanation)" } + s.awards.map { "\($0.title): \($0.explanation)" })
                .joined(separator: " | ")
            rows.append([
                e.period.description, s.participant.kind.vietnamese, s.participant.id, s.name, s.rank.map(String.init) ?? "",
                "\(s.met)", "\(s.missing)", s.total.map { Numbers.vietnamese($0) } ?? "", s.maxTotal.map { Numbers.vietnamese($0) } ?? "",
                s.qualifies.joined(separator: "; "), explanation,
            ])
        }
        return CSVWriter.write(header: header, rows: rows)
    }
}

/// `--format json` of `thidua evaluate`.
struct EvaluationReport: Encodable {
    struct Item: Encodable {
        var id: String
        var truth: String
        var explanation: String
        var points: Double?
        var maxPoints: Double?
    }
    struct Row: Encodable {
        var kind: String
        var id: String
        var name: String
        var rank: Int?
        var met: Int
        var missing: Int
        var total: Double?
        var maxTotal: Double?
        var criteria: [Item]
        var indicators: [Item]
        var awards: [Item]
        var qualifies: [String]
        var scores: [Item]
    }
    var campaign: String
    var period: String
    var locked: Bool
    var indicators: [Item]
    var registrations: [Item]
    var standings: [Row]
    var tieRule: String

    init(_ e: Evaluation, plan: CampaignPlan) {
        campaign = e.campaign
        period = e.period.description
        locked = e.locked
        indicators = e.indicators.map { Item(id: $0.indicator, truth: $0.truth.rawValue, explanation: $0.explanation) }
        registrations = e.registrations.map { Item(id: $0.form, truth: $0.truth.rawValue, explanation: $0.explanation) }
        standings = e.standings.map { s in
            Row(
                kind: s.participant.kind.rawValue, id: s.participant.id, name: s.name, rank: s.rank, met: s.met, missing: s.missing,
                total: s.total, maxTotal: s.maxTotal,
                criteria: s.criteria.map {
                    Item(id: $0.id, truth: $0.truth.rawValue, explanation: $0.explanation, points: $0.points, maxPoints: $0.maxPoints)
                },
                indicators: s.indicators.map { Item(id: $0.indicator, truth: $0.truth.rawValue, explanation: $0.explanation) },
                awards: s.awards.map { Item(id: $0.award, truth: $0.truth.rawValue, explanation: $0.explanation) },
                qualifies: s.qualifies,
                scores: s.scores.map {
                    Item(
                        id: $0.table, truth: $0.band ?? "", explanation: $0.explanation, points: $0.total?.value, maxPoints: $0.maxTotal.value)
                })
        }
        tieRule = Evaluation.tieRule
    }
}

/// `thidua appraise`: an appraiser changes a self-assessed item, with a reason.
enum AppraiseCommand: Command {
    static let name = "appraise"
    static let examples = [
        "thidua appraise phung-chi-kien-dvcq-2024 --participant \"Văn phòng HĐND và UBND\" --item tc-tap-the-ke-hoach --met yes --reason \"Đã đối chiếu minh chứng\""
    ]
    static let abstract = "Thẩm định kết quả tự đánh giá: sửa đạt/không đạt, điểm hoặc minh chứng của một tiêu chí, bắt buộc ghi lý do."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options = [
        OptionSpec("--participant", value: "unit|person", help: "Đơn vị hoặc cá nhân (mã hoặc tên)."),
        OptionSpec("--item", value: "id", help: "Mã tiêu chí hoặc nội dung cần xác nhận."),
        OptionSpec("--met", value: "yes|no", help: "Kết quả thẩm định: có (đạt) hoặc không.", choices: ["yes", "no", "co", "khong"]),
        OptionSpec("--points", value: "n", help: "Điểm thẩm định."),
        OptionSpec("--evidence", value: "text", help: "Minh chứng."),
        OptionSpec("--reason", value: "text", help: "Lý do thay đổi (bắt buộc)."),
        OptionSpec("--period", value: "period", help: "Kỳ đánh giá (mặc định: kỳ mới nhất có số liệu)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else {
            throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)")
        }
        for option in ["--participant", "--item", "--reason"] where arguments.values[option] == nil {
            throw .usage("Thiếu tùy chọn bắt buộc «\(option)».", help: "Cách dùng: \(usage)")
        }
        var points: Double?
        if let text = arguments.values["--points"] {
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                throw .usage("--points «\(text)» không phải số.")
            }
            points = value
        }
        let met = arguments.values["--met"].map { $0 == "yes" || $0 == "co" }
        let request = AppraisalRequest(
            participant: arguments.values["--participant"] ?? "", item: arguments.values["--item"] ?? "", met: met, points: points,
            evidence: arguments.values["--evidence"], reason: arguments.values["--reason"] ?? "", period: arguments.values["--period"])
        context.warnAbout(reference)
        let result = try context.call { () throws(OfficeError) in try context.office.appraise(reference, request, as: context.acting) }
        let changes = changeSummary(old: result.old, met: met, points: points, evidence: arguments.values["--evidence"])
        context.console.print(
            "Đã ghi thẩm định (dòng \(result.seq)): \(result.participantName), \(request.item): \(changes). Lý do: \(request.reason).")
        return .success
    }

    /// What the appraisal changes, against the assessment it replaces: the result ("không đạt →
    /// đạt", or "giữ nguyên: đạt" when it stays), then the points and the evidence when given
    /// ("điểm 8 → 10", "minh chứng cập nhật: «…»"), each said unchanged when it is.
    static func changeSummary(old: Assessment?, met: Bool?, points: Double?, evidence: String?) -> String {
        func result(_ value: Bool?) -> String { value.map { $0 ? "đạt" : "không đạt" } ?? "chưa tự đánh giá" }
        var parts: [String] = []
        if let met, met != old?.met {
            parts.append("\(result(old?.met)) → \(result(met))")
        } else {
            parts.append("giữ nguyên: \(result(old?.met))")
        }
        if let points {
            let new = Numbers.vietnamese(points)
            if let before = old?.points {
                parts.append(before == points ? "điểm giữ nguyên: \(new)" : "điểm \(Numbers.vietnamese(before)) → \(new)")
            } else {
                parts.append("điểm: chưa chấm → \(new)")
            }
        }
        if let evidence {
            let new = evidence.trimmingCharacters(in: .whitespacesAndNewlines)
            let before = old?.evidence?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if new == before {
                parts.append("minh chứng giữ nguyên")
            } else if new.isEmpty {
                parts.append("bỏ minh chứng «\(before)»")
            } else if before.isEmpty {
                parts.append("bổ sung minh chứng: «\(new)»")
            } else {
                parts.append("minh chứng cập nhật: «\(new)» (trước: «\(before)»)")
            }
        }
        return parts.joined(separator: "; ")
    }
}
