import ThiDuaBase

/// The checks of a type declared in JSON, with JSON paths and Vietnamese messages: the points
/// of the `CampaignType` contract that data can break (the same ones `CampaignTypeConformance`
/// checks), so a type file that loads clean passes the conformance suite.
struct DeclaredTypeValidator {
    let definition: CampaignTypeDefinition
    private var findings: [Diagnostic] = []

    init(definition: CampaignTypeDefinition) {
        self.definition = definition
    }

    func validate() -> [Diagnostic] {
        var v = self
        v.checkIdentity()
        v.checkIDs()
        v.checkCatalogue()
        v.checkForms()
        v.checkReports()
        v.checkOutline(definition.defaultOutline, path: "defaultOutline")
        return v.findings
    }

    private mutating func error(_ path: String, _ message: String, hint: String? = nil) {
        findings.append(Diagnostic(.error, path: path, message: message, hint: hint))
    }

    private func suggest(_ word: String, _ among: [String]) -> String? {
        DidYouMean.suggestion(for: word, among: among).map { "có phải ý bạn là «\($0)»?" }
    }

    private static func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }

    private mutating func checkIdentity() {
        let d = definition
        if let problem = Identifier.problem(d.id) { error("id", problem) }
        if Self.blank(d.title) { error("title", "tên loại phong trào không được để trống") }
        if Self.blank(d.summary) { error("summary", "cần một câu tóm tắt phong trào") }
        if d.legalBasis.isEmpty { error("legalBasis", "cần ít nhất một văn bản làm căn cứ của loại phong trào") }
        for (i, text) in d.legalBasis.enumerated() where Self.blank(text) { error("legalBasis[\(i)]", "không được để trống") }
    }

    private mutating func unique(_ part: String, _ ids: [String]) {
        for (path, message) in Identifier.listProblems(part, ids) { error(path, message) }
    }

    private mutating func checkIDs() {
        let d = definition
        unique("fields", d.fields.map(\.id))
        unique("indicators", d.indicators.map(\.id))
        unique("criteria", d.criteria.map(\.id))
        unique("attestedChecks", d.attestedChecks.map(\.id))
        unique("countedEvents", d.countedEvents.map(\.id))
        unique("forms", d.forms.map(\.id))
        for (i, field) in d.fields.enumerated() where Self.blank(field.title) { error("fields[\(i)].title", "không được để trống") }
        for (i, check) in d.attestedChecks.enumerated() where Self.blank(check.title) {
            error("attestedChecks[\(i)].title", "không được để trống")
        }
    }

    private mutating func checkCatalogue() {
        let d = definition
        let fieldIDs = d.fields.map(\.id)
        func checkField(_ path: String, _ field: String?) {
            guard let field, !fieldIDs.contains(field) else { return }
            error(
                path,
                "lĩnh vực «\(field)» không có trong «fields»"
                    + (fieldIDs.isEmpty ? " (loại chưa khai báo lĩnh vực nào)" : "; có: \(fieldIDs.joined(separator: ", "))"),
                hint: suggest(field, fieldIDs))
        }
        for (i, indicator) in d.indicators.enumerated() {
            if Self.blank(indicator.title) { error("indicators[\(i)].title", "không được để trống") }
            checkField("indicators[\(i)].field", indicator.field)
            if let target = indicator.defaultTarget, let problem = DirectiveValidator.valueProblem(target.value, measure: indicator.measure) {
                error("indicators[\(i)].defaultTarget.value", problem)
            }
        }
        let formIDs = d.forms.map(\.id)
        for (i, event) in d.countedEvents.enumerated() where !formIDs.contains(event.form) {
            error(
                "countedEvents[\(i)].form", "biểu mẫu «\(event.form)» không có trong «forms»; có: \(formIDs.joined(separator: ", "))",
                hint: suggest(event.form, formIDs))
        }
        let indicatorIDs = d.indicators.map(\.id)
        let criterionIDs = d.criteria.map(\.id)
        let checkIDs = d.attestedChecks.map(\.id)
        let eventIDs = d.countedEvents.map(\.id)
        for (i, criterion) in d.criteria.enumerated() {
            let path = "criteria[\(i)]"
            if Self.blank(criterion.text) { error("\(path).text", "nội dung tiêu chí không được để trống") }
            checkField("\(path).field", criterion.field)
            guard let rule = criterion.rule else { continue }
            for ref in rule.indicatorReferences where !indicatorIDs.contains(ref) {
                error(
                    "\(path).rule", "điều kiện dùng chỉ tiêu «\(ref)» không có trong «indicators» của loại",
                    hint: suggest(ref, indicatorIDs))
            }
            for ref in rule.criterionReferences {
                if ref == criterion.id {
                    error("\(path).rule", "tiêu chí «\(ref)» không được dựa vào chính nó")
                } else if !criterionIDs.contains(ref) {
                    error(
                        "\(path).rule", "điều kiện dùng tiêu chí «\(ref)» không có trong «criteria» của loại",
                        hint: suggest(ref, criterionIDs))
                }
            }
            for ref in rule.attestedReferences where !checkIDs.contains(ref) {
                error(
                    "\(path).rule", "điều kiện dùng mục xác nhận «\(ref)» không có trong «attestedChecks»", hint: suggest(ref, checkIDs))
            }
            for ref in rule.countReferences where !eventIDs.contains(ref) {
                error("\(path).rule", "điều kiện đếm «\(ref)» không có trong «countedEvents»", hint: suggest(ref, eventIDs))
            }
            for (ref, value) in rule.comparedValues {
                if let measure = d.indicators.first(where: { $0.id == ref })?.measure,
                    let problem = DirectiveValidator.valueProblem(value, measure: measure)
                {
                    error("\(path).rule", problem)
                }
            }
        }
    }

    private mutating func checkForms() {
        for (i, form) in definition.forms.enumerated() {
            let path = "forms[\(i)]"
            if Self.blank(form.title) { error("\(path).title", "tên biểu mẫu không được để trống") }
            if form.fields.isEmpty { error("\(path).fields", "biểu mẫu cần ít nhất một trường") }
            var seen: [String: Int] = [:]
            for (k, field) in form.fields.enumerated() {
                let at = "\(path).fields[\(k)]"
                if let problem = Identifier.problem(field.id) { error("\(at).id", problem) }
                if let first = seen[field.id] {
                    error("\(at).id", "trường «\(field.id)» trùng với fields[\(first)] của biểu mẫu «\(form.id)»")
                } else {
                    seen[field.id] = k
                }
                if Self.blank(field.label) { error("\(at).label", "nhãn của trường không được để trống") }
                if field.kind == .choice && (field.choices ?? []).isEmpty {
                    error(at, "trường kiểu «choice» cần «choices»: danh sách các giá trị được chọn")
                }
                if field.kind != .choice && field.choices != nil {
                    error("\(at).choices", "chỉ trường kiểu «choice» mới có «choices»; trường này kiểu «\(field.kind.rawValue)»")
                }
                if let reports = field.reports, !definition.indicators.contains(where: { $0.id == reports }) {
                    error(
                        "\(at).reports", "chỉ tiêu «\(reports)» không có trong «indicators» của loại",
                        hint: suggest(reports, definition.indicators.map(\.id)))
                }
            }
        }
    }

    private mutating func checkReports() {
        let reports = definition.reports
        for kind in ReportKind.allCases where !reports.contains(where: { $0.kind == kind }) {
            error(
                "reports", "thiếu mẫu báo cáo «\(kind.rawValue)» (\(kind.vietnamese)); mỗi loại cần cả sơ kết và tổng kết",
                hint: "thêm {\"kind\": \"\(kind.rawValue)\", \"title\": …, \"sections\": […]} vào «reports»")
        }
        var kinds: [ReportKind: Int] = [:]
        for (i, layout) in reports.enumerated() {
            let path = "reports[\(i)]"
            if let first = kinds[layout.kind] {
                error("\(path).kind", "mẫu báo cáo «\(layout.kind.rawValue)» đã có ở reports[\(first)]")
            } else {
                kinds[layout.kind] = i
            }
            if Self.blank(layout.title) { error("\(path).title", "tên mẫu báo cáo không được để trống") }
            if layout.sections.isEmpty { error("\(path).sections", "mẫu báo cáo cần ít nhất một mục") }
            unique("\(path).sections", layout.sections.map(\.id))
            for (k, section) in layout.sections.enumerated() where Self.blank(section.heading) {
                error("\(path).sections[\(k)].heading", "tiêu đề mục không được để trống")
            }
        }
    }

    private mutating func checkOutline(_ sections: [OutlineSection], path: String) {
        for (s, section) in sections.enumerated() { checkSection(section, path: "\(path)[\(s)]") }
    }

    private mutating func checkSection(_ section: OutlineSection, path: String) {
        for (b, block) in section.blocks.enumerated() {
            let at = "\(path).blocks[\(b)]"
            switch block {
            case .text(let text, _):
                if Self.blank(text) { error("\(at).text", "đoạn văn trống") }
            case .show(let selection):
                if let kind = selection.kind, ![.criteria, .participants, .awards].contains(selection.part) {
                    error("\(at).kind", "«kind» (\(kind.rawValue)) chỉ dùng với criteria, participants hoặc awards")
                }
            case .section(let inner):
                checkSection(inner, path: "\(at).section")
            }
        }
    }
}
