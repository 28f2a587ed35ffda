import ThiDuaBase

/// A member of the Hội đồng Thi đua – Khen thưởng.
public struct CouncilMember: Hashable, Sendable, Codable {
    public var name: String
    /// "Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Thư ký", "Ủy viên".
    public var role: String

    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }

    /// Whether the member chairs the council (signs the biên bản as chủ trì).
    public var isChair: Bool { VietnameseText.key(role).hasPrefix("chủ tịch") }
    /// Whether the member keeps the minutes.
    public var isSecretary: Bool { VietnameseText.key(role).hasPrefix("thư ký") }
}

/// A participant put to the council for an award kind.
public struct Nominee: Hashable, Sendable, Codable {
    /// "1", "2"…: how ballots and tally sheets name the nominee.
    public var id: String
    public var participant: ParticipantRef
    /// The award kind id of the plan.
    public var award: String

    public init(id: String, participant: ParticipantRef, award: String) {
        self.id = id
        self.participant = participant
        self.award = award
    }
}

/// A member's vote on one nominee.
public enum Vote: String, Hashable, Sendable, Codable, CaseIterable {
    case agree = "dong-y"
    case disagree = "khong-dong-y"
    /// Does not vote because of a conflict of interest; not counted among those voting.
    case conflict = "xung-dot-loi-ich"

    /// Reads a vote as typed on a ballot sheet: "đồng ý", "x", "không đồng ý", "xung đột lợi ích"…
    public init?(typed text: String) {
        let key = VietnameseText.key(text)
        switch key {
        case "dong-y", "đồng ý", "x", "có", "tán thành", "agree": self = .agree
        case "khong-dong-y", "không đồng ý", "không", "không tán thành", "disagree": self = .disagree
        case "xung-dot-loi-ich", "xung đột lợi ích", "không biểu quyết", "kbq", "tránh xung đột", "conflict": self = .conflict
        default: return nil
        }
    }

    public var vietnamese: String {
        switch self {
        case .agree: "đồng ý"
        case .disagree: "không đồng ý"
        case .conflict: "không biểu quyết (xung đột lợi ích)"
        }
    }
}

/// The counted votes on one nominee.
public struct Tally: Hashable, Sendable, Codable {
    public var agree = 0
    public var disagree = 0
    public var conflict = 0

    public init(agree: Int = 0, disagree: Int = 0, conflict: Int = 0) {
        self.agree = agree
        self.disagree = disagree
        self.conflict = conflict
    }

    /// Votes cast, conflicts included.
    public var cast: Int { agree + disagree + conflict }
}

/// One nominee's result when the review closed.
public struct NomineeResult: Hashable, Sendable {
    public var nominee: Nominee
    public var tally: Tally
    /// Present members less those abstaining for a conflict: the base of the approval share.
    public var voting: Int
    /// Present members who cast no vote on this nominee.
    public var blank: Int
    public var approved: Bool
    public var rule: CouncilRule
    /// "7/9 đồng ý = 77,8% ≥ 70% → được đề nghị".
    public var explanation: String
}

/// A council review (bình xét) of a campaign's period, rebuilt from its events.
public struct ReviewRecord: Sendable, Equatable, Codable {
    public var id: String
    public var seq: Int
    public var period: EvaluationPeriod
    /// The meeting day.
    public var date: CivilDate
    public var place: String?
    public var members: [CouncilMember]
    public var nominees: [Nominee]
    /// Council rules by award kind id, fixed when the review opened.
    public var rules: [String: CouncilRule]
    /// Open ballots: member name → nominee id → vote (the last ballot of a member counts).
    public var ballots: [String: [String: Vote]] = [:]
    /// Tally sheets (secret ballot): nominee id → counts (the last sheet counts).
    public var tallies: [String: Tally] = [:]
    /// Set when the review closed.
    public var closed: ReviewClosing?

    public func rule(for nominee: Nominee) -> CouncilRule { rules[nominee.award] ?? .standard }

    /// Whether every award kind under review votes in secret.
    public var secret: Bool { nominees.contains { rule(for: $0).secret } }

    /// The tally of a nominee from the open ballots, or from its tally sheet.
    public func tally(of nominee: Nominee) -> Tally { tally(of: nominee, roster: nil) }

    /// The tally of a nominee; with the roster, a member's open vote on himself counts as a
    /// conflict of interest (he does not vote on his own award), as the minutes state.
    public func tally(of nominee: Nominee, roster: Roster?) -> Tally { tally(of: nominee, roster: roster, memberKeys: nil) }

