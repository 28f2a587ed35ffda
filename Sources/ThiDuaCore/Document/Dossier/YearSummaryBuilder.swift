import ThiDuaBase

/// One campaign's part of the year's summary: the campaign, its journal state and its
/// standings for the year.
public struct YearSummaryCampaign: Sendable {
    public var campaign: ResolvedCampaign
    public var state: CampaignState
    public var evaluation: Evaluation

    public init(campaign: ResolvedCampaign, state: CampaignState, evaluation: Evaluation) {
        self.campaign = campaign
        self.state = state
        self.evaluation = evaluation
    }

    /// Whether the campaign belongs to `year`: its period covers the year, or it has a
    /// decision or a review for it.
    public static func runs(_ plan: CampaignPlan, state: CampaignState, in year: Int) -> Bool {
        let first = plan.period.start?.year ?? plan.date.year ?? plan.period.end.year
        let years = plan.period.years ?? Array(min(first, plan.period.end.year)...plan.period.end.year)
        return years.contains(year) || state.decisions.contains { $0.year == year } || state.reviews.contains { $0.period.year == year }
    }
}

/// Builds the year's cross-campaign report (lồng ghép tổng kết): "BÁO CÁO Tổng hợp kết quả thi
/// đua, khen thưởng năm 2026" of the People's Committee. Per campaign: its plan, participants,
/// standings, council review, decisions and awards with amounts; then the totals, and every
/// participant proposed more than once. The number and date are drafts ("Số:      /BC-UBND",
/// "ngày … tháng … năm 2026"); the assessment is left for the official to write.
public struct YearSummaryBuilder: Sendable {
    public let year: Int
    public let campaigns: [YearSummaryCampaign]
    public let roster: Roster
    /// The campaign whose issuer, place and signer the report carries: of the issuer with the
    /// most campaigns in the year, the first.
    let lead: ResolvedCampaign
    /// The year's awards in every campaign, campaign by campaign.
    public let awards: [YearAward]

    /// Nil when no campaign runs in the year.
    public init?(year: Int, campaigns: [YearSummaryCampaign], roster: Roster) {
        guard let first = campaigns.first?.campaign else { return nil }
        self.year = year
        self.roster = roster
        var counts: [String: Int] = [:]
        for c in campaigns { counts[c.campaign.plan.issuer.name, default: 0] += 1 }
        let lead = campaigns.map(\.campaign).first { counts[$0.plan.issuer.name] == counts.values.max() } ?? first
        self.lead = lead
        // The report is the issuer's own: another ward's campaigns in the same workspace (a
        // sample, an archive) are not its decisions and are not paid from its fund.
        let own = campaigns.filter { $0.campaign.plan.issuer.name == lead.plan.issuer.name }
        self.campaigns = own
        awards = own.flatMap { YearAward.collect($0.campaign, state: $0.state, roster: roster, year: year) }
    }

    /// Participants proposed more than once in the year.
    public var repeats: [AwardRepeat] { AwardRepeat.find(in: awards) }

    public func build() -> Document {
        var body: [Block] = []
        let issuer = lead.plan.issuer.name
        body.append(
            Self.para(
                "Năm \(year), \(issuer) triển khai \(campaigns.count) phong trào thi đua. Thực hiện Luật Thi đua, khen thưởng số 06/2022/QH15, "
                    + "\(issuer) tổng hợp kết quả thi đua, khen thưởng năm \(year) của các phong trào (lồng ghép tổng kết) như sau:"))
        body.append(.heading("I. TỔNG QUAN CÁC PHONG TRÀO", level: 1))
        body.append(.table(overview))
        body.append(.heading("II. KẾT QUẢ TỪNG PHONG TRÀO", level: 1))
        for (index, part) in campaigns.enumerated() {
            body += section(index + 1, part)
        }
        body.append(.heading("III. TỔNG HỢP KHEN THƯỞNG", level: 1))
        body += totals
        body.append(.heading("IV. ĐỐI TƯỢNG ĐƯỢC ĐỀ NGHỊ KHEN THƯỞNG NHIỀU LẦN", level: 1))
        body += repeatBlocks
        body.append(.heading("V. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG NĂM \(year + 1)", level: 1))
        body.append(
            .blank(
                prompt: "Ưu điểm, hạn chế, nguyên nhân; bài học kinh nghiệm; phương hướng thi đua, khen thưởng năm \(year + 1)", lines: 6))
        let dossier = DossierBuilder(campaign: lead, state: CampaignState(), roster: roster)
        return Document(
            header: dossier.header(symbol: "BC", year: year), kindName: "BÁO CÁO",
            summary: ["Tổng hợp kết quả thi đua, khen thưởng năm \(year)"], body: body, signatures: [Signature(lead.plan.signer)],
            recipients: [
                Recipient(name: dossier.reviewingBody.inText ?? dossier.reviewingBody.name), Recipient(name: "Các cơ quan, đơn vị tham gia phong trào"),
                Recipient(name: "Lưu: VT"),
            ])
    }

