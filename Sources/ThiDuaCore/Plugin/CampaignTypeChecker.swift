import ThiDuaBase

/// The one checker of the `CampaignType` contract, for compiled types and types declared in
/// JSON alike: `DeclaredTypeSet` runs it on every type file (its findings carry JSON paths and
/// are located in the file), and the conformance suite of the tests runs it on every registered
/// type. Messages are Vietnamese, with the path of the part at fault.
public struct CampaignTypeChecker {
    let definition: CampaignTypeDefinition
    private var findings: [Diagnostic] = []

    init(definition: CampaignTypeDefinition) {
        self.definition = definition
    }

    /// The rules data can break: ids, titles, references, report layouts, the outline.
    public static func check(_ definition: CampaignTypeDefinition) -> [Diagnostic] {
        var v = CampaignTypeChecker(definition: definition)
        v.checkIdentity()
        v.checkIDs()
        v.checkCatalogue()
        v.checkForms()
        v.checkReports()
        v.checkOutline(definition.defaultOutline, path: "defaultOutline")
        return v.findings
    }

    /// Every rule, for a type with code or without: the data rules on `definition` and on the
    /// definition for a sparse plan, then the behaviour — the definition is the same on every
    /// read, `validate`, `complete`, `derivedValues` and `section` run on a sparse plan with no
    /// data without trapping, and every section whose source is `type` is supplied by the type.
    public static func check(_ type: any CampaignType) -> [Diagnostic] {
        let definition = type.definition
        var findings = check(definition)
        if type.definition != definition {
            findings.append(Diagnostic(.error, path: "", message: "định nghĩa khác nhau giữa hai lần đọc; hãy dựng một lần rồi giữ lại"))
        }
        let plan = minimalPlan(type: definition.id)
        let adapted = type.definition(for: plan)
        if adapted != definition {
            // What a plan changes must keep the same rules.
            findings += check(adapted).map { finding in
                var copy = finding
                copy.message = "(định nghĩa cho một kế hoạch) " + finding.message
                return copy
            }
        }
        _ = type.validate(plan)
        let campaign = ResolvedCampaign(plan: plan, type: type)
        let context = CampaignContext(campaign: campaign, state: CampaignState(), roster: Roster(units: [], people: []))
        let period = EvaluationPeriod(year: plan.period.end.year)
        for (l, layout) in definition.reports.enumerated() {
            for (k, section) in layout.sections.enumerated() where section.source == .type {
                if type.section(section, in: context, period: period) == nil {
                    findings.append(
                        Diagnostic(
                            .error, path: "reports[\(l)].sections[\(k)].source",
                            message: "mục «\(section.id)» lấy nội dung từ mã của loại («type») nhưng loại không cung cấp mục này",
                            hint: "loại khai báo bằng JSON dùng «tally» hoặc các nguồn có sẵn; loại biên dịch trả nội dung trong section(_:in:period:)"))
                }
            }
        }
        return findings
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
        for (i, form) in d.forms.enumerated() {
            guard let attests = form.attests else { continue }
            if !checkIDs.contains(attests) {
                error(
                    "forms[\(i)].attests", "mục xác nhận «\(attests)» không có trong «attestedChecks»", hint: suggest(attests, checkIDs))
            }
            if !form.fields.contains(where: { $0.kind == .person || $0.kind == .unit }) {
                error("forms[\(i)].attests", "biểu mẫu xác nhận cho từng người, đơn vị cần một trường kiểu person hoặc unit")
            }
        }
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
            for (k, section) in layout.sections.enumerated() {
                if Self.blank(section.heading) { error("\(path).sections[\(k)].heading", "tiêu đề mục không được để trống") }
                checkTally(section, path: "\(path).sections[\(k)]")
            }
        }
    }

    private mutating func checkTally(_ section: ReportSection, path: String) {
        findings += Self.tallyProblems(section, path: path, forms: definition.forms)
    }

    /// A `tally` section names one of `forms` and fields of it that can be counted; only a
    /// `tally` section has a `tally`. Shared with the sections a campaign file adds.
    static func tallyProblems(_ section: ReportSection, path: String, forms: [FormSpec]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func error(_ path: String, _ message: String, hint: String? = nil) {
            out.append(Diagnostic(.error, path: path, message: message, hint: hint))
        }
        func suggest(_ word: String, _ among: [String]) -> String? {
            DidYouMean.suggestion(for: word, among: among).map { "có phải ý bạn là «\($0)»?" }
        }
        guard let tally = section.tally else {
            if section.source == .tally {
                error(path, "mục nguồn «tally» cần «tally»: {\"form\": …, \"groupBy\": \"unit\"}")
            }
            return out
        }
        if section.source != .tally { error("\(path).tally", "«tally» chỉ dùng với «source»: «tally»; mục này «\(section.source.rawValue)»") }
        let formIDs = forms.map(\.id)
        guard let form = forms.first(where: { $0.id == tally.form }) else {
            error(
                "\(path).tally.form", "biểu mẫu «\(tally.form)» không có trong «forms»; có: \(formIDs.joined(separator: ", "))",
                hint: suggest(tally.form, formIDs))
            return out
        }
        let fieldIDs = form.fields.map(\.id)
        if let group = tally.groupBy, group != FormTally.byUnit, !fieldIDs.contains(group) {
            error(
                "\(path).tally.groupBy", "«groupBy» là «unit» hoặc một trường của «\(form.id)»; thấy «\(group)»",
                hint: suggest(group, [FormTally.byUnit] + fieldIDs))
        }
        if let split = tally.split {
            if let field = form.fields.first(where: { $0.id == split }) {
                if field.kind != .choice && field.kind != .yesNo {
                    error("\(path).tally.split", "«split» cần trường kiểu «choice» hoặc «yes-no»; «\(split)» kiểu «\(field.kind.rawValue)»")
                } else {
                    let allowed = FormTally.splitValues(of: field)
                    let keys = Set(allowed.map(VietnameseText.key))
                    for (i, value) in (tally.share ?? []).enumerated() where !keys.contains(VietnameseText.key(value)) {
                        error(
                            "\(path).tally.share[\(i)]", "«\(value)» không phải giá trị của «\(split)»; có: \(allowed.joined(separator: ", "))",
                            hint: suggest(value, allowed))
                    }
                }
            } else {
                error("\(path).tally.split", "biểu mẫu «\(form.id)» không có trường «\(split)»", hint: suggest(split, fieldIDs))
            }
        } else if tally.share != nil {
            error("\(path).tally.share", "«share» cần «split»: trường có các giá trị được đếm")
        }
        return out
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

extension CampaignTypeChecker {
    /// The smallest plan of a type, for running a type's code on sparse input: almost nothing in
    /// it, and a `typeSettings` the type does not expect.
    public static func minimalPlan(type: String) -> CampaignPlan {
        CampaignPlan(
            version: 1, type: type, id: "kiem-tra", name: "Kiểm tra",
            issuer: Authority(name: "Ủy ban nhân dân phường Kiểm Tra", headerLines: ["ỦY BAN NHÂN DÂN", "PHƯỜNG KIỂM TRA"], level: .xa),
            number: DocumentNumber(symbol: "KH-UBND"), place: "Kiểm Tra", date: PartialDate(year: 2026), documentKind: "KẾ HOẠCH",
            title: "Kiểm tra", addressees: [], basis: [], implements: [], preamble: [],
            period: CampaignPeriod(end: CivilDate(year: 2026, month: 12, day: 31)!), purposes: [], requirements: [],
            participants: [ParticipantGroup(id: "can-bo", kind: .individual, text: "Cán bộ, công chức")], content: [],
            indicators: [], criteria: [], awards: [], dossier: [], funding: nil, milestones: [], assignments: [], closing: [],
            recipients: [Recipient(name: "Lưu: VT")], signer: Signer(title: "CHỦ TỊCH"), outline: nil,
            typeSettings: .object([.init(key: "unexpected", value: .array([.null]))]), notes: [])
    }
}
