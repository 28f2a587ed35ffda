import ThiDuaBase

extension DossierBuilder {
    // MARK: Biên bản họp bình xét

    /// The minutes of the council meeting: date, place, members present and absent, quorum,
    /// each nominee's tally and outcome, signed by the chair and the secretary.
    public func minutes(_ review: ReviewRecord) -> Document {
        let closing = review.closed
        let presentNames = closing?.present ?? []
        let present = presentNames.count
        let absent = closing?.absent ?? []
        var body: [Block] = []
        body.append(
            Self.para(
                "Hôm nay, \(closing?.date.longVietnamese ?? review.date.longVietnamese), tại \(review.place ?? "trụ sở \(issuerName)"), Hội đồng Thi đua – Khen thưởng họp bình xét khen thưởng \(review.period.vietnamese) của «\(plan.name)»."
            ))
        body.append(.heading("I. THÀNH PHẦN", level: 1))
        body.append(
            Self.para(
                "Tổng số thành viên Hội đồng: \(review.members.count); có mặt: \(present); vắng mặt: \(absent.count)"
                    + (absent.isEmpty ? "." : " (\(absent.joined(separator: ", "))).")))
        body.append(
            .table(
                Table(
                    columns: ["TT", "Họ và tên", "Chức vụ trong Hội đồng", "Có mặt"],
                    rows: review.members.enumerated().map { i, m in
                        ["\(i + 1)", m.name, m.role, closing == nil ? "" : (presentNames.contains(m.name) ? "Có mặt" : "Vắng")]
                    }, widths: [0.6, 4, 3.5, 1.5])))
        if let chair = closing?.chair { body.append(Self.para("Chủ trì: \(chair). Thư ký: \(closing?.secretary ?? "…").")) }
        let rule = review.nominees.first.map { review.rule(for: $0) } ?? .standard
        let quorumMet = rule.quorum.isReached(by: present, of: review.members.count)
        body.append(
            Self.para(
                "Số thành viên có mặt \(present)/\(review.members.count), "
                    + (quorumMet ? "đạt" : "không đạt")
                    + " tỷ lệ tối thiểu \(rule.quorum) tổng số thành viên; cuộc họp "
                    + (quorumMet ? "đủ điều kiện tiến hành." : "không đủ điều kiện biểu quyết.")))
        body.append(.heading("II. NỘI DUNG", level: 1))
        body.append(
            Self.para(
                "Hội đồng xem xét kết quả đánh giá, xếp hạng và hồ sơ đề nghị; biểu quyết "
                    + (review.secret ? "bằng phiếu kín" : "công khai")
                    + ". Thành viên có xung đột lợi ích với đối tượng được đề nghị không biểu quyết đối với đối tượng đó và không được tính."))
        let results = review.results(present: present)
        body.append(
            .table(
                Table(
                    columns: ["TT", "Đơn vị, cá nhân", "Hình thức đề nghị", "Đồng ý", "Không đồng ý", "Không biểu quyết", "Tỷ lệ", "Kết quả"],
                    rows: results.map { r in
                        let share = r.voting > 0 ? Numbers.vietnamese(Double(r.tally.agree) * 100 / Double(r.voting), maxFractionDigits: 1) + "%" : "—"
                        return [
                            r.nominee.id, name(r.nominee.participant), awardTitle(r.nominee.award), "\(r.tally.agree)", "\(r.tally.disagree)",
                            "\(r.tally.conflict)", share, r.approved ? "Đề nghị" : "Không đề nghị",
                        ]
                    }, widths: [0.5, 3, 3, 1, 1.1, 1.2, 1, 1.5])))
        body.append(.heading("III. KẾT LUẬN", level: 1))
        let approved = results.filter(\.approved)
        body.append(
            Self.para(
                approved.isEmpty
                    ? "Không có đối tượng nào đạt tỷ lệ đồng ý cần thiết."
                    : "Hội đồng thống nhất đề nghị khen thưởng \(approved.count) đối tượng: "
                        + approved.map { "\(name($0.nominee.participant)) (\(awardTitle($0.nominee.award)))" }.joined(separator: "; ") + "."))
        body.append(Self.para("Biên bản kết thúc vào hồi … giờ … cùng ngày, đã thông qua cho các thành viên dự họp cùng nghe và thống nhất."))
        let chair = review.members.first { $0.isChair }
        let secretary = review.members.first { $0.isSecretary }
        return Document(
            header: DocumentHeader(
                parentLine: plan.issuer.headerLines.joined(separator: " "), issuerLines: ["HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"],
                numberLine: DocumentNumber(symbol: "BB-HĐTĐKT").printed,
                placeAndDate: "\(plan.place), \(PartialDate(day: closing?.date.day, month: closing?.date.month, year: review.date.year).vietnamese)"),
            kindName: "BIÊN BẢN", summary: ["Họp Hội đồng Thi đua – Khen thưởng bình xét \(review.period.vietnamese)", plan.name], body: body,
            signatures: [
                Signature(authority: "THƯ KÝ", title: "", name: closing?.secretary ?? secretary?.name),
                Signature(authority: "CHỦ TRÌ", title: "", name: closing?.chair ?? chair?.name),
            ])
    }

