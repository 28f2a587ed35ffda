import ThiDuaBase

extension DossierBuilder {
    // MARK: Quyết định

    /// The award decision in the frame of ND 30/2020: Căn cứ lines in force on the decision's
    /// date, Điều 1 (who, for what, counted as tập thể and cá nhân), Điều 2 (money and its
    /// source), Điều 3 (who executes), the signature and "Nơi nhận", then the danh sách on a
    /// page of its own headed "Kèm theo Quyết định số … ngày …".
    public func decision(_ record: DecisionRecord) -> Document {
        var body: [Block] = []
        let cites =
            LegalBasis.lines(on: record.date) + [
                "Căn cứ \(plan.citation) về \(plan.titleInText);",
                "Theo đề nghị của \(proposer.inText) tại Tờ trình \(DocumentNumber(symbol: plan.number.style.symbol(type: "TTr", issuer: proposer.symbol), style: plan.number.style).cited).",
            ]
        for cite in cites { body.append(.paragraph(Paragraph(cite, emphasis: .italic))) }
        body.append(.paragraph(Paragraph("QUYẾT ĐỊNH:", emphasis: .bold, alignment: .center, indented: false)))
        let groups = awardGroups(record)
        if groups.count == 1, let group = groups.first {
            body.append(
                Self.para(
                    "Điều 1. Tặng \(group.award?.grantedName ?? awardTitle(group.id)) cho \(Self.count(group.lines)) \(reason(group.award, period: record.period, lowercased: true)) (có danh sách kèm theo)."
                ))
        } else {
            body.append(Self.para("Điều 1. Tặng Giấy khen cho \(Self.count(record.lines)) (có danh sách kèm theo), gồm:"))
            for group in groups {
                body.append(
                    Self.para(
                        "- \(group.award?.grantedName ?? awardTitle(group.id)) cho \(Self.count(group.lines)) \(reason(group.award, period: record.period, lowercased: true));"
                    ))
            }
        }
        body.append(
            Self.para(
                "Điều 2. Kèm theo Giấy khen, mỗi \(Self.kinds(record.lines)) được tặng tiền thưởng theo quy định (mức của từng \(Self.kinds(record.lines)) ghi tại danh sách kèm theo); tổng số tiền: \(Numbers.grouped(record.total)) đồng (Bằng chữ: \(record.totalInWords ?? VietnameseNumberWords.amount(record.total))). Nguồn kinh phí: quỹ thi đua, khen thưởng của \(issuerName)."
            ))
        body.append(
            Self.para(
                "Điều 3. \(plan.awarding?.executors ?? "Chánh Văn phòng HĐND và UBND, Trưởng các phòng, ban, đơn vị liên quan") và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
            ))
        return Document(
            header: PlanDocumentBuilder.header(for: plan, number: decisionNumber(record).printed, date: decisionDate(record)),
            kindName: "QUYẾT ĐỊNH",
            summary: ["Về việc tặng Giấy khen cho tập thể, cá nhân", "có thành tích trong \(plan.movementName)"],
            body: [
                .paragraph(
                    Paragraph(plan.awarding?.decisionMaker ?? "CHỦ TỊCH \(issuerName.uppercased())", emphasis: .bold, alignment: .center, indented: false))
            ] + body,
            signatures: [chairSignature],
            recipients: [Recipient(name: "Như Điều 3"), Recipient(name: reviewingBody.inText ?? reviewingBody.name), Recipient(name: "Lưu: VT")],
            appendix: decisionList(record, groups: groups))
    }

    /// The danh sách: one table per award kind, collectives before individuals, each line with
    /// its amount, then the total.
    func decisionList(_ record: DecisionRecord, groups: [AwardGroup]) -> [Block] {
        var out: [Block] = [
            .paragraph(Paragraph("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN", emphasis: .bold, alignment: .center, indented: false)),
            .paragraph(
                Paragraph(
                    "(Kèm theo \(decisionCitation(record)) của Chủ tịch \(issuerName))", emphasis: .italic, alignment: .center,
                    indented: false)),
        ]
        var section = 0
        for group in groups {
            for kind in ParticipantKind.allCases {
                let lines = group.lines.filter { $0.participant.kind == kind }
                guard !lines.isEmpty else { continue }
                section += 1
                let heading = kind == .collective ? "tập thể" : "cá nhân"
                out.append(
                    .heading(
                        "\(Numbers.roman(section)). \(lines.count) \(heading) \(reason(group.award, period: record.period, lowercased: true))"
                            .capitalizedFirstLetter,
                        level: 2))
                out.append(
                    .table(
                        Table(
                            columns: [
                                "TT", kind == .collective ? "Tên tập thể" : "Họ và tên", kind == .collective ? "Loại đơn vị" : "Chức vụ, đơn vị",
                                "Số tiền (đồng)",
                            ],
                            rows: lines.enumerated().map { i, l in ["\(i + 1)", l.name, l.detail, l.amount.map(Numbers.grouped) ?? ""] },
                            widths: [0.6, 3.6, 4.4, 1.9])))
            }
        }
        out.append(
            .paragraph(
                Paragraph(
                    "Tổng cộng: \(Self.count(record.lines)); số tiền \(Numbers.grouped(record.total)) đồng (Bằng chữ: \(record.totalInWords ?? VietnameseNumberWords.amount(record.total))).",
                    emphasis: .bold, alignment: .left, indented: false)))
        return out
    }

