import ThiDuaBase

/// A higher-level document that plans implement (văn bản chỉ đạo): a province's plan, a Party
/// committee's plan, a ministry's instruction. It is the content of a directive file
/// `directives/<id>.json`, cited from a plan by `basis[].directive`.
///
/// Besides its identity it may set what every plan implementing it must contain: floors
/// (minimum targets of indicators), required criteria, required milestones with a latest due
/// date, and the award forms it allows. A directive may name its own `parent` (a ward's plan
/// implementing the province's), and the plan is then held to the whole chain.
public struct Directive: Hashable, Sendable {
    public var version: Int
    /// Stable id, also the file name: "tuyen-quang-cds-2026".
    public var id: String
    /// Document kind in normal case: "Kế hoạch", "Chỉ thị", "Quyết định".
    public var kind: String
    /// Number and symbol as printed: "68/KH-UBND", "25-KH/ĐU".
    public var number: String
    public var date: CivilDate
    public var issuer: DirectiveIssuer
    /// What it is about, as quoted: "về phát động phong trào thi đua …".
    public var title: String
    /// The id of the directive this one implements (the province's above a ward's).
    public var parent: String?
    /// Minimum targets for named indicators.
    public var floors: [DirectiveFloor]
    /// Criteria every plan must keep.
    public var requiredCriteria: [RequiredCriterion]
    /// Milestones every plan must have, optionally by a latest date.
    public var requiredMilestones: [RequiredMilestone]
    /// The award form keys plans may use (`awards[].form`); empty allows any.
    public var allowedAwards: [String]
    /// Free notes for the record; never printed.
    public var notes: [String]

    public init(
        id: String, kind: String, number: String, date: CivilDate, issuer: DirectiveIssuer, title: String,
        parent: String? = nil, floors: [DirectiveFloor] = [], requiredCriteria: [RequiredCriterion] = [],
        requiredMilestones: [RequiredMilestone] = [], allowedAwards: [String] = [], notes: [String] = []
    ) {
        self.version = JSONInputFile.currentVersion
        self.id = id
        self.kind = kind
        self.number = number
        self.date = date
        self.issuer = issuer
        self.title = title
        self.parent = parent
        self.floors = floors
        self.requiredCriteria = requiredCriteria
        self.requiredMilestones = requiredMilestones
        self.allowedAwards = allowedAwards
        self.notes = notes
    }

    /// The directive as a plan cites it: "Kế hoạch số 68/KH-UBND ngày 10/02/2026 của … về …".
    public var citation: BasisReference {
        BasisReference(id: id, kind: kind, number: number, date: date, issuer: issuer.name, title: title, level: issuer.level)
    }

    /// "Kế hoạch số 68/KH-UBND": the short name used in messages.
    public var shortName: String { "\(kind) số \(number)" }
}

/// Who issued a directive.
public struct DirectiveIssuer: Hashable, Sendable, Codable {
    /// Full name in normal case: "Ủy ban nhân dân tỉnh Tuyên Quang".
    public var name: String
    public var level: AuthorityLevel

    public init(name: String, level: AuthorityLevel) {
        self.name = name
        self.level = level
    }
}

/// A minimum target a directive sets for an indicator ("≥ 80% hồ sơ trực tuyến toàn trình").
public struct DirectiveFloor: Hashable, Sendable {
    /// A plan indicator id or a catalogue indicator id; a plan indicator matches when its `id`
    /// or its `catalogue` equals it.
    public var indicator: String
    public var target: Target
    /// When given, the plan's indicator must be measured the same way.
    public var measure: Measure?
    /// The indicator's name, for messages and new plans.
    public var title: String?
    /// The directive's own sentence.
    public var text: String?

    public init(indicator: String, target: Target, measure: Measure? = nil, title: String? = nil, text: String? = nil) {
        self.indicator = indicator
        self.target = target
        self.measure = measure
        self.title = title
        self.text = text
    }
}

/// A criterion a directive requires: a catalogue criterion by id, or a criterion of its own
/// with an id and its words.
public struct RequiredCriterion: Hashable, Sendable, Codable {
    /// A catalogue criterion id; a plan criterion matches when its `catalogue` or `id` equals it.
    public var catalogue: String?
    /// A criterion id of the directive's own; a plan criterion matches when its `id` or `catalogue` equals it.
    public var id: String?
    /// The criterion's words (required with `id`).
    public var text: String?
    /// When given, the plan's criterion must judge this kind of participant.
    public var appliesTo: ParticipantKind?

    public init(catalogue: String? = nil, id: String? = nil, text: String? = nil, appliesTo: ParticipantKind? = nil) {
        self.catalogue = catalogue
        self.id = id
        self.text = text
        self.appliesTo = appliesTo
    }

    /// The id a plan criterion must carry (as `id` or `catalogue`).
    public var key: String { catalogue ?? id ?? "" }
}

/// A milestone a directive requires ("báo cáo sơ kết trước ngày 15/6").
public struct RequiredMilestone: Hashable, Sendable, Codable {
    public var kind: MilestoneKind
    /// The latest due date allowed: a day, or a day of every year.
    public var latest: MilestoneDue?
    /// What the directive calls it, for messages.
    public var title: String?

    public init(kind: MilestoneKind, latest: MilestoneDue? = nil, title: String? = nil) {
        self.kind = kind
        self.latest = latest
        self.title = title
    }
}
