import ThiDuaCore

/// `thidua show <campaign>`: a summary of one campaign.
enum ShowCommand: Command {
    static let name = "show"
    static let examples = ["thidua show minh-xuan-dvk-2026"]
    static let abstract = "Tóm tắt một phong trào: cơ quan, thời gian, chỉ tiêu, tiêu chí, khen thưởng, mốc thời gian."
    static let arguments = [("<campaign>", "Mã phong trào (tên tệp trong campaigns/, không có .json) hoặc đường dẫn tệp.")]
    static let options = [OptionSpec("--format", value: "format", help: "text hoặc json (mặc định: text).", choices: ["text", "json"])]

    struct Summary: Encodable {
        struct Item: Encodable {
            var id: String
            var title: String
            var detail: String?
        }
        var id, type, typeTitle, name, issuer, number, date, title, period, signer: String
        var participants, indicators, criteria, awards, milestones: [Item]
        var recipients: Int
    }

    static func summary(_ plan: CampaignPlan, type: any CampaignType) -> Summary {
        let plan = ResolvedCampaign(plan: plan, type: type).plan  // with what the plan leaves to its type filled in
        let indicators = plan.indicators.map { i in
            Summary.Item(
                id: i.id, title: i.title,
                detail: i.target.map { "\($0.comparison.symbol) \(Numbers.vietnamese($0.value))\(i.measure == .percent ? "%" : "")" })
        }
        let criteria = plan.criteria.map {
            Summary.Item(id: $0.id, title: $0.text, detail: $0.appliesTo.vietnamese + ($0.rule == nil ? "" : ", có điều kiện tự động"))
        }
        let awards = plan.awards.map { a in
            Summary.Item(
                id: a.id, title: a.title,
                detail: [
                    a.recurrence == .annual ? "hằng năm" : "tổng kết", a.level == .upward ? "đề nghị cấp trên" : "cấp xã",
                    a.recipients.map(\.vietnamese).joined(separator: ", "), a.criteriaNote(in: plan),
                ].compactMap { $0 }.joined(separator: "; "))
        }
        let milestones = plan.milestones.map { Summary.Item(id: $0.id, title: $0.title, detail: $0.due?.vietnamese ?? "định kỳ") }
        let start = plan.period.start?.vietnamese ?? "ngày ban hành"
        let signer = [plan.signer.authority, plan.signer.title, plan.signer.name].compactMap { $0 }.joined(separator: " / ")
        return Summary(
            id: plan.id, type: plan.type, typeTitle: type.definition.title, name: plan.name, issuer: plan.issuer.name,
            number: plan.number.printed, date: "\(plan.place), \(plan.date.vietnamese)",
            title: plan.title.replacingOccurrences(of: "\n", with: " "), period: "\(start) – \(plan.period.end.vietnamese)",
            signer: signer,
            participants: plan.participants.map { Summary.Item(id: $0.id, title: $0.text, detail: $0.kind.vietnamese) },
            indicators: indicators, criteria: criteria, awards: awards, milestones: milestones, recipients: plan.recipients.count)
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else {
            throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)")
        }
        let (plan, type) = try CampaignLookup.load(reference, context: context)
        let s = summary(plan, type: type)
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(s))
            return .success
        }
        var out = "\(s.name)\n"
        out += "  Mã: \(s.id)\n  Loại: \(s.typeTitle) (\(s.type))\n  Cơ quan ban hành: \(s.issuer)\n"
        out += "  \(s.number) — \(s.date)\n  Tiêu đề: \(s.title)\n  Thời gian: \(s.period)\n  Người ký: \(s.signer)\n"
        func section(_ title: String, _ items: [Summary.Item]) {
            out += "\n\(title) (\(items.count)):\n"
            for item in items {
                let text = item.title.count > 90 ? String(item.title.prefix(87)) + "…" : item.title
                out += "  - \(item.id): \(text)" + (item.detail.map { " [\($0)]" } ?? "") + "\n"
            }
        }
        section("Đối tượng thi đua", s.participants)
        section("Chỉ tiêu", s.indicators)
        section("Tiêu chí", s.criteria)
        section("Hình thức khen thưởng", s.awards)
        section("Mốc thời gian", s.milestones)
        out += "\nNơi nhận: \(s.recipients)"
        context.console.print(out)
        return .success
    }
}