    // MARK: Parts

    /// One row per campaign: type, participants, awards and money.
    var overview: Table {
        var rows: [[String]] = []
        for (index, part) in campaigns.enumerated() {
            let own = awards.filter { $0.campaign == part.campaign.plan.id }
            rows.append([
                "\(index + 1)", part.campaign.plan.movementName.capitalizedFirstLetter, part.campaign.definition.title, "\(part.state.units.count)",
                "\(part.state.people.count)",
                "\(own.count)", Numbers.grouped(own.compactMap(\.amount).reduce(0, +)),
            ])
        }
        rows.append([
            "", "Tổng cộng", "", "", "", "\(awards.count)", Numbers.grouped(awards.compactMap(\.amount).reduce(0, +)),
        ])
        return Table(
            columns: [
                "TT", "Phong trào thi đua", "Loại phong trào", "Tập thể tham gia", "Cá nhân tham gia", "Lượt khen thưởng",
                "Tiền thưởng (đồng)",
            ],
            rows: rows, widths: [0.6, 3.4, 2.4, 1.3, 1.3, 1.6, 2.2])
    }

    /// A campaign's part: its plan, participants, standings, review, decisions and awards.
    func section(_ number: Int, _ part: YearSummaryCampaign) -> [Block] {
        let plan = part.campaign.plan
        let dossier = DossierBuilder(campaign: part.campaign, state: part.state, roster: roster)
        var out: [Block] = [.heading("\(number). \(plan.movementName.capitalizedFirstLetter)", level: 2)]
        out.append(Self.para("Loại phong trào: \(part.campaign.definition.title). Thực hiện \(plan.citation) về \(plan.titleInText)."))
        // Participants.
        let units = part.state.units.map { ParticipantRef.unit($0).name(in: roster) }
        let submissions = part.state.submissions.filter { $0.date.year == year }
        let enrolled =
            units.isEmpty && part.state.people.isEmpty
            ? "chưa ghi danh tập thể, cá nhân nào"
            : "\(units.count) tập thể" + (units.isEmpty ? "" : " (\(units.joined(separator: ", ")))")
                + " và \(part.state.people.count) cá nhân"
        out.append(
            Self.para(
                "Đối tượng tham gia: \(enrolled). Biểu mẫu đã nhận trong năm: \(submissions.count) lượt, trong đó \(submissions.filter(\.late).count) lượt nộp muộn."
            ))
        out.append(Self.para(standings(part.evaluation)))
        // Council reviews of the year.
        for review in part.state.reviews where review.period.year == year {
            if let closing = review.closed {
                let approved = review.results(present: closing.present.count, roster: roster).filter(\.approved).count
                out.append(
                    Self.para(
                        "Hội đồng Thi đua – Khen thưởng họp bình xét \(review.period.vietnamese) ngày \(closing.date.vietnamese): \(review.nominees.count) đề cử, \(approved) được đề nghị khen thưởng."
                    ))
            } else {
                out.append(
                    Self.para(
                        "Hội đồng Thi đua – Khen thưởng đang bình xét \(review.period.vietnamese) (mở phiên ngày \(review.date.vietnamese), chưa kết thúc)."
                    ))
            }
        }
        // Decisions and upward proposals of the year.
        for decision in part.state.decisions where decision.year == year {
            let titles = Set(decision.lines.map { dossier.awardTitle($0.award) }).sorted().joined(separator: ", ")
            if decision.upward {
                out.append(Self.para("Tờ trình đề nghị cấp trên tặng \(titles) cho \(DossierBuilder.count(decision.lines))."))
            } else {
                out.append(
                    Self.para(
                        "\(dossier.decisionCitation(decision)) của Chủ tịch \(plan.issuer.name) tặng \(titles) cho \(DossierBuilder.count(decision.lines)); tổng tiền thưởng \(Numbers.grouped(decision.total)) đồng."
                            + (decision.number == nil ? " Quyết định còn là dự thảo, chưa vào số." : "")))
            }
        }
        let own = awards.filter { $0.campaign == plan.id }
        guard !own.isEmpty else {
            out.append(Self.para("Chưa có đề nghị hay quyết định khen thưởng nào trong năm \(year)."))
            return out
        }
        var rows = own.enumerated().map { i, a in
            ["\(i + 1)", a.name, a.awardTitle, a.document, a.amount.map(Numbers.grouped) ?? ""]
        }
        rows.append(["", "Cộng", "", "", Numbers.grouped(own.compactMap(\.amount).reduce(0, +))])
        out.append(
            .table(
                Table(
                    columns: ["TT", "Tập thể, cá nhân", "Hình thức", "Văn bản", "Số tiền (đồng)"], rows: rows,
                    widths: [0.6, 3.4, 3.2, 3.2, 1.6])))
        return out
    }

