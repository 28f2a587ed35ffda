import ThiDuaBase

/// A campaign type: one kind of emulation movement ("Dân vận khéo", "Cải cách hành chính"…).
///
/// The contract every implementation keeps (`CampaignTypeChecker` checks it, for compiled and
/// declared types alike):
/// - `definition` is plain data and the same on every call; its `id` is stable kebab-case and
///   unique among registered types; every form, field, indicator, criterion, check and report
///   section id is unique within its list; every catalogue rule refers only to the catalogue's
///   own indicators, checks, counted events and criteria; every counted event names one of the
///   type's forms. `definition(for:)` keeps the same rules for any plan.
/// - `validate(_:)` reads a decoded plan and returns findings (never throws, never traps); it
///   may decode the plan's `typeSettings` with `decodeSettings(_:of:)` and reports bad settings
///   with a JSON path under `typeSettings`. Every setting it accepts changes something.
/// - `complete(_:)`, `derivedValues(in:)` and `section(_:in:period:)` read what they are given
///   and never trap on a campaign with no data.
/// - Types never produce markup: documents are built by the host from this data.
///
/// Every requirement but `definition` has a default, so a type with no code of its own is data only.
public protocol CampaignType: Sendable {
    /// The type's identity, catalogue, forms and report layouts, for no plan in particular
    /// (`thidua types`, `thidua new`).
    var definition: CampaignTypeDefinition { get }

    /// The definition a campaign of this plan uses: forms, catalogue and layouts adapted to the
    /// plan's `typeSettings` (its pledge wording, its areas, its thresholds). Default: `definition`.
    func definition(for plan: CampaignPlan) -> CampaignTypeDefinition

    /// Checks a plan of this type beyond decoding (its settings, the parts it requires).
    func validate(_ plan: CampaignPlan) -> [Diagnostic]

    /// The plan as the campaign runs it, with what the plan leaves to the type's settings filled
    /// in (a target the settings fix). Runs after the host has given criteria that select a
    /// catalogue entry and have no rule the catalogue's rule. Default: the plan unchanged.
    func complete(_ plan: CampaignPlan) -> CampaignPlan

    /// Indicator values the type computes from the campaign's state (a signing rate, a count of
    /// models, an index from a scoring sheet). They replace reported values of the same indicator,
    /// participant and period. `context.facts` holds the reported facts only. Default: none.
    func derivedValues(in context: CampaignContext) -> [DerivedValue]

    /// The content of a report section whose source is `type`, for the report's period; nil when
    /// the type has no such section. Default: nil.
    func section(_ section: ReportSection, in context: CampaignContext, period: EvaluationPeriod) -> SectionContent?
}

extension CampaignType {
    /// The stable id.
    public var id: String { definition.id }

    /// The same definition for every plan by default.
    public func definition(for plan: CampaignPlan) -> CampaignTypeDefinition { definition }

    /// No extra validation by default.
    public func validate(_ plan: CampaignPlan) -> [Diagnostic] { [] }

    /// Nothing to fill in by default.
    public func complete(_ plan: CampaignPlan) -> CampaignPlan { plan }

    /// No derived values by default.
    public func derivedValues(in context: CampaignContext) -> [DerivedValue] { [] }

    /// No sections of its own by default.
    public func section(_ section: ReportSection, in context: CampaignContext, period: EvaluationPeriod) -> SectionContent? { nil }

    /// The plan's `typeSettings` as `T`, or nil when absent or unreadable (`validate` reports why).
    public func settings<T: Decodable>(_ type: T.Type, of plan: CampaignPlan) -> T? {
        guard let settings = plan.typeSettings else { return nil }
        return try? JSONNodeDecoder.decode(T.self, from: settings.node).0
    }

    /// Decodes the plan's `typeSettings` as `T`, turning failures and unknown keys into findings.
    public func decodeSettings<T: Decodable>(_ type: T.Type, of plan: CampaignPlan) -> (T?, [Diagnostic]) {
        guard let settings = plan.typeSettings else { return (nil, []) }
        do {
            let (value, unknown) = try JSONNodeDecoder.decode(T.self, from: settings.node)
            let warnings = unknown.map { key in
                Diagnostic(
                    .warning, path: "typeSettings.\(key.path)",
                    message: "khóa «\(key.key)» không được loại «\(definition.id)» sử dụng",
                    hint: DidYouMean.suggestion(for: key.key, among: key.known).map { "có phải ý bạn là «\($0)»?" })
            }
            return (value, warnings)
        } catch let error as DecodingError {
            let d = DecodingDiagnostics.diagnostic(for: error, root: settings.node)
            var copy = d
            copy.line = nil
            copy.column = nil
            copy.path = "typeSettings" + (d.path.map { $0.isEmpty ? "" : ".\($0)" } ?? "")
            return (nil, [copy])
        } catch {
            return (nil, [Diagnostic(.error, path: "typeSettings", message: "\(error)")])
        }
    }
}

/// A type declared as data only, with no code of its own (types/<id>.json, and tests).
public struct DeclaredCampaignType: CampaignType {
    public let definition: CampaignTypeDefinition

    public init(definition: CampaignTypeDefinition) {
        self.definition = definition
    }
}
