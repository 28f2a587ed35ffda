import ThiDuaBase

/// The body that proposes the awards to the chairman (Mẫu 01): the office the plan charges
/// with proposing commendation ("Phòng Văn hóa – Xã hội … đề nghị xét khen thưởng"), else the
/// ward's Hội đồng Thi đua – Khen thưởng. Never the chairman himself.
struct Proposer {
    /// "Phòng Văn hóa – Xã hội", "Hội đồng Thi đua – Khen thưởng phường Nam Gia Nghĩa".
    var name: String
    /// In running text after "Theo đề nghị của": "Trưởng phòng Văn hóa – Xã hội".
    var inText: String
    /// The header's issuer line, in capitals.
    var issuerLine: String
    /// The part of the symbol after "TTr-": "VHXH", "HĐTĐKT".
    var symbol: String
    var signature: Signature
}

extension DossierBuilder {
    /// The proposer of the plan: an assigned office whose tasks include proposing awards, or
    /// the council, whose chair (from the last closed review) signs for it.
    var proposer: Proposer {
        for assignment in plan.assignments {
            let office = assignment.assignee.trimmingCharacters(in: .whitespaces)
            let tasks = assignment.tasks.joined(separator: " ").lowercased()
            let proposes = tasks.contains("khen thưởng") && (tasks.contains("đề nghị") || tasks.contains("tham mưu"))
            // One named office ("Phòng Văn hóa – Xã hội"), not a list of bodies or of officials.
            let single = !office.contains(",") && !office.contains(";") && !office.contains(" và ")
            guard proposes, single, office.hasPrefix("Phòng ") || office.hasPrefix("Văn phòng ") else { continue }
            let initials = office.split(whereSeparator: { $0 == " " || $0 == "–" || $0 == "-" }).dropFirst()
                .compactMap { $0.first.map { String($0).uppercased() } }.joined()
            let isRoom = office.hasPrefix("Phòng ")
            return Proposer(
                name: office, inText: isRoom ? "Trưởng phòng " + office.dropFirst("Phòng ".count) : "Chánh " + office,
                issuerLine: office.uppercased(), symbol: isRoom ? initials : "VP",
                signature: Signature(title: isRoom ? "TRƯỞNG PHÒNG" : "CHÁNH VĂN PHÒNG", name: nil))
        }
        let review = state.reviews.last { $0.closed != nil }
        let chair = review?.closed?.chair ?? review?.members.first { $0.isChair }?.name
        let body = reviewingBody
        return Proposer(
            name: body.name, inText: body.inText ?? body.name, issuerLine: body.headerLine ?? body.name.uppercased(),
            symbol: body.symbol ?? "HĐTĐKT",
            signature: Signature(authority: body.signerAuthority, title: body.signerTitle ?? "CHỦ TỊCH", name: chair))
    }

    /// The plan's reviewing body, else the ward's Hội đồng Thi đua – Khen thưởng.
    var reviewingBody: ReviewingBody {
        if let body = plan.awarding?.reviewingBody { return body }
        return ReviewingBody(
            name: "Hội đồng Thi đua – Khen thưởng \(plan.issuer.name.replacingOccurrences(of: "Ủy ban nhân dân ", with: ""))",
            inText: "Hội đồng Thi đua – Khen thưởng", headerLine: "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", symbol: "HĐTĐKT",
            signerAuthority: "TM. HỘI ĐỒNG", signerTitle: "CHỦ TỊCH HỘI ĐỒNG")
    }

    /// Whom an upward proposal goes to, and for which award.
    var upwardProposal: UpwardProposal {
        plan.awarding?.upwardProposal ?? UpwardProposal(addressee: "Chủ tịch Ủy ban nhân dân tỉnh", award: "Bằng khen")
    }

    /// One proposal of a form per participant, the end-of-period kind before a yearly one of the
    /// same form, as `CampaignActions.decide` gives them (Luật Thi đua, khen thưởng Điều 5).
    func oncePerForm(_ results: [NomineeResult]) -> [NomineeResult] {
        let recurrence = { (r: NomineeResult) in self.plan.awards.first { $0.id == r.nominee.award }?.recurrence }
        let ordered = results.filter { recurrence($0) == .final } + results.filter { recurrence($0) != .final }
        var seen = Set<String>()
        let kept = ordered.filter { r in
            let form = plan.awards.first { $0.id == r.nominee.award }?.form ?? r.nominee.award
            return seen.insert("\(r.nominee.participant)|\(form)").inserted
        }
        return results.filter { r in kept.contains(r) }
    }

    // MARK: Tờ trình (Mẫu 01)

