import ThiDuaBase

/// What a campaign file changes in one of its type's forms (`formChanges[]`): fields removed,
/// relabelled or replaced, or the whole form replaced under the same id. Applied after the
/// plan's own forms and `formFields`; `PlanVariants.changeProblems` refuses a change that takes
/// away a field a rule, a counted event or a report needs.
///
/// ```json
/// {"form": "dang-ky-thi-dua", "removeFields": ["so-thanh-vien-to-cnsc"],
///  "relabel": {"mo-hinh-so": "Tên sáng kiến, mô hình số"},
///  "replaceFields": [{"id": "noi-dung", "label": "Nội dung đăng ký", "kind": "long-text"}]}
/// ```
public struct FormChange: Hashable, Sendable, Codable {
    /// The form to change, by id: the type's, the host's or the plan's own.
    public var form: String
    /// Fields taken out of the form.
    public var removeFields: [String]?
    /// New labels, by field id.
    public var relabel: [String: String]?
    /// Fields put in place of the fields of the same id (kind, label, choices… all replaced).
    public var replaceFields: [FieldSpec]?
    /// A whole new form under the same id (its `id` must be `form`).
    public var replaceForm: FormSpec?

    public init(
        form: String, removeFields: [String]? = nil, relabel: [String: String]? = nil, replaceFields: [FieldSpec]? = nil,
        replaceForm: FormSpec? = nil
    ) {
        self.form = form
        self.removeFields = removeFields
        self.relabel = relabel
        self.replaceFields = replaceFields
        self.replaceForm = replaceForm
    }

    enum CodingKeys: String, CodingKey { case form, removeFields, relabel, replaceFields, replaceForm }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        form = try c.decode(String.self, forKey: .form)
        removeFields = try c.decodeIfPresent([String].self, forKey: .removeFields)
        relabel = try c.decodeIfPresent([String: String].self, forKey: .relabel)
        replaceFields = try c.decodeIfPresent([FieldDeclaration].self, forKey: .replaceFields)?.map(\.spec)
        replaceForm = try c.decodeIfPresent(FormDeclaration.self, forKey: .replaceForm)?.spec
    }

    /// The form with this change made. Never traps: names that match nothing are skipped (the
    /// validator reports them).
    public func applied(to form: FormSpec) -> FormSpec {
        var out = replaceForm ?? form
        out.id = form.id
        let removed = Set(removeFields ?? [])
        out.fields.removeAll { removed.contains($0.id) }
        for (id, label) in relabel ?? [:] {
            if let i = out.fields.firstIndex(where: { $0.id == id }) { out.fields[i].label = label }
        }
        for field in replaceFields ?? [] {
            if let i = out.fields.firstIndex(where: { $0.id == field.id }) { out.fields[i] = field }
        }
        return out
    }
}