    // MARK: Tờ trình (Mẫu 01)

    /// The tờ trình asking for the awards the council approved: to the ward chairman for local
    /// awards, or to the province for awards proposed upward.
    public func proposal(_ review: ReviewRecord, upward: Bool) -> Document {
        let closing = review.closed
        let results = review.results(present: closing?.present.count ?? 0).filter { r in
            r.approved && (plan.awards.first { $0.id == r.nominee.award }?.level == .upward) == upward
        }
        let addressee = upward ? "Chủ tịch Ủy ban nhân dân tỉnh (qua Sở Nội vụ)" : "Chủ tịch \(issuerName)"
        var body: [Block] = []
        body.append(Self.para("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"))
        body.append(
            Self.para(
                "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"
            ))
        body.append(Self.para("Căn cứ \(plan.citation) về \(plan.titleInText);"))
        if let closing {
            body.append(Self.para("Căn cứ Biên bản họp Hội đồng Thi đua – Khen thưởng ngày \(closing.date.vietnamese),"))
        }
        body.append(
            Self.para(
                "\(issuerName) kính trình \(addressee) xem xét, khen thưởng theo loại hình chuyên đề cho \(results.count) tập thể, cá nhân có thành tích trong «\(plan.name)», \(review.period.vietnamese), cụ thể:"
            ))
        for kind in ParticipantKind.allCases {
            let group = results.filter { $0.nominee.participant.kind == kind }
            guard !group.isEmpty else { continue }
            body.append(.heading(kind == .collective ? "1. Tập thể (\(group.count))" : "2. Cá nhân (\(group.count))", level: 2))
            body.append(
                .table(
                    Table(
                        columns: ["TT", kind == .collective ? "Tên tập thể" : "Họ và tên, chức vụ, đơn vị", "Hình thức đề nghị", "Kết quả bình xét"],
                        rows: group.enumerated().map { i, r in
                            let who = r.nominee.participant
                            let detail = CampaignActions.detail(who, roster)
                            return [
                                "\(i + 1)", name(who) + (kind == .individual && !detail.isEmpty ? ", \(detail)" : ""), awardTitle(r.nominee.award),
                                "\(r.tally.agree)/\(r.voting) đồng ý",
                            ]
                        }, widths: [0.6, 5, 3, 2])))
        }
        if results.isEmpty { body.append(Self.para("Không có đối tượng nào được Hội đồng thông qua.")) }
        body += ScoringDocumentBuilder(campaign: campaign, roster: roster).quotaNotes(
            awards: plan.awards.map(\.id).filter { id in results.contains { $0.nominee.award == id } }, state: state)
        body.append(Self.para("(Kèm theo Biên bản họp Hội đồng và báo cáo thành tích của các tập thể, cá nhân.)", .italic))
        body.append(Self.para("Kính trình \(addressee) xem xét, quyết định./."))
        return Document(
            header: header(symbol: "TTr", year: review.period.year + (upward ? 0 : 0)), kindName: "TỜ TRÌNH",
            summary: [
                "Về việc đề nghị \(upward ? "Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen" : "khen thưởng") cho tập thể, cá nhân",
                "có thành tích trong \(plan.name)",
            ],
            addressees: ["Kính gửi: \(addressee)."], body: body, signatures: [Signature(plan.signer)],
            recipients: [Recipient(name: "Như trên"), Recipient(name: "Lưu: VT")])
    }

    // MARK: Báo cáo thành tích (Mẫu 02, 03)

