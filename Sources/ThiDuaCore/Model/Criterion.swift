import ThiDuaBase

/// A rule a participant meets or not, or scores points on (tiêu chí thi đua).
public struct Criterion: Hashable, Sendable, Codable {
    public var id: String
    public var appliesTo: ParticipantKind
    /// The plan's sentence.
    public var text: String
    /// The type's field or area.
    public var field: String?
    /// The type's catalogue entry this criterion selects.
    public var catalogue: String?
    /// How it is judged; nil when the council judges it from the evidence alone.
    public var rule: Rule?
    /// Points for meeting it, when the plan scores.
    public var points: Double?
    /// Sub-items printed under it.
    public var items: [String]?
    /// Limits it to units of some kinds or groups (and their people); nil: every participant of its kind.
    public var scope: RuleScope?
    /// The plan's indicators whose figures its sentence states (by id), so the sentence and the
    /// numbers stay tied; they are tracked as indicators, not read as the criterion's rule.
    public var indicators: [String]?

    public init(
        id: String, appliesTo: ParticipantKind, text: String, field: String? = nil, catalogue: String? = nil,
        rule: Rule? = nil, points: Double? = nil, items: [String]? = nil, scope: RuleScope? = nil, indicators: [String]? = nil
    ) {
        self.scope = scope
        self.indicators = indicators
        self.id = id
        self.appliesTo = appliesTo
        self.text = text
        self.field = field
        self.catalogue = catalogue
        self.rule = rule
        self.points = points
        self.items = items
    }
}
