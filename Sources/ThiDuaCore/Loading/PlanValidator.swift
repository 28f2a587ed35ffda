import Foundation
import ThiDuaBase

/// The host's checks of a decoded plan: ids, dates, numbers and references. Every finding
/// names its JSON path; the loader adds the line.
public struct PlanValidator {
    public let plan: CampaignPlan
    /// The type's definition, when the type is known (catalogue and forms are then checked).
    public let type: CampaignTypeDefinition?
    /// The unit kinds known before the plan's own (the built-in list and the workspace's).
    public let unitKinds: UnitKindCatalogue
    private var findings: [Diagnostic] = []

    public init(plan: CampaignPlan, type: CampaignTypeDefinition?, unitKinds: UnitKindCatalogue = .standard) {
        self.plan = plan
        self.type = type
        self.unitKinds = unitKinds
    }

    /// All findings.
    public func validate() -> [Diagnostic] {
        var v = self
        v.checkHeader()
        v.checkIDs()
        v.checkIndicators()
        v.checkRules()
        v.checkAwards()
        v.checkMilestones()
        v.checkOutline()
        v.checkScoring()
        v.checkUnitKinds()
        v.checkCertificate()
        v.findings += PlanVariants.problems(in: v.plan, type: v.type)
        return v.findings
    }

    mutating func error(_ path: String, _ message: String, hint: String? = nil) {
        findings.append(Diagnostic(.error, path: path, message: message, hint: hint))
    }

    mutating func warning(_ path: String, _ message: String, hint: String? = nil) {
        findings.append(Diagnostic(.warning, path: path, message: message, hint: hint))
    }

    private mutating func checkHeader() {
        if let problem = Identifier.problem(plan.id) { error("id", problem) }
        if !plan.date.isPossible {
            error(
                "date", "ngày ban hành «\(plan.date.vietnamese)» không có thật",
                hint: "kiểm tra ngày và tháng (ví dụ tháng 2 chỉ có 28 hoặc 29 ngày)")
        }
        for (key, text) in [("title", plan.title), ("name", plan.name), ("place", plan.place), ("signer.title", plan.signer.title)]
        where text.trimmingCharacters(in: .whitespaces).isEmpty {
            error(key, "không được để trống")
        }
        if plan.issuer.headerLines.isEmpty { error("issuer.headerLines", "cần ít nhất một dòng tên cơ quan ban hành") }
        if plan.issuer.name.trimmingCharacters(in: .whitespaces).isEmpty {
            error("issuer.name", "không được để trống", hint: "ghi tên cơ quan ban hành, hoặc «kind» và «locality» để lấy từ danh mục")
        }
        if plan.number.symbol.trimmingCharacters(in: .whitespaces).isEmpty {
            error("number.symbol", "không được để trống", hint: "ví dụ «KH-UBND», hoặc ghi «issuer.kind» để lấy từ danh mục")
        }
        if plan.recipients.isEmpty { error("recipients", "cần ít nhất một nơi nhận (ví dụ «Lưu: VT»)") }
        if plan.participants.isEmpty { error("participants", "cần ít nhất một nhóm đối tượng thi đua") }
        if let start = plan.period.start, start > plan.period.end {
            error("period", "ngày bắt đầu \(start.vietnamese) sau ngày kết thúc \(plan.period.end.vietnamese)")
        }
        for (i, year) in (plan.period.years ?? []).enumerated() {
            let first = plan.period.start?.year ?? plan.date.year ?? year
            if year < first || year > plan.period.end.year {
                error(
                    "period.years[\(i)]",
                    "năm \(year) nằm ngoài thời gian thi đua (\(first)–\(plan.period.end.year))")
            }
        }
        let basisIDs = Set(plan.basis.map(\.id))
        for (i, id) in plan.implements.enumerated() where !basisIDs.contains(id) {
            error(
                "implements[\(i)]", "«\(id)» không có trong «basis»",
                hint: DidYouMean.suggestion(for: id, among: Array(basisIDs)).map { "có phải ý bạn là «\($0)»?" })
        }
    }

