import ThiDuaBase

/// A field or area of a type (lĩnh vực: "kinh tế – đô thị"; CCHC: "cải cách thể chế").
public struct TypeField: Hashable, Sendable, Codable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// An indicator a plan of this type usually has, with its default target.
public struct CatalogueIndicator: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var measure: Measure
    public var defaultTarget: Target?
    public var scope: IndicatorScope
    public var field: String?

    public init(
        id: String, title: String, measure: Measure, defaultTarget: Target? = nil, scope: IndicatorScope,
        field: String? = nil
    ) {
        self.id = id
        self.title = title
        self.measure = measure
        self.defaultTarget = defaultTarget
        self.scope = scope
        self.field = field
    }
}

/// A criterion a plan of this type usually has.
public struct CatalogueCriterion: Hashable, Sendable, Codable {
    public var id: String
    public var appliesTo: ParticipantKind
    public var text: String
    public var field: String?
    public var rule: Rule?

    public init(id: String, appliesTo: ParticipantKind, text: String, field: String? = nil, rule: Rule? = nil) {
        self.id = id
        self.appliesTo = appliesTo
        self.text = text
        self.field = field
        self.rule = rule
    }
}

/// A fact a participant attests with evidence ("đã ký cam kết"), used by `attested` rules.
public struct AttestedCheck: Hashable, Sendable, Codable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// An event kind a `count` rule can count ("model-registration").
public struct CountedEvent: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    /// The form whose accepted rows are counted.
    public var form: String

    public init(id: String, title: String, form: String) {
        self.id = id
        self.title = title
        self.form = form
    }
}
