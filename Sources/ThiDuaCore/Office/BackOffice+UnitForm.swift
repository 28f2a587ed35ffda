import Foundation
import ThiDuaBase

/// A form posted by a unit's account: the unit, the form and the fields as posted.
public struct UnitFormPost: Sendable {
    public var unit: String
    public var form: String
    /// Posted values by field id (other names are ignored).
    public var fields: [String: String]

    public init(unit: String, form: String, fields: [String: String]) {
        self.unit = unit
        self.form = form
        self.fields = fields
    }
}

/// What became of a unit's posted form.
public enum UnitFormOutcome: Sendable {
    /// Recorded; the form's title for the notice.
    case recorded(SubmissionResult)
    /// The unit is not enrolled (or not in the roster), or the campaign has no such form.
    case notFound
    /// A unit or person of another unit was named: a cross-unit attempt.
    case otherUnit
    /// Checked and refused; nothing recorded. The campaign, unit and form to show the page
    /// again with the values as the unit left them.
    case refused(OfficeError, campaign: OpenCampaign, unit: Unit, form: FormSpec, values: [String: String])
}

extension BackOffice {
    /// Records a form posted from the web by a unit's account, opening the campaign once: the
    /// unit must be enrolled, its own unit is filled in, a person must be one of its own, and
    /// the fields become a JSON file checked and recorded exactly as `submit` does.
    public func submit(_ reference: String, unitForm post: UnitFormPost, as context: ActionContext) throws(OfficeError) -> UnitFormOutcome {
        var verdict: UnitFormOutcome?
        var result: SubmissionResult?
        var refusedIn: (OpenCampaign, Unit, FormSpec, [String: String])?
        let committed: Committed
        do throws(OfficeError) {
            committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
                guard campaign.state.units.contains(post.unit), let unit = campaign.roster.unit(post.unit),
                    let form = campaign.resolved.definition.forms.first(where: { $0.id == post.form })
                else {
                    verdict = .notFound
                    return []
                }
                guard let values = Self.unitFormValues(post, unit: unit, form: form, roster: campaign.roster) else {
                    verdict = .otherUnit
                    return []
                }
                var object: [String: String] = [:]
                for (key, value) in values where !value.isEmpty { object[key] = value }
                let bytes: [UInt8]
                do {
                    bytes = Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
                } catch {
                    throw OfficeError(.damaged, "Không tạo được hồ sơ từ biểu mẫu.")
                }
                let request = SubmissionRequest(
                    form: form.id, file: InputFile(name: "\(form.id).json", bytes: bytes), from: form.filledBy == .individual ? nil : unit.id)
                do throws(OfficeError) {
                    return try submissionDrafts(campaign, request, as: context, result: &result)
                } catch {
                    // Kept only on a refusal: a writer holding the state would make the next fold copy it.
                    refusedIn = (campaign, unit, form, values)
                    throw error
                }
            }
        } catch {
            guard let (campaign, unit, form, values) = refusedIn else { throw error }
            return .refused(error, campaign: campaign, unit: unit, form: form, values: values)
        }
        if let verdict { return verdict }
        return .recorded(try Self.recorded(result, committed, reference))
    }

    /// The form's values as recorded: the unit field is the account's own unit, a person must be
    /// one of its people; nil when another unit or another unit's person was named.
    static func unitFormValues(_ post: UnitFormPost, unit: Unit, form: FormSpec, roster: Roster) -> [String: String]? {
        var values: [String: String] = [:]
        var people: Set<String>?
        for field in form.fields {
            let posted = (post.fields[field.id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            switch field.kind {
            case .unit:
                if !posted.isEmpty && posted != unit.id { return nil }
                values[field.id] = unit.id
            case .person:
                if people == nil { people = Set(roster.people.filter { $0.unit == unit.id }.map(\.id)) }
                if !posted.isEmpty && !(people?.contains(posted) ?? false) { return nil }
                values[field.id] = posted
            default:
                values[field.id] = posted
            }
        }
        return values
    }
}
