import Foundation
import Testing
import ThiDuaCore
import ThiDuaRender

@Suite("CSV renderer")
struct CSVRendererTests {
    static let table = Table(
        columns: ["STT", "Họ và tên", "Ghi chú"],
        rows: [
            ["1", "Nguyễn Thị Ánh", "Tổ dân phố 5, phường Minh Xuân"],
            ["2", "Công ty <A&B> \"Ánh\"", "dòng một\ndòng hai"],
            ["3", "Trần Văn Bình"],
        ])

    static func csv(_ table: Table = table) -> String { CSVRenderer().render(table) }

    @Test("UTF-8 with a BOM, CRLF line ends, Vietnamese intact")
    func encoding() {
        let bytes = Array(Self.csv().utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = Self.csv()
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(text.contains("Nguyễn Thị Ánh"))
        #expect(Array(text.utf8).count == Array(text.precomposedStringWithCanonicalMapping.utf8).count)
        #expect(text.hasPrefix("\u{FEFF}STT,Họ và tên,Ghi chú\r\n"))
    }

    @Test("cells with commas, quotes or line breaks are quoted; short rows padded")
    func quoting() {
        let lines = Self.csv().dropFirst().components(separatedBy: "\r\n")
        #expect(lines[1] == "1,Nguyễn Thị Ánh,\"Tổ dân phố 5, phường Minh Xuân\"")
        #expect(lines[2] == "2,\"Công ty <A&B> \"\"Ánh\"\"\",\"dòng một\ndòng hai\"")
        #expect(lines[3] == "3,Trần Văn Bình,")
    }

    @Test("cells a spreadsheet would run as a formula are neutralised", arguments: ["=1+1", "+84 912", "-5", "@SUM(A1)", "\tx", "\rx"])
    func formulaInjection(_ cell: String) {
        let csv = Self.csv(Table(columns: ["A"], rows: [[cell]]))
        let line = csv.dropFirst().components(separatedBy: "\r\n")[1...].joined(separator: "\r\n")
        #expect(line.hasPrefix("'") || line.hasPrefix("\"'"), "not neutralised: \(line.debugDescription)")
        #expect(line.contains("'" + cell))
    }

    @Test("a header that looks like a formula is neutralised too")
    func header() {
        #expect(Self.csv(Table(columns: ["=cmd"], rows: [])) == "\u{FEFF}'=cmd\r\n")
    }

    @Test("one CSV per table of the document, none when it has no table")
    func document() {
        let document = Document(body: [
            .paragraph(Paragraph("Danh sách")), .table(Self.table), .pageBreak,
            .table(Table(columns: ["Mô hình"], rows: [["Dân vận khéo"]])),
        ])
        let files = CSVRenderer().render(document)
        #expect(files.count == 2)
        #expect(files[1] == "\u{FEFF}Mô hình\r\nDân vận khéo\r\n")
        #expect(CSVRenderer().render(Document(body: [.paragraph(Paragraph("Không có bảng"))])).isEmpty)
    }
}
