import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Names that are markup or formulas, carried through a whole cycle into every document of the
/// dossier: they must print as text in HTML, in the DOCX's `word/document.xml`, and in CSV.
@Suite("Dossier escaping")
struct DossierEscapingTests {
    static let unit = #"<script>alert(1)</script> & "Tổ 5""#
    static let person = #"=HYPERLINK("x")"#
    static let campaign = "nam-gia-nghia-cchc-2026"

    /// CSV text of one cell, quoted where needed.
    static func csv(_ cell: String) -> String {
        cell.contains(where: { ",\"\n".contains($0) }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    /// Runs a cycle in which the unit and the person are nominated, approved and decided, and
    /// issues the dossier and the year's report in HTML, DOCX and CSV.
    func issued() throws -> (TemporaryWorkspace, URL) {
        let ws = try TemporaryWorkspace(campaigns: [Self.campaign])
        let c = Self.csv
        func step(_ arguments: [String], _ today: String) {
            let result = ws.run(arguments, today: today)
            #expect(result.code == 0, "\(arguments.joined(separator: " ")): \(result.errors)")
        }
        let units = "Mã,Tên đơn vị,Loại,Trực thuộc\nvan-phong,Văn phòng HĐND và UBND,phòng/ban,\nto-5,\(c(Self.unit)),phòng/ban,\n"
        let people =
            "Họ và tên,Chức vụ,Đơn vị,Ngày sinh\n\(c(Self.person)),Tổ trưởng,\(c(Self.unit)),\nNguyễn Thị Lan,Chánh Văn phòng,Văn phòng HĐND và UBND,\n"
        step(["roster", "import", ws.write("u.csv", units), ws.write("p.csv", people)], "2026-03-09")
        step(["enroll", Self.campaign, "--units", "Văn phòng HĐND và UBND,\(Self.unit)", "--people-of-units"], "2026-03-10")
        let collective = """
            "Cơ quan, đơn vị",Tiêu chí,Tự đánh giá đạt,Điểm tự chấm,"Tài liệu, minh chứng"
            \(c(Self.unit)),ky-luat-ky-cuong,có,,
            \(c(Self.unit)),sang-kien,có,,\(c("<b>Sáng kiến</b> & \"mẹo\""))

            """
        let individual = """
            Họ và tên,Tiêu chí,Tự đánh giá đạt,Điểm tự chấm,"Tài liệu, minh chứng"
            \(c(Self.person)),ky-luat-ky-cuong,có,,

            """
        // The unit proposes its person (the CCHC type's own form), with a formula as its document.
        let proposal = """
            "Cơ quan, đơn vị",Họ và tên người được đề xuất,"Thành tích xuất sắc, tiêu biểu trong thực hiện tham mưu cải cách hành chính","Văn bản xét chọn, đề xuất của đơn vị (số, ngày)"
            \(c(Self.unit)),\(c(Self.person)),\(c("<i>Tham mưu</i> & \"một cửa\"")),=1+1

            """
        step(["submit", Self.campaign, "tu-danh-gia-tap-the", ws.write("tt.csv", collective)], "2026-11-05")
        step(["submit", Self.campaign, "tu-danh-gia-ca-nhan", ws.write("cn.csv", individual)], "2026-11-05")
        step(["submit", Self.campaign, "de-xuat-ca-nhan", ws.write("dx.csv", proposal)], "2026-11-05")
        let members = "Họ và tên,Chức vụ trong Hội đồng\nPhan Văn Quốc,Chủ tịch Hội đồng\nTrần Văn Hùng,Thư ký\nLê Văn Cường,Ủy viên\n"
        let nominees = """
            Đối tượng,Hình thức
            \(c(Self.unit)),Giấy khen của Chủ tịch Ủy ban nhân dân phường
            \(c(Self.person)),Giấy khen của Chủ tịch Ủy ban nhân dân phường
            \(c(Self.person)),Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh

            """
        step(
            [
                "review", "open", Self.campaign, "--period", "2026", "--members", ws.write("hd.csv", members), "--nominees",
                ws.write("dc.csv", nominees),
            ],
            "2026-11-20")
        for member in ["Phan Văn Quốc", "Trần Văn Hùng", "Lê Văn Cường"] {
            step(["review", "vote", Self.campaign, "--member", member, "--agree", "all"], "2026-11-20")
        }
        step(["review", "close", Self.campaign], "2026-11-20")
        step(["decide", Self.campaign, "--date", "01/12/2026"], "2026-12-01")
        let out = ws.root.appendingPathComponent("out/escaping")
        for format in ["html", "docx", "csv"] {
            step(["doc", Self.campaign, "--all", "--format", format, "--out", out.path], "2026-12-02")
            step(["doc", "--year", "2026", "--format", format, "--out", out.path], "2026-12-02")
        }
        return (ws, out)
    }

    /// The dossier's files of one format, without the plan and blank forms (no roster names there).
    static func files(_ folder: URL, _ format: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".\(format)") && !$0.contains("-plan.") && !$0.contains("-form-") }.sorted()
    }