    /// The standings in a sentence or two: how many were evaluated and ranked, who leads, how
    /// many qualify for each award.
    func standings(_ evaluation: Evaluation) -> String {
        let judged = evaluation.standings.filter { !$0.criteria.isEmpty || !$0.awards.isEmpty }
        guard !judged.isEmpty else {
            return "Kết quả đánh giá, xếp hạng \(evaluation.period.vietnamese): chưa có tiêu chí hay số liệu để đánh giá."
        }
        let ranked = judged.filter { $0.rank != nil }
        var text =
            "Kết quả đánh giá, xếp hạng \(evaluation.period.vietnamese): \(judged.count) tập thể, cá nhân được đánh giá, \(ranked.count) đã xếp hạng"
        text += ranked.count < judged.count ? " (\(judged.count - ranked.count) còn thiếu số liệu)." : "."
        var leaders: [String] = []
        for kind in ParticipantKind.allCases {
            let first = ranked.filter { $0.participant.kind == kind && $0.rank == 1 }.map(\.name)
            guard !first.isEmpty else { continue }
            if first.count > Self.leadersShown {
                let shown = first.prefix(Self.leadersShown).joined(separator: ", ")
                leaders.append("\(shown) và \(first.count - Self.leadersShown) \(kind.vietnamese) khác (đồng hạng nhất)")
            } else {
                leaders.append("\(first.joined(separator: ", ")) (\(kind.vietnamese)\(first.count > 1 ? ", đồng hạng nhất" : ""))")
            }
        }
        if !leaders.isEmpty { text += " Dẫn đầu: \(leaders.joined(separator: "; "))." }
        // By title: two award kinds may share one (one for collectives, one for individuals).
        var titles: [String] = []
        for standing in judged {
            for award in standing.awards where !titles.contains(award.title) { titles.append(award.title) }
        }
        let eligible = titles.compactMap { title -> String? in
            let met = judged.filter { $0.awards.contains { $0.title == title && $0.truth == .met } }
            let counts = ParticipantKind.allCases.compactMap { kind -> String? in
                let n = met.filter { $0.participant.kind == kind }.count
                return n > 0 ? "\(n) \(kind.vietnamese)" : nil
            }
            return counts.isEmpty ? nil : "\(title): \(counts.joined(separator: ", "))"
        }
        text +=
            eligible.isEmpty
            ? " Chưa có tập thể, cá nhân nào đủ điều kiện khen thưởng theo tiêu chuẩn của kế hoạch."
            : " Đủ điều kiện khen thưởng — \(eligible.joined(separator: "; "))."
        return text
    }

