import ThiDuaBase

/// Fields a campaign file adds to one of its forms (`formFields[]`): the type's, the host's or
/// the plan's own.
public struct FormFieldAddition: Hashable, Sendable, Codable {
    /// The form to extend, by id.
    public var form: String
    /// The field the new ones follow; nil appends them at the end.
    public var after: String?
    public var fields: [FieldSpec]

    public init(form: String, after: String? = nil, fields: [FieldSpec]) {
        self.form = form
        self.after = after
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey { case form, after, fields }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        form = try c.decode(String.self, forKey: .form)
        after = try c.decodeIfPresent(String.self, forKey: .after)
        fields = try c.decode([FieldDeclaration].self, forKey: .fields).map(\.spec)
    }
}

/// Sections a campaign file adds to its type's report layouts (`reportSections[]`).
public struct ReportSectionAddition: Hashable, Sendable, Codable {
    /// The layout to extend; nil extends both the sơ kết and the tổng kết layout.
    public var report: ReportKind?
    /// The section the new ones follow; nil appends them at the end.
    public var after: String?
    public var sections: [ReportSection]

    public init(report: ReportKind? = nil, after: String? = nil, sections: [ReportSection]) {
        self.report = report
        self.after = after
        self.sections = sections
    }
}

/// A plan's own variants of its type: whole forms of its own (`forms`), fields added to a form
/// (`formFields`), sections added to a report layout (`reportSections`). `ResolvedCampaign`
/// applies them to build the effective definition; `PlanValidator` reports what is wrong with
/// them. (Selecting catalogue entries, overriding their targets and adding indicators and
/// criteria need no variant: the plan's `indicators` and `criteria` are its own.)
public enum PlanVariants {
    /// Applies the plan's variants to a definition. Never traps: an addition that names nothing
    /// known, or repeats an id, is skipped (the validator reports it).
    public static func apply(_ plan: CampaignPlan, to definition: inout CampaignTypeDefinition) {
        for form in plan.forms where definition.form(form.id) == nil { definition.forms.append(form) }
        for addition in plan.formFields {
            guard let f = definition.forms.firstIndex(where: { $0.id == addition.form }) else { continue }
            definition.forms[f].fields = inserting(addition.fields, into: definition.forms[f].fields, after: addition.after, id: \.id)
        }
        for change in plan.formChanges {
            guard let f = definition.forms.firstIndex(where: { $0.id == change.form }) else { continue }
            definition.forms[f] = change.applied(to: definition.forms[f])
        }
        for addition in plan.reportSections {
            for r in definition.reports.indices where addition.report == nil || definition.reports[r].kind == addition.report {
                definition.reports[r].sections = inserting(
                    addition.sections, into: definition.reports[r].sections, after: addition.after, id: \.id)
            }
        }
        applyCountedForms(plan, to: &definition)
    }

    private static func inserting<T>(_ new: [T], into list: [T], after: String?, id: (T) -> String) -> [T] {
        var list = list
        let fresh = new.filter { item in !list.contains { id($0) == id(item) } }
        var seen: Set<String> = []
        let unique = fresh.filter { seen.insert(id($0)).inserted }
        if let after, let i = list.firstIndex(where: { id($0) == after }) {
            list.insert(contentsOf: unique, at: i + 1)
        } else {
            list += unique
        }
        return list
    }