    /// Each voting member's `VietnameseText.key`, when a roster makes self-votes conflicts.
    func keysOfVoters(_ roster: Roster?) -> [String: String]? {
        roster == nil ? nil : Dictionary(ballots.keys.map { ($0, VietnameseText.key($0)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Each nominee's agreeing votes and voting members, as `results(present:roster:)` counts
    /// them, without the explanations (ranking by council share reads only these).
    func shares(present: Int, roster: Roster?) -> [(nominee: Nominee, agree: Int, voting: Int)] {
        let memberKeys = keysOfVoters(roster)
        return nominees.map { nominee in
            let t = tally(of: nominee, roster: roster, memberKeys: memberKeys)
            return (nominee, t.agree, max(0, present - t.conflict))
        }
    }

    /// `tally(of:roster:)` with each voting member's `VietnameseText.key` worked out already
    /// (`results` tallies every nominee against the same members; the folding is costly).
    func tally(of nominee: Nominee, roster: Roster?, memberKeys: [String: String]?) -> Tally {
        if let sheet = tallies[nominee.id] { return sheet }
        var t = Tally()
        let own: String? =
            nominee.participant.kind == .individual ? roster.map { VietnameseText.key(nominee.participant.name(in: $0)) } : nil
        for (member, votes) in ballots {
            if let own, votes[nominee.id] != nil, (memberKeys?[member] ?? VietnameseText.key(member)) == own {
                t.conflict += 1
                continue
            }
            switch votes[nominee.id] {
            case .agree?: t.agree += 1
            case .disagree?: t.disagree += 1
            case .conflict?: t.conflict += 1
            case nil: break
            }
        }
        return t
    }

    /// Whether `present` of the members meet every nominee's quorum.
    public func quorumMet(present: Int) -> Bool {
        nominees.allSatisfy { rule(for: $0).quorum.isReached(by: present, of: members.count) }
            && (nominees.isEmpty ? CouncilRule.standard.quorum.isReached(by: present, of: members.count) : true)
    }

    /// The result of each nominee with `present` members at the meeting.
    public func results(present: Int) -> [NomineeResult] { results(present: present, roster: nil) }

    /// The results with a member's vote on himself counted as a conflict (see `tally(of:roster:)`).
    public func results(present: Int, roster: Roster?) -> [NomineeResult] {
        let memberKeys = keysOfVoters(roster)
        return nominees.map { nominee in
            let rule = rule(for: nominee)
            let t = tally(of: nominee, roster: roster, memberKeys: memberKeys)
            let voting = max(0, present - t.conflict)
            let approved = rule.approval.isReached(by: t.agree, of: voting)
            let share = voting > 0 ? Numbers.vietnamese(Double(t.agree) * 100 / Double(voting), maxFractionDigits: 1) + "%" : "—"
            let explanation =
                "\(t.agree)/\(voting) thành viên biểu quyết đồng ý = \(share) "
                + (approved ? "≥ \(rule.approval) → đề nghị khen thưởng" : "< \(rule.approval) → không đề nghị")
                + (t.conflict > 0 ? " (\(t.conflict) thành viên không biểu quyết do xung đột lợi ích, không tính)" : "")
            return NomineeResult(
                nominee: nominee, tally: t, voting: voting, blank: max(0, voting - t.agree - t.disagree), approved: approved,
                rule: rule, explanation: explanation)
        }
    }
}

/// How a review closed: the day, who was there.
public struct ReviewClosing: Sendable, Equatable, Codable {
    public var seq: Int
    public var date: CivilDate
    public var present: [String]
    public var absent: [String]
    /// Who chaired and who kept the minutes, when named.
    public var chair: String?
    public var secretary: String?
}

extension CampaignState {
    /// The review with that id.
    public func review(_ id: String) -> ReviewRecord? { reviews.first { $0.id == id } }

    /// The review still open, if any.
    public var openReview: ReviewRecord? { reviews.last { $0.closed == nil } }

    /// Folds a review event; false when the payload is not one.
    mutating func applyReview(_ event: JournalEvent) -> Bool {
        let p = event.payload
        switch event.kind {
        case .reviewOpened:
            guard let o = p.payload(ReviewOpenedPayload.self), checkIDs(o.nominees.map(\.participant.id), event) else { return false }
            reviews.append(
                ReviewRecord(
                    id: o.review, seq: event.seq, period: o.period, date: o.meetingDate ?? event.date, place: o.place, members: o.members,
                    nominees: o.nominees, rules: o.rules))
        case .ballot:
            guard let b = p.payload(BallotPayload.self), let index = reviews.firstIndex(where: { $0.id == b.review }) else { return false }
            reviews[index].ballots[b.member] = b.votes
        case .tally:
            guard let t = p.payload(TallyPayload.self), let index = reviews.firstIndex(where: { $0.id == t.review }) else { return false }
            for (nominee, tally) in t.tallies { reviews[index].tallies[nominee] = tally }
        case .reviewClosed:
            guard let c = p.payload(ReviewClosedPayload.self), let index = reviews.firstIndex(where: { $0.id == c.review }) else {
                return false
            }
            reviews[index].closed = ReviewClosing(
                seq: event.seq, date: c.meetingDate ?? event.date, present: c.present, absent: c.absent, chair: c.chair,
                secretary: c.secretary)
        default:
            return false
        }
        return true
    }
}