    /// Counts and money by award and status, the total in figures and words.
    var totals: [Block] {
        let issuer = lead.plan.issuer.name
        guard !awards.isEmpty else { return [Self.para("Chưa có đề nghị hay quyết định khen thưởng nào trong năm \(year).")] }
        var keys: [String] = []
        var groups: [String: [YearAward]] = [:]
        var titles: [String: String] = [:]
        // One row per form of award (two plans may word the same Giấy khen differently); what the
        // council approved but no decision gave is not an award and is left to section IV.
        let given = awards.filter { $0.status != .approved }
        for status in [YearAward.Status.decided, .upward] {
            for award in given where award.status == status {
                let form = campaigns.first { $0.campaign.plan.id == award.campaign }?.campaign.plan.awards.first { $0.id == award.award }?.form
                let key = "\(status == .decided ? "d" : "u")|\(form ?? award.awardTitle)"
                if groups[key] == nil {
                    keys.append(key)
                    titles[key] = status == .decided ? award.awardTitle : "\(award.awardTitle) (\(status.vietnamese))"
                }
                groups[key, default: []].append(award)
            }
        }
        var rows = keys.enumerated().map { i, key -> [String] in
            let list = groups[key] ?? []
            let money = list.compactMap(\.amount).reduce(0, +)
            return [
                "\(i + 1)", titles[key] ?? key, "\(list.filter { $0.participant.kind == .collective }.count)",
                "\(list.filter { $0.participant.kind == .individual }.count)", money > 0 ? Numbers.grouped(money) : "",
            ]
        }
        let total = given.compactMap(\.amount).reduce(0, +)
        rows.append([
            "", "Tổng cộng", "\(given.filter { $0.participant.kind == .collective }.count)",
            "\(given.filter { $0.participant.kind == .individual }.count)", Numbers.grouped(total),
        ])
        let people = Set(given.map(\.participant))
        return [
            .table(
                Table(
                    columns: ["TT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Số tiền (đồng)"], rows: rows,
                    widths: [0.6, 5.2, 1.3, 1.3, 2.2])),
            Self.para(
                "Tổng cộng \(given.count) lượt khen thưởng, đề nghị khen thưởng cho \(DossierBuilder.count(Array(people))); tổng tiền thưởng đã quyết định: "
                    + "\(Numbers.grouped(total)) đồng (Bằng chữ: \(VietnameseNumberWords.amount(total))). Nguồn kinh phí: quỹ thi đua, khen thưởng của \(issuer)."
            ),
        ]
    }

    /// "Giấy khen … (phong trào thi đua “…”); Bằng khen … (…)": each award with the movement's
    /// formal name, not the campaign's listing name.
    func officialListing(_ r: AwardRepeat) -> String {
        r.awards.map { award in
            let plan = campaigns.first { $0.campaign.plan.id == award.campaign }?.campaign.plan
            return "\(award.awardTitle) (\(plan?.movementName ?? award.campaignName))"
        }.joined(separator: "; ")
    }

    /// The participants proposed more than once, with what to check.
    var repeatBlocks: [Block] {
        let list = repeats
        guard !list.isEmpty else {
            return [Self.para("Không có tập thể, cá nhân nào được đề nghị khen thưởng quá một lần trong năm \(year).")]
        }
        return [
            Self.para(
                "Luật Thi đua, khen thưởng (Điều 5) quy định một thành tích không khen thưởng nhiều lần, nhiều hình thức. Các tập thể, cá nhân sau được đề nghị khen thưởng nhiều lần trong năm; đề nghị Hội đồng Thi đua – Khen thưởng rà soát trước khi trình, gửi hồ sơ:"
            ),
            .table(
                Table(
                    columns: ["TT", "Tập thể, cá nhân", "Số lần", "Các lần đề nghị, khen thưởng", "Lưu ý"],
                    rows: list.enumerated().map { i, r in
                        ["\(i + 1)", r.name, "\(r.awards.count)", officialListing(r), r.advice]
                    }, widths: [0.6, 2.6, 0.9, 4.6, 3])),
        ]
    }

    /// Names printed for the first places of a kind before "và … khác".
    static let leadersShown = 3

    static func para(_ text: String) -> Block { .paragraph(Paragraph(text)) }
}