    private mutating func checkIDs() {
        func unique(_ part: String, _ ids: [String]) {
            for (path, message) in Identifier.listProblems(part, ids) { error(path, message) }
        }
        unique("basis", plan.basis.map(\.id))
        unique("participants", plan.participants.map(\.id))
        unique("content", plan.content.map(\.id))
        unique("indicators", plan.indicators.map(\.id))
        unique("criteria", plan.criteria.map(\.id))
        unique("awards", plan.awards.map(\.id))
        unique("dossier", plan.dossier.map(\.id))
        unique("milestones", plan.milestones.map(\.id))
        unique("assignments", plan.assignments.map(\.id))
        var itemIDs: [String: String] = [:]
        for (g, group) in plan.content.enumerated() {
            for (i, item) in group.items.enumerated() {
                guard let id = item.id else { continue }
                let path = "content[\(g)].items[\(i)].id"
                if let problem = Identifier.problem(id) { error(path, problem) }
                if let first = itemIDs[id] { error(path, "mã «\(id)» trùng với \(first)") } else { itemIDs[id] = path }
                for (k, ref) in (item.indicators ?? []).enumerated() where !plan.indicators.contains(where: { $0.id == ref }) {
                    error(
                        "content[\(g)].items[\(i)].indicators[\(k)]", "chỉ tiêu «\(ref)» không có trong «indicators»",
                        hint: suggest(ref, plan.indicators.map(\.id)))
                }
            }
        }
        if let type {
            let fields = type.fields.map(\.id)
            func checkField(_ path: String, _ field: String?) {
                guard let field, !fields.isEmpty, !fields.contains(field) else { return }
                error(
                    path, "lĩnh vực «\(field)» không thuộc loại «\(type.id)»; cần một trong: \(fields.joined(separator: ", "))",
                    hint: suggest(field, fields))
            }
            for (g, group) in plan.content.enumerated() {
                checkField("content[\(g)].field", group.field)
                for (i, item) in group.items.enumerated() { checkField("content[\(g)].items[\(i)].field", item.field) }
            }
            for (i, indicator) in plan.indicators.enumerated() { checkField("indicators[\(i)].field", indicator.field) }
            for (i, criterion) in plan.criteria.enumerated() { checkField("criteria[\(i)].field", criterion.field) }
        }
    }

    func suggest(_ word: String, _ among: [String]) -> String? {
        DidYouMean.suggestion(for: word, among: among).map { "có phải ý bạn là «\($0)»?" }
    }

    private mutating func checkIndicators() {
        for (i, indicator) in plan.indicators.enumerated() {
            let path = "indicators[\(i)]"
            if let catalogue = indicator.catalogue, let type, !type.indicators.contains(where: { $0.id == catalogue }) {
                error(
                    "\(path).catalogue", "chỉ tiêu «\(catalogue)» không có trong danh mục của loại «\(type.id)»",
                    hint: suggest(catalogue, type.indicators.map(\.id)) ?? "xem `thidua types --format json`")
            }
            if let aggregate = indicator.aggregate { checkAggregate(aggregate, of: indicator, path: "\(path).aggregate") }
            guard let target = indicator.target else { continue }
            checkValue(target.value, measure: indicator.measure, path: "\(path).target.value")
        }
    }

    mutating func checkValue(_ value: Double, measure: Measure, path: String) {
        switch measure {
        case .percent where !(0...100).contains(value):
            error(path, "tỷ lệ \(Numbers.vietnamese(value))% nằm ngoài khoảng 0–100")
        case .count where value < 0 || value != value.rounded():
            error(path, "số lượng phải là số nguyên không âm, thấy \(Numbers.vietnamese(value))")
        case .rank where value < 1 || value != value.rounded():
            error(path, "thứ hạng phải là số nguyên từ 1 trở lên, thấy \(Numbers.vietnamese(value))")
        case .yesNo where value != 0 && value != 1:
            error(path, "chỉ tiêu có/không nhận 1 (có) hoặc 0 (không), thấy \(Numbers.vietnamese(value))")
        default:
            break
        }
    }

