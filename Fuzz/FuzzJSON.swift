import ThiDuaCore

/// libFuzzer entry point: arbitrary bytes as every JSON file ThiDua reads. The JSON parser,
/// the campaign loader (decoding, unknown keys, validation, directives, the type's own checks,
/// then the plan document when it loaded), and the directive, declared type, money table,
/// roster and submission readers. Any input must give findings, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzFixtures.bytes(data, size)
    if let root = try? JSONParser.parse(bytes) {
        _ = try? JSONNodeDecoder.decode(CampaignPlan.self, from: root)
    }
    let loaded = CampaignLoader(registry: FuzzFixtures.registry, directives: FuzzFixtures.directives)
        .load(bytes: bytes, file: "campaigns/fuzz.json", expectedID: "fuzz")
    if let plan = loaded.plan {
        _ = PlanDocumentBuilder(plan: plan, type: FuzzFixtures.registry.type(plan.type)?.definition).build()
    }
    _ = loaded.diagnostics.map(\.rendered)
    _ = DirectiveFile.read(bytes: bytes, file: "directives/fuzz.json", expectedID: "fuzz").diagnostics.map(\.rendered)
    _ = DeclaredTypeSet.read(bytes: bytes, file: "types/fuzz.json", stem: "fuzz", compiled: FuzzFixtures.registry).diagnostics.map(
        \.rendered)
    _ = MoneyTables.loading(overrideBytes: bytes, file: "tables/money.json").diagnostics.map(\.rendered)
    _ = RosterImporter.json(bytes, file: "roster.json", existing: FuzzFixtures.roster)
    let form = FuzzFixtures.forms[Int(bytes.first ?? 0) % FuzzFixtures.forms.count]
    _ = SubmissionValidator.validate(json: bytes, form: form, roster: FuzzFixtures.roster, file: "phieu.json")
    return 0
}
