import ThiDuaBase

/// Builds the documents of a running campaign from its plan, journal state and roster: filled
/// forms, sơ kết / tổng kết reports, the review minutes, the tờ trình, the báo cáo thành tích,
/// the decision and the certificates. Draft numbers and dates print as the seeds print them
/// ("Số:      /BB-HĐTĐKT", "ngày … tháng … năm 2026").
public struct DossierBuilder: Sendable {
    public let campaign: ResolvedCampaign
    public let state: CampaignState
    public let roster: Roster
    /// Awards received in every campaign of the workspace, for the award history of a nominee.
    public let history: [ParticipantRef: [String]]

    /// The facts every section and report reads, gathered once for the whole dossier.
    private let lazyFacts: LazyValue<FactBase>

    public init(campaign: ResolvedCampaign, state: CampaignState, roster: Roster, history: [ParticipantRef: [String]] = [:]) {
        self.campaign = campaign
        self.state = state
        self.roster = roster
        self.history = history
        lazyFacts = LazyValue { FactBase(campaign: campaign, state: state, roster: roster) }
    }

    /// Everything the rules read, gathered from the state (built on first use, then shared).
    var facts: FactBase { lazyFacts.value }

    var plan: CampaignPlan { campaign.plan }

    /// The campaign's header with a draft number of this symbol and a draft date in `year`.
    func header(symbol: String, number: String? = nil, date: CivilDate? = nil, year: Int) -> DocumentHeader {
        let numberLine = DocumentNumber(number: number, symbol: self.symbol(symbol), style: plan.number.style).printed
        let partial = date.map { PartialDate(day: $0.day, month: $0.month, year: $0.year) } ?? PartialDate(year: year)
        return PlanDocumentBuilder.header(for: plan, number: numberLine, date: partial)
    }

    /// A type abbreviation with the issuer's part of the plan's symbol: "BC" → "BC-UBND"
    /// ("BC/ĐU" for the Party).
    func symbol(_ abbreviation: String) -> String {
        guard !abbreviation.contains("-") && !abbreviation.contains("/") else { return abbreviation }
        return plan.number.symbol(forType: abbreviation)
    }

    /// The header of a document from a body under the issuer (the reviewing body, an office):
    /// the issuer's lines above, the body's line, a draft number of `type` with the body's symbol.
    func bodyHeader(issuerLine: String, type: String, bodySymbol: String, placeAndDate: String) -> DocumentHeader {
        let style = plan.number.style
        return DocumentHeader(
            parentLine: plan.issuer.headerLines.joined(separator: " "), issuerLines: [issuerLine],
            numberLine: DocumentNumber(symbol: style.symbol(type: type, issuer: bodySymbol), style: style).printed,
            placeAndDate: placeAndDate, heading: plan.issuer.heading, mark: plan.issuer.mark)
    }

    /// The issuer's name in running text: "Ủy ban nhân dân phường Minh Xuân".
    var issuerName: String { plan.issuer.name }

    /// The chairman's signature on a decision (in person: no "TM.").
    var chairSignature: Signature {
        let signer = plan.signer
        // A body that decides collectively (a Ban Thường trực) signs "TM." as in its plan.
        if plan.awarding?.decisionMaker != nil { return Signature(signer) }
        if let authority = signer.authority, authority.hasPrefix("TM.") {
            return Signature(authority: nil, title: signer.title, name: signer.name)
        }
        return Signature(signer)
    }

    func name(_ who: ParticipantRef) -> String { who.name(in: roster) }

    func awardTitle(_ id: String) -> String { plan.awards.first { $0.id == id }?.title ?? id }

    /// The award's title, told apart from another kind of the same title by when it is given:
    /// "Giấy khen của Chủ tịch UBND phường (khen thưởng năm 2026)", "(khen thưởng tổng kết)".
    func awardLabel(_ id: String, period: EvaluationPeriod) -> String {
        guard let award = plan.awards.first(where: { $0.id == id }) else { return id }
        guard plan.awards.contains(where: { $0.id != id && $0.title == award.title }) else { return award.title }
        return award.title + (award.recurrence == .final ? " (khen thưởng tổng kết)" : " (khen thưởng \(period.vietnamese))")
    }

