import Foundation
import Testing

@testable import ThiDuaCore

/// The SpreadsheetML reader against files saved by LibreOffice Calc (CSV converted with the
/// Vietnamese locale) and a workbook written by hand with what LibreOffice does not write.
@Suite struct SpreadsheetReaderTests {
    static func read(_ name: String, sheet: String? = nil) throws -> SheetTable {
        let (table, diagnostics) = SpreadsheetReader.read(try ZipArchiveTests.fixture(name), file: name, sheet: sheet)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
        return try #require(table)
    }

    @Test func libreOfficeValues() throws {
        let table = try Self.read("libreoffice-values.xlsx")
        #expect(table.name == "values")  // LibreOffice names the sheet after the CSV it read
        #expect(table.header == ["Đơn vị", "Số hồ sơ", "Tỷ lệ", "Ngày báo cáo", "Ghi chú", "Đạt"])
        #expect(table.headerRow == 1)
        #expect(table.rows.map(\.row) == [2, 3, 5])
        let first = table.rows[0].cells
        #expect(first[0] == .text("Tổ dân phố 1"))
        #expect(first[1] == .number(1250, percent: false))
        #expect(first[2] == .number(0.994, percent: true))
        #expect(first[3] == .date(CivilDate(year: 2026, month: 2, day: 15)!))
        #expect(first[4] == .number(2, percent: false))  // "=1+1" evaluated by LibreOffice on import
        #expect(table.rows[1].cells[3] == .date(CivilDate(year: 2026, month: 3, day: 1)!))
        #expect(table.rows[2].cells[1] == .number(2.5, percent: false))
        #expect(table.rows[2].cells[3] == .date(CivilDate(year: 2024, month: 2, day: 29)!))
        #expect(table.rows[2].cells[4] == .empty)
        let csv = table.csvTable
        #expect(csv.rows[0].fields == ["Tổ dân phố 1", "1250", "99,4%", "15/02/2026", "2", "TRUE"])
        #expect(csv.rows[2].line == 5)
    }

    @Test func libreOfficeRosterMatchesTheCSV() throws {
        let table = try Self.read("libreoffice-units.xlsx").csvTable
        let (csv, _) = CSVReader.read(
            Array(
                try Data(
                    contentsOf: CoreFixtures.fixtures.deletingLastPathComponent().deletingLastPathComponent()
                        .appendingPathComponent("ThiDuaCLITests/Fixtures/units.csv"))), file: "units.csv")
        let expected = try #require(csv)
        #expect(table.header == expected.header)
        #expect(table.rows.map(\.fields) == expected.rows.map(\.fields))
    }