    /// The lines of a decision by award kind, in the plan's order of kinds.
    struct AwardGroup {
        var id: String
        var award: AwardKind?
        var lines: [DecisionLine]
    }

    func awardGroups(_ record: DecisionRecord) -> [AwardGroup] {
        var order: [String] = []
        for line in record.lines where !order.contains(line.award) { order.append(line.award) }
        order.sort { a, b in
            (plan.awards.firstIndex { $0.id == a } ?? Int.max) < (plan.awards.firstIndex { $0.id == b } ?? Int.max)
        }
        return order.map { id in AwardGroup(id: id, award: plan.awards.first { $0.id == id }, lines: record.lines.filter { $0.award == id }) }
    }

    /// "2 tập thể và 5 cá nhân", "5 cá nhân", "1 tập thể".
    static func count(_ lines: [DecisionLine]) -> String { count(lines.map(\.participant)) }

    /// "tập thể, cá nhân", "cá nhân" or "tập thể", as the decision's lines hold them.
    static func kinds(_ lines: [DecisionLine]) -> String {
        let kinds = Set(lines.map(\.participant.kind))
        return kinds.count > 1 ? "tập thể, cá nhân" : kinds.first == .collective ? "tập thể" : "cá nhân"
    }

    /// "2 tập thể và 5 cá nhân" of these participants.
    static func count(_ who: [ParticipantRef]) -> String {
        let collectives = who.filter { $0.kind == .collective }.count
        let individuals = who.count - collectives
        var parts: [String] = []
        if collectives > 0 { parts.append("\(collectives) tập thể") }
        if individuals > 0 { parts.append("\(individuals) cá nhân") }
        return parts.isEmpty ? "0 cá nhân" : parts.joined(separator: " và ")
    }

    /// Why an award kind is given, distinct for a yearly and an end-of-period award of the same
    /// form: "Đã có thành tích xuất sắc trong năm 2026 thực hiện phong trào thi đua “…”", "Đã có
    /// thành tích tiêu biểu, xuất sắc qua tổng kết phong trào thi đua “…”".
    func reason(_ award: AwardKind?, period: String, lowercased: Bool = false) -> String {
        let evaluation = EvaluationPeriod(parsing: period)
        let text: String
        if award?.recurrence == .annual, let evaluation {
            text = "Đã có thành tích xuất sắc \(evaluation.vietnamese) trong \(plan.movementName)"
        } else if award?.recurrence == .final {
            text = "Đã có thành tích tiêu biểu, xuất sắc qua tổng kết \(plan.movementName)"
        } else {
            text = "Đã có thành tích trong \(plan.movementName)" + (evaluation.map { periodTail($0) } ?? "")
        }
        return lowercased ? text.lowercasedFirst : text
    }

    /// ", năm 2026" after the movement's name, or nothing when the name already says the year
    /// ("… năm 2023" would read "năm 2023, năm 2023").
    func periodTail(_ period: EvaluationPeriod) -> String {
        if plan.movementName.contains(String(period.year)) && !period.halfYear { return "" }
        return ", " + period.vietnamese
    }

    // MARK: Giấy khen