    static func blank(_ prompt: String, lines: Int = 4) -> Block { .blank(prompt: prompt, lines: lines) }

    static func para(_ text: String, _ emphasis: Emphasis = []) -> Block { .paragraph(Paragraph(text, emphasis: emphasis)) }

    // MARK: Filled forms

    /// A filled form: the form's title, who sent it and when, and its rows as a table.
    public func filledForm(_ record: SubmissionRecord) -> Document? {
        guard let form = campaign.form(record.form) else { return nil }
        var body: [Block] = []
        for line in form.preamble ?? [] { body.append(Self.para(line)) }
        let from = record.from.map { id in roster.units.first { $0.id == id }?.name ?? roster.people.first { $0.id == id }?.name ?? id }
        body.append(
            .paragraph(
                Paragraph(
                    "Nộp ngày \(record.date.vietnamese)" + (from.isEmpty ? "" : " — \(from.joined(separator: ", "))")
                        + (record.late ? " (nộp muộn)" : ""), emphasis: .italic, alignment: .left, indented: false)))
        let rows = record.rows.enumerated().map { index, row in
            ["\(index + 1)"] + form.fields.map { field in row[field.id].map { cell($0, field: field) } ?? "" }
        }
        let columns = ["TT"] + form.fields.map(\.label)
        body.append(.table(Table(columns: columns, rows: rows)))
        return Document(
            header: PlanDocumentBuilder.header(for: plan, number: nil, date: nil), kindName: form.title.uppercased(),
            summary: [plan.movementName.capitalizedFirstLetter], body: body, signatures: [Signature(title: "NGƯỜI LẬP BIỂU", name: nil)],
            page: columns.count > Self.portraitColumns ? .wide : .document)
    }

    /// More columns than this do not fit a portrait page in 13 pt: the form prints landscape.
    static let portraitColumns = 6

    /// A submitted value as an official reads it: a year as written ("2025", never "2.025"),
    /// a criterion or indicator by its title rather than its code, names for units and people.
    func cell(_ value: FieldValue, field: FieldSpec) -> String {
        let yearField = field.role == .year || field.id == "nam" || field.label.hasPrefix("Năm")
        if yearField, case .integer(let year) = value { return String(year) }
        switch value {
        case .text(let id), .choice(let id):
            // A criterion, check or indicator named by its code: its title instead.
            if let title = itemTitles[id] { return title }
        default: break
        }
        return value.display(in: roster)
    }

    /// Titles of the plan's criteria, indicators and the type's checks, by id.
    var itemTitles: [String: String] {
        var out: [String: String] = [:]
        for check in campaign.definition.attestedChecks { out[check.id] = check.title }
        for indicator in campaign.definition.indicators { out[indicator.id] = indicator.title }
        for indicator in plan.indicators { out[indicator.id] = indicator.title }
        for criterion in campaign.definition.criteria { out[criterion.id] = criterion.text }
        for criterion in plan.criteria {
            out[criterion.id] = criterion.text
            if let catalogue = criterion.catalogue { out[catalogue] = criterion.text }
        }
        return out
    }

    // MARK: Sơ kết, tổng kết