    @Test func handmadeWorkbook() throws {
        let (all, diagnostics) = SpreadsheetReader.readAll(try ZipArchiveTests.fixture("handmade.xlsx"), file: "handmade.xlsx")
        #expect(diagnostics.isEmpty)
        #expect(all.map(\.name) == ["Đơn vị & số liệu"])  // the empty first sheet is left out
        let table = try Self.read("handmade.xlsx", sheet: "đơn vị & SỐ LIỆU")
        #expect(table.header == ["Đơn vị", "Số <hồ sơ> & ậ", "Ngày", "Tỷ lệ", "Đạt"])
        #expect(table.columns == [1, 2, 3, 4, 5])
        #expect(table.headerRow == 2)
        #expect(table.rows.map(\.row) == [3, 5])
        #expect(
            table.rows[0].cells == [
                .text("Tổ dân phố 1"), .number(1250, percent: false), .date(CivilDate(year: 2027, month: 2, day: 14)!),
                .number(0.994, percent: true), .bool(true),
            ])
        #expect(table.rows[1].cells == [.text("Tổ 2"), .number(2.5, percent: false), .date(CivilDate(year: 2026, month: 2, day: 15)!), .empty, .empty])
        #expect(table.reference(row: 5, label: "Ngày") == "'Đơn vị & số liệu'!D5")
        let (missing, problems) = SpreadsheetReader.read(try ZipArchiveTests.fixture("handmade.xlsx"), file: "h.xlsx", sheet: "Khác")
        #expect(missing == nil)
        #expect(problems.first?.message == "tệp không có trang «Khác»; các trang: «Ghi chú», «Đơn vị & số liệu»")
        let (empty, emptyProblems) = SpreadsheetReader.read(try ZipArchiveTests.fixture("handmade.xlsx"), file: "h.xlsx")
        #expect(empty == nil)
        #expect(emptyProblems.first?.message == "trang tính trống")
    }

    @Test func csvPlacesBecomeCellReferences() throws {
        let table = try Self.read("libreoffice-values.xlsx")
        let found = [
            Diagnostic(.error, file: "a.xlsx", path: "dòng 5, cột «Tỷ lệ»", line: 5, message: "x"),
            Diagnostic(.error, file: "a.xlsx", path: "dòng 3", line: 3, message: "y"),
        ]
        let located = table.locate(found)
        #expect(located[0].path == "values!C5 (dòng 5, cột «Tỷ lệ»)")
        // A header that names the column by a field id: the caller says where the label is.
        let byID = Diagnostic(.error, file: "a.xlsx", path: "dòng 3, cột «Tỷ lệ hoàn thành»", line: 3, message: "z")
        #expect(table.locate([byID]).first?.path == "trang «values», dòng 3, cột «Tỷ lệ hoàn thành»")
        #expect(table.locate([byID], columns: ["Tỷ lệ hoàn thành": 2]).first?.path == "values!C3 (dòng 3, cột «Tỷ lệ hoàn thành»)")
        #expect(located[1].path == "trang «values», dòng 3")
    }

    @Test func notASpreadsheet() throws {
        let (table, problems) = SpreadsheetReader.read(Array("Mã,Tên\n".utf8), file: "a.xlsx")
        #expect(table == nil)
        #expect(problems.first?.message.contains("không phải là tệp ZIP/.xlsx") == true)
        #expect(problems.first?.hint?.contains(".csv") == true)
        let (_, zipProblems) = SpreadsheetReader.read(try ZipArchiveTests.fixture("python.zip"), file: "b.xlsx")
        #expect(zipProblems.first?.message == "tệp ZIP không chứa bảng tính Excel (thiếu xl/workbook.xml)")
        let (_, bombProblems) = SpreadsheetReader.read(try ZipArchiveTests.fixture("bomb.zip"), file: "c.xlsx")
        #expect(bombProblems.first?.message.contains("bom ZIP") == true)
    }

    @Test func xmlReaderRefusesEntityTricksAndBrokenMarkup() {
        #expect(throws: XMLProblem.self) { try XMLNode.parse(Array(#"<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>"#.utf8)) }
        #expect(throws: XMLProblem.self) { try XMLNode.parse(Array("<a><b></a>".utf8)) }
        #expect(throws: XMLProblem.self) { try XMLNode.parse(Array("<a>&bogus;</a>".utf8)) }
        #expect(throws: XMLProblem.self) { try XMLNode.parse(Array(String(repeating: "<a>", count: 100).utf8)) }
        let node = try? XMLNode.parse(Array(#"<?xml version="1.0"?><!-- c --><x:a k='1' x:m="&#x1EAD;"><![CDATA[<b>]]>&lt;</x:a>"#.utf8))
        #expect(node?.name == "a")
        #expect(node?.attributes == ["k": "1", "m": "ậ"])
        #expect(node?.text == "<b><")
    }

    @Test func cellReferences() {
        #expect(CellReference("C5") == CellReference(column: 2, row: 5))
        #expect(CellReference("$AA$10") == CellReference(column: 26, row: 10))
        #expect(CellReference("XFD1048576") == CellReference(column: 16_383, row: 1_048_576))
        #expect(CellReference("XFE1") == nil)
        #expect(CellReference("A0") == nil)
        #expect(CellReference("5C") == nil)
        #expect(CellReference.letters(0) == "A")
        #expect(CellReference.letters(25) == "Z")
        #expect(CellReference.letters(26) == "AA")
        #expect(CellReference.letters(16_383) == "XFD")
    }

    @Test func numberFormats() {
        #expect(NumberFormatKind.classify("dd/mm/yyyy") == .date)
        #expect(NumberFormatKind.classify("[$-42A]dd/mm/yyyy;@") == .date)
        #expect(NumberFormatKind.classify("0.0%") == .percent)
        #expect(NumberFormatKind.classify("#,##0\" hồ sơ\"") == .plain)
        #expect(NumberFormatKind.classify("[Red]#,##0.00") == .plain)
        #expect(NumberFormatKind.classify("General") == .plain)
        #expect(NumberFormatKind.builtIn(14) == .date)
        #expect(NumberFormatKind.builtIn(9) == .percent)
        #expect(NumberFormatKind.builtIn(3) == .plain)
    }
}

extension SpreadsheetReaderTests {
    /// Date serials against Python's datetime (1899-12-30 + serial; 1904-01-01 + serial).
    @Test func dateSerials() {
        let book1900 = (try? WorkbookParts(Array((try? ZipArchiveTests.fixture("libreoffice-values.xlsx")) ?? []), limits: .spreadsheet))
        let book1904 = (try? WorkbookParts(Array((try? ZipArchiveTests.fixture("handmade.xlsx")) ?? []), limits: .spreadsheet))
        #expect(book1900?.date1904 == false)
        #expect(book1904?.date1904 == true)
        let cases1900: [(Double, String)] = [
            (1, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (25_569, "1970-01-01"), (36_526, "2000-01-01"),
            (45_351, "2024-02-29"), (46_068.75, "2026-02-15"), (2_958_465, "9999-12-31"),
        ]
        for (serial, iso) in cases1900 {
            #expect((try? book1900?.date(serial: serial).get())?.iso == iso, "\(serial)")
        }
        #expect((try? book1904?.date(serial: 0).get())?.iso == "1904-01-01")
        #expect((try? book1904?.date(serial: 44_970).get())?.iso == "2027-02-14")
        #expect(book1900.map { (try? $0.date(serial: 60).get()) == nil } == true)
        #expect(book1900.map { (try? $0.date(serial: 0).get()) == nil } == true)
    }
}

extension SpreadsheetReaderTests {
    /// A workbook given where CSV is read gets advice about workbooks, never about encodings.
    @Test func workbooksWhereCSVIsExpected() throws {
        let (_, xls) = CSVReader.read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], file: "cu.xls")
        #expect(xls.first?.message.contains("Excel 97–2003 (.xls)") == true)
        #expect(xls.first?.hint?.contains(".xlsx") == true)
        let (_, zip) = CSVReader.read(try ZipArchiveTests.fixture("libreoffice-units.xlsx"), file: "don-vi.csv")
        #expect(zip.count == 1)
        #expect(zip.first?.message.contains("không phải tệp CSV") == true)
        #expect(zip.allSatisfy { !($0.message + ($0.hint ?? "")).contains("Unikey") })
    }
}

