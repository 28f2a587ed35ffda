import Foundation
import Testing
import ThiDuaCore
import ThiDuaRender
import ThiDuaTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("DOCX renderer")
struct DOCXTests {
    static let company = "Công ty <A&B> \"Ánh\""

    /// Every block kind, a header with a parent line, Vietnamese text in NFC, names that
    /// look like markup, spaces at the edges of a text, a control character.
    static var fixture: Document {
        Document(
            header: DocumentHeader(
                parentLine: "Ủy ban nhân dân tỉnh Tuyên Quang", issuerLines: ["ỦY BAN NHÂN DÂN", "PHƯỜNG MINH XUÂN"],
                numberLine: "Số:    /KH-UBND", placeAndDate: "Minh Xuân, ngày … tháng 5 năm 2026"),
            kindName: "KẾ HOẠCH",
            summary: ["Triển khai Phong trào thi đua “Dân vận khéo”", "phường Minh Xuân giai đoạn 2026 - 2030"],
            addressees: ["Kính gửi: Các cơ quan, đơn vị thuộc UBND phường"],
            body: [
                .heading("I. MỤC ĐÍCH, YÊU CẦU", level: 1),
                .heading("1. Mục đích", level: 2),
                .heading("a) Về tuyên truyền", level: 3),
                .paragraph(Paragraph("Thực hiện Kế hoạch số 66/KH-ĐU ngày 04/02/2026 của Đảng ủy phường Minh Xuân.")),
                .paragraph(Paragraph("Đơn vị đăng ký: \(company)\u{01}.", emphasis: .bold)),
                .paragraph(
                    Paragraph("  Ghi chú\tcó khoảng trắng ở hai đầu  ", emphasis: [.bold, .italic], alignment: .left, indented: false)),
                .paragraph(Paragraph("(Kèm theo Kế hoạch)", emphasis: .italic, alignment: .center, indented: false)),
                .paragraph(Paragraph("Dòng căn phải", alignment: .right)),
                .list(
                    .dash,
                    [
                        ListItem("Nâng cao nhận thức", children: [ListItem("Cán bộ, công chức"), ListItem("Nhân dân")]),
                        ListItem("Gắn với nhiệm vụ"),
                    ]),
                .list(.plus, [ListItem("Mục cộng")]),
                .list(.numbered, [ListItem("Thứ nhất"), ListItem("Thứ hai")]),
                .list(.numbered, [ListItem("Lại từ một")]),
                .list(.plain, [ListItem("Đoạn thường", children: [ListItem("Mục con")])]),
                .table(
                    Table(
                        columns: ["STT", "Tên mô hình", "Đơn vị"],
                        rows: [["1", "Tuyến phố văn minh\nsạch đẹp", company], ["2", "=SUM(A1)"]],
                        widths: [0.5, 3, 2])),
                .blank(prompt: "Ý kiến của Hội đồng", lines: 3),
                .pageBreak,
                .heading("II. TỔ CHỨC THỰC HIỆN", level: 1),
                .paragraph(Paragraph("Văn phòng HĐND và UBND phường theo dõi, đôn đốc.")),
            ],
            signatures: [Signature(authority: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Phạm Quốc Chương")],
            recipients: [Recipient(name: "Thường trực Đảng ủy", purpose: "Báo cáo"), Recipient(name: company), Recipient(name: "Lưu: VT")])
    }

    /// A biên bản: two signatures side by side, no recipients, no type-name header number.
    static var minutes: Document {
        Document(
            header: DocumentHeader(issuerLines: ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"], numberLine: "Số: 03/BB-HĐTĐKT"),
            kindName: "BIÊN BẢN", summary: ["Họp xét khen thưởng"],
            body: [.paragraph(Paragraph("Cuộc họp kết thúc lúc 11 giờ."))],
            signatures: [Signature(title: "THƯ KÝ", name: "Lê Thị Hoa"), Signature(title: "CHỦ TRÌ", name: "Phạm Quốc Chương")])
    }

    static func part(_ path: String, of document: Document = fixture) -> String {
        DOCXRenderer().parts(document).first { $0.path == path }?.xml ?? ""
    }

    @Test("document.xml matches its golden file")
    func goldenDocument() {
        Golden.assert(Self.part("word/document.xml"), "fixture.document.xml")
    }

    @Test("styles.xml matches its golden file")
    func goldenStyles() {
        Golden.assert(Self.part("word/styles.xml"), "fixture.styles.xml")
    }

    @Test("the package holds the parts Word needs, and reads back as written")
    func package() throws {
        let parts = DOCXRenderer().parts(Self.fixture)
        let entries = try ZipReader.entries(DOCXRenderer().render(Self.fixture))
        #expect(entries.map(\.name) == parts.map(\.path))
        #expect(entries.first?.name == "[Content_Types].xml")
        for name in [
            "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/_rels/document.xml.rels",
            "word/header1.xml", "word/header2.xml", "word/numbering.xml", "docProps/core.xml", "docProps/app.xml",
        ] {
            #expect(entries.contains { $0.name == name }, "missing \(name)")
        }
        for (entry, part) in zip(entries, parts) {
            #expect(entry.data == Array(part.xml.utf8), "\(part.path) differs in the archive")
        }
        let types = Self.part("[Content_Types].xml")
        for part in parts where part.path.hasSuffix(".xml") && part.path != "[Content_Types].xml" {
            #expect(types.contains("PartName=\"/\(part.path)\""), "\(part.path) has no content type")
        }
    }

    @Test("every XML part is well-formed", arguments: ["fixture", "minutes", "empty"])
    func wellFormed(_ name: String) {
        let document = name == "fixture" ? Self.fixture : name == "minutes" ? Self.minutes : Document()
        for part in DOCXRenderer().parts(document) {
            let text = XMLText.parse(part.xml)
            #expect(text != nil, "\(part.path) of \(name) does not parse")
        }
    }

    @Test("names with markup characters print as typed; control characters are dropped")
    func escaping() throws {
        let xml = Self.part("word/document.xml")
        #expect(xml.contains("Công ty &lt;A&amp;B&gt; &quot;Ánh&quot;"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let text = try #require(XMLText.parse(xml))
        #expect(text.contains("Đơn vị đăng ký: \(Self.company)."))
        #expect(text.contains("- \(Self.company)"))
        let core = Self.part("docProps/core.xml")
        #expect(core.contains("<dc:title>KẾ HOẠCH Triển khai Phong trào thi đua “Dân vận khéo” phường Minh Xuân"))
    }

    @Test("spaces at the edges of a text are kept; tabs and line breaks become Word's own")
    func whitespace() {
        let xml = Self.part("word/document.xml")
        #expect(
            xml.contains("<w:t xml:space=\"preserve\">  Ghi chú</w:t><w:tab/><w:t xml:space=\"preserve\">có khoảng trắng ở hai đầu  </w:t>")
        )
        #expect(xml.contains("<w:t>Tuyến phố văn minh</w:t><w:br/><w:t>sạch đẹp</w:t>"))
        #expect(xml.contains("<w:t>Thực hiện Kế hoạch"))
    }

    @Test("decomposed Vietnamese (NFD) is written precomposed (NFC)")
    func nfc() {
        let nfd = "Nguyễn Văn Ánh".decomposedStringWithCanonicalMapping
        let document = Document(body: [.paragraph(Paragraph(nfd))])
        let xml = Self.part("word/document.xml", of: document)
        // Swift compares strings up to canonical equivalence: look at the scalars themselves.
        #expect(xml.unicodeScalars.contains { $0 == "\u{1EC5}" })  // ễ precomposed
        #expect(!xml.unicodeScalars.contains { (0x0300...0x036F).contains($0.value) }, "combining marks left in the XML")
    }

    @Test("the section is A4 with the decree's margins and page numbers from page 2")
    func section() {
        let xml = Self.part("word/document.xml")
        #expect(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(xml.contains("<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""))
        #expect(xml.contains("<w:titlePg/>"))
        #expect(xml.contains("<w:headerReference w:type=\"first\""))
        #expect(Self.part("word/header1.xml").contains("PAGE"))
        #expect(!Self.part("word/header2.xml").contains("PAGE"))
    }

    @Test("tables repeat their bold header row; lists restart their numbers")
    func tablesAndLists() {
        let xml = Self.part("word/document.xml")
        #expect(xml.contains("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"))
        #expect(xml.contains("<w:pStyle w:val=\"TableHeading\"/></w:pPr><w:r><w:t>STT</w:t>"))
        #expect(xml.contains("<w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>Thứ nhất</w:t>"))
        #expect(xml.contains("<w:numId w:val=\"4\"/></w:numPr></w:pPr><w:r><w:t>Lại từ một</w:t>"))
        let numbering = Self.part("word/numbering.xml")
        #expect(
            numbering.contains(
                "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"))
        #expect(!numbering.contains("w:numId=\"5\""))
    }

    @Test("tables never touch (Word would merge them) and the body ends in a paragraph")
    func tablesApart() {
        let document = Document(
            header: DocumentHeader(issuerLines: ["ỦY BAN NHÂN DÂN"]), body: [.table(Table(columns: ["A"], rows: [["1"]]))],
            signatures: [Signature(title: "CHỦ TỊCH")])
        let xml = Self.part("word/document.xml", of: document)
        #expect(!xml.contains("</w:tbl>\n<w:tbl>"))
        #expect(xml.components(separatedBy: "<w:tbl>").count == 4)
        #expect(xml.contains("</w:tbl>\n<w:p><w:pPr><w:pStyle w:val=\"Tail\"/></w:pPr></w:p>\n<w:sectPr>"))
    }

    @Test("columns follow their relative widths, none too narrow for «STT»")
    func columnWidths() {
        let table = Table(columns: ["STT"] + (1...8).map { "Cột \($0)" }, rows: [], widths: [0.5] + Array(repeating: 1.5, count: 8))
        let xml = Self.part("word/document.xml", of: Document(body: [.table(table)]))
        // 0.5 of 12.5 would be 374 twips; it is pinned at 700 and the rest share 8 655.
        #expect(xml.contains("<w:tblGrid><w:gridCol w:w=\"700\"/><w:gridCol w:w=\"1081\"/>"))
        #expect(xml.contains("<w:gridCol w:w=\"1088\"/></w:tblGrid>"))
    }

    @Test("a biên bản puts its signatures side by side across the page")
    func sideBySide() {
        let xml = Self.part("word/document.xml", of: Self.minutes)
        #expect(xml.contains("<w:gridCol w:w=\"4677\"/><w:gridCol w:w=\"4678\"/>"))
        #expect(xml.contains("THƯ KÝ"))
        #expect(!xml.contains("Nơi nhận"))
    }

    @Test("the same document gives the same bytes; no clock is read")
    func reproducible() throws {
        #expect(try DOCXRenderer().render(Self.fixture) == DOCXRenderer().render(Self.fixture))
        #expect(!Self.part("docProps/core.xml").contains("dcterms:created"))
    }

    @Test("unzip -t accepts the package", .enabled(if: ExternalTool.availableOrRequired("unzip"), "unzip is not installed"))
    func unzipTest() throws {
        let unzip = try ExternalTool.require("unzip")
        let folder = try ExternalTool.temporaryFolder("docx-zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("fixture.docx")
        try Data(DOCXRenderer().render(Self.fixture)).write(to: file)
        let result = try ExternalTool.run(unzip, ["-t", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("No errors detected"))
    }

    @Test(
        "LibreOffice opens it: A4 pages with the Vietnamese text in place",
        .enabled(
            if: ExternalTool.availableOrRequired("soffice", "pdftotext", "pdfinfo"),
            "LibreOffice (soffice) or poppler (pdftotext, pdfinfo) is not installed"),
        .timeLimit(.minutes(2)))
    func libreOffice() throws {
        let soffice = try ExternalTool.require("soffice")
        let pdftotext = try ExternalTool.require("pdftotext")
        let pdfinfo = try ExternalTool.require("pdfinfo")
        let folder = try ExternalTool.temporaryFolder("docx-lo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("fixture.docx")
        try Data(DOCXRenderer().render(Self.fixture)).write(to: file)
        // A private profile, so parallel runs and a desktop LibreOffice do not clash.
        let profile = folder.appendingPathComponent("profile").absoluteString
        let convert = try ExternalTool.run(
            soffice, ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf", "--outdir", folder.path, file.path],
            timeout: 90)
        let pdf = folder.appendingPathComponent("fixture.pdf")
        try #require(FileManager.default.fileExists(atPath: pdf.path), "soffice made no PDF: \(convert.output)")

        let info = try ExternalTool.run(pdfinfo, [pdf.path])
        #expect(info.output.contains("595.3") && info.output.contains("841.89"), "not A4: \(info.output)")

        let text = folder.appendingPathComponent("fixture.txt")
        _ = try ExternalTool.run(pdftotext, [pdf.path, text.path])
        let content = try String(contentsOf: text, encoding: .utf8).precomposedStringWithCanonicalMapping
        // Reading order, white space folded: a line that wraps in a narrow column still reads whole.
        let flat = content.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH", "PHƯỜNG MINH XUÂN",
            "Tuyến phố văn minh", "Phạm Quốc Chương", "Nơi nhận:", "Công ty <A&B> \"Ánh\"", "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG",
        ] {
            #expect(flat.contains(expected), "the PDF lacks «\(expected)»")
        }
        // The page number: none on page 1, "2" atop page 2.
        let pages = content.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count >= 2, "the page break makes at least two pages")
        let firstLines = pages.map { $0.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        #expect(firstLines.first != "1")
        #expect(firstLines.dropFirst().first == "2", "page 2 starts with «\(firstLines.dropFirst().first ?? "")»")
    }
}

/// Parses XML with Foundation's parser and returns its character data (nil when malformed).
final class XMLText: NSObject, XMLParserDelegate {
    private var text = ""

    static func parse(_ xml: String) -> String? {
        let delegate = XMLText()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        return parser.parse() ? delegate.text : nil
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "w:p" { text += "\n" }
    }
}

/// Golden files next to the tests; `RECORD_SNAPSHOTS=1` writes them instead of comparing.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func assert(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        GoldenFile.assert(text, name, in: folder, sourceLocation: sourceLocation)
    }
}