    /// The sơ kết or tổng kết report in the type's layout, filled with the campaign's data;
    /// sections the official writes are left as marked blanks.
    public func report(_ kind: ReportKind, evaluation: Evaluation) -> Document {
        let layout =
            campaign.definition.report(kind)
            ?? ReportLayout(
                kind: kind, title: "Báo cáo \(kind.vietnamese) phong trào thi đua",
                sections: [ReportSection(id: "ket-qua", heading: "Kết quả thực hiện", source: .standings)])
        var body: [Block] = []
        body.append(
            Self.para(
                "Thực hiện \(plan.citation) về \(plan.titleInText), \(issuerName) báo cáo kết quả \(evaluation.period.vietnamese) như sau:"
            ))
        for (index, section) in layout.sections.enumerated() {
            body.append(.heading("\(Numbers.roman(index + 1)). \(section.heading.uppercased())", level: 1))
            body += blocks(for: section, evaluation: evaluation)
        }
        return Document(
            header: header(symbol: "BC", year: evaluation.period.year), kindName: "BÁO CÁO",
            summary: Self.reportSummary(layout.title, movement: plan.movementName), body: body, signatures: [Signature(plan.signer)],
            recipients: reportRecipients)
    }

    func blocks(for section: ReportSection, evaluation: Evaluation) -> [Block] {
        switch section.source {
        case .handwritten:
            return [Self.blank(section.prompt ?? "Cán bộ phụ trách viết phần này", lines: 5)]
        case .participation:
            let units = state.units.count
            let people = state.people.count
            var out = [
                Self.para(
                    "Số đơn vị tham gia: \(units); số cán bộ, công chức và người tham gia: \(people). Số biểu mẫu đã nhận: \(state.submissions.count) lượt, trong đó \(state.submissions.filter(\.late).count) lượt nộp muộn."
                )
            ]
            for r in evaluation.registrations { out.append(Self.para(registrationSentence(r, period: evaluation.period))) }
            return out
        case .indicators:
            let all = plan.indicators.filter { $0.target != nil || ($0.scope ?? .campaign) == .campaign }
            guard !all.isEmpty else { return [Self.blank(section.prompt ?? "Kết quả các chỉ tiêu", lines: 3)] }
            let evaluator = RuleEvaluator(facts: facts, period: evaluation.period)
            let rows = all.enumerated().map { index, indicator -> [String] in
                let value = evaluator.lookup(indicator.id, nil, in: evaluation.period)?.value
                let target = indicator.target.map { "\($0.comparison.symbol) \(evaluator.format($0.value, indicator.id, fixed: false))" } ?? ""
                let truth: String
                if let value, let t = indicator.target {
                    truth = t.comparison.holds(value, t.value) ? "Đạt" : "Chưa đạt"
                } else {
                    truth = value == nil ? "Chưa có số liệu" : ""
                }
                return ["\(index + 1)", indicator.title, target, value.map { evaluator.format($0, indicator.id) } ?? "…", truth]
            }
            var out: [Block] = [
                .table(Table(columns: ["TT", "Chỉ tiêu", "Kế hoạch", "Kết quả", "Đánh giá"], rows: rows, widths: [0.6, 5, 1.4, 1.4, 1.6]))
            ]
            // A commune-wide figure says how it was combined from the units' reports.
            for (index, indicator) in all.enumerated() {
                guard let figure = evaluator.aggregateFigure(indicator.id) else { continue }
                out.append(.paragraph(Paragraph("Chỉ tiêu \(index + 1) là \(figure.sentence(roster: roster, official: true)).", emphasis: .italic)))
            }
            return out
        case .type, .tally:
            // The type's own section, or a form's rows counted: data the host prints.
            let context = CampaignContext(campaign: campaign, state: state, roster: roster)
            let content =
                section.source == .tally
                ? section.tally?.content(in: context, period: evaluation.period)
                : campaign.type.section(section, in: context, period: evaluation.period)
            guard let content, !content.isEmpty else { return [Self.blank(section.prompt ?? section.heading, lines: 3)] }
            var out = content.paragraphs.map { Self.para($0) }
            if !content.columns.isEmpty && !content.rows.isEmpty {
                out.append(.table(Table(columns: content.columns, rows: content.rows, widths: content.widths ?? [])))
            }
            out += content.notes.map { .paragraph(Paragraph($0, emphasis: .italic)) }
            return out
        case .standings:
            // Scoring tables first (`ScoringDocumentBuilder`); a kind ranked by a table is not listed again.
            let scoring = ScoringDocumentBuilder(campaign: campaign, roster: roster)
            let scored = scoring.rankingSection(evaluation)
            let ranked = evaluation.standings.filter {
                (!$0.criteria.isEmpty || !$0.awards.isEmpty) && !scoring.ranksByTable($0.participant.kind)
            }
            guard !ranked.isEmpty else { return scored.isEmpty ? [Self.blank(section.prompt ?? "Kết quả đánh giá, xếp loại", lines: 4)] : scored }
            let rows = ranked.map { s in
                [
                    s.rank.map(String.init) ?? "—", s.name, s.participant.kind.vietnamese, s.criteria.isEmpty ? "—" : "\(s.met)/\(s.criteria.count)",
                    s.awards.filter { $0.truth == .met }.map(\.title).joined(separator: "; "),
                ]
            }
            return scored + [
                .table(
                    Table(
                        columns: ["Hạng", "Đơn vị, cá nhân", "Loại", "Tiêu chí đạt", "Đủ điều kiện khen thưởng"], rows: rows, widths: [0.8, 4, 1.4, 1.4, 3.5])),
                .paragraph(
                    Paragraph(
                        "Ghi chú: xếp hạng riêng tập thể và cá nhân theo tổng điểm (hoặc số tiêu chí đạt), từ cao xuống thấp; dấu “—” là chưa đủ số liệu để xếp hạng.",
                        emphasis: .italic)),
            ]
        case .awards:
            // The decisions of the report's period: a tổng kết lists the year's, a sơ kết its half-year's.
            let decisions = state.decisions.filter { d in
                evaluation.period.halfYear ? EvaluationPeriod(parsing: d.period) == evaluation.period : d.year == evaluation.period.year
            }
            let lines = decisions.flatMap { d in d.lines.map { (d, $0) } }
            guard !lines.isEmpty else {
                return [Self.para("Chưa có quyết định khen thưởng trong kỳ."), Self.blank(section.prompt ?? "Đề xuất khen thưởng", lines: 2)]
            }
            return [
                .table(
                    Table(
                        columns: ["TT", "Đơn vị, cá nhân", "Hình thức", "Văn bản"],
                        rows: lines.enumerated().map { i, pair in
                            ["\(i + 1)", pair.1.name, awardTitle(pair.1.award), pair.0.upward ? "Đề nghị cấp trên" : decisionCitation(pair.0)]
                        }))
            ]
        }
    }

