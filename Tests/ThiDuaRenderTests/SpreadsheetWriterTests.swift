import Foundation
import Testing
import ThiDuaCore
import ThiDuaTestSupport

@testable import ThiDuaRender

/// The .xlsx writer: read back by ThiDua's own reader, by Python's zipfile and XML parser, and
/// by LibreOffice Calc (converted to CSV and compared cell by cell).
@Suite struct SpreadsheetWriterTests {
    static let march = CivilDate(year: 2026, month: 3, day: 1)!

    static let workbook = Workbook(sheets: [
        Worksheet(
            name: "Số liệu",
            header: ["Đơn vị", "Số hồ sơ", "Tỷ lệ", "Ngày", "Điểm", "Ghi chú"],
            rows: [
                [.text("Tổ dân phố 1"), .integer(1250), .percent(99.4), .date(march), .number(8.75), .text("=1+1")],
                [.text("Phòng Văn hóa – Xã hội"), .integer(-3), .percent(100), .date(CivilDate(year: 2024, month: 2, day: 29)!), .empty, .text("@SUM(A1)")],
                [.text("  cách \"đầu\" <b>&  "), .integer(0), .empty, .empty, .number(0.125), .text("dòng 1\ndòng 2")],
            ]),
        Worksheet(name: "Danh sách: 2026/2027 [bản nháp]", header: ["Mã"], rows: [[.text("a")]]),
        Worksheet(name: "Số liệu", header: ["Mã"], rows: []),
    ])

