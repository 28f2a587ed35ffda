import ThiDuaBase

/// `review-opened`: a council review of a period with its members, nominees and rules.
public struct ReviewOpenedPayload: EventPayload {
    public static let kind = EventKind.reviewOpened
    public var review: String
    public var period: EvaluationPeriod
    public var meetingDate: CivilDate?
    public var place: String?
    public var members: [CouncilMember]
    public var nominees: [Nominee]
    public var rules: [String: CouncilRule]
    public init(
        review: String, period: EvaluationPeriod, meetingDate: CivilDate?, place: String?, members: [CouncilMember], nominees: [Nominee],
        rules: [String: CouncilRule]
    ) {
        self.review = review
        self.period = period
        self.meetingDate = meetingDate
        self.place = place
        self.members = members
        self.nominees = nominees
        self.rules = rules
    }

    enum CodingKeys: String, CodingKey {
        case review, period, meetingDate, place, members, nominees, rules
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        review = try c.decode(String.self, forKey: .review)
        period = try c.decode(EvaluationPeriod.self, forKey: .period)
        meetingDate = try c.decodeIfPresent(CivilDate.self, forKey: .meetingDate)
        place = try c.decodeIfPresent(String.self, forKey: .place)
        members = try c.decode([CouncilMember].self, forKey: .members)
        nominees = try c.decode([Nominee].self, forKey: .nominees)
        rules = (try? c.decodeIfPresent([String: CouncilRule].self, forKey: .rules)) ?? [:]
    }
}

/// `ballot`: one member's open ballot.
public struct BallotPayload: EventPayload {
    public static let kind = EventKind.ballot
    public var review: String
    public var member: String
    public var votes: [String: Vote]
    public init(review: String, member: String, votes: [String: Vote]) {
        self.review = review
        self.member = member
        self.votes = votes
    }
}

/// `tally`: a paper tally sheet's counts per nominee (secret ballot).
public struct TallyPayload: EventPayload {
    public static let kind = EventKind.tally
    public var review: String
    public var tallies: [String: Tally]
    public init(review: String, tallies: [String: Tally]) {
        self.review = review
        self.tallies = tallies
    }
}

/// `review-closed`: who was present and absent; the results follow from the ballots.
public struct ReviewClosedPayload: EventPayload {
    public static let kind = EventKind.reviewClosed
    public var review: String
    public var present: [String]
    public var absent: [String]
    public var meetingDate: CivilDate?
    public var chair: String?
    public var secretary: String?
    public init(review: String, present: [String], absent: [String], meetingDate: CivilDate?, chair: String?, secretary: String?) {
        self.review = review
        self.present = present
        self.absent = absent
        self.meetingDate = meetingDate
        self.chair = chair
        self.secretary = secretary
    }

    enum CodingKeys: String, CodingKey {
        case review, present, absent, meetingDate, chair, secretary
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        review = try c.decode(String.self, forKey: .review)
        present = try c.decode([String].self, forKey: .present)
        absent = try c.decodeIfPresent([String].self, forKey: .absent) ?? []
        meetingDate = try c.decodeIfPresent(CivilDate.self, forKey: .meetingDate)
        chair = try c.decodeIfPresent(String.self, forKey: .chair)
        secretary = try c.decodeIfPresent(String.self, forKey: .secretary)
    }
}