    /// The tờ trình asking for the awards the council approved (Mẫu số 01, ND 98/2023 and ND
    /// 152/2025): for local awards, from the proposer to the ward chairman; for awards proposed
    /// upward, from the ward (signed by its chairman) to the province chairman.
    public func proposal(_ review: ReviewRecord, upward: Bool) -> Document {
        let closing = review.closed
        let results = oncePerForm(
            review.results(present: closing?.present.count ?? 0, roster: roster).filter { r in
                r.approved && (plan.awards.first { $0.id == r.nominee.award }?.level == .upward) == upward
            })
        let from = proposer
        let addressee = upward ? upwardProposal.addressee : "Chủ tịch \(issuerName)"
        let sender = upward ? issuerName : from.name
        let date = closing?.date ?? review.date
        var body: [Block] = []
        for line in LegalBasis.lines(on: date, subjects: [.emulationLaw, .emulationDecree]) { body.append(Self.para(line)) }
        body.append(Self.para("Căn cứ \(plan.citation) về \(plan.titleInText);"))
        if let closing {
            body.append(Self.para("Căn cứ kết quả họp \(reviewingBody.inText ?? reviewingBody.name) ngày \(closing.date.vietnamese),"))
        }
        let who = Self.count(results.map(\.nominee.participant))
        let forms = Array(Set(results.compactMap { r in plan.awards.first { $0.id == r.nominee.award }?.title })).sorted()
        body.append(
            Self.para(
                "\(sender) kính trình \(addressee) xem xét, tặng \(forms.isEmpty ? "khen thưởng" : forms.joined(separator: ", ")) (loại hình khen thưởng theo chuyên đề) cho \(who) đã có thành tích trong \(plan.movementName)\(periodTail(review.period)), cụ thể như sau:"
            ))
        var section = 0
        for kind in ParticipantKind.allCases {
            let group = results.filter { $0.nominee.participant.kind == kind }
            guard !group.isEmpty else { continue }
            section += 1
            body.append(.heading("\(section). \(kind == .collective ? "Tập thể" : "Cá nhân") (\(group.count))", level: 2))
            body.append(
                .table(
                    Table(
                        columns: ["TT", kind == .collective ? "Tên tập thể" : "Họ và tên", "Chức vụ, đơn vị", "Hình thức đề nghị"],
                        rows: group.enumerated().map { i, r in
                            [
                                "\(i + 1)", name(r.nominee.participant), CampaignActions.detail(r.nominee.participant, roster),
                                awardLabel(r.nominee.award, period: review.period),
                            ]
                        }, widths: [0.6, 3.4, 4, 3])))
        }
        if results.isEmpty { body.append(Self.para("Không có tập thể, cá nhân nào được Hội đồng thống nhất đề nghị.")) }
        body += ScoringDocumentBuilder(campaign: campaign, roster: roster).quotaNotes(
            awards: plan.awards.map(\.id).filter { id in results.contains { $0.nominee.award == id } }, state: state)
        body.append(Self.para("(Kèm theo biên bản họp Hội đồng và báo cáo thành tích của các tập thể, cá nhân được đề nghị.)", .italic))
        // The evidence of each nominee, once per participant, only when any was sent.
        var listed = Set<ParticipantRef>()
        let attached = results.compactMap { r -> String? in
            let who = r.nominee.participant
            let files = evidenceNames(of: who)
            guard !files.isEmpty, listed.insert(who).inserted else { return nil }
            return "\(name(who)): \(files.joined(separator: ", "))"
        }
        if !attached.isEmpty { body.append(Self.para("(Tài liệu minh chứng kèm theo: \(attached.joined(separator: "; ")).)", .italic)) }
        body.append(Self.para("Kính trình \(addressee) xem xét, quyết định./."))
        let header: DocumentHeader
        if upward {
            header = self.header(symbol: "TTr", year: date.year)
        } else {
            header = bodyHeader(
                issuerLine: from.issuerLine, type: "TTr", bodySymbol: from.symbol,
                placeAndDate: "\(plan.place), \(PartialDate(year: date.year).vietnamese)")
        }
        return Document(
            header: header, kindName: "TỜ TRÌNH",
            summary: [
                "Về việc đề nghị \(upward ? "\(upwardProposal.addressee) tặng \(upwardProposal.award ?? "Bằng khen")" : "tặng Giấy khen") cho tập thể, cá nhân",
                "có thành tích trong \(plan.movementName)",
            ],
            addressees: ["Kính gửi: \(addressee)."], body: body, signatures: [upward ? Signature(plan.signer) : from.signature],
            recipients: [Recipient(name: "Như trên"), Recipient(name: "Lưu: VT")])
    }
}