    @Test func readsBackWithTheProjectsReader() throws {
        let bytes = try SpreadsheetWriter.write(Self.workbook)
        let (sheets, problems) = SpreadsheetReader.readAll(bytes, file: "a.xlsx")
        #expect(problems.isEmpty, "\(problems)")
        #expect(sheets.map(\.name) == ["Số liệu", "Danh sách- 2026-2027 -bản nháp-", "Số liệu (2)"])
        let first = try #require(sheets.first)
        #expect(first.header == ["Đơn vị", "Số hồ sơ", "Tỷ lệ", "Ngày", "Điểm", "Ghi chú"])
        #expect(
            first.rows[0].cells == [
                .text("Tổ dân phố 1"), .number(1250, percent: false), .number(0.994, percent: true), .date(Self.march),
                .number(8.75, percent: false), .text("=1+1"),
            ])
        #expect(first.rows[1].cells[3] == .date(CivilDate(year: 2024, month: 2, day: 29)!))
        #expect(first.rows[2].cells[0] == .text("cách \"đầu\" <b>&"))  // trimmed as the CSV path trims
        #expect(first.rows[2].cells[5] == .text("dòng 1\ndòng 2"))
    }

    @Test func reproducibleAndSheetNamesMadeValid() throws {
        #expect(try SpreadsheetWriter.write(Self.workbook) == SpreadsheetWriter.write(Self.workbook))
        let names = SpreadsheetWriter.sheetNames(["", "A", "a", String(repeating: "x", count: 40), String(repeating: "x", count: 40), "'Trích'"])
        #expect(names == ["Trang", "A", "a (2)", String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)", "Trích"])
        #expect(SpreadsheetWriter.serial(CivilDate(year: 1900, month: 3, day: 1)!) == 61)
        #expect(SpreadsheetWriter.serial(CivilDate(year: 2026, month: 2, day: 15)!) == 46068)
    }

    @Test func formulaLookingTextIsNeverAFormula() throws {
        let bytes = try SpreadsheetWriter.write(Self.workbook)
        let sheet = String(decoding: try ZipArchive(bytes).data("xl/worksheets/sheet1.xml"), as: UTF8.self)
        #expect(!sheet.contains("<f>"))
        #expect(sheet.contains(#"<c r="F2" t="s">"#))
        #expect(sheet.contains(#"<c r="B2" s="3"><v>1250</v></c>"#))
        #expect(sheet.contains(#"<c r="C2" s="4"><v>0.994</v></c>"#))
        #expect(sheet.contains(#"<c r="D2" s="2"><v>46082</v></c>"#))
        #expect(sheet.contains(#"<c r="A1" s="1" t="s">"#))  // bold header
        #expect(sheet.contains(#"state="frozen""#))
    }

    @Test func documentTablesBecomeTypedSheets() {
        #expect(WorkbookCell.reading("1.250.000") == .integer(1_250_000))
        #expect(WorkbookCell.reading("12") == .whole(12))
        #expect(WorkbookCell.reading("2026") == .whole(2026))
        #expect(WorkbookCell.reading("8,75") == .number(8.75))
        #expect(WorkbookCell.reading("99,4%") == .percent(99.4))
        #expect(WorkbookCell.reading("15/02/2026") == .date(CivilDate(year: 2026, month: 2, day: 15)!))
        #expect(WorkbookCell.reading("1,250") == .text("1,250"))
        #expect(WorkbookCell.reading("0912345678") == .text("0912345678"))
        #expect(WorkbookCell.reading("35/QĐ-UBND") == .text("35/QĐ-UBND"))
        #expect(WorkbookCell.reading("=1+1") == .text("=1+1"))
        let document = Document(
            kindName: "QUYẾT ĐỊNH",
            body: [
                .heading("DANH SÁCH KHEN THƯỞNG", level: 1),
                .table(Table(columns: ["STT", "Họ và tên", "Số tiền"], rows: [["1", "Nguyễn Thị Lan", "1.410.000"]])),
                .table(Table(columns: ["A"], rows: [])),
            ])
        let book = Workbook(document: document)
        #expect(book.sheets.map(\.name) == ["DANH SÁCH KHEN THƯỞNG", "Bảng 2"])
        #expect(book.sheets[0].rows[0] == [.whole(1), .text("Nguyễn Thị Lan"), .integer(1_410_000)])
    }

    @Test(
        "Python's zipfile and XML parser accept every part",
        .enabled(if: ExternalTool.availableOrRequired("python3"), "python3 is not installed"))
    func python() throws {
        let python = try ExternalTool.require("python3")
        let folder = try ExternalTool.temporaryFolder("xlsx-py")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        try Data(try SpreadsheetWriter.write(Self.workbook)).write(to: file)
        let script = """
            import sys, zipfile, xml.dom.minidom
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for name in z.namelist():
                xml.dom.minidom.parseString(z.read(name))
            book = xml.dom.minidom.parseString(z.read("xl/workbook.xml"))
            print("|".join(s.getAttribute("name") for s in book.getElementsByTagName("sheet")))
            print(len(z.namelist()))
            """
        let result = try ExternalTool.run(python, ["-c", script, file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Số liệu|Danh sách- 2026-2027 -bản nháp-|Số liệu (2)"), "\(result.output)")
        #expect(result.output.contains("9"))
    }

    @Test(
        "LibreOffice Calc reads the cells back as written",
        .enabled(if: ExternalTool.availableOrRequired("soffice"), "LibreOffice (soffice) is not installed"), .timeLimit(.minutes(2)))
    func libreOffice() throws {
        let soffice = try ExternalTool.require("soffice")
        let folder = try ExternalTool.temporaryFolder("xlsx-lo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        try Data(try SpreadsheetWriter.write(Self.workbook)).write(to: file)
        let profile = folder.appendingPathComponent("profile").absoluteString
        // Comma-separated UTF-8, values as shown (formats applied), every sheet to its own file.
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
        let convert = try ExternalTool.run(
            soffice, ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", filter, "--outdir", folder.path, file.path], timeout: 90)
        let csv = folder.appendingPathComponent("book-Số liệu.csv")
        try #require(FileManager.default.fileExists(atPath: csv.path), "soffice made no CSV: \(convert.output)")
        let (table, problems) = CSVReader.read(Array(try Data(contentsOf: csv)), file: "book.csv")
        #expect(problems.isEmpty, "\(problems)")
        let rows = try #require(table).rows.map(\.fields)
        #expect(rows[0] == ["Tổ dân phố 1", "1,250", "99.4%", "01/03/2026", "8.75", "=1+1"])
        #expect(rows[1] == ["Phòng Văn hóa – Xã hội", "-3", "100.0%", "29/02/2024", "", "@SUM(A1)"])
        #expect(rows[2][0] == "cách \"đầu\" <b>&")
    }
}