    /// The achievement report of a nominee: collective (Mẫu 02) or individual (Mẫu 03), with the
    /// results from the data and the award history from every campaign.
    public func achievementReport(_ who: ParticipantRef, evaluation: Evaluation) -> Document {
        let standing = evaluation.standings.first { $0.participant == who }
        var body: [Block] = []
        let collective = who.kind == .collective
        body.append(.heading(collective ? "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" : "I. SƠ LƯỢC LÝ LỊCH", level: 1))
        if collective {
            let unit = roster.units.first { $0.id == who.id }
            body.append(Self.para("Tên tập thể: \(name(who)). Loại: \(unit?.kind.vietnamese ?? "…")."))
            body.append(Self.para("Số người: \(roster.people(in: who.id).count)."))
            body.append(Self.blank("Đặc điểm, chức năng, nhiệm vụ được giao", lines: 3))
        } else {
            let person = roster.people.first { $0.id == who.id }
            body.append(Self.para("Họ và tên: \(name(who)). Ngày sinh: \(person?.birthDate?.vietnamese ?? "…")."))
            body.append(Self.para("Chức vụ, đơn vị công tác: \(CampaignActions.detail(who, roster))."))
            body.append(Self.blank("Quá trình công tác, trình độ chuyên môn", lines: 2))
        }
        body.append(.heading("II. THÀNH TÍCH ĐẠT ĐƯỢC", level: 1))
        body.append(Self.para("Kết quả đánh giá \(evaluation.period.vietnamese) trong «\(plan.name)»:"))
        var items: [ListItem] = []
        for c in standing?.criteria ?? [] { items.append(ListItem("\(c.text): \(c.explanation)")) }
        for i in standing?.indicators ?? [] { items.append(ListItem(i.explanation)) }
        for a in standing?.awards ?? [] where a.truth == .met { items.append(ListItem("Đủ điều kiện \(a.title): \(a.explanation)")) }
        if let rank = standing?.rank { items.append(ListItem("Xếp hạng \(rank) trong các \(who.kind.vietnamese) tham gia.")) }
        if items.isEmpty { items.append(ListItem("Chưa có số liệu đánh giá.")) }
        body.append(.list(.dash, items))
        body.append(Self.blank("Biện pháp, giải pháp; sáng kiến; việc thực hiện chủ trương, chính sách", lines: 4))
        body.append(.heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", level: 1))
        let past = history[who] ?? []
        body.append(past.isEmpty ? Self.para("Chưa có hình thức khen thưởng nào được ghi nhận trong ThiDua.") : .list(.dash, past.map { ListItem($0) }))
        return Document(
            header: DocumentHeader(
                issuerLines: collective ? [name(who).uppercased()] : plan.issuer.headerLines, numberLine: nil,
                placeAndDate: "\(plan.place), \(PartialDate(year: evaluation.period.year).vietnamese)"),
            kindName: "BÁO CÁO THÀNH TÍCH",
            summary: ["Đề nghị khen thưởng trong \(plan.name)", collective ? "(Mẫu số 02 — tập thể)" : "(Mẫu số 03 — cá nhân)"],
            body: body,
            signatures: collective
                ? [Signature(authority: "XÁC NHẬN CỦA CẤP TRÌNH KHEN", title: "", name: nil), Signature(authority: "THỦ TRƯỞNG ĐƠN VỊ", title: "", name: nil)]
                : [
                    Signature(authority: "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", title: "", name: nil),
                    Signature(authority: "NGƯỜI BÁO CÁO THÀNH TÍCH", title: "", name: name(who)),
                ])
    }

    // MARK: Quyết định, Giấy khen

    /// The award decision: Căn cứ lines, Điều 1 (who, with the list), Điều 2 (money and its
    /// source, figures and words), Điều 3 (who executes).
    public func decision(_ record: DecisionRecord) -> Document {
        var body: [Block] = []
        let cites = [
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
            "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
            "Căn cứ \(plan.citation) về \(plan.titleInText);",
            "Theo đề nghị của Hội đồng Thi đua – Khen thưởng.",
        ]
        for cite in cites { body.append(.paragraph(Paragraph(cite, emphasis: .italic))) }
        body.append(.paragraph(Paragraph("QUYẾT ĐỊNH:", emphasis: .bold, alignment: .center, indented: false)))
        // Two award kinds may share a title (a high rank, a large rise): the title is named once.
        let awards = Set(record.lines.map { awardTitle($0.award) }).sorted().joined(separator: ", ")
        body.append(
            Self.para(
                "Điều 1. Tặng \(awards) cho \(record.lines.count) tập thể, cá nhân đã có thành tích trong «\(plan.name)», \(EvaluationPeriod(parsing: record.period)?.vietnamese ?? record.period) (có danh sách kèm theo)."
            ))
        body.append(
            Self.para(
                "Điều 2. Mỗi tập thể, cá nhân được khen thưởng được tặng Giấy khen và kèm theo tiền thưởng theo quy định; tổng số tiền: \(Numbers.grouped(record.total)) đồng (Bằng chữ: \(record.totalInWords ?? VietnameseNumberWords.amount(record.total))). Nguồn kinh phí: quỹ thi đua, khen thưởng của \(issuerName)."
            ))
        body.append(
            Self.para(
                "Điều 3. Chánh Văn phòng HĐND và UBND, Trưởng các phòng, ban, đơn vị liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
            ))
        body.append(.pageBreak)
        body.append(.paragraph(Paragraph("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", emphasis: .bold, alignment: .center, indented: false)))
        body.append(
            .paragraph(
                Paragraph(
                    "(Kèm theo \(decisionCitation(record)) của Chủ tịch \(issuerName))",
                    emphasis: .italic, alignment: .center, indented: false)))
        body.append(
            .table(
                Table(
                    columns: ["TT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Hình thức", "Số tiền (đồng)"],
                    rows: record.lines.enumerated().map { i, l in
                        ["\(i + 1)", l.name, l.detail, awardTitle(l.award), l.amount.map(Numbers.grouped) ?? ""]
                    } + [["", "Tổng cộng", "", "", Numbers.grouped(record.total)]], widths: [0.6, 3.5, 3.2, 2.8, 1.8])))
        body.append(.paragraph(Paragraph("Bằng chữ: \(record.totalInWords ?? "")", emphasis: .italic, alignment: .left, indented: false)))
        return Document(
            header: PlanDocumentBuilder.header(for: plan, number: decisionNumber(record).printed, date: decisionDate(record)),
            kindName: "QUYẾT ĐỊNH", summary: ["Về việc tặng \(awards)", "cho tập thể, cá nhân có thành tích trong \(plan.name)"],
            body: [.paragraph(Paragraph("CHỦ TỊCH \(issuerName.uppercased())", emphasis: .bold, alignment: .center, indented: false))] + body,
            signatures: [chairSignature],
            recipients: [Recipient(name: "Như Điều 3"), Recipient(name: "Hội đồng TĐKT"), Recipient(name: "Lưu: VT")])
    }

    /// One Giấy khen per recipient, each on its own page under the Quốc hiệu and Tiêu ngữ.
    public func certificates(_ record: DecisionRecord) -> Document {
        var body: [Block] = []
        for (index, line) in record.lines.enumerated() {
            if index > 0 { body.append(.pageBreak) }
            // Each certificate is a page of its own, headed by the Quốc hiệu and Tiêu ngữ.
            body.append(.paragraph(Paragraph(DocumentHeader.nationalName, emphasis: .bold, alignment: .center, indented: false)))
            body.append(.paragraph(Paragraph(DocumentHeader.motto, emphasis: .bold, alignment: .center, indented: false)))
            body.append(.paragraph(Paragraph("CHỦ TỊCH \(issuerName.uppercased())", emphasis: .bold, alignment: .center, indented: false)))
            body.append(.paragraph(Paragraph("TẶNG", emphasis: .bold, alignment: .center, indented: false)))
            body.append(.paragraph(Paragraph("GIẤY KHEN", emphasis: .bold, alignment: .center, indented: false)))
            body.append(.paragraph(Paragraph(line.name, emphasis: .bold, alignment: .center, indented: false)))
            if !line.detail.isEmpty { body.append(.paragraph(Paragraph(line.detail, alignment: .center, indented: false))) }
            body.append(
                .paragraph(
                    Paragraph(
                        "Đã có thành tích trong \(plan.name), \(EvaluationPeriod(parsing: record.period)?.vietnamese ?? record.period).", alignment: .center,
                        indented: false)))
            body.append(
                .paragraph(
                    Paragraph(
                        "\(decisionCitation(record)) — \(plan.place)",
                        emphasis: .italic, alignment: .center, indented: false)))
            body.append(.paragraph(Paragraph("\(chairSignature.title)\n\n\n\(chairSignature.name ?? "")", emphasis: .bold, alignment: .right, indented: false)))
        }
        return Document(body: body)
    }
}

extension DossierBuilder {
    /// The decision's number: as given to `thidua decide --number` ("35/QĐ-UBND"), else a
    /// draft with the campaign's symbol ("Số:      /QĐ-UBND").
    public func decisionNumber(_ record: DecisionRecord) -> DocumentNumber {
        guard let given = record.number?.trimmingCharacters(in: .whitespaces), !given.isEmpty else {
            return DocumentNumber(symbol: symbol("QĐ"))
        }
        let parts = given.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? DocumentNumber(number: parts[0], symbol: parts[1]) : DocumentNumber(number: given, symbol: symbol("QĐ"))
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

extension CivilDate {
    /// "ngày 20 tháng 11 năm 2026".
    var longVietnamese: String { "ngày \(day < 10 ? "0\(day)" : "\(day)") tháng \(month) năm \(year)" }
}