    private mutating func checkRules() {
        for (i, criterion) in plan.criteria.enumerated() {
            if let catalogue = criterion.catalogue, let type, !type.criteria.contains(where: { $0.id == catalogue }) {
                error(
                    "criteria[\(i)].catalogue", "tiêu chí «\(catalogue)» không có trong danh mục của loại «\(type.id)»",
                    hint: suggest(catalogue, type.criteria.map(\.id)))
            }
            if let points = criterion.points, points < 0 { error("criteria[\(i)].points", "điểm không được âm") }
            if let rule = criterion.rule { checkRule(rule, path: "criteria[\(i)].rule", selfID: criterion.id) }
            if let scope = criterion.scope { checkScope(scope, path: "criteria[\(i)].scope") }
            for (k, ref) in (criterion.indicators ?? []).enumerated() where !plan.indicators.contains(where: { $0.id == ref }) {
                error(
                    "criteria[\(i)].indicators[\(k)]", "chỉ tiêu «\(ref)» không có trong «indicators»",
                    hint: suggest(ref, plan.indicators.map(\.id)))
            }
        }
    }

    mutating func checkRule(_ rule: Rule, path: String, selfID: String? = nil) {
        let indicatorIDs = plan.indicators.map(\.id)
        for ref in rule.indicatorReferences where !indicatorIDs.contains(ref) {
            error(
                path, "điều kiện dùng chỉ tiêu «\(ref)» nhưng «indicators» không có chỉ tiêu này",
                hint: suggest(ref, indicatorIDs) ?? "thêm chỉ tiêu «\(ref)» vào «indicators»")
        }
        let criterionIDs = plan.criteria.map(\.id)
        for ref in rule.criterionReferences {
            if !criterionIDs.contains(ref) {
                error(path, "điều kiện dùng tiêu chí «\(ref)» nhưng «criteria» không có tiêu chí này", hint: suggest(ref, criterionIDs))
            } else if ref == selfID {
                error(path, "tiêu chí «\(ref)» không được dựa vào chính nó")
            }
        }
        if let type {
            let counted = type.countedEvents.map(\.id)
            for ref in rule.countReferences where !counted.contains(ref) {
                error(
                    path,
                    "loại «\(type.id)» không đếm được «\(ref)»; có thể đếm: \(counted.isEmpty ? "(không có)" : counted.joined(separator: ", "))",
                    hint: suggest(ref, counted))
            }
            let checks = type.attestedChecks.map(\.id)
            for ref in rule.attestedReferences where !checks.contains(ref) {
                error(
                    path,
                    "loại «\(type.id)» không có mục xác nhận «\(ref)»; có: \(checks.isEmpty ? "(không có)" : checks.joined(separator: ", "))",
                    hint: suggest(ref, checks))
            }
        }
        for (indicator, value) in rule.comparedValues {
            if let measure = plan.indicators.first(where: { $0.id == indicator })?.measure {
                checkValue(value, measure: measure, path: path)
            }
        }
    }
}

extension Rule {
    /// Every attested check the rule asks for.
    public var attestedReferences: [String] {
        switch self {
        case .all(let rules), .any(let rules), .atLeast(_, let rules): rules.flatMap(\.attestedReferences)
        case .attested(let check, _): [check]
        default: []
        }
    }

    /// Indicator ids compared with a literal value, with that value.
    var comparedValues: [(String, Double)] {
        switch self {
        case .all(let rules), .any(let rules), .atLeast(_, let rules): rules.flatMap(\.comparedValues)
        case .compare(let id, _, _, let value): [(id, value)]
        default: []
        }
    }
}

extension PlanValidator {
    /// Declared kinds are well formed; every kind a participant group names is known.
    fileprivate mutating func checkUnitKinds() {
        findings += UnitKindCatalogue.problems(in: plan.unitKinds, path: "unitKinds")
        let known = unitKinds.adding(plan.unitKinds)
        for (g, group) in plan.participants.enumerated() {
            for (k, text) in (group.unitKinds ?? []).enumerated() where known.parse(text) == nil {
                error(
                    "participants[\(g)].unitKinds[\(k)]",
                    "loại đơn vị «\(InputLimits.shown(text))» không có; cần một trong: \(known.allowedDescription)",
                    hint: (VietnameseText.suggestion(for: text, among: known.names).map { "có phải ý bạn là «\($0)»? " } ?? "")
                        + "loại khác khai báo trong «unitKinds» của phong trào hoặc tệp tables/unit-kinds.json")
            }
        }
    }
}
