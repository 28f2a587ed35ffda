import ThiDuaCore

/// The checks every campaign type must pass, compiled or declared in JSON: the points of the
/// contract stated on `CampaignType`. Returns failures as sentences that say what to fix;
/// an empty array means the type conforms.
public enum CampaignTypeConformance {
    public static func check(_ type: any CampaignType) -> [String] {
        let d = type.definition
        var failures: [String] = []
        func fail(_ text: String) { failures.append("\(d.id): \(text)") }

        if let problem = Identifier.problem(d.id) { fail("id: \(problem)") }
        if d.title.isEmpty { fail("title is empty") }
        if d.summary.isEmpty { fail("summary is empty") }
        if d.legalBasis.isEmpty { fail("legalBasis is empty: name the documents the type usually rests on") }
        if type.definition != d { fail("definition differs between two reads: build it once") }

        func unique(_ what: String, _ ids: [String]) {
            var seen = Set<String>()
            for id in ids {
                if let problem = Identifier.problem(id) { fail("\(what) id \(id): \(problem)") }
                if !seen.insert(id).inserted { fail("\(what) id «\(id)» is used twice") }
            }
        }
        unique("field", d.fields.map(\.id))
        unique("indicator", d.indicators.map(\.id))
        unique("criterion", d.criteria.map(\.id))
        unique("attested check", d.attestedChecks.map(\.id))
        unique("counted event", d.countedEvents.map(\.id))
        unique("form", d.forms.map(\.id))

        for form in d.forms {
            if form.title.isEmpty { fail("form \(form.id) has no title") }
            if form.fields.isEmpty { fail("form \(form.id) has no fields") }
            var fieldIDs = Set<String>()
            for field in form.fields {
                if let problem = Identifier.problem(field.id) { fail("form \(form.id) field \(field.id): \(problem)") }
                if !fieldIDs.insert(field.id).inserted { fail("form \(form.id) repeats field \(field.id)") }
                if field.label.isEmpty { fail("form \(form.id) field \(field.id) has no label") }
                if field.kind == .choice && (field.choices ?? []).isEmpty {
                    fail("form \(form.id) field \(field.id) is a choice with no choices")
                }
                if field.kind != .choice && field.choices != nil {
                    fail("form \(form.id) field \(field.id) has choices but is not a choice")
                }
            }
        }
        for kind in ReportKind.allCases where d.report(kind) == nil {
            fail("no \(kind.rawValue) report layout: every type supplies sơ kết and tổng kết")
        }
        for layout in d.reports {
            if layout.sections.isEmpty { fail("report \(layout.kind.rawValue) has no sections") }
            unique("report \(layout.kind.rawValue) section", layout.sections.map(\.id))
        }
        let fieldIDs = Set(d.fields.map(\.id))
        for indicator in d.indicators {
            if let field = indicator.field, !fieldIDs.contains(field) { fail("indicator \(indicator.id) names unknown field \(field)") }
            if let target = indicator.defaultTarget, indicator.measure == .percent, !(0...100).contains(target.value) {
                fail("indicator \(indicator.id) has a percent target outside 0–100")
            }
        }
        for event in d.countedEvents where d.form(event.form) == nil {
            fail("counted event \(event.id) names unknown form \(event.form)")
        }
        let indicatorIDs = Set(d.indicators.map(\.id))
        let criterionIDs = Set(d.criteria.map(\.id))
        let checkIDs = Set(d.attestedChecks.map(\.id))
        let eventIDs = Set(d.countedEvents.map(\.id))
        for criterion in d.criteria {
            if let field = criterion.field, !fieldIDs.contains(field) { fail("criterion \(criterion.id) names unknown field \(field)") }
            guard let rule = criterion.rule else { continue }
            for ref in rule.indicatorReferences where !indicatorIDs.contains(ref) {
                fail("criterion \(criterion.id) reads unknown indicator \(ref)")
            }
            for ref in rule.criterionReferences where !criterionIDs.contains(ref) {
                fail("criterion \(criterion.id) reads unknown criterion \(ref)")
            }
            for ref in rule.attestedReferences where !checkIDs.contains(ref) { fail("criterion \(criterion.id) asks unknown check \(ref)") }
            for ref in rule.countReferences where !eventIDs.contains(ref) { fail("criterion \(criterion.id) counts unknown event \(ref)") }
        }
        // A plan with nothing in it must be checked without a trap: validation never crashes.
        _ = type.validate(minimalPlan(type: d.id))
        return failures
    }

    /// The smallest plan of a type, for checking validation on sparse input.
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
