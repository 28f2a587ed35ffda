import ThiDuaBase

/// A campaign type: one kind of emulation movement ("Dân vận khéo", "Cải cách hành chính"…).
///
/// The contract every implementation keeps:
/// - `definition` is plain data and the same on every call; its `id` is stable kebab-case and
///   unique among registered types; every form, field, indicator, criterion, check and report
///   section id is unique within its list; every catalogue rule refers only to the catalogue's
///   own indicators, checks, counted events and criteria; every counted event names one of the
///   type's forms.
/// - `validate(_:)` reads a decoded plan and returns findings (never throws, never
///   traps); it may decode the plan's `typeSettings` with `JSONNodeDecoder` and must report bad
///   settings as diagnostics with a JSON path under `typeSettings`.
/// - Types never produce markup: documents are built by the host from this data.
///
/// `CampaignTypeConformance` (in the ThiDuaTestSupport target) checks these points for every
/// registered type, compiled or declared in JSON.
public protocol CampaignType: Sendable {
    /// The type's identity, catalogue, forms and report layouts.
    var definition: CampaignTypeDefinition { get }

    /// Checks a plan of this type beyond decoding (its settings, the parts it requires).
    func validate(_ plan: CampaignPlan) -> [Diagnostic]
}

extension CampaignType {
    /// The stable id.
    public var id: String { definition.id }

    /// No extra validation by default.
    public func validate(_ plan: CampaignPlan) -> [Diagnostic] { [] }

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