    /// "7/7 đơn vị đã nộp Phiếu đăng ký … năm 2026." in a sentence; who has not yet, by name
    /// (at most ten), never the evaluation's "→ đạt".
    func registrationSentence(_ r: RegistrationCoverage, period: EvaluationPeriod) -> String {
        var text = "Có \(r.received.count)/\(r.expected) \(r.kind.vietnamese) đã nộp \(r.title) \(period.vietnamese)"
        if r.missing.isEmpty { return text + "." }
        let names = r.missing.prefix(10).map(name)
        text += "; chưa nộp: \(names.joined(separator: ", "))"
        if r.missing.count > 10 { text += " và \(r.missing.count - 10) \(r.kind.vietnamese) khác" }
        return text + "."
    }

    /// The plan's recipients less "Như trên": a report has no "Kính gửi" for it to point to.
    var reportRecipients: [Recipient] {
        let kept = plan.recipients.filter { !$0.name.lowercased().hasPrefix("như trên") }
        return kept.isEmpty ? [Recipient(name: "Lưu: VT")] : kept
    }

    /// The summary under "BÁO CÁO": the layout's title without a second "Báo cáo", and the
    /// movement's formal name when the title does not already give it.
    static func reportSummary(_ title: String, movement: String) -> [String] {
        var text = title
        if text.lowercased().hasPrefix("báo cáo ") { text = String(text.dropFirst("Báo cáo ".count)).capitalizedFirstLetter }
        if text.contains("“") { return [text] }
        return [text, movement]
    }
}
