import ThiDuaCore

/// libFuzzer entry point: arbitrary bytes as a CSV file. `CSVReader`, then
/// `SubmissionValidator` against one of the seed campaigns' forms (chosen by the first byte),
/// and the roster importer's unit and people readers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzFixtures.bytes(data, size)
    let (table, problems) = CSVReader.read(bytes, file: "phieu.csv")
    _ = problems.map(\.rendered)
    if let table {
        let form = FuzzFixtures.forms[Int(bytes.first ?? 0) % FuzzFixtures.forms.count]
        let (rows, findings) = SubmissionValidator.validate(table: table, form: form, roster: FuzzFixtures.roster, file: "phieu.csv")
        _ = findings.map(\.rendered)
        _ = rows.count
    }
    let (units, unitProblems) = RosterImporter.units(csv: bytes, file: "don-vi.csv", existing: FuzzFixtures.roster)
    _ = unitProblems.map(\.rendered)
    _ = RosterImporter.people(csv: bytes, file: "ca-nhan.csv", existing: FuzzFixtures.roster, units: units).1.map(\.rendered)
    return 0
}
