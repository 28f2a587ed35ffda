import Foundation
import Testing
import ThiDuaCore

/// Which criteria an award's standard requires (`standards[].criteria`): all by default, none,
/// named ones, or at least n of a list; and the checks `check` makes of it.
@Suite("Criteria an award requires")
struct CriteriaRequirementTests {
    /// Three collective criteria judged by self-assessment; Phòng A meets a and b, not c; Phòng B
    /// meets a, not b, and has not assessed c.
    static func bench(_ awards: [AwardKind]) throws -> Evaluation {
        var bench = RuleBench(
            criteria: ["tc-a", "tc-b", "tc-c"].map { Criterion(id: $0, appliesTo: .collective, text: "Tiêu chí \($0).") })
        bench.plan.awards = awards
        func row(_ unit: String, _ item: String, _ met: Bool) -> [String: FieldValue] {
            ["don-vi": .unit(unit), "tieu-chi": .choice(item), "dat": .yesNo(met)]
        }
        try bench.submit(
            HostForms.collectiveSelfAssessment,
            [
                row("phong-a", "tc-a", true), row("phong-a", "tc-b", true), row("phong-a", "tc-c", false),
                row("phong-b", "tc-a", true), row("phong-b", "tc-b", false),
            ], on: 2, 12, 2026)
        return Evaluator(campaign: bench.campaign, state: bench.state, roster: RuleBench.roster).evaluate(EvaluationPeriod(year: 2026))
    }

    static func award(_ id: String, _ requirement: CriteriaRequirement?) -> AwardKind {
        AwardKind(
            id: id, title: "Giấy khen \(id)", form: "giay-khen-chu-tich-xa", grantor: "Chủ tịch UBND phường", level: .local,
            recurrence: .annual, commendation: .thuongXuyen, recipients: [.collective],
            standards: requirement.map { [AwardStandard(appliesTo: .collective, text: "Tiêu chuẩn.", criteria: $0)] })
    }

    static func verdict(_ evaluation: Evaluation, _ unit: String, _ award: String) -> AwardEligibility? {
        evaluation.standings.first { $0.participant == .unit(unit) }?.awards.first { $0.award == award }
    }

    @Test("without a requirement every criterion gates the award, as before")
    func everyCriterionByDefault() throws {
        let evaluation = try Self.bench([Self.award("mac-dinh", nil), Self.award("tat-ca", .all)])
        for award in ["mac-dinh", "tat-ca"] {
            let a = try #require(Self.verdict(evaluation, "phong-a", award))
            #expect(a.truth == .notMet)
            #expect(a.explanation.contains("tiêu chí không đạt: tc-c"))
            #expect(Self.verdict(evaluation, "phong-b", award)?.truth == .notMet)
        }
    }

    @Test("«none»: criteria gate nothing; with no rule of its own the council judges")
    func noCriterion() throws {
        let evaluation = try Self.bench([Self.award("khong", CriteriaRequirement.none)])
        let a = try #require(Self.verdict(evaluation, "phong-a", "khong"))
        #expect(a.truth == .missing)
        #expect(a.explanation.contains("Hội đồng xét theo minh chứng"))
        #expect(!a.explanation.contains("tiêu chí"))
    }

    @Test("named criteria: only those count")
    func named() throws {
        let evaluation = try Self.bench([Self.award("chi-a", .each(["tc-a"])), Self.award("a-va-b", .each(["tc-a", "tc-b"]))])
        #expect(Self.verdict(evaluation, "phong-a", "chi-a")?.truth == .met)
        #expect(Self.verdict(evaluation, "phong-b", "chi-a")?.truth == .met)
        #expect(Self.verdict(evaluation, "phong-a", "a-va-b")?.truth == .met)
        let b = try #require(Self.verdict(evaluation, "phong-b", "a-va-b"))
        #expect(b.truth == .notMet)
        #expect(b.explanation.contains("tiêu chí không đạt: tc-b"))
    }

    @Test("at least n of a list: met, missing while the unassessed could still make it, not met")
    func atLeast() throws {
        let evaluation = try Self.bench([
            Self.award("hai-trong-ba", .atLeast(2, ["tc-a", "tc-b", "tc-c"])), Self.award("ba-trong-ba", .atLeast(3, ["tc-a", "tc-b", "tc-c"])),
        ])
        let a = try #require(Self.verdict(evaluation, "phong-a", "hai-trong-ba"))
        #expect(a.truth == .met)
        #expect(a.explanation.contains("đạt 2/3 tiêu chí tc-a, tc-b, tc-c (cần ≥ 2)"))
        let b = try #require(Self.verdict(evaluation, "phong-b", "hai-trong-ba"))
        #expect(b.truth == .missing)
        #expect(b.explanation.contains("thiếu số liệu: tc-c"))
        #expect(Self.verdict(evaluation, "phong-a", "ba-trong-ba")?.truth == .notMet)
        #expect(Self.verdict(evaluation, "phong-b", "ba-trong-ba")?.truth == .notMet)
    }