extension SpreadsheetReaderTests {
    static func problems(_ name: String) throws -> [Diagnostic] {
        let (table, problems) = SpreadsheetReader.read(try ZipArchiveTests.fixture(name), file: name, sheet: "Đơn vị & số liệu")
        #expect(table == nil, "\(name)")
        return problems
    }

    /// Each broken workbook gives one clear error naming where, and no table.
    @Test func brokenWorkbooksAreRefused() throws {
        #expect(try Self.problems("bad-shared-index.xlsx").map(\.path) == ["'Đơn vị & số liệu'!A1"])
        #expect(try Self.problems("bad-shared-index.xlsx").first?.message == "ô trỏ tới chuỗi dùng chung số «7» không tồn tại")
        #expect(try Self.problems("bad-reference.xlsx").first?.message == "ô «A0» không hợp lệ ở dòng 1")
        let formula = try Self.problems("formula-error.xlsx")
        #expect(formula.first?.message == "ô có lỗi công thức «#DIV/0!»")
        #expect(formula.first?.line == 2)
        #expect(
            try Self.problems("broken-xml.xlsx").first?.message.hasPrefix("phần «sheets/second.xml» không phải XML hợp lệ: thẻ đóng «row» không khớp với «c»")
                == true)
        #expect(try Self.problems("entity.xlsx").first?.message.contains("DOCTYPE") == true)
        let outside = try Self.problems("outside-header.xlsx")
        #expect(outside.first?.path == "'Đơn vị & số liệu'!C2")
        #expect(outside.first?.message.contains("cột C không có tên ở dòng tiêu đề") == true)
    }

    /// Every byte of a real workbook flipped in turn: an error or a table, never a crash.
    @Test func corruptedWorkbooksNeverCrash() throws {
        let bytes = try ZipArchiveTests.fixture("libreoffice-values.xlsx")
        var refused = 0
        for index in stride(from: 0, to: bytes.count, by: 13) {
            var broken = bytes
            broken[index] ^= 0xA5
            let (table, problems) = SpreadsheetReader.read(broken, file: "x.xlsx")
            if table == nil {
                refused += 1
                #expect(problems.hasErrors)
            }
        }
        #expect(refused > 0)
    }
}
