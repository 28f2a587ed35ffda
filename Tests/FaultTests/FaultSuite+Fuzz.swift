import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

/// Every input in `Fuzz/regressions/<target>/` (the inputs the fuzzers once crashed on) run
/// in-process through the same readers as the fuzz entry point of that target. A trap here
/// kills the test process, so a crash that comes back cannot pass unseen.
extension FaultSuite {
    static let fuzzFolder = Corpus.repository.appendingPathComponent("Fuzz")

    /// The files of `Fuzz/<folder>/<target>/`, sorted.
    static func fuzzInputs(_ folder: String, _ target: String) -> [URL] {
        let dir = fuzzFolder.appendingPathComponent(folder).appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    static let fuzzRoster: Roster = {
        let (units, _) = RosterImporter.units(csv: Array(FaultWorkspaces.units.utf8), file: "units.csv", existing: Roster())
        let (people, _) = RosterImporter.people(
            csv: Array(FaultWorkspaces.people.utf8), file: "people.csv", existing: Roster(units: units), units: units)
        return Roster(units: units, people: people)
    }()

    static let fuzzCampaigns: [ResolvedCampaign] = ["nam-gia-nghia-cchc-2026", "minh-xuan-dvk-2026"].compactMap { id in
        let path = Corpus.repository.appendingPathComponent("campaigns/\(id).json").path
        guard let plan = CampaignLoader(registry: CompiledTypes.registry).load(path: path).plan,
            let type = CompiledTypes.registry.type(plan.type)
        else { return nil }
        return ResolvedCampaign(plan: plan, type: type)
    }

    static var fuzzForms: [FormSpec] { fuzzCampaigns.flatMap { $0.definition.forms } }

    /// What `Fuzz/FuzzJSON.swift` does with one input.
    static func replayJSON(_ bytes: [UInt8]) {
        let registry = CompiledTypes.registry
        let directives = DirectiveLibrary.load(
            folder: Corpus.repository.appendingPathComponent("directives"), display: { $0.lastPathComponent })
        if let root = try? JSONParser.parse(bytes) { _ = try? JSONNodeDecoder.decode(CampaignPlan.self, from: root) }
        let loaded = CampaignLoader(registry: registry, directives: directives).load(
            bytes: bytes, file: "campaigns/fuzz.json", expectedID: "fuzz")
        if let plan = loaded.plan { _ = PlanDocumentBuilder(plan: plan, type: registry.type(plan.type)?.definition).build() }
        _ = loaded.diagnostics.map(\.rendered)
        _ = DirectiveFile.read(bytes: bytes, file: "directives/fuzz.json", expectedID: "fuzz").diagnostics.map(\.rendered)
        _ = DeclaredTypeSet.read(bytes: bytes, file: "types/fuzz.json", stem: "fuzz", compiled: registry).diagnostics.map(\.rendered)
        _ = MoneyTables.loading(overrideBytes: bytes, file: "tables/money.json").diagnostics.map(\.rendered)
        _ = RosterImporter.json(bytes, file: "roster.json", existing: fuzzRoster)
        let forms = fuzzForms
        _ = SubmissionValidator.validate(
            json: bytes, form: forms[Int(bytes.first ?? 0) % forms.count], roster: fuzzRoster, file: "phieu.json")
    }

    /// What `Fuzz/FuzzCSV.swift` does with one input.
    static func replayCSV(_ bytes: [UInt8]) {
        let (table, problems) = CSVReader.read(bytes, file: "phieu.csv")
        _ = problems.map(\.rendered)
        if let table {
            let forms = fuzzForms
            _ = SubmissionValidator.validate(
                table: table, form: forms[Int(bytes.first ?? 0) % forms.count], roster: fuzzRoster, file: "phieu.csv")
        }
        let (units, _) = RosterImporter.units(csv: bytes, file: "don-vi.csv", existing: fuzzRoster)
        _ = RosterImporter.people(csv: bytes, file: "ca-nhan.csv", existing: fuzzRoster, units: units)
    }

    /// What `Fuzz/FuzzRule.swift` does with one input; false when the rule does not survive
    /// encoding.
    static func replayRule(_ bytes: [UInt8]) -> Bool {
        guard let root = try? JSONParser.parse(bytes), let (rule, _) = try? JSONNodeDecoder.decode(Rule.self, from: root) else {
            return true
        }
        _ = (rule.indicatorReferences, rule.criterionReferences, rule.countReferences)
        if let encoded = try? JSONEncoder().encode(rule), let again = try? JSONParser.parse(Array(encoded)) {
            guard let (back, _) = try? JSONNodeDecoder.decode(Rule.self, from: again), back == rule else { return false }
        }
        if let campaign = fuzzCampaigns.first {
            let evaluator = RuleEvaluator(
                facts: FactBase(campaign: campaign, state: CampaignState(), roster: fuzzRoster), period: EvaluationPeriod(year: 2026))
            _ = evaluator.evaluate(rule, for: .unit("van-phong")).explanation
            if let person = fuzzRoster.people.first { _ = evaluator.evaluate(rule, for: .person(person.id)).explanation }
        }
        return true
    }

    @Test("the inputs the fuzzers crashed on no longer crash (Fuzz/regressions)")
    func fuzzRegressions() throws {
        #expect(Self.fuzzCampaigns.count == 2, "the seed campaigns the fuzz fixtures use do not load")
        var replayed = 0
        for file in Self.fuzzInputs("regressions", "json") {
            Self.replayJSON(Array(try Data(contentsOf: file)))
            replayed += 1
        }
        for file in Self.fuzzInputs("regressions", "csv") {
            Self.replayCSV(Array(try Data(contentsOf: file)))
            replayed += 1
        }
        for file in Self.fuzzInputs("regressions", "rule") + Self.fuzzInputs("seeds", "rule") {
            #expect(Self.replayRule(Array(try Data(contentsOf: file))), "\(file.lastPathComponent): the rule does not survive encoding")
            replayed += 1
        }
        print("FaultSuite: \(replayed) fuzz regression and rule seed inputs replayed in-process, no crash")
    }
}