    /// What is wrong with the plan's variants, with JSON paths. `type` is the type's own
    /// definition, or nil when the type is unknown (references to its forms are then not checked).
    public static func problems(in plan: CampaignPlan, type: CampaignTypeDefinition?) -> [Diagnostic] {
        var findings: [Diagnostic] = countedFormProblems(in: plan, type: type) + changeProblems(in: plan, type: type)
        func error(_ path: String, _ message: String, hint: String? = nil) {
            findings.append(Diagnostic(.error, path: path, message: message, hint: hint))
        }
        func suggest(_ word: String, _ among: [String]) -> String? {
            DidYouMean.suggestion(for: word, among: among).map { "có phải ý bạn là «\($0)»?" }
        }
        let hostForms = HostForms.forms(for: plan)
        var forms: [String: [String]] = [:]  // form id -> field ids, as the variants build it
        for form in (type?.forms ?? []) + hostForms where forms[form.id] == nil { forms[form.id] = form.fields.map(\.id) }
        let indicatorIDs = plan.indicators.map(\.id) + (type?.indicators.map(\.id) ?? [])

        func checkFields(_ fields: [FieldSpec], path: String, form: String, existing: inout [String]) {
            for (k, field) in fields.enumerated() {
                let at = "\(path)[\(k)]"
                if let problem = Identifier.problem(field.id) { error("\(at).id", problem) }
                if existing.contains(field.id) {
                    error("\(at).id", "trường «\(field.id)» đã có trong biểu mẫu «\(form)»; mỗi mã trường chỉ dùng một lần")
                } else {
                    existing.append(field.id)
                }
                if field.label.trimmingCharacters(in: .whitespaces).isEmpty { error("\(at).label", "nhãn của trường không được để trống") }
                if field.kind == .choice && (field.choices ?? []).isEmpty {
                    error(at, "trường kiểu «choice» cần «choices»: danh sách các giá trị được chọn")
                }
                if field.kind != .choice && field.choices != nil {
                    error("\(at).choices", "chỉ trường kiểu «choice» mới có «choices»; trường này kiểu «\(field.kind.rawValue)»")
                }
                for (c, choice) in (field.choices ?? []).enumerated() where choice.trimmingCharacters(in: .whitespaces).isEmpty {
                    error("\(at).choices[\(c)]", "giá trị lựa chọn không được để trống")
                }
                if let reports = field.reports, !indicatorIDs.contains(reports) {
                    error(
                        "\(at).reports", "chỉ tiêu «\(reports)» không có trong «indicators» của kế hoạch hay danh mục của loại",
                        hint: suggest(reports, indicatorIDs))
                }
            }
        }

        for (i, form) in plan.forms.enumerated() {
            let path = "forms[\(i)]"
            if let problem = Identifier.problem(form.id) { error("\(path).id", problem) }
            if type?.form(form.id) != nil {
                error(
                    "\(path).id", "biểu mẫu «\(form.id)» đã có trong loại «\(plan.type)»",
                    hint: "để thêm trường vào biểu mẫu đó, dùng «formFields» với \"form\": \"\(form.id)\"")
                continue
            } else if hostForms.contains(where: { $0.id == form.id }) {
                error("\(path).id", "mã «\(form.id)» là biểu mẫu chung ThiDua tạo cho mọi kế hoạch; chọn mã khác")
                continue
            } else if forms[form.id] != nil {
                error("\(path).id", "biểu mẫu «\(form.id)» đã khai báo ở trên; mỗi mã chỉ dùng một lần")
                continue
            }
            if form.title.trimmingCharacters(in: .whitespaces).isEmpty { error("\(path).title", "tên biểu mẫu không được để trống") }
            if form.fields.isEmpty { error("\(path).fields", "biểu mẫu cần ít nhất một trường") }
            if let attests = form.attests, let checks = type?.attestedChecks.map(\.id), !checks.contains(attests) {
                error(
                    "\(path).attests",
                    "loại «\(plan.type)» không có mục xác nhận «\(attests)»; có: \(checks.isEmpty ? "(không có)" : checks.joined(separator: ", "))",
                    hint: suggest(attests, checks))
            }
            var existing: [String] = []
            checkFields(form.fields, path: "\(path).fields", form: form.id, existing: &existing)
            forms[form.id] = existing
        }

        for (i, addition) in plan.formFields.enumerated() {
            let path = "formFields[\(i)]"
            guard var existing = forms[addition.form] else {
                if type != nil || plan.forms.contains(where: { $0.id == addition.form }) {
                    let known = forms.keys.sorted()
                    error(
                        "\(path).form", "biểu mẫu «\(addition.form)» không có; có: \(known.joined(separator: ", "))",
                        hint: suggest(addition.form, known) ?? "để thêm một biểu mẫu mới, dùng «forms»")
                }
                continue
            }
            if addition.fields.isEmpty { error("\(path).fields", "cần ít nhất một trường để thêm") }
            if let after = addition.after, !existing.contains(after) {
                error(
                    "\(path).after", "biểu mẫu «\(addition.form)» không có trường «\(after)»; có: \(existing.joined(separator: ", "))",
                    hint: suggest(after, existing))
            }
            checkFields(addition.fields, path: "\(path).fields", form: addition.form, existing: &existing)
            forms[addition.form] = existing
        }

        var sections: [ReportKind: [String]] = [:]
        for layout in type?.reports ?? [] { sections[layout.kind] = layout.sections.map(\.id) }
        for (i, addition) in plan.reportSections.enumerated() {
            let path = "reportSections[\(i)]"
            if addition.sections.isEmpty { error("\(path).sections", "cần ít nhất một mục để thêm") }
            guard let type else { continue }
            let kinds = addition.report.map { [$0] } ?? type.reports.map(\.kind)
            if let kind = addition.report, sections[kind] == nil {
                error("\(path).report", "loại «\(type.id)» không có mẫu báo cáo «\(kind.rawValue)»")
                continue
            }
            for kind in kinds {
                var existing = sections[kind] ?? []
                if let after = addition.after, !existing.contains(after) {
                    error(
                        "\(path).after", "mẫu báo cáo «\(kind.rawValue)» không có mục «\(after)»; có: \(existing.joined(separator: ", "))",
                        hint: suggest(after, existing))
                }
                for (k, section) in addition.sections.enumerated() {
                    let at = "\(path).sections[\(k)]"
                    if let problem = Identifier.problem(section.id) { error("\(at).id", problem) }
                    if existing.contains(section.id) {
                        error("\(at).id", "mục «\(section.id)» đã có trong mẫu báo cáo «\(kind.rawValue)»; mỗi mã mục chỉ dùng một lần")
                    } else {
                        existing.append(section.id)
                    }
                    if kind == kinds.first, section.heading.trimmingCharacters(in: .whitespaces).isEmpty {
                        error("\(at).heading", "tiêu đề mục không được để trống")
                    }
                    if kind == kinds.first, section.source == .type {
                        error(
                            "\(at).source", "nguồn «type» chỉ dành cho mục của loại phong trào; mục do kế hoạch thêm không có mã để điền",
                            hint: "dùng «tally» để đếm các dòng của một biểu mẫu, hoặc «handwritten»")
                    }
                    if kind == kinds.first {
                        findings += CampaignTypeChecker.tallyProblems(section, path: at, forms: type.forms + plan.forms)
                    }
                }
                sections[kind] = existing
            }
        }
        return findings
    }
}
