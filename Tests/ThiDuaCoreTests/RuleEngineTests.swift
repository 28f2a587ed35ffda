import Foundation
import Testing
import ThiDuaCore

/// A small campaign for the rule engine: a type with a catalogue, a form and a derived value,
/// units and people, and a journal written by hand.
struct RuleBench {
    /// A type whose code derives one indicator: the rows of its form, per unit and year.
    struct CountingType: CampaignType {
        let definition = CampaignTypeDefinition(
            id: "kiem-tra", title: "Kiểm tra", summary: "Loại dùng để kiểm thử.", legalBasis: ["Luật Thi đua, khen thưởng"],
            indicators: [
                CatalogueIndicator(id: "chi-so", title: "Chỉ số", measure: .percent, scope: .collective),
                CatalogueIndicator(id: "so-phieu", title: "Số phiếu", measure: .count, scope: .collective),
            ],
            criteria: [
                CatalogueCriterion(
                    id: "chi-so-cao", appliesTo: .collective, text: "Chỉ số từ 80% trở lên.",
                    rule: .compare(indicator: "chi-so", subject: .own, comparison: .atLeast, value: 80))
            ],
            attestedChecks: [AttestedCheck(id: "ky-cam-ket", title: "Đã ký cam kết")],
            countedEvents: [CountedEvent(id: "dang-ky", title: "Phiếu đăng ký đã nộp", form: "dang-ky")],
            forms: [
                FormSpec(
                    id: "dang-ky", title: "Phiếu đăng ký", repeated: true,
                    fields: [
                        FieldSpec(id: "don-vi", label: "Đơn vị", kind: .unit, required: false),
                        FieldSpec(id: "ca-nhan", label: "Cá nhân", kind: .person, required: false),
                        FieldSpec(id: "muc-do", label: "Mức độ", kind: .choice, choices: ["Tốt", "Khá", "Kém"]),
                    ])
            ],
            reports: ReportKind.allCases.map { ReportLayout(kind: $0, title: "Báo cáo", sections: [ReportSection(id: "a", heading: "A", source: .standings)]) })

        func derivedValues(in context: CampaignContext) -> [DerivedValue] {
            var counts: [String: [Int: Int]] = [:]
            for row in context.rows(of: "dang-ky") {
                guard let unit = context.unit(of: row) else { continue }
                counts[unit, default: [:]][row.period.year, default: 0] += 1
            }
            return counts.flatMap { unit, years in
                years.map { DerivedValue(indicator: "so-phieu", participant: .unit(unit), period: EvaluationPeriod(year: $0.key), value: Double($0.value)) }
            }
        }
    }

    static let roster = Roster(
        units: [Unit(id: "phong-a", name: "Phòng A", kind: .phongBan), Unit(id: "phong-b", name: "Phòng B", kind: .phongBan)],
        people: [
            Person(id: "an", name: "Nguyễn Văn An", position: "Công chức", unit: "phong-a"),
            Person(id: "binh", name: "Trần Thị Bình", position: "Công chức", unit: "phong-b"),
        ])

    var plan: CampaignPlan
    var events: [JournalEvent] = []

    init(criteria: [Criterion], indicators: [Indicator] = []) {
        plan = CampaignTypeChecker.minimalPlan(type: "kiem-tra")
        plan.typeSettings = nil
        plan.indicators =
            indicators.isEmpty
            ? [
                Indicator(id: "chi-so", title: "Chỉ số CCHC", measure: .percent, scope: .collective, catalogue: "chi-so"),
                Indicator(id: "xep-hang", title: "Thứ hạng", measure: .rank, scope: .collective),
                Indicator(id: "so-phieu", title: "Số phiếu", measure: .count, scope: .collective, catalogue: "so-phieu"),
            ] : indicators
        plan.criteria = criteria
        add(
            .enrolment,
            .object([
                .init(key: "units", value: .array([.string("phong-a"), .string("phong-b")])),
                .init(key: "people", value: .array([.string("an"), .string("binh")])),
            ]), on: 1, 1, 2026)
    }

    mutating func add(_ kind: EventKind, _ payload: JSONValue, on d: Int, _ m: Int, _ y: Int) {
        events.append(
            JournalEvent(seq: events.count + 1, time: "", date: CivilDate(year: y, month: m, day: d)!, actor: "test", kind: kind, payload: payload, prev: ""))
    }

