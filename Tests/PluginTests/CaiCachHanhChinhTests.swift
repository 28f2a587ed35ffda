import CaiCachHanhChinh
import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore
import ThiDuaTestSupport

/// The CCHC type with an index computed from its scoring sheet, as the contract allows: points
/// self-scored over points possible, per unit and year. (The real index is the points engine's.)
struct IndexedCCHC: CampaignType {
    let base = CaiCachHanhChinhType()
    var definition: CampaignTypeDefinition { base.definition }
    func definition(for plan: CampaignPlan) -> CampaignTypeDefinition { base.definition(for: plan) }
    func validate(_ plan: CampaignPlan) -> [Diagnostic] { base.validate(plan) }

    func derivedValues(in context: CampaignContext) -> [DerivedValue] {
        var sums: [String: [Int: (Double, Double)]] = [:]
        for row in context.rows(of: "tu-cham-diem") {
            guard let unit = context.unit(of: row), case .number(let max)? = row["diem-toi-da"], case .number(let got)? = row["diem-tu-cham"]
            else { continue }
            let before = sums[unit, default: [:]][row.period.year] ?? (0, 0)
            sums[unit, default: [:]][row.period.year] = (before.0 + got, before.1 + max)
        }
        return sums.flatMap { unit, years in
            years.map { year, sum in
                DerivedValue(indicator: "chi-so-cchc", participant: .unit(unit), period: EvaluationPeriod(year: year), value: sum.0 * 100 / sum.1)
            }
        }
    }
}

@Suite("Cải cách hành chính")
struct CaiCachHanhChinhTests {
    @Test("the plan's areas are the only fields its indicators may name, and the catalogue keeps their entries")
    func areas() throws {
        let plan = try SeedScenario.seedPlan("nam-gia-nghia-cchc-2026")
        let type = CaiCachHanhChinhType()
        let adapted = type.definition(for: plan)
        #expect(adapted.fields.map(\.id) == ["tthc-mot-cua", "chinh-quyen-so"])
        #expect(adapted.indicators.allSatisfy { ["tthc-mot-cua", "chinh-quyen-so"].contains($0.field ?? $0.id) || $0.id == "chi-so-cchc" })
        #expect(adapted.indicators.first { $0.id == "chi-so-cchc" }?.field == nil)
        #expect(!adapted.indicators.contains { $0.id == "boi-duong" })
        #expect(!adapted.criteria.contains { $0.id == "chi-so-don-vi" })
        #expect(CampaignTypeChecker.check(adapted).isEmpty)

        var moved = plan
        let i = try #require(moved.indicators.firstIndex { $0.field == "tthc-mot-cua" })
        moved.indicators[i].field = "the-che"
        let findings = PlanValidator(plan: moved, type: type.definition(for: moved)).validate()
        #expect(findings.contains { $0.path == "indicators[\(i)].field" && $0.severity == .error }, "\(findings.map(\.rendered))")
        // Every area named: the type's own definition.
        let phuong6 = try SeedScenario.seedPlan("phuong-6-cchc-2023")
        #expect(type.definition(for: phuong6) == type.definition)
    }

    @Test("its diagnostics: an unknown area, an empty list, an old key")
    func diagnostics() throws {
        var plan = try SeedScenario.seedPlan("nam-gia-nghia-cchc-2026")
        plan.typeSettings = settings([("areas", .array([.string("tthc-mot-cuaa")])), ("evaluator", .string("x"))])
        var findings = try SeedScenario.typeFindings(plan)
        #expect(findings.contains { $0.path == "typeSettings.areas[0]" && $0.hint == "có phải ý bạn là «tthc-mot-cua»?" }, "\(findings.map(\.rendered))")
        #expect(findings.contains { $0.path == "typeSettings.evaluator" && $0.severity == .warning })
        plan.typeSettings = settings([("areas", .array([]))])
        findings = try SeedScenario.typeFindings(plan)
        #expect(findings.contains { $0.path == "typeSettings.areas" && $0.severity == .error })
    }

    @Test("the contract lets the type supply the CCHC index from its scoring sheet, and the seed rule runs on it")
    func computedIndex() throws {
        var plan = try SeedScenario.seedPlan("phuong-6-cchc-2023")
        // The seed takes its index from the host's points engine (`source`); this test shows the
        // other road a type's code can take, so the plan leaves the index to the type.
        for i in plan.indicators.indices { plan.indicators[i].source = nil }
        var s = SeedScenario(campaign: ResolvedCampaign(plan: plan, type: IndexedCCHC()), roster: sampleRoster)
        s.enrol(units: ["phong-kinh-te"], people: ["lan"])
        func sheet(_ got: [Double]) -> [[String: FieldValue]] {
            got.map { points in
                [
                    "don-vi": .unit("phong-kinh-te"), "linh-vuc": .choice("Cải cách thể chế"), "tieu-chi": .text("Tiêu chí"),
                    "diem-toi-da": .number(10), "diem-tu-cham": .number(points),
                ]
            }
        }
        try s.submit("tu-cham-diem", sheet([8, 8, 8, 8, 8]), on: day(1, 12, 2022))
        try s.submit("tu-cham-diem", sheet([9, 8, 8, 8, 8]), on: day(1, 12, 2023))
        // A typed index on the host form is replaced by the computed one.
        try s.submit(
            HostForms.indicatorResults, [["chi-tieu": .choice("chi-so-cchc"), "don-vi": .unit("phong-kinh-te"), "gia-tri": .number(99)]],
            on: day(2, 12, 2023))
        let c = try #require(try s.standing(.person("lan"), EvaluationPeriod(year: 2023)).criteria.first { $0.id == "ca-nhan-chi-so-don-vi" })
        #expect(c.truth == .met, "\(c.explanation)")
        #expect(c.explanation.contains("82,0%") && c.explanation.contains("(80,0%)"), "\(c.explanation)")
        #expect(CampaignTypeConformance.check(IndexedCCHC()).isEmpty)
    }
}
