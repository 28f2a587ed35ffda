import ThiDuaBase

extension DossierBuilder {
    /// The công văn's number line: no type abbreviation for the state ("Số:      /UBND"), "CV"
    /// for the Party and the Đoàn ("Số      -CV/ĐU").
    var letterNumber: DocumentNumber {
        let style = plan.number.style
        let issuer = plan.number.issuerPart.isEmpty ? "UBND" : plan.number.issuerPart
        return DocumentNumber(symbol: style == .state ? issuer : style.symbol(type: "CV", issuer: issuer), style: style)
    }

    /// A công văn đôn đốc (reminder letter) in the layout of a công văn: "Số: …/UBND" with
    /// "V/v …" under it, no type name, "Kính gửi:" the units and people that have not sent what
    /// was due by `today`, the body naming each overdue delivery and who is missing, the signer
    /// of the plan. Nil when nothing is overdue.
    public func reminderLetter(overdue: [MilestoneProgress], today: CivilDate) -> Document? {
        let due = overdue.filter { !$0.missing.isEmpty }
        guard !due.isEmpty else { return nil }
        func who(_ id: String, _ progress: MilestoneProgress) -> String {
            let kind = plan.milestones.first { $0.id == progress.milestone }?.from ?? .collective
            return ParticipantRef(kind, id).name(in: roster)
        }
        var addressees: [String] = []
        for progress in due {
            for id in progress.missing where !addressees.contains(who(id, progress)) { addressees.append(who(id, progress)) }
        }
        let titles = due.map(\.title.lowercasedFirst)
        var seenTitles: [String] = []
        for title in titles where !seenTitles.contains(title) { seenTitles.append(title) }
        var body: [Block] = []
        body.append(
            Self.para(
                "Thực hiện \(plan.citation) về \(plan.titleInText), đến ngày \(today.vietnamese), các đơn vị, cá nhân sau chưa gửi đầy đủ theo yêu cầu:"
            ))
        for progress in due {
            let names = progress.missing.map { who($0, progress) }
            let deadline = progress.lastDay == progress.due ? "chậm nhất ngày \(progress.due.vietnamese)" : "trước ngày \(progress.due.vietnamese)"
            body.append(
                .list(
                    .dash,
                    [ListItem("\(progress.title) (hạn \(deadline); đã nhận \(progress.fraction)): \(names.joined(separator: ", ")).")]))
        }
        let submitTo = due.compactMap { p in plan.milestones.first { $0.id == p.milestone }?.submitTo }.first ?? plan.issuer.name
        body.append(
            Self.para(
                "Để bảo đảm tiến độ của phong trào thi đua, \(plan.issuer.name) đề nghị các đơn vị, cá nhân nêu trên khẩn trương hoàn thành, gửi về \(submitTo) chậm nhất ngày … tháng … năm \(today.year)."
            ))
        body.append(Self.para("Đề nghị các đơn vị, cá nhân quan tâm thực hiện./."))
        var header = PlanDocumentBuilder.header(
            for: plan, number: letterNumber.printed, date: PartialDate(day: nil, month: today.month, year: today.year))
        header.subject = "V/v đôn đốc \(seenTitles.joined(separator: ", "))"
        let kinhGui =
            addressees.count == 1
            ? ["Kính gửi: \(addressees[0])."]
            : ["Kính gửi:"]
                + addressees.enumerated().map { i, name in
                    "- \(name)\(i == addressees.count - 1 ? "." : ";")"
                }
        return Document(
            header: header, addressees: kinhGui, body: body, signatures: [Signature(plan.signer)],
            recipients: [Recipient(name: "Như trên"), Recipient(name: "Lưu: VT")])
    }
}