    mutating func submit(_ form: String, _ rows: [[String: FieldValue]], on d: Int, _ m: Int, _ y: Int) throws {
        let encoded = try JSONValue.encode(rows.enumerated().map { SubmissionRow(line: $0.offset + 2, values: $0.element) })
        add(.submission, .object([.init(key: "form", value: .string(form)), .init(key: "rows", value: encoded)]), on: d, m, y)
    }

    /// Indicator values on the host's results form.
    mutating func report(_ indicator: String, _ unit: String?, _ value: Double, previous: Double? = nil, year: Int = 2026) throws {
        var row: [String: FieldValue] = ["chi-tieu": .choice(indicator), "gia-tri": .number(value), "nam": .integer(year)]
        if let unit { row["don-vi"] = .unit(unit) }
        if let previous { row["nam-truoc"] = .number(previous) }
        try submit(HostForms.indicatorResults, [row], on: 1, 12, year)
    }

    /// A self-assessment of an attested check.
    mutating func attest(_ check: String, by person: String, met: Bool, evidence: String?) throws {
        var row: [String: FieldValue] = ["ca-nhan": .person(person), "tieu-chi": .choice(check), "dat": .yesNo(met)]
        if let evidence { row["minh-chung"] = .text(evidence) }
        try submit(HostForms.individualSelfAssessment, [row], on: 2, 12, 2026)
    }

    var campaign: ResolvedCampaign { ResolvedCampaign(plan: plan, type: CountingType()) }
    var state: CampaignState { CampaignState(events: events) }
    var facts: FactBase { FactBase(campaign: campaign, state: state, roster: Self.roster) }

    func result(_ rule: Rule, for who: ParticipantRef, year: Int = 2026) -> RuleResult {
        RuleEvaluator(facts: facts, period: EvaluationPeriod(year: year)).evaluate(rule, for: who)
    }
}

@Suite("Rule engine")
struct RuleEngineTests {
    static let atLeast80 = Rule.compare(indicator: "chi-so", subject: .own, comparison: .atLeast, value: 80)

    @Test("a comparison is met, not met, or missing — never zero — and says its numbers")
    func compare() throws {
        var bench = RuleBench(criteria: [])
        try bench.report("chi-so", "phong-a", 81.5)
        try bench.report("chi-so", "phong-b", 79)
        let met = bench.result(Self.atLeast80, for: .unit("phong-a"))
        #expect(met.truth == .met)
        #expect(met.explanation == "Chỉ số CCHC 81,5% ≥ 80% → đạt")
        let notMet = bench.result(Self.atLeast80, for: .unit("phong-b"))
        #expect(notMet.truth == .notMet)
        #expect(notMet.explanation == "Chỉ số CCHC 79,0% (cần ≥ 80%) → không đạt")
        let missing = bench.result(Self.atLeast80, for: .unit("phong-a"), year: 2027)
        #expect(missing.truth == .missing)
        #expect(missing.reason.contains("chưa có số liệu năm 2027"))
    }

    @Test("a person's rule reads their unit's value when the subject is the unit")
    func unitSubject() throws {
        var bench = RuleBench(criteria: [])
        try bench.report("chi-so", "phong-a", 85)
        let rule = Rule.compare(indicator: "chi-so", subject: .unit, comparison: .atLeast, value: 80)
        let r = bench.result(rule, for: .person("an"))
        #expect(r.truth == .met)
        #expect(r.reason.hasPrefix("Chỉ số CCHC của đơn vị 85,0%"), "\(r.reason)")
        #expect(bench.result(rule, for: .person("binh")).truth == .missing)
    }

    @Test("higher than the year before: a value recorded for that year wins over one declared on this year's row")
    func previous() throws {
        var bench = RuleBench(criteria: [])
        let rule = Rule.compareWithPrevious(indicator: "chi-so", subject: .own, comparison: .greaterThan)
        try bench.report("chi-so", "phong-a", 82, previous: 84)
        #expect(bench.result(rule, for: .unit("phong-a")).truth == .notMet)
        try bench.report("chi-so", "phong-a", 80, year: 2025)
        let r = bench.result(rule, for: .unit("phong-a"))
        #expect(r.truth == .met)
        #expect(r.reason.contains("cao hơn năm trước (80,0%)"), "\(r.reason)")
        #expect(bench.result(rule, for: .unit("phong-b")).truth == .missing)
    }

