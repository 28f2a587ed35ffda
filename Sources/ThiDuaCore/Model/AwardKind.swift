import ThiDuaBase

/// Whether an award is granted by this ward or proposed to a higher level.
public enum AwardLevel: String, Codable, Sendable, CaseIterable {
    /// Granted by the ward's chairman (Giấy khen của Chủ tịch UBND xã/phường).
    case local
    /// Proposed upward (Bằng khen của Chủ tịch UBND tỉnh): yields a tờ trình, not a decision.
    case upward
}

/// When an award is given.
public enum AwardRecurrence: String, Codable, Sendable, CaseIterable {
    /// Each year of the campaign (khen thưởng hằng năm).
    case annual
    /// At the end of the campaign (khen thưởng tổng kết).
    case final
}

/// The kind of commendation in the law's terms (loại hình khen thưởng).
public enum CommendationKind: String, Codable, Sendable, CaseIterable {
    case thuongXuyen = "thuong-xuyen"
    case chuyenDe = "chuyen-de"
    case dotXuat = "dot-xuat"
}

/// A limit on how many receive an award.
public struct Quota: Hashable, Sendable, Codable {
    /// At most this many.
    public var count: Int?
    /// At most this share (percent) of the participants of the kind, or of `group`.
    public var share: Double?
    /// The participant group the share is taken of (its enrolled members); nil: every enrolled participant of the kind.
    public var group: String?
    /// How share × base is brought to a whole number; down by default.
    public var rounding: QuotaRounding?

    public init(count: Int? = nil, share: Double? = nil, group: String? = nil, rounding: QuotaRounding? = nil) {
        self.count = count
        self.share = share
        self.group = group
        self.rounding = rounding
    }
}

/// What a participant must meet for an award (tiêu chuẩn khen thưởng).
public struct AwardStandard: Hashable, Sendable, Codable {
    /// nil: both collectives and individuals.
    public var appliesTo: ParticipantKind?
    /// The plan's sentence introducing the standard.
    public var text: String
    /// Alternatives or conditions listed under it.
    public var items: [String]?
    public var rule: Rule?
    /// Which of the plan's criteria it requires; nil on every standard of a kind: all of them.
    public var criteria: CriteriaRequirement?

    public init(
        appliesTo: ParticipantKind? = nil, text: String, items: [String]? = nil, rule: Rule? = nil, criteria: CriteriaRequirement? = nil
    ) {
        self.appliesTo = appliesTo
        self.text = text
        self.items = items
        self.rule = rule
        self.criteria = criteria
    }
}

/// A form of commendation a plan offers (hình thức khen thưởng).
public struct AwardKind: Hashable, Sendable, Codable {
    public var id: String
    /// "Giấy khen của Chủ tịch UBND phường".
    public var title: String
    /// Key in the money table ("giay-khen-chu-tich-xa", "bang-khen-chu-tich-tinh").
    public var form: String
    /// Who grants it: "Chủ tịch UBND phường".
    public var grantor: String
    public var level: AwardLevel
    public var recurrence: AwardRecurrence
    public var commendation: CommendationKind
    public var recipients: [ParticipantKind]
    public var standards: [AwardStandard]?
    public var quota: Quota?
    /// The plan's own sentences about this award, in order.
    public var text: [String]?
    /// How the council votes on it; nil uses `CouncilRule.standard`.
    public var council: CouncilRule?
    /// The rating bands of a scoring table it requires ("xếp loại Hoàn thành xuất sắc").
    public var rating: AwardRating?

    public init(
        id: String, title: String, form: String, grantor: String, level: AwardLevel, recurrence: AwardRecurrence,
        commendation: CommendationKind, recipients: [ParticipantKind], standards: [AwardStandard]? = nil,
        quota: Quota? = nil, text: [String]? = nil, council: CouncilRule? = nil, rating: AwardRating? = nil
    ) {
        self.rating = rating
        self.id = id
        self.title = title
        self.form = form
        self.grantor = grantor
        self.level = level
        self.recurrence = recurrence
        self.commendation = commendation
        self.recipients = recipients
        self.standards = standards
        self.quota = quota
        self.text = text
        self.council = council
    }
}
