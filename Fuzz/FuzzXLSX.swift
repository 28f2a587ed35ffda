import ThiDuaCore

/// libFuzzer entry point: arbitrary bytes as an .xlsx file, and the same bytes as raw DEFLATE
/// data and as an XML part. `SpreadsheetReader.readAll`, then `SubmissionValidator` against one
/// of the seed campaigns' forms (chosen by the first byte) and `RosterImporter.spreadsheets`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzFixtures.bytes(data, size)
    _ = try? Inflate.inflate(bytes, limit: 1 << 20)
    _ = try? XMLNode.parse(bytes)
    let (sheets, problems) = SpreadsheetReader.readAll(bytes, file: "bang.xlsx")
    _ = problems.map(\.rendered)
    _ = sheets.map(\.csvTable.rows.count)
    let form = FuzzFixtures.forms[Int(bytes.first ?? 0) % FuzzFixtures.forms.count]
    _ = SubmissionValidator.validate(xlsx: bytes, form: form, roster: FuzzFixtures.roster, file: "phieu.xlsx").1.map(\.rendered)
    _ = RosterImporter.spreadsheets([("danh-sach.xlsx", bytes)], existing: FuzzFixtures.roster).diagnostics.map(\.rendered)
    return 0
}