    @Test("a rank change counts places gained, smaller being better", arguments: [(9, 4, Truth.met), (8, 4, .notMet), (3, 6, .notMet)])
    func rankChange(before: Int, now: Int, expected: Truth) throws {
        var bench = RuleBench(criteria: [])
        try bench.report("xep-hang", "phong-a", Double(before), year: 2025)
        try bench.report("xep-hang", "phong-a", Double(now))
        let r = bench.result(.rankChange(indicator: "xep-hang", comparison: .atLeast, places: 5), for: .unit("phong-a"))
        #expect(r.truth == expected, "\(r.explanation)")
        if before > now { #expect(r.reason.contains("tăng \(before - now) bậc (từ hạng \(before) lên hạng \(now))")) }
    }

    @Test("a count reads the counted event's form, and a person's row counts for their unit")
    func count() throws {
        var bench = RuleBench(criteria: [])
        try bench.submit(
            "dang-ky", [["don-vi": .unit("phong-a"), "muc-do": .choice("Tốt")], ["ca-nhan": .person("an"), "muc-do": .choice("Khá")]], on: 1, 2, 2026)
        let rule = Rule.count(kind: "dang-ky", comparison: .atLeast, value: 2)
        let a = bench.result(rule, for: .unit("phong-a"))
        #expect(a.truth == .met)
        #expect(a.explanation == "Phiếu đăng ký đã nộp năm 2026 2 ≥ 2 → đạt")
        #expect(bench.result(rule, for: .unit("phong-b")).truth == .notMet)
    }

    @Test("an attested check needs evidence when the rule says so")
    func attested() throws {
        var bench = RuleBench(criteria: [
            Criterion(id: "tc", appliesTo: .individual, text: "Ký cam kết", rule: .attested(check: "ky-cam-ket", evidence: true))
        ])
        try bench.attest("ky-cam-ket", by: "an", met: true, evidence: nil)
        try bench.attest("ky-cam-ket", by: "binh", met: true, evidence: "Bản cam kết số 3")
        let rule = Rule.attested(check: "ky-cam-ket", evidence: true)
        #expect(bench.result(rule, for: .person("an")).truth == .missing)
        #expect(bench.result(.attested(check: "ky-cam-ket", evidence: false), for: .person("an")).truth == .met)
        let b = bench.result(rule, for: .person("binh"))
        #expect(b.truth == .met)
        #expect(b.reason == "Đã ký cam kết có (minh chứng: Bản cam kết số 3)")
    }

    @Test("all, any and at-least combine three-valued results")
    func combinations() throws {
        var bench = RuleBench(criteria: [])
        try bench.report("chi-so", "phong-a", 90)
        let met = Self.atLeast80
        let notMet = Rule.compare(indicator: "chi-so", subject: .own, comparison: .atLeast, value: 95)
        let missing = Rule.compare(indicator: "xep-hang", subject: .own, comparison: .atMost, value: 3)
        let a = ParticipantRef.unit("phong-a")
        #expect(bench.result(.all([met, missing]), for: a).truth == .missing)
        #expect(bench.result(.all([notMet, missing]), for: a).truth == .notMet)
        #expect(bench.result(.any([notMet, missing]), for: a).truth == .missing)
        #expect(bench.result(.any([notMet, met]), for: a).truth == .met)
        #expect(bench.result(.atLeast(2, [met, notMet, missing]), for: a).truth == .missing)
        #expect(bench.result(.atLeast(1, [met, notMet, missing]), for: a).truth == .met)
        #expect(bench.result(.atLeast(2, [notMet, notMet, met]), for: a).truth == .notMet)
        let joined = bench.result(.all([met, .compare(indicator: "chi-so", subject: .own, comparison: .atMost, value: 95)]), for: a)
        #expect(joined.reason == "Chỉ số CCHC 90,0% ≥ 80% và ≤ 95%", "\(joined.reason)")
    }

    @Test("a criterion that selects a catalogue entry and has no rule takes the entry's rule, with the plan's indicator id")
    func catalogueRule() throws {
        var bench = RuleBench(
            criteria: [Criterion(id: "tc-chi-so", appliesTo: .collective, text: "Chỉ số cao", catalogue: "chi-so-cao")],
            indicators: [Indicator(id: "chi-so-don-vi", title: "Chỉ số của đơn vị", measure: .percent, scope: .collective, catalogue: "chi-so")])
        #expect(bench.campaign.plan.criteria[0].rule == .compare(indicator: "chi-so-don-vi", subject: .own, comparison: .atLeast, value: 80))
        try bench.report("chi-so-don-vi", "phong-a", 83)
        let standing = try #require(
            Evaluator(campaign: bench.campaign, state: bench.state, roster: RuleBench.roster).evaluate(EvaluationPeriod(year: 2026)).standings.first {
                $0.participant == .unit("phong-a")
            })
        #expect(standing.criteria.first?.truth == .met)
        // A rule of the plan's own is kept.
        bench.plan.criteria[0].rule = .compare(indicator: "chi-so-don-vi", subject: .own, comparison: .atLeast, value: 90)
        #expect(bench.campaign.plan.criteria[0].rule == bench.plan.criteria[0].rule)
    }