    @Test("show's note says what each award asks of the criteria")
    func note() {
        var plan = RuleBench(criteria: [Criterion(id: "tc-a", appliesTo: .collective, text: "A.")]).plan
        plan.awards = [
            Self.award("mac-dinh", nil), Self.award("khong", CriteriaRequirement.none), Self.award("chi-a", .each(["tc-a"])),
            Self.award("mot-trong", .atLeast(1, ["tc-a"])),
        ]
        #expect(
            plan.awards.map { $0.criteriaNote(in: plan) } == [
                nil, "không xét theo tiêu chí thi đua", "cần đạt tiêu chí tc-a", "cần đạt ít nhất 1/1 tiêu chí tc-a",
            ])
        plan.criteria = []
        #expect(plan.awards.allSatisfy { $0.criteriaNote(in: plan) == nil })
    }

    /// The valid fixture with a collective criterion «tc-2» and one standard on the Giấy khen.
    static func load(standard: String) -> CampaignLoadResult {
        var text = CoreFixtures.validText
        text = text.replacingOccurrences(
            of: "\"criteria\": [",
            with: "\"criteria\": [\n    {\"id\": \"tc-2\", \"appliesTo\": \"collective\", \"text\": \"Đơn vị dẫn đầu.\"},")
        text = text.replacingOccurrences(of: "\"quota\": {\"share\": 20}", with: "\"quota\": {\"share\": 20}, \"standards\": [\(standard)]")
        return CoreFixtures.load(text)
    }

    @Test("each form loads; the requirement is kept on the standard")
    func loads() throws {
        let forms: [(String, CriteriaRequirement)] = [
            ("\"all\"", .all), ("\"none\"", .none), ("[\"tc-2\"]", .each(["tc-2"])),
            ("{\"atLeast\": 1, \"of\": [\"tc-2\"]}", .atLeast(1, ["tc-2"])),
        ]
        for (json, expected) in forms {
            let result = Self.load(standard: "{\"appliesTo\": \"collective\", \"text\": \"Tiêu chuẩn.\", \"criteria\": \(json)}")
            #expect(result.diagnostics.isEmpty, "\(json): \(result.diagnostics.map(\.rendered))")
            #expect(result.validPlan?.awards.first?.standards?.first?.criteria == expected)
        }
    }

    @Test(
        "check refuses what cannot be judged, with the path and a did-you-mean",
        arguments: [
            ("[\"tc-3\"]", "awards[0].standards[0].criteria[0]: tiêu chuẩn cần tiêu chí «tc-3»", "có phải ý bạn là «tc-2»"),
            ("{\"atLeast\": 1, \"of\": [\"tc-2\", \"tc-22\"]}", "criteria.of[1]: tiêu chuẩn cần tiêu chí «tc-22»", "«tc-2»"),
            ("{\"atLeast\": 3, \"of\": [\"tc-2\", \"tc-1\"]}", "«atLeast» là 3 nhưng «of» có 2 tiêu chí", ""),
            ("[\"tc-2\", \"tc-2\"]", "tiêu chí «tc-2» được ghi hai lần", ""),
            ("[\"tc-1\"]", "tiêu chí «tc-1» dành cho cá nhân nhưng tiêu chuẩn này dành cho tập thể", ""),
            ("\"some\"", "thấy «some» nhưng cần \"all\", \"none\"", ""),
            ("[]", "danh sách tiêu chí trống", ""),
            ("3", "thấy số 3 nhưng cần", ""),
        ])
    func refused(_ json: String, _ message: String, _ hint: String) throws {
        let result = Self.load(standard: "{\"appliesTo\": \"collective\", \"text\": \"Tiêu chuẩn.\", \"criteria\": \(json)}")
        let found = result.diagnostics.filter { $0.severity == .error && $0.rendered.contains(message) }
        #expect(!found.isEmpty, "\(json): \(result.diagnostics.map(\.rendered))")
        if !hint.isEmpty { #expect(found.contains { $0.rendered.contains(hint) }, "\(found.map(\.rendered))") }
        #expect(result.validPlan == nil)
        #expect(found.allSatisfy { $0.line != nil })
    }
}

@Suite("Criteria requirement in the JSON Schema")
struct CriteriaRequirementSchemaTests {
    @Test("the schema knows standards[].criteria (its three forms), criteria[].indicators and forms[].attests")
    func schemaKeys() throws {
        let url = CoreFixtures.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/schema/campaign.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: [String: Any]])
        func keys(_ name: String) -> Set<String> { Set((defs[name]?["properties"] as? [String: Any] ?? [:]).keys) }
        #expect(keys("awardStandard") == ["appliesTo", "text", "items", "rule", "criteria"])
        #expect(keys("criterion").contains("indicators"))
        #expect(keys("formSpec").contains("attests"))
        let forms = try #require(defs["criteriaRequirement"]?["oneOf"] as? [[String: Any]])
        #expect(forms.count == 3)
        #expect((forms.first?["enum"] as? [String]) == ["all", "none"])
    }
}
