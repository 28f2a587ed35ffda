import Foundation
import Testing
import ThiDuaCore
import ThiDuaTestSupport

/// The Giấy khen for pre-printed blanks (issue 14): only the variable text, each piece at its
/// place of the landscape A4 sheet, from `doc … giay-khen --preprinted` or the plan's
/// `certificate` key; checked in the DOCX, the HTML and a PDF made by LibreOffice.
@Suite("Giấy khen on pre-printed blanks", .serialized)
struct PreprintedCertificateTests {
    /// The four awardees of the golden cycle's decision 35/QĐ-UBND (a unit and three people).
    static let awardees = ["Văn phòng HĐND và UBND", "Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Mai"]
    /// What the blank carries and the output must not print again.
    static let printedOnBlank = [DocumentHeader.nationalName, DocumentHeader.motto, "GIẤY KHEN", "CHỦ TỊCH ỦY BAN NHÂN DÂN"]

    /// The cycle's campaign file with a `certificate` key added.
    static func setCertificate(_ json: String, in ws: TemporaryWorkspace) throws {
        let file = ws.root.appendingPathComponent("campaigns/\(DossierCycle.campaign).json")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 1,\n  \"certificate\": \(json),")
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("--preprinted: the DOCX has the variable text in page-anchored frames, landscape, and none of the blank's print")
    func docx() throws {
        let ws = try DossierCycle.run()
        defer { ws.remove() }
        let out = ws.root.appendingPathComponent("out")
        let result = ws.run(["doc", DossierCycle.campaign, "giay-khen", "--preprinted", "--format", "docx", "--out", out.path], today: "2026-12-16")
        #expect(result.code == 0, "\(result.errors)")
        let bytes = try [UInt8](Data(contentsOf: out.appendingPathComponent("\(DossierCycle.campaign)-giay-khen.docx")))
        let xml = try #require(StoredZip.entry("word/document.xml", in: bytes))
        let text = try #require(DossierXMLText.parse(xml))
        for name in Self.awardees { #expect(text.contains(name), "no «\(name)»") }
        #expect(text.contains("Quyết định số 35/QĐ-UBND ngày 01/12/2026"))
        #expect(text.contains("Nam Gia Nghĩa, ngày 01 tháng 12 năm 2026"), "\(text)")
        #expect(text.contains("Phan Văn Quốc"))
        #expect(text.contains("Đã có thành tích tiêu biểu, xuất sắc qua tổng kết phong trào thi đua"))
        for printed in Self.printedOnBlank { #expect(!text.contains(printed), "«\(printed)» is on the blank already") }
        // The recipient at the default place: 30 mm from the left, 88 mm from the top, 237 mm wide.
        #expect(xml.contains("<w:framePr w:w=\"13436\" w:hAnchor=\"page\" w:vAnchor=\"page\" w:x=\"1701\" w:y=\"4989\"/>"), "\(xml.prefix(3000))")
        #expect(xml.components(separatedBy: "<w:framePr").count - 1 == 3 * 6 + 5, "six pieces a person, five for the collective")
        #expect(xml.contains("w:orient=\"landscape\""))
        #expect(xml.components(separatedBy: "w:type=\"page\"").count - 1 == 3, "one page per awardee")
        // Asked of another kind, the option is a usage error.
        #expect(ws.run(["doc", DossierCycle.campaign, "quyet-dinh", "--preprinted"], today: "2026-12-16").code == 64)
        // Without it, the certificate is the whole one, as before.
        let whole = ws.run(["doc", DossierCycle.campaign, "giay-khen"], today: "2026-12-16")
        #expect(whole.output.contains(DocumentHeader.nationalName) && whole.output.contains("GIẤY KHEN"))
    }

    @Test("the plan's «certificate» sets the places and makes the blanks the default; HTML prints one sheet per awardee")
    func planPositionsAndHTML() throws {
        let ws = try DossierCycle.run()
        defer { ws.remove() }
        try Self.setCertificate(
            #"{"preprinted": true, "positions": {"recipient": {"x": 50, "y": 100, "width": 200, "size": 20}, "decision": {"x": 20, "y": 185.5, "width": 110, "align": "left"}}}"#,
            in: ws)
        let html = ws.run(["doc", DossierCycle.campaign, "giay-khen", "--format", "html"], today: "2026-12-16")
        #expect(html.code == 0, "\(html.errors)")
        let page = html.output
        #expect(page.contains("@page { size: A4 landscape; margin: 0; }"))
        #expect(page.components(separatedBy: "<div class=\"sheet\">").count - 1 == 4)
        #expect(page.contains("style=\"left: 50mm; top: 100mm; width: 200mm; font-size: 20pt\"><strong>Nguyễn Thị Lan</strong>"), "\(page)")
        #expect(page.contains("class=\"placed left\" style=\"left: 20mm; top: 185.5mm; width: 110mm; font-size: 14pt\""))
        // A piece the plan does not place keeps its default: the place and date at 160 mm, 140 mm.
        #expect(page.contains("style=\"left: 160mm; top: 140mm; width: 117mm; font-size: 14pt\"><em>Nam Gia Nghĩa, ngày 01 tháng 12 năm 2026</em>"))
        for printed in Self.printedOnBlank { #expect(!page.contains(printed), "«\(printed)» is on the blank already") }
    }

    @Test("check refuses a box off the sheet, with its path")
    func checked() throws {
        let ws = try DossierCycle.run()
        defer { ws.remove() }
        try Self.setCertificate(
            #"{"positions": {"reason": {"x": 100, "y": 230, "width": 250}, "signer": {"x": 160, "y": 180, "width": 117, "size": 100}, "recipent": {"x": 1, "y": 1, "width": 1}}}"#,
            in: ws)
        let check = ws.run(["check", DossierCycle.campaign], today: "2026-12-16")
        #expect(check.code == 1)
        let said = check.output + check.errors
        #expect(said.contains("certificate.positions.reason.y: lề trên 230 mm nằm ngoài trang"), "\(said)")
        #expect(said.contains("certificate.positions.reason.width: ô chữ từ 100 mm rộng 250 mm vượt mép phải trang (297 mm)"), "\(said)")
        #expect(said.contains("certificate.positions.signer.size: cỡ chữ 100 pt không hợp lệ"), "\(said)")
        #expect(said.contains("có phải ý bạn là «recipient»"), "\(said)")
    }

    @Test(
        "LibreOffice prints the blanks' text where the defaults put it, on landscape pages, without the Quốc hiệu",
        .enabled(if: ExternalTool.availableOrRequired("soffice", "pdftotext", "pdfinfo"), "LibreOffice or poppler is not installed"),
        .timeLimit(.minutes(5)))
    func libreOffice() throws {
        let soffice = try ExternalTool.require("soffice")
        let pdftotext = try ExternalTool.require("pdftotext")
        let pdfinfo = try ExternalTool.require("pdfinfo")
        let ws = try DossierCycle.run()
        defer { ws.remove() }
        let out = ws.root.appendingPathComponent("out")
        let result = ws.run(["doc", DossierCycle.campaign, "giay-khen", "--preprinted", "--format", "docx", "--out", out.path], today: "2026-12-16")
        #expect(result.code == 0, "\(result.errors)")
        let docx = out.appendingPathComponent("\(DossierCycle.campaign)-giay-khen.docx")
        let convert = try ExternalTool.run(
            soffice,
            [
                "-env:UserInstallation=\(ws.root.appendingPathComponent("lo-profile").absoluteString)", "--headless", "--convert-to", "pdf",
                "--outdir", out.path, docx.path,
            ], timeout: 240)
        #expect(convert.status == 0, "soffice: \(convert.output)")
        let pdf = out.appendingPathComponent("\(DossierCycle.campaign)-giay-khen.pdf")
        let info = try ExternalTool.run(pdfinfo, [pdf.path]).output
        #expect(info.contains("Pages:           4"), "\(info)")
        let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
        let numbers = size.split(separator: " ").compactMap { Double($0) }
        #expect(numbers.count >= 2 && numbers[0] > numbers[1] && abs(numbers[0] - 841.89) < 1, "not A4 landscape: \(size)")
        let text = out.appendingPathComponent("giay-khen.txt")
        #expect(try ExternalTool.run(pdftotext, [pdf.path, text.path]).status == 0)
        let flat = try String(contentsOf: text, encoding: .utf8).precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        for expected in Self.awardees + ["Quyết định số 35/QĐ-UBND ngày 01/12/2026", "Nam Gia Nghĩa, ngày 01 tháng 12 năm 2026", "Phan Văn Quốc"] {
            #expect(flat.contains(expected), "the PDF lacks «\(expected)»: \(flat)")
        }
        for printed in Self.printedOnBlank { #expect(!flat.contains(printed), "the PDF prints «\(printed)»") }
        // Where the name stands: 88 mm from the top edge is 249,4 pt; 30 mm + centred in 237 mm.
        let boxes = try ExternalTool.run(pdftotext, ["-bbox", "-f", "2", "-l", "2", pdf.path, "-"]).output
        let word = try #require(boxes.split(separator: "\n").first { $0.hasSuffix(">Nguyễn</word>") || $0.contains(">Nguyễn<") })
        let yMin = try #require(Self.attribute("yMin", in: String(word)))
        #expect(abs(yMin - 249.4) < 4, "the name stands at \(yMin) pt from the top, not 88 mm: \(word)")
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(
        "Chromium prints the HTML at the same places: A4 landscape sheets, the name 88 mm from the top",
        .enabled(if: chromium != nil && ExternalTool.find("pdftotext") != nil && ExternalTool.find("pdfinfo") != nil, "Chromium or poppler missing"),
        .timeLimit(.minutes(3)))
    func chromiumPrint() throws {
        let ws = try DossierCycle.run()
        defer { ws.remove() }
        let out = ws.root.appendingPathComponent("out")
        #expect(
            ws.run(["doc", DossierCycle.campaign, "giay-khen", "--preprinted", "--format", "html", "--out", out.path], today: "2026-12-16").code
                == 0)
        let html = out.appendingPathComponent("\(DossierCycle.campaign)-giay-khen.html")
        let pdf = out.appendingPathComponent("html.pdf")
        let printed = try ExternalTool.run(
            URL(fileURLWithPath: try #require(Self.chromium)),
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(out.appendingPathComponent("chromium").path)",
                "--print-to-pdf=\(pdf.path)", html.absoluteString,
            ], timeout: 120)
        #expect(FileManager.default.fileExists(atPath: pdf.path), "chromium: \(printed.output)")
        let info = try ExternalTool.run(try ExternalTool.require("pdfinfo"), [pdf.path]).output
        #expect(info.contains("Pages:           4"), "\(info)")
        let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
        let numbers = size.split(separator: " ").compactMap { Double($0) }
        #expect(numbers.count >= 2 && abs(numbers[0] - 841.9) < 1 && abs(numbers[1] - 595.3) < 1, "not A4 landscape: \(size)")
        let boxes = try ExternalTool.run(try ExternalTool.require("pdftotext"), ["-bbox", "-f", "2", "-l", "2", pdf.path, "-"]).output
        let word = try #require(boxes.split(separator: "\n").first { $0.contains(">Nguyễn<") })
        let yMin = try #require(Self.attribute("yMin", in: String(word)))
        #expect(abs(yMin - 249.4) < 4, "the name stands at \(yMin) pt from the top, not 88 mm: \(word)")
        let decision = try #require(boxes.split(separator: "\n").first { $0.contains(">Quyết<") })
        let xMin = try #require(Self.attribute("xMin", in: String(decision)))
        #expect(abs(xMin - 70.9) < 3, "the decision's line starts at \(xMin) pt, not 25 mm: \(decision)")
    }

    static func attribute(_ name: String, in line: String) -> Double? {
        guard let start = line.range(of: "\(name)=\"") else { return nil }
        return Double(line[start.upperBound...].prefix { $0 != "\"" })
    }
}