    @Test("a value the type derives from the state replaces a reported one")
    func derived() throws {
        var bench = RuleBench(criteria: [])
        try bench.report("so-phieu", "phong-a", 10)
        try bench.submit("dang-ky", [["don-vi": .unit("phong-a"), "muc-do": .choice("Tốt")]], on: 1, 2, 2026)
        let value = try #require(bench.facts.value("so-phieu", for: .unit("phong-a"), in: EvaluationPeriod(year: 2026)))
        #expect(value.value == 1)
        #expect(value.derived)
        #expect(bench.facts.value("chi-so", for: .unit("phong-a"), in: EvaluationPeriod(year: 2026)) == nil)
    }

    @Test("a tally counts a form's rows of the year by unit, split by a choice, with a share")
    func tally() throws {
        var bench = RuleBench(criteria: [])
        try bench.submit(
            "dang-ky",
            [
                ["don-vi": .unit("phong-a"), "muc-do": .choice("Tốt")], ["ca-nhan": .person("an"), "muc-do": .choice("Kém")],
                ["don-vi": .unit("phong-a"), "muc-do": .choice("tốt")],
            ], on: 1, 2, 2026)
        try bench.submit("dang-ky", [["don-vi": .unit("phong-b"), "muc-do": .choice("Tốt")]], on: 1, 2, 2025)
        let context = CampaignContext(campaign: bench.campaign, state: bench.state, roster: RuleBench.roster)
        let content = FormTally(form: "dang-ky", groupBy: FormTally.byUnit, split: "muc-do", share: ["Tốt", "Khá"])
            .content(in: context, period: EvaluationPeriod(year: 2026))
        #expect(content.columns == ["TT", "Đơn vị", "Tốt", "Khá", "Kém", "Tổng số", "Tỷ lệ (%)"])
        #expect(
            content.rows == [
                ["1", "Phòng A", "2", "0", "1", "3", "66,7"], ["2", "Phòng B", "0", "0", "0", "0", "—"], ["", "Tổng cộng", "2", "0", "1", "3", "66,7"],
            ])
        #expect(content.paragraphs == ["Tổng hợp từ “Phiếu đăng ký” năm 2026: 3 phiếu."])
        let byChoice = FormTally(form: "dang-ky", groupBy: "muc-do").content(in: context, period: EvaluationPeriod(year: 2026))
        #expect(byChoice.rows.map { $0[1] } == ["Tốt", "Kém", "Tổng cộng"])
    }

    @Test("rules read from JSON: leading keys, defaults, and an at-least larger than its list refused")
    func decoding() throws {
        let rule = try JSONDecoder().decode(
            Rule.self,
            from: Data(
                #"{"any": [{"indicator": "chi-so", "op": ">", "previous": true, "subject": "unit"}, {"count": "dang-ky", "op": ">=", "value": 1}]}"#.utf8))
        #expect(
            rule
                == .any([
                    .compareWithPrevious(indicator: "chi-so", subject: .unit, comparison: .greaterThan),
                    .count(kind: "dang-ky", comparison: .atLeast, value: 1),
                ]))
        let again = try JSONDecoder().decode(Rule.self, from: JSONEncoder().encode(rule))
        #expect(again == rule)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Rule.self, from: Data(#"{"atLeast": 3, "of": [{"criterion": "a"}]}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Rule.self, from: Data(#"{"op": ">="}"#.utf8)) }
        #expect(rule.renamingIndicators { $0 + "-x" }.indicatorReferences == ["chi-so-x"])
    }

    @Test("the bench's type passes the one checker")
    func benchConforms() {
        #expect(CampaignTypeChecker.check(RuleBench.CountingType()).isEmpty)
    }
}
