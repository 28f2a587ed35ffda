import ThiDuaBase

/// One campaign, configured from one plan document (kế hoạch phát động): the content of a
/// campaign file `campaigns/<id>.json`.
///
/// Every sentence, number, date and list of the plan has a home here. The structured parts
/// (indicators, criteria, awards, milestones…) are what the software reads; `outline` says how
/// the plan document arranges them under its own headings, with the plan's remaining sentences.
public struct CampaignPlan: Hashable, Sendable {
    /// The campaign file format version this build reads.
    public static let currentVersion = 1

    public var version: Int
    /// Campaign type id, selecting the plugin: "dan-van-kheo".
    public var type: String
    /// Campaign id, also the file name: "minh-xuan-dan-van-kheo-2026-2030".
    public var id: String
    /// Short name for tables: "Dân vận khéo 2026–2030 (Minh Xuân)".
    public var name: String
    public var issuer: Authority
    public var number: DocumentNumber
    /// Place as printed before the date: "Phường 6".
    public var place: String
    public var date: PartialDate
    /// "KẾ HOẠCH".
    public var documentKind: String
    /// The summary under the type name; "\n" marks the printed line breaks.
    public var title: String
    /// "Kính gửi: …" lines, when the plan has them.
    public var addressees: [String]
    /// The documents the plan implements or cites.
    public var basis: [BasisReference]
    /// Ids of `basis` entries cited in the opening "Thực hiện …" paragraph, in order.
    public var implements: [String]
    /// Paragraphs after the "Thực hiện …" paragraph and before the first heading.
    public var preamble: [String]
    public var period: CampaignPeriod
    public var purposes: [String]
    public var requirements: [String]
    public var participants: [ParticipantGroup]
    public var content: [ContentGroup]
    public var indicators: [Indicator]
    public var criteria: [Criterion]
    public var awards: [AwardKind]
    public var dossier: [DossierItem]
    public var funding: Funding?
    public var milestones: [Milestone]
    public var assignments: [Assignment]
    /// The closing paragraph: "Trên đây là Kế hoạch …".
    public var closing: [String]
    public var recipients: [Recipient]
    public var signer: Signer
    /// The plan document's own headings and order; nil uses the type's default outline.
    public var outline: [OutlineSection]?
    /// Settings read by the type's plugin (the pledge lists, the fields…), validated by it.
    public var typeSettings: JSONValue?
    /// Free notes for the record (where the seed has a typo, what was assumed).
    public var notes: [String]
    /// Forms of the plan's own, beside its type's (a plan variant; see `PlanVariants`).
    public var forms: [FormSpec] = []
    /// Fields the plan adds to its type's forms, the host's or its own.
    public var formFields: [FormFieldAddition] = []
    /// Sections the plan adds to its type's sơ kết and tổng kết layouts.
    public var reportSections: [ReportSectionAddition] = []
    /// The plan's scoring tables (bảng chấm điểm); see `ScoringTable`.
    public var scoring: [ScoringTable] = []
    /// Unit kinds the plan declares beside the built-in and the workspace's ones.
    public var unitKinds: [UnitKindDeclaration] = []
    /// The reviewing body, the upward addressee and the decision's wording; nil: the UBND's.
    public var awarding: AwardingBodies?
    /// Which form counts for which counted event of the type (a plan's own registration form…).
    public var countedForms: [CountedFormChoice] = []
    /// Issuer kinds the plan declares beside the built-in and the workspace's ones.
    public var issuerKinds: [IssuerKind] = []
    /// Fields of its type's forms the plan removes, relabels or replaces, and forms it replaces.
    public var formChanges: [FormChange] = []
    /// How the Giấy khen prints (pre-printed blanks and where their text goes); nil: plain paper.
    public var certificate: CertificateLayout?

    /// Builds a plan in code (tests, `thidua new`); campaign files are decoded instead.
    public init(
        version: Int, type: String, id: String, name: String, issuer: Authority, number: DocumentNumber, place: String,
        date: PartialDate, documentKind: String, title: String, addressees: [String], basis: [BasisReference],
        implements: [String], preamble: [String], period: CampaignPeriod, purposes: [String], requirements: [String],
        participants: [ParticipantGroup], content: [ContentGroup], indicators: [Indicator], criteria: [Criterion],
        awards: [AwardKind], dossier: [DossierItem], funding: Funding?, milestones: [Milestone], assignments: [Assignment],
        closing: [String], recipients: [Recipient], signer: Signer, outline: [OutlineSection]?, typeSettings: JSONValue?,
        notes: [String]
    ) {
        self.version = version
        self.type = type
        self.id = id
        self.name = name
        self.issuer = issuer
        self.number = number
        self.place = place
        self.date = date
        self.documentKind = documentKind
        self.title = title
        self.addressees = addressees
        self.basis = basis
        self.implements = implements
        self.preamble = preamble
        self.period = period
        self.purposes = purposes
        self.requirements = requirements
        self.participants = participants
        self.content = content
        self.indicators = indicators
        self.criteria = criteria
        self.awards = awards
        self.dossier = dossier
        self.funding = funding
        self.milestones = milestones
        self.assignments = assignments
        self.closing = closing
        self.recipients = recipients
        self.signer = signer
        self.outline = outline
        self.typeSettings = typeSettings
        self.notes = notes
    }
}
