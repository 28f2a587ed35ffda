import ThiDuaBase

/// Which form's rows a counted event counts in this plan (`countedForms[]`): a plan whose own
/// registration form replaces the type's says `{"event": "registration", "form": "dang-ky-mttq"}`,
/// and a `count` rule on that event then counts the plan's form.
public struct CountedFormChoice: Hashable, Sendable, Codable {
    /// A counted event of the type, by id.
    public var event: String
    /// The form whose accepted rows count for it: the type's, the host's or the plan's own.
    public var form: String

    public init(event: String, form: String) {
        self.event = event
        self.form = form
    }
}

extension PlanVariants {
    /// Points each chosen counted event at the plan's form; an unknown event is skipped (the
    /// validator reports it).
    static func applyCountedForms(_ plan: CampaignPlan, to definition: inout CampaignTypeDefinition) {
        for choice in plan.countedForms {
            guard let i = definition.countedEvents.firstIndex(where: { $0.id == choice.event }) else { continue }
            definition.countedEvents[i].form = choice.form
        }
    }

    /// Unknown events and forms in `countedForms`, each with what is allowed and a did-you-mean.
    static func countedFormProblems(in plan: CampaignPlan, type: CampaignTypeDefinition?) -> [Diagnostic] {
        guard let type else { return [] }
        var out: [Diagnostic] = []
        let events = type.countedEvents.map(\.id)
        let forms = (type.forms + HostForms.forms(for: plan) + plan.forms).map(\.id)
        func hint(_ word: String, _ among: [String]) -> String? {
            DidYouMean.suggestion(for: word, among: among).map { "có phải ý bạn là «\($0)»?" }
        }
        for (i, choice) in plan.countedForms.enumerated() {
            if !events.contains(choice.event) {
                out.append(
                    Diagnostic(
                        .error, path: "countedForms[\(i)].event",
                        message: "loại «\(type.id)» không đếm «\(choice.event)»; có thể đếm: \(events.isEmpty ? "(không có)" : events.joined(separator: ", "))",
                        hint: hint(choice.event, events)))
            }
            if !forms.contains(choice.form) {
                out.append(
                    Diagnostic(
                        .error, path: "countedForms[\(i)].form",
                        message: "không có biểu mẫu «\(choice.form)»; có: \(forms.joined(separator: ", "))", hint: hint(choice.form, forms)))
            }
        }
        return out
    }
}