    /// Documents that print the unit, the person, by the start of their file name.
    static let withUnit = [
        "nop-2-", "nop-4-", "bien-ban", "to-trinh.", "thanh-tich-to-5", "quyet-dinh", "giay-khen", "tong-ket", "tong-hop-khen-thuong",
    ]
    static let withPerson = [
        "nop-3-", "nop-4-", "bien-ban", "to-trinh.", "to-trinh-cap-tren", "thanh-tich-hyperlink", "quyet-dinh", "giay-khen", "tong-hop-khen-thuong",
    ]

    static func expects(_ list: [String], _ file: String) -> Bool {
        list.contains { file.contains("-\($0)") || file.hasPrefix($0) }
    }

    @Test("a unit named <script>…</script> & \"Tổ 5\" and a person named =HYPERLINK(\"x\") print as text in HTML, DOCX and CSV")
    func markupAndFormulas() throws {
        let (ws, out) = try issued()
        defer { ws.remove() }
        let unitHTML = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Tổ 5&quot;"
        let personHTML = "=HYPERLINK(&quot;x&quot;)"

        let html = Self.files(out, "html")
        #expect(html.count >= 10, "\(html)")
        for name in html {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("<script>") && !text.contains("<b>"), "\(name) carries raw markup")
            if Self.expects(Self.withUnit, name) { #expect(text.contains(unitHTML), "\(name) lacks the escaped unit") }
            if Self.expects(Self.withPerson, name) { #expect(text.contains(personHTML), "\(name) lacks the escaped person") }
        }

        let docx = Self.files(out, "docx")
        #expect(docx.count == html.count)
        for name in docx {
            let bytes = try [UInt8](Data(contentsOf: out.appendingPathComponent(name)))
            let xml = try #require(StoredZip.entry("word/document.xml", in: bytes), "\(name) has no word/document.xml")
            #expect(!xml.contains("<script>") && !xml.contains("<b>"), "\(name) carries raw markup")
            let text = try #require(DossierXMLText.parse(xml), "\(name): document.xml is not well-formed")
            if Self.expects(Self.withUnit, name) {
                #expect(xml.contains(unitHTML), "\(name) lacks the escaped unit")
                #expect(text.contains(Self.unit), "\(name) does not read back the unit")
            }
            if Self.expects(Self.withPerson, name) {
                #expect(xml.contains(personHTML), "\(name) lacks the escaped person")
                #expect(text.contains(Self.person), "\(name) does not read back the person")
            }
        }

        let csv = Self.files(out, "csv")
        #expect(csv.count >= 8, "\(csv)")
        var sawPerson = false
        var sawUnit = false
        for name in csv {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) has no BOM")
            let text = String(decoding: data, as: UTF8.self)
            for line in text.components(separatedBy: "\r\n") {
                // No cell opens with a formula trigger: it is quoted and neutralised with an apostrophe.
                for trigger in ["=", "+", "-", "@"] {
                    #expect(
                        !line.hasPrefix(trigger) && !line.contains(",\(trigger)") && !line.contains(",\"\(trigger)"), "\(name): «\(line)»")
                }
            }
            sawPerson = sawPerson || text.contains(#""'=HYPERLINK(""x"")"#)
            sawUnit = sawUnit || text.contains(#""<script>alert(1)</script> & ""Tổ 5""""#)
            #expect(!text.contains(",=1+1"))
        }
        #expect(sawPerson, "no CSV prints the person as text")
        #expect(sawUnit, "no CSV prints the unit as typed")
    }
}

/// Reads an entry of a ZIP archive of stored entries (what `DOCXRenderer` writes).
enum StoredZip {
    static func entry(_ wanted: String, in bytes: [UInt8]) -> String? {
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        var offset = 0
        while offset + 30 <= bytes.count, u32(offset) == 0x0403_4B50 {
            let method = u16(offset + 8)
            let size = u32(offset + 18)
            let nameLength = u16(offset + 26)
            let extraLength = u16(offset + 28)
            let start = offset + 30 + nameLength + extraLength
            guard start + size <= bytes.count else { return nil }
            let name = String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            if name == wanted { return method == 0 ? String(decoding: bytes[start..<(start + size)], as: UTF8.self) : nil }
            offset = start + size
        }
        return nil
    }
}

/// The character data of an XML text, or nil when it is not well-formed.
final class DossierXMLText: NSObject, XMLParserDelegate {
    private var text = ""

    static func parse(_ xml: String) -> String? {
        let delegate = DossierXMLText()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        return parser.parse() ? delegate.text : nil
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
