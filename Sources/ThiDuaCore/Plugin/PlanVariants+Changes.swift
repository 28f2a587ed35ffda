import ThiDuaBase

extension PlanVariants {
    /// What is wrong with `formChanges`: unknown forms and fields (with a did-you-mean), empty
    /// labels, a form left without fields, and a field taken away (removed, or replaced without
    /// its role, indicator or kind) that a rule, a counted event or a report section needs — the
    /// message names both. Checked only when the type is known.
    static func changeProblems(in plan: CampaignPlan, type: CampaignTypeDefinition?) -> [Diagnostic] {
        guard let type, !plan.formChanges.isEmpty else { return [] }
        var out: [Diagnostic] = []
        func error(_ path: String, _ message: String, hint: String? = nil) {
            out.append(Diagnostic(.error, path: path, message: message, hint: hint))
        }
        func suggest(_ word: String, _ among: [String]) -> String? {
            DidYouMean.suggestion(for: word, among: among).map { "có phải ý bạn là «\($0)»?" }
        }
        // The forms as the plan's own forms and added fields make them, before the changes.
        var forms: [FormSpec] = type.forms
        for form in HostForms.forms(for: plan) + plan.forms where !forms.contains(where: { $0.id == form.id }) { forms.append(form) }
        for addition in plan.formFields {
            if let f = forms.firstIndex(where: { $0.id == addition.form }) {
                forms[f].fields += addition.fields.filter { field in !forms[f].fields.contains { $0.id == field.id } }
            }
        }
        let needs = FieldNeeds(plan: plan, type: type)
        for (i, change) in plan.formChanges.enumerated() {
            let path = "formChanges[\(i)]"
            guard let form = forms.first(where: { $0.id == change.form }) else {
                let known = forms.map(\.id)
                error("\(path).form", "biểu mẫu «\(change.form)» không có; có: \(known.joined(separator: ", "))", hint: suggest(change.form, known))
                continue
            }
            let ids = form.fields.map(\.id)
            func checkKnown(_ id: String, at: String) -> Bool {
                guard ids.contains(id) else {
                    error(at, "biểu mẫu «\(form.id)» không có trường «\(id)»; có: \(ids.joined(separator: ", "))", hint: suggest(id, ids))
                    return false
                }
                return true
            }
            for (k, id) in (change.removeFields ?? []).enumerated() { _ = checkKnown(id, at: "\(path).removeFields[\(k)]") }
            for (id, label) in (change.relabel ?? [:]).sorted(by: { $0.key < $1.key }) where checkKnown(id, at: "\(path).relabel.\(id)") {
                if label.trimmingCharacters(in: .whitespaces).isEmpty { error("\(path).relabel.\(id)", "nhãn mới không được để trống") }
            }
            for (k, field) in (change.replaceFields ?? []).enumerated() {
                _ = checkKnown(field.id, at: "\(path).replaceFields[\(k)].id")
                if field.label.trimmingCharacters(in: .whitespaces).isEmpty {
                    error("\(path).replaceFields[\(k)].label", "nhãn của trường không được để trống")
                }
            }
            if let replacement = change.replaceForm, replacement.id != form.id {
                error(
                    "\(path).replaceForm.id", "biểu mẫu thay thế phải giữ mã «\(form.id)» (thấy «\(replacement.id)»)",
                    hint: "các quy tắc và hạn nộp tìm biểu mẫu theo mã; để thêm một biểu mẫu khác, dùng «forms»")
            }
            let after = change.applied(to: form)
            if after.fields.isEmpty { error(path, "biểu mẫu «\(form.id)» không còn trường nào sau khi bỏ") }
            // Every field of the form before the change, against what is left of it after.
            for old in form.fields {
                let new = after.fields.first { $0.id == old.id }
                for need in needs.needs(of: old, in: form, keeping: new, after: after) {
                    let how = new == nil ? "bỏ trường «\(old.id)»" : "thay trường «\(old.id)»"
                    let at = new == nil ? (change.replaceForm != nil ? "\(path).replaceForm" : "\(path).removeFields") : "\(path).replaceFields"
                    error(
                        at, "không thể \(how) của biểu mẫu «\(form.id)»: \(need)",
                        hint: "giữ trường này (có thể đổi nhãn bằng «relabel»), hoặc sửa quy tắc cần nó")
                }
            }
        }
        return out
    }
}

/// What needs the fields of a plan's forms: rules through the indicators the fields report,
/// counted events through who sent a row, report tallies through the fields they split by.
struct FieldNeeds {
    let plan: CampaignPlan
    let type: CampaignTypeDefinition

    /// The rules of the plan, each with how a message names it.
    private var rules: [(name: String, rule: Rule)] {
        var out: [(String, Rule)] = []
        for criterion in plan.criteria { if let rule = criterion.rule { out.append(("tiêu chí «\(criterion.id)»", rule)) } }
        for award in plan.awards {
            for standard in award.standards ?? [] { if let rule = standard.rule { out.append(("tiêu chuẩn của «\(award.id)»", rule)) } }
        }
        return out
    }

    /// Why `old` may not go (or lose its meaning as `new`), one sentence per need.
    func needs(of old: FieldSpec, in form: FormSpec, keeping new: FieldSpec?, after: FormSpec) -> [String] {
        var out: [String] = []
        // Without a year field a row counts for the year it was sent: that one can go.
        if let role = old.role, role != .year, new?.role != role {
            out.append("trường có vai trò «\(role.rawValue)» mà ThiDua đọc khi đánh giá các dòng của biểu mẫu")
        }
        if let indicator = old.reports, new?.reports != indicator {
            let users = rules.filter { $0.rule.indicatorReferences.contains(indicator) }.map(\.name)
            if !users.isEmpty {
                out.append("trường báo cáo chỉ tiêu «\(indicator)» mà \(users.joined(separator: ", ")) cần")
            } else if plan.indicators.contains(where: { $0.id == indicator || $0.aggregate?.of == indicator || $0.aggregate?.weight == indicator }) {
                out.append("trường báo cáo chỉ tiêu «\(indicator)» của kế hoạch")
            }
        }
        if old.kind == .unit || old.kind == .person, new?.kind != old.kind, !after.fields.contains(where: { $0.kind == old.kind }) {
            let counted = plan.countedForms.map { ($0.event, $0.form) } + type.countedEvents.map { ($0.id, $0.form) }
            var events: [String] = []
            for (event, countedForm) in counted where !events.contains(event) {
                // The plan's choice wins over the type's for the same event.
                let effective = plan.countedForms.first { $0.event == event }?.form ?? countedForm
                if effective == form.id { events.append(event) }
            }
            for event in events {
                let users = rules.filter { $0.rule.countReferences.contains(event) }.map(\.name)
                out.append(
                    "trường cho biết dòng của \(old.kind == .unit ? "đơn vị" : "cá nhân") nào, mà sự kiện đếm «\(event)»"
                        + (users.isEmpty ? "" : " (dùng trong \(users.joined(separator: ", ")))") + " cần")
            }
        }
        for layout in type.reports {
            for section in layout.sections {
                guard let tally = section.tally, tally.form == form.id, tally.groupBy == old.id || tally.split == old.id else { continue }
                if new == nil || new?.kind != old.kind {
                    out.append("mục «\(section.id)» của mẫu báo cáo «\(layout.kind.rawValue)» đếm theo trường này")
                }
            }
        }
        return out
    }
}
