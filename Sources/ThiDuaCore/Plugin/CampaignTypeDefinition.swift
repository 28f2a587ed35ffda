import ThiDuaBase

/// Everything a campaign type supplies as plain data: identity, catalogue, forms, report layouts.
///
/// Compiled plugins build it with `make…` functions; declared types read it from
/// `types/<id>.json`. The host never needs more than this value and the type's hooks.
public struct CampaignTypeDefinition: Hashable, Sendable, Codable {
    /// Stable kebab-case id used by campaign files: "dan-van-kheo".
    public var id: String
    /// Vietnamese title: "Dân vận khéo".
    public var title: String
    /// One line on what the movement is for.
    public var summary: String
    /// The documents this type usually rests on ("Chỉ thị 33/CT-TTg ngày 26/11/2021 …").
    public var legalBasis: [String]
    /// Fields or areas (lĩnh vực).
    public var fields: [TypeField]
    public var indicators: [CatalogueIndicator]
    public var criteria: [CatalogueCriterion]
    public var attestedChecks: [AttestedCheck]
    public var countedEvents: [CountedEvent]
    public var forms: [FormSpec]
    public var reports: [ReportLayout]
    /// The plan outline used when a campaign file has none (for new plans).
    public var defaultOutline: [OutlineSection]
    /// Scoring tables a plan brings in by naming them in an indicator's `source` (the CCHC sheet).
    public var scoring: [ScoringTable]?
    /// Fields the type's own code reads by id, per form id (the model register reads a model's
    /// name): a plan's `formChanges` may not remove or retype them.
    public var fieldsReadByCode: [String: [String]]?

    public init(
        id: String, title: String, summary: String, legalBasis: [String], fields: [TypeField] = [],
        indicators: [CatalogueIndicator] = [], criteria: [CatalogueCriterion] = [],
        attestedChecks: [AttestedCheck] = [], countedEvents: [CountedEvent] = [], forms: [FormSpec] = [],
        reports: [ReportLayout] = [], defaultOutline: [OutlineSection] = CampaignTypeDefinition.standardOutline
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.legalBasis = legalBasis
        self.fields = fields
        self.indicators = indicators
        self.criteria = criteria
        self.attestedChecks = attestedChecks
        self.countedEvents = countedEvents
        self.forms = forms
        self.reports = reports
        self.defaultOutline = defaultOutline
    }

    /// The form with that id.
    public func form(_ id: String) -> FormSpec? { forms.first { $0.id == id } }

    /// This definition, declaring the fields its code reads by id (`fieldsReadByCode`).
    public func readingFields(_ fields: [String: [String]]) -> CampaignTypeDefinition {
        var out = self
        out.fieldsReadByCode = fields
        return out
    }

    /// The report layout of that kind.
    public func report(_ kind: ReportKind) -> ReportLayout? { reports.first { $0.kind == kind } }

    /// The outline of a plan that names no headings of its own: the usual order of a ward plan.
    public static let standardOutline: [OutlineSection] = [
        OutlineSection(
            heading: "I. MỤC ĐÍCH, YÊU CẦU",
            blocks: [
                .section(OutlineSection(heading: "1. Mục đích", blocks: [.show(PartSelection(part: .purposes))])),
                .section(OutlineSection(heading: "2. Yêu cầu", blocks: [.show(PartSelection(part: .requirements))])),
            ]),
        OutlineSection(
            heading: "II. ĐỐI TƯỢNG, NỘI DUNG, CHỈ TIÊU THI ĐUA",
            blocks: [
                .section(OutlineSection(heading: "1. Đối tượng thi đua", blocks: [.show(PartSelection(part: .participants))])),
                .section(OutlineSection(heading: "2. Nội dung thi đua", blocks: [.show(PartSelection(part: .content))])),
                .section(OutlineSection(heading: "3. Chỉ tiêu thi đua", blocks: [.show(PartSelection(part: .indicators))])),
            ]),
        OutlineSection(
            heading: "III. TIÊU CHÍ THI ĐUA",
            blocks: [
                .section(OutlineSection(heading: "1. Đối với tập thể", blocks: [.show(PartSelection(part: .criteria, kind: .collective))])),
                .section(OutlineSection(heading: "2. Đối với cá nhân", blocks: [.show(PartSelection(part: .criteria, kind: .individual))])),
            ]),
        OutlineSection(
            heading: "IV. HÌNH THỨC, TIÊU CHUẨN KHEN THƯỞNG",
            blocks: [
                .show(PartSelection(part: .awards)),
                .section(OutlineSection(heading: "Hồ sơ đề nghị khen thưởng", blocks: [.show(PartSelection(part: .dossier))])),
                .show(PartSelection(part: .funding)),
            ]),
        OutlineSection(
            heading: "V. THỜI GIAN THỰC HIỆN",
            blocks: [.show(PartSelection(part: .period)), .show(PartSelection(part: .milestones))]),
        OutlineSection(heading: "VI. TỔ CHỨC THỰC HIỆN", blocks: [.show(PartSelection(part: .assignments))]),
    ]
}
