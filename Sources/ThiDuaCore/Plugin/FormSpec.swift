import ThiDuaBase

/// The kind of value a form field takes.
public enum FieldKind: String, Codable, Sendable, CaseIterable, KeywordEnum {
    case text
    case longText = "long-text"
    case integer
    case number
    /// 0 to 100.
    case percent
    /// dd/mm/yyyy.
    case date
    case yesNo = "yes-no"
    /// One of `choices`.
    case choice
    /// A unit of the roster, by name or id.
    case unit
    /// A person of the roster, by name or id.
    case person
}

/// What a field means to evaluation, beyond its value.
public enum FieldRole: String, Codable, Sendable, CaseIterable, KeywordEnum {
    /// The year the row reports on (otherwise the year it was submitted).
    case year
    /// A criterion or attested-check id the row assesses (self-assessment).
    case item
    /// Whether the item is met.
    case met
    /// Points scored on the item.
    case points
    /// Evidence for the item.
    case evidence
    /// An indicator id the row reports a value for (the host's indicator form).
    case indicator
    /// The reported value of the row's `indicator`.
    case value
    /// The reported value of the row's `indicator` for the period before.
    case previousValue = "previous-value"
    /// The reporting term: a choice whose "6 tháng" means the half-year (sơ kết) period.
    case term
}

/// One field of a form.
public struct FieldSpec: Hashable, Sendable, Codable {
    /// Column name in CSV and key in JSON submissions: "ten-mo-hinh".
    public var id: String
    /// Label printed on the form: "Tên mô hình".
    public var label: String
    public var kind: FieldKind
    public var required: Bool
    /// Allowed values for `choice`.
    public var choices: [String]?
    /// Help printed under the label.
    public var help: String?
    /// The indicator (catalogue or plan id) whose value this field reports for the row's participant.
    public var reports: String?
    /// Whether the reported value is for the period before (last year's Chỉ số CCHC).
    public var previous: Bool?
    public var role: FieldRole?

    public init(
        id: String, label: String, kind: FieldKind, required: Bool = true, choices: [String]? = nil,
        help: String? = nil, reports: String? = nil, previous: Bool? = nil, role: FieldRole? = nil
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.required = required
        self.choices = choices
        self.help = help
        self.reports = reports
        self.previous = previous
        self.role = role
    }
}

/// A typed form a type hands out (biểu mẫu): registration, pledge, self-assessment…
public struct FormSpec: Hashable, Sendable, Codable {
    public var id: String
    /// "Phiếu đăng ký mô hình “Dân vận khéo”".
    public var title: String
    /// Who fills it.
    public var filledBy: ParticipantKind?
    /// Whether a submission holds many rows (one per model, one per procedure) or one.
    public var repeated: Bool
    public var fields: [FieldSpec]
    /// Fixed text printed on the form before the fields (the pledge wording).
    public var preamble: [String]?
    /// An attested check each row records for the row's participant, met unless the row's `met`
    /// field says no, with its `evidence` field: a unit's proposal of a person ("được đơn vị xét
    /// chọn, đề xuất") is sent by the unit, not self-assessed by the person.
    public var attests: String?

    public init(
        id: String, title: String, filledBy: ParticipantKind? = nil, repeated: Bool = false, fields: [FieldSpec],
        preamble: [String]? = nil, attests: String? = nil
    ) {
        self.attests = attests
        self.id = id
        self.title = title
        self.filledBy = filledBy
        self.repeated = repeated
        self.fields = fields
        self.preamble = preamble
    }
}
