import Foundation
import Testing
import ThiDuaCore

/// A type declared in JSON carries a scoring table in its catalogue; a plan brings it in through
/// an indicator's source, exactly as the compiled CCHC type does.
@Suite("Scoring tables in a declared type's catalogue")
struct DeclaredScoringTests {
    static let typeFile = """
        {
          "version": 1, "id": "diem-to", "title": "Chấm điểm tổ", "summary": "Loại dùng trong kiểm thử.", "legalBasis": ["Luật Thi đua, khen thưởng"],
          "reports": [
            {"kind": "so-ket", "title": "Báo cáo sơ kết", "sections": [{"id": "kq", "heading": "Kết quả", "source": "standings"}]},
            {"kind": "tong-ket", "title": "Báo cáo tổng kết", "sections": [{"id": "kq", "heading": "Kết quả", "source": "standings"}]}],
          "scoring": [{"id": "chi-so-to", "title": "Bảng tự chấm điểm của tổ", "blocks": [
            {"id": "p1", "title": "Phần 1", "items": [{"id": "m1", "title": "Mục 1", "max": 60}, {"id": "m2", "title": "Mục 2", "max": 40}]}]}]
        }
        """

    static let plan =
        ScoringScenario.header.replacingOccurrences(of: "\"kiem-tra\"", with: "\"diem-to\"") + """
            "indicators": [{"id": "chi-so", "title": "Chỉ số của tổ", "measure": "percent", "scope": "collective", "source": {"scoring": "chi-so-to"}}],
            "criteria": [{"id": "tc", "appliesTo": "collective", "text": "Chỉ số từ 80% trở lên.", "rule": {"indicator": "chi-so", "op": ">=", "value": 80}}]
            }
            """

    @Test("the catalogue table is decoded, brought in by the indicator, self-scored and drives the rule")
    func declared() throws {
        let result = DeclaredTypeSet.read(bytes: Array(Self.typeFile.utf8), file: "types/diem-to.json", stem: "diem-to", compiled: CoreFixtures.registry)
        let broken = result.isBroken
        #expect(!broken, "\(result.diagnostics.map(\.rendered))")
        let definition = try #require(result.definition)
        #expect(definition.scoring?.first?.maxTotal == ScorePoints(100))
        let type = DeclaredCampaignType(definition: definition)
        let registry = CoreFixtures.registry.adding([type])
        let loaded = CampaignLoader(registry: registry).load(bytes: Array(Self.plan.utf8), file: "cham-diem.json", expectedID: nil)
        let plan = try #require(loaded.validPlan, "\(loaded.diagnostics.map(\.rendered))")
        let campaign = ResolvedCampaign(plan: plan, type: type)
        #expect(campaign.scoringTables.map(\.id) == ["chi-so-to"])
        #expect(campaign.form(HostForms.collectiveSelfAssessment)?.fields.first { $0.id == "tieu-chi" }?.choices == ["tc", "m1", "m2"])

        var events: [JournalEvent] = []
        func add(_ kind: EventKind, _ payload: JSONValue) {
            events.append(
                JournalEvent(
                    seq: events.count + 1, time: "", date: CivilDate(year: 2026, month: 11, day: 1)!, actor: "x", kind: kind, payload: payload,
                    prev: ""))
        }
        add(.enrolment, .object([.init(key: "units", value: .array([.string("u1")])), .init(key: "people", value: .array([]))]))
        let rows = [("m1", 50.0), ("m2", 32.5)].enumerated().map { i, pair in
            SubmissionRow(
                line: i + 2, values: ["don-vi": .unit("u1"), "tieu-chi": .choice(pair.0), "dat": .yesNo(true), "diem": .number(pair.1)])
        }
        add(
            .submission,
            .object([.init(key: "form", value: .string(HostForms.collectiveSelfAssessment)), .init(key: "rows", value: try JSONValue.encode(rows))]))
        let evaluation = Evaluator(campaign: campaign, state: CampaignState(events: events), roster: ScoringScenario.roster)
            .evaluate(EvaluationPeriod(year: 2026))
        let standing = try #require(evaluation.standings.first { $0.participant == .unit("u1") })
        #expect(standing.scores.first?.total == ScorePoints(82.5))
        let criterion = try #require(standing.criteria.first)
        #expect(criterion.truth == .met)
        #expect(criterion.explanation.contains("82,5% ≥ 80%"), "\(criterion.explanation)")
    }

    @Test("a type file's table is checked on its own: overlapping bands are an error with the table's path")
    func catalogueChecked() throws {
        let broken = Self.typeFile.replacingOccurrences(
            of: "\"blocks\": [",
            with: "\"bands\": [{\"id\": \"a\", \"title\": \"A\", \"from\": 50}, {\"id\": \"b\", \"title\": \"B\", \"from\": 0, \"below\": 60}], \"blocks\": [")
        let result = DeclaredTypeSet.read(bytes: Array(broken.utf8), file: "types/diem-to.json", stem: "diem-to", compiled: CoreFixtures.registry)
        let broke = result.isBroken
        #expect(broke)
        let error = try #require(result.diagnostics.first { $0.message.contains("chồng lên") })
        #expect(error.path == "scoring[0].bands[0]")
        #expect(error.message.contains("mức «A» (từ 50 điểm trở lên) chồng lên mức «B» (từ 0 đến dưới 60 điểm)"), "\(error.message)")
        #expect(error.line != nil)
    }

    @Test("the schema's scoring table, block, item and band list exactly the keys the model writes")
    func schemaKeys() throws {
        let url = CoreFixtures.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/schema/campaign.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: [String: Any]])
        func keys(_ name: String) throws -> Set<String> { Set(try #require(defs[name]?["properties"] as? [String: Any]).keys) }
        func encoded(_ value: some Encodable) throws -> Set<String> {
            Set((try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any] ?? [:]).keys)
        }
        let band = RatingBand(id: "x", title: "X", from: 1, below: 2, gates: [])
        let table = ScoringTable(
            id: "t", title: "T", blocks: [ScoringBlock(id: "b", title: "B", items: [], maxBonus: 1, maxDeduction: 1, mayGoNegative: true)],
            maxBonus: 1, maxDeduction: 1, ranking: true, bands: [band], overlapWins: .higher, tieBreak: [TieBreakStep(.fewerDeductions)],
            text: ["x"])
        #expect(try encoded(table) == keys("scoringTable"))
        #expect(try encoded(table.blocks[0]) == keys("scoringBlock"))
        #expect(try encoded(band) == keys("ratingBand"))
        let item = ScoringItem(id: "i", title: "I", max: 1, role: .bonus, evidence: "e")
        #expect(try encoded(item).union(["formula", "graded", "gate"]) == keys("scoringItem"))
        #expect(try encoded(BandGate(text: "g", noZeroItem: true, item: "i", rule: .criterion("c"), otherwise: "x")) == keys("bandGate"))
    }
}
