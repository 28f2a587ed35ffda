import ThiDuaBase

/// How forms and whole types are read from JSON (a type file, a campaign file's own forms):
/// the keys each object accepts, with the defaults a person writing JSON expects. The model
/// types keep their synthesized `Codable` for output; these wrappers only read.

/// A form field as written in a file: `required` defaults to `true`.
struct FieldDeclaration: Decodable {
    let spec: FieldSpec

    enum CodingKeys: String, CodingKey { case id, label, kind, required, choices, help, reports, previous, role }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        spec = FieldSpec(
            id: try c.decode(String.self, forKey: .id), label: try c.decode(String.self, forKey: .label),
            kind: try c.decode(FieldKind.self, forKey: .kind), required: try c.decodeIfPresent(Bool.self, forKey: .required) ?? true,
            choices: try c.decodeIfPresent([String].self, forKey: .choices), help: try c.decodeIfPresent(String.self, forKey: .help),
            reports: try c.decodeIfPresent(String.self, forKey: .reports), previous: try c.decodeIfPresent(Bool.self, forKey: .previous),
            role: try c.decodeIfPresent(FieldRole.self, forKey: .role))
    }
}

/// A form as written in a file: `repeated` defaults to `false`.
struct FormDeclaration: Decodable {
    let spec: FormSpec

    enum CodingKeys: String, CodingKey { case id, title, filledBy, repeated, fields, preamble, attests }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        spec = FormSpec(
            id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
            filledBy: try c.decodeIfPresent(ParticipantKind.self, forKey: .filledBy),
            repeated: try c.decodeIfPresent(Bool.self, forKey: .repeated) ?? false,
            fields: try c.decode([FieldDeclaration].self, forKey: .fields).map(\.spec),
            preamble: try c.decodeIfPresent([String].self, forKey: .preamble),
            attests: try c.decodeIfPresent(String.self, forKey: .attests))
    }
}

/// A catalogue indicator as written in a type file: `scope` defaults to `campaign`.
struct CatalogueIndicatorDeclaration: Decodable {
    let indicator: CatalogueIndicator

    enum CodingKeys: String, CodingKey { case id, title, measure, defaultTarget, scope, field }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        indicator = CatalogueIndicator(
            id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
            measure: try c.decode(Measure.self, forKey: .measure),
            defaultTarget: try c.decodeIfPresent(Target.self, forKey: .defaultTarget),
            scope: try c.decodeIfPresent(IndicatorScope.self, forKey: .scope) ?? .campaign,
            field: try c.decodeIfPresent(String.self, forKey: .field))
    }
}

/// The content of a type file `types/<id>.json`: `version`, then a `CampaignTypeDefinition`
/// whose lists may be left out (empty) and whose `defaultOutline` defaults to the standard one.
public struct DeclaredTypeFile: Decodable, Sendable {
    public var version: Int
    public var definition: CampaignTypeDefinition
    /// Free notes for the record; never printed.
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case version, id, title, summary, legalBasis, fields, indicators, criteria, attestedChecks, countedEvents, forms, reports
        case defaultOutline, notes, scoring
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        definition = CampaignTypeDefinition(
            id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
            summary: try c.decode(String.self, forKey: .summary), legalBasis: try c.decode([String].self, forKey: .legalBasis),
            fields: try c.decodeIfPresent([TypeField].self, forKey: .fields) ?? [],
            indicators: try c.decodeIfPresent([CatalogueIndicatorDeclaration].self, forKey: .indicators)?.map(\.indicator) ?? [],
            criteria: try c.decodeIfPresent([CatalogueCriterion].self, forKey: .criteria) ?? [],
            attestedChecks: try c.decodeIfPresent([AttestedCheck].self, forKey: .attestedChecks) ?? [],
            countedEvents: try c.decodeIfPresent([CountedEvent].self, forKey: .countedEvents) ?? [],
            forms: try c.decodeIfPresent([FormDeclaration].self, forKey: .forms)?.map(\.spec) ?? [],
            reports: try c.decodeIfPresent([ReportLayout].self, forKey: .reports) ?? [],
            defaultOutline: try c.decodeIfPresent([OutlineSection].self, forKey: .defaultOutline)
                ?? CampaignTypeDefinition.standardOutline)
        definition.scoring = try c.decodeIfPresent([ScoringTable].self, forKey: .scoring)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }
}