    /// One Giấy khen per recipient, each a landscape page of its own: Quốc hiệu and Tiêu ngữ,
    /// the grantor, "GIẤY KHEN" large, the recipient, the reason, the place and date, the signer
    /// with room to sign and seal, and the decision's number and date (the register line).
    ///
    /// `preprinted` (else the plan's `certificate.preprinted`): only the variable text, each
    /// piece at its place of the plan's `certificate.positions` (or the defaults), for printing
    /// onto blanks that carry the Quốc hiệu, the title and the frame.
    public func certificates(_ record: DecisionRecord, preprinted: Bool? = nil) -> Document {
        if preprinted ?? plan.certificate?.preprinted ?? false { return blankCertificates(record) }
        var body: [Block] = []
        let number = decisionNumber(record)
        let date = decisionDate(record)
        for (index, line) in record.lines.enumerated() {
            if index > 0 { body.append(.pageBreak) }
            let award = plan.awards.first { $0.id == line.award }
            // A Party or Đoàn certificate is headed by its own heading, and granted by the body that decides.
            for line in plan.issuer.heading ?? [DocumentHeader.nationalName, DocumentHeader.motto] {
                body.append(.paragraph(Paragraph(line, emphasis: .bold, alignment: .center, indented: false)))
            }
            body.append(
                .paragraph(
                    Paragraph(
                        plan.awarding?.decisionMaker ?? "CHỦ TỊCH \(issuerName.uppercased())", emphasis: .bold, alignment: .center,
                        indented: false, spaceBefore: 18)))
            body.append(.paragraph(Paragraph("TẶNG", emphasis: .bold, alignment: .center, indented: false)))
            body.append(.paragraph(Paragraph("GIẤY KHEN", emphasis: [.bold, .title], alignment: .center, indented: false, spaceBefore: 6)))
            body.append(.paragraph(Paragraph(line.name, emphasis: [.bold, .large], alignment: .center, indented: false, spaceBefore: 12)))
            if !line.detail.isEmpty && line.participant.kind == .individual {
                body.append(.paragraph(Paragraph(line.detail, alignment: .center, indented: false)))
            }
            body.append(
                .paragraph(Paragraph("\(reason(award, period: record.period))./.", alignment: .center, indented: false, spaceBefore: 12)))
            body.append(
                .paragraph(
                    Paragraph(
                        "\(plan.place), \(date.vietnamese)", emphasis: .italic, alignment: .center, indented: false, spaceBefore: 18,
                        rightHalf: true)))
            body.append(.paragraph(Paragraph(chairSignature.title, emphasis: .bold, alignment: .center, indented: false, rightHalf: true)))
            // Room for the signature and the seal, as on the decision.
            body.append(
                .paragraph(
                    Paragraph(
                        chairSignature.name ?? " ", emphasis: .bold, alignment: .center, indented: false, spaceBefore: 72, rightHalf: true)))
            body.append(
                .paragraph(
                    Paragraph(
                        "Quyết định \(number.cited) \(date.cited)", emphasis: .italic, alignment: .left, indented: false)))
        }
        return Document(body: body, page: .certificate)
    }

    /// The variable text of each Giấy khen, placed for a pre-printed blank: recipient, a
    /// person's position and unit, the reason, the place and date, the signer's name, the
    /// decision's number and date.
    func blankCertificates(_ record: DecisionRecord) -> Document {
        let at = (plan.certificate?.positions ?? CertificatePositions()).filled()
        let number = decisionNumber(record)
        let date = decisionDate(record)
        var body: [Block] = []
        func place(_ text: String, _ box: TextBox?, _ emphasis: Emphasis = []) {
            guard let box, !text.isEmpty else { return }
            body.append(.paragraph(Paragraph(text, emphasis: emphasis, alignment: box.alignment, indented: false, placement: box)))
        }
        for (index, line) in record.lines.enumerated() {
            if index > 0 { body.append(.pageBreak) }
            let award = plan.awards.first { $0.id == line.award }
            place(line.name, at.recipient, .bold)
            if line.participant.kind == .individual { place(line.detail, at.detail) }
            place("\(reason(award, period: record.period))./.", at.reason)
            place("\(plan.place), \(date.vietnamese)", at.placeDate, .italic)
            place(chairSignature.name ?? "", at.signer, .bold)
            place("Quyết định \(number.cited) \(date.cited)", at.decision, .italic)
        }
        return Document(body: body, page: .preprintedCertificate)
    }
}

extension DossierBuilder {
    /// The decision's number: as given to `thidua decide --number` ("35/QĐ-UBND"), else a
    /// draft with the campaign's symbol ("Số:      /QĐ-UBND").
    public func decisionNumber(_ record: DecisionRecord) -> DocumentNumber {
        guard let given = record.number?.trimmingCharacters(in: .whitespaces), !given.isEmpty else {
            return DocumentNumber(symbol: symbol("QĐ"), style: plan.number.style)
        }
        let style = plan.number.style
        // "35/QĐ-UBND"; the Party and the Đoàn write "35-QĐ/ĐU".
        let parts = given.split(separator: style == .state ? "/" : "-", maxSplits: 1).map(String.init)
        return parts.count == 2
            ? DocumentNumber(number: parts[0], symbol: parts[1], style: style) : DocumentNumber(number: given, symbol: symbol("QĐ"), style: style)
    }

    /// The decision's date as its header prints it: the signing day once it has a number; a
    /// draft is dated "ngày … tháng … năm 2026", to be filled in when it is signed.
    public func decisionDate(_ record: DecisionRecord) -> PartialDate {
        record.number == nil ? PartialDate(year: record.date.year) : PartialDate(day: record.date.day, month: record.date.month, year: record.date.year)
    }

    /// "Quyết định số 35/QĐ-UBND ngày 01/12/2026", the same number and date as its header.
    public func decisionCitation(_ record: DecisionRecord) -> String {
        "Quyết định \(decisionNumber(record).cited) \(decisionDate(record).cited)"
    }
}

extension String {
    /// "đã có …" → "Đã có …" without touching the rest.
    var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
