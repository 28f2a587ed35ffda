import ThiDuaBase

/// One award of a year in one campaign: granted by a decision, proposed to the level above, or
/// approved by the council and not yet decided.
public struct YearAward: Sendable, Hashable {
    /// Where the award stands.
    public enum Status: Sendable, Hashable {
        /// Granted by a decision of the ward chairman.
        case decided
        /// Proposed to the level above (Bằng khen of the province chairman).
        case upward
        /// Approved by the council; no decision yet.
        case approved

        /// "quyết định", "đề nghị cấp trên", "Hội đồng thông qua, chưa quyết định".
        public var vietnamese: String {
            switch self {
            case .decided: "quyết định"
            case .upward: "đề nghị cấp trên"
            case .approved: "Hội đồng thông qua, chưa quyết định"
            }
        }
    }

    public var campaign: String
    public var campaignName: String
    /// The campaign's type id: two awards in campaigns of one type likely reward one achievement.
    public var type: String
    public var participant: ParticipantRef
    public var name: String
    public var award: String
    public var awardTitle: String
    public var status: Status
    /// Where it stands, for a table cell: "Quyết định 35/QĐ-UBND", "Dự thảo quyết định", "Đề
    /// nghị cấp trên", "Hội đồng thông qua ngày 20/11/2026, chưa có quyết định".
    public var document: String
    /// Đồng; nil when the level above pays or nothing is decided yet.
    public var amount: Int?
    /// The year it rewards.
    public var year: Int = 0
    /// The decision's date (or the council meeting's, when only approved).
    public var date: CivilDate?
    /// The decision's number, when signed and numbered.
    public var number: String?

    public init(
        campaign: String, campaignName: String, type: String, participant: ParticipantRef, name: String, award: String,
        awardTitle: String, status: Status, document: String, amount: Int? = nil
    ) {
        self.campaign = campaign
        self.campaignName = campaignName
        self.type = type
        self.participant = participant
        self.name = name
        self.award = award
        self.awardTitle = awardTitle
        self.status = status
        self.document = document
        self.amount = amount
    }

    /// The awards of `year` in one campaign: every line of its decisions and upward proposals
    /// for that year, then what closed reviews of that year approved and no decision carries.
    public static func collect(_ campaign: ResolvedCampaign, state: CampaignState, roster: Roster, year: Int) -> [YearAward] {
        let plan = campaign.plan
        let dossier = DossierBuilder(campaign: campaign, state: state, roster: roster)
        func award(
            _ who: ParticipantRef, _ name: String, _ id: String, _ status: Status, _ document: String, _ amount: Int?, _ date: CivilDate?,
            _ number: String?
        ) -> YearAward {
            var entry = YearAward(
                campaign: plan.id, campaignName: plan.name, type: plan.type, participant: who, name: name, award: id,
                awardTitle: dossier.awardTitle(id), status: status, document: document, amount: amount)
            entry.year = year
            entry.date = date
            entry.number = number
            return entry
        }
        var out: [YearAward] = []
        var decided: Set<String> = []
        for decision in state.decisions where decision.year == year {
            let number = dossier.decisionNumber(decision)
            let document =
                decision.upward
                ? "Đề nghị cấp trên" : decision.number == nil ? "Dự thảo quyết định" : "Quyết định \(number.number ?? "")/\(number.symbol)"
            for line in decision.lines {
                decided.insert("\(line.participant)|\(line.award)")
                out.append(
                    award(
                        line.participant, line.name, line.award, decision.upward ? .upward : .decided, document, line.amount, decision.date,
                        decision.number))
            }
        }
        for review in state.reviews where review.period.year == year {
            guard let closing = review.closed else { continue }
            for result in review.results(present: closing.present.count, roster: roster) where result.approved {
                let who = result.nominee.participant
                guard decided.insert("\(who)|\(result.nominee.award)").inserted else { continue }
                out.append(
                    award(
                        who, who.name(in: roster), result.nominee.award, .approved,
                        "Hội đồng thông qua ngày \(closing.date.vietnamese), chưa có quyết định", nil, closing.date, nil))
            }
        }
        return out
    }
}

extension DecisionRecord {
    /// The year it rewards: its period's, else the year it is dated.
    public var year: Int { EvaluationPeriod(parsing: period)?.year ?? date.year }
}

/// A participant proposed more than once in a year, across campaigns: the law commends one
/// achievement once and in one form (Luật Thi đua, khen thưởng, Điều 5), so the council checks.
public struct AwardRepeat: Sendable, Hashable {
    public var participant: ParticipantRef
    public var name: String
    public var awards: [YearAward]

    /// Two of them in campaigns of the same type: most likely one achievement proposed twice.
    public var sameType: Bool { Set(awards.map(\.type)).count < awards.count }

    /// What the council should check, in a sentence.
    public var advice: String {
        sameType
            ? "Cùng loại phong trào: nhiều khả năng trùng một thành tích"
            : "Kiểm tra không khen thưởng nhiều lần, nhiều hình thức cho một thành tích (Luật Thi đua, khen thưởng, Điều 5)"
    }

    /// "Giấy khen … («Cải cách hành chính 2026 — phường Nam Gia Nghĩa»); Bằng khen … («…»)".
    public var listing: String { awards.map { "\($0.awardTitle) («\($0.campaignName)»)" }.joined(separator: "; ") }

    /// "Văn phòng HĐND và UBND: 2 lần — …. Cùng loại phong trào: …", as `thidua awards` warns.
    public var warning: String { "\(name): \(awards.count) lần — \(listing). \(advice)" }

    /// Every participant with more than one award, in the order of their journal names
    /// ("ca-nhan:…" before "don-vi:…"), each with their awards in the order given.
    public static func find(in awards: [YearAward]) -> [AwardRepeat] {
        var byParticipant: [ParticipantRef: [YearAward]] = [:]
        for award in awards { byParticipant[award.participant, default: []].append(award) }
        return byParticipant.filter { $0.value.count > 1 }
            .sorted { $0.key.description < $1.key.description }
            .map { AwardRepeat(participant: $0.key, name: $0.value[0].name, awards: $0.value) }
    }
}
