import Foundation
import Testing
import ThiDuaCore
import ThiDuaRender
import ThiDuaTestSupport

@testable import ThiDuaCLI

/// Evidence files through the back office and `thidua evidence`: kinds found by content,
/// refusals that store and record nothing, storage by SHA-256, the journal event and its replay.
@Suite("Evidence files (minh chứng)")
struct EvidenceTests {
    static let campaign = "phu-ly-cqtt-2024"
    static let day = CivilDate(year: 2024, month: 6, day: 3)!

    // MARK: Samples, each made the way the program that writes such files makes it

    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    /// A 1×1 PNG (signature, IHDR, IDAT, IEND).
    static let png = Array(
        Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!)
    /// The start of a JFIF file: SOI, APP0 "JFIF".
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9]

    static func xlsx() throws -> [UInt8] {
        try SpreadsheetWriter.write(Workbook(sheets: [Worksheet(name: "Số liệu", header: ["Chỉ tiêu", "Giá trị"], rows: [[.text("a"), .integer(1)]])]))
    }

    static func docx(_ office: BackOffice) throws -> [UInt8] {
        let campaign = try office.open(campaign)
        let plan = try #require(try office.documents(campaign, kind: .plan, today: day, strict: true).first)
        return try DOCXRenderer().render(plan.document)
    }

    /// An OpenDocument text as the specification lays it out: `mimetype` first, stored.
    static func odt(mimetype: String = "application/vnd.oasis.opendocument.text") throws -> [UInt8] {
        var zip = ZipWriter()
        try zip.add("mimetype", Array(mimetype.utf8))
        try zip.add("content.xml", Array("<?xml version=\"1.0\"?><office:document-content/>".utf8))
        try zip.add("META-INF/manifest.xml", Array("<?xml version=\"1.0\"?><manifest:manifest/>".utf8))
        return try zip.finish()
    }

    /// A ZIP whose content types declare another main part (here a macro-enabled document).
    static func zip(contentType: String) throws -> [UInt8] {
        var zip = ZipWriter()
        try zip.add(
            "[Content_Types].xml",
            Array("<?xml version=\"1.0\"?><Types><Override PartName=\"/word/document.xml\" ContentType=\"\(contentType)\"/></Types>".utf8))
        try zip.add("word/document.xml", Array("<w:document/>".utf8))
        return try zip.finish()
    }

    /// A workspace with the campaign, two units (the first enrolled) and the office over it.
    static func prepared() throws -> (TemporaryWorkspace, BackOffice) {
        let ws = try TemporaryWorkspace(campaigns: [campaign])
        let roster = """
            {"units": [{"id": "van-phong", "kind": "phong-ban", "name": "Văn phòng HĐND và UBND"},
                       {"id": "phong-kinh-te", "kind": "phong-ban", "name": "Phòng Kinh tế"}], "people": []}
            """
        try Data(roster.utf8).write(to: ws.root.appendingPathComponent("roster/roster.json"))
        let workspace = Workspace(root: ws.root)
        let office = BackOffice(workspace: workspace, registry: CompiledTypes.registry(for: workspace))
        _ = try office.enroll(campaign, EnrolmentRequest(units: ["van-phong"]), as: acting())
        return (ws, office)
    }

    static func acting(_ actor: String = "vanphong") -> ActionContext {
        ActionContext(actor: actor, today: day, now: { "2024-06-03T02:00:00.000Z" })
    }

    static func journal(_ ws: TemporaryWorkspace) -> Data {
        FileManager.default.contents(atPath: ws.root.appendingPathComponent("data/\(campaign).journal.jsonl").path) ?? Data()
    }

    static func stored(_ ws: TemporaryWorkspace) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: ws.root.appendingPathComponent("data/minh-chung").path)) ?? []).sorted()
    }

    // MARK: Tests

    @Test("each kind is found from its content, never from its name")
    func kindsByContent() throws {
        let (ws, office) = try Self.prepared()
        defer { ws.remove() }
        #expect(EvidenceKind.detect(Self.pdf) == .pdf)
        #expect(EvidenceKind.detect(Self.png) == .png)
        #expect(EvidenceKind.detect(Self.jpeg) == .jpeg)
        #expect(EvidenceKind.detect(try Self.xlsx()) == .xlsx)
        #expect(EvidenceKind.detect(try Self.docx(office)) == .docx)
        #expect(EvidenceKind.detect(try Self.odt()) == .odt)
        // Lookalikes: a PNG signature without IHDR, a ZIP of another kind, macro-enabled Office
        // files, an EPUB (a mimetype entry of another type), HTML, an executable.
        #expect(EvidenceKind.detect(Array(Self.png.prefix(8)) + Array(repeating: 0, count: 16)) == nil)
        #expect(EvidenceKind.detect(try Self.zip(contentType: "application/vnd.ms-word.document.macroEnabled.main+xml")) == nil)
        #expect(EvidenceKind.detect(try Self.zip(contentType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml")) == nil)
        #expect(
            EvidenceKind.detect(try Self.zip(contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")) == .docx)
        #expect(EvidenceKind.detect(try Self.zip(contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")) == nil)
        #expect(EvidenceKind.detect(try Self.odt(mimetype: "application/epub+zip")) == nil)
        #expect(EvidenceKind.detect(Array("<html><script>alert(1)</script>".utf8)) == nil)
        #expect(EvidenceKind.detect([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]) == nil)
        #expect(EvidenceKind.detect([]) == nil)
    }

    @Test("files LibreOffice writes (ODT, PDF, DOCX, XLSX) are recognised", .enabled(if: ExternalTool.availableOrRequired("soffice")))
    func libreOfficeFiles() throws {
        let (ws, office) = try Self.prepared()
        defer { ws.remove() }
        let soffice = try ExternalTool.require("soffice")
        let folder = try ExternalTool.temporaryFolder("evidence-lo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("ke-hoach.docx")
        try Data(try Self.docx(office)).write(to: source)
        let sheet = folder.appendingPathComponent("so-lieu.xlsx")
        try Data(try Self.xlsx()).write(to: sheet)
        let profile = "-env:UserInstallation=file://\(folder.path)/profile"
        for (input, format) in [(source, "odt"), (source, "pdf"), (sheet, "ods")] {
            let run = try ExternalTool.run(soffice, [profile, "--headless", "--convert-to", format, "--outdir", folder.path, input.path], timeout: 180)
            #expect(run.status == 0, "\(run.output)")
        }
        // LibreOffice saving the DOCX as DOCX again, and the workbook as XLSX again.
        let again = folder.appendingPathComponent("lai")
        for (input, format) in [(source, "docx:MS Word 2007 XML"), (sheet, "xlsx:Calc MS Excel 2007 XML")] {
            let run = try ExternalTool.run(soffice, [profile, "--headless", "--convert-to", format, "--outdir", again.path, input.path], timeout: 180)
            #expect(run.status == 0, "\(run.output)")
        }
        func read(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
        #expect(EvidenceKind.detect(try read(folder.appendingPathComponent("ke-hoach.odt"))) == .odt)
        #expect(EvidenceKind.detect(try read(folder.appendingPathComponent("ke-hoach.pdf"))) == .pdf)
        #expect(EvidenceKind.detect(try read(again.appendingPathComponent("ke-hoach.docx"))) == .docx)
        #expect(EvidenceKind.detect(try read(again.appendingPathComponent("so-lieu.xlsx"))) == .xlsx)
        // A spreadsheet in OpenDocument is not a text document: refused.
        #expect(EvidenceKind.detect(try read(folder.appendingPathComponent("so-lieu.ods"))) == nil)
    }

    @Test("an accepted file is stored under its SHA-256 and recorded with a clean display name")
    func attachStoresAndRecords() throws {
        let (ws, office) = try Self.prepared()
        defer { ws.remove() }
        let name = "../../etc/\u{202E}fdp.Biên bản họp\u{0007}.pdf"
        let form = try #require(try office.open(Self.campaign).resolved.definition.forms.first).id
        let result = try office.attachEvidence(
            Self.campaign, EvidenceRequest(unit: "van-phong", file: InputFile(name: name, bytes: Self.pdf), form: form, note: "  Họp dân  "),
            as: Self.acting())
        let hash = SHA256.hex(SHA256.hash(Self.pdf))
        #expect(result.newlyStored)
        #expect(result.record.sha256 == hash)
        #expect(result.record.kind == .pdf)
        #expect(result.record.name == "fdp.Biên bản họp.pdf")
        #expect(result.record.note == "Họp dân")
        #expect(result.record.form == form)
        #expect(result.record.downloadName == "fdp-bien-ban-hop.pdf")
        #expect(Self.stored(ws) == ["\(hash).pdf"])
        let bytes = try #require(FileManager.default.contents(atPath: ws.root.appendingPathComponent("data/minh-chung/\(hash).pdf").path))
        #expect(Array(bytes) == Self.pdf)
        // The event is typed and replays into the state.
        let journal = String(decoding: Self.journal(ws), as: UTF8.self)
        #expect(journal.contains("\"kind\":\"evidence\""))
        #expect(!journal.contains("etc/"))
        let state = try office.open(Self.campaign).state
        #expect(state.evidence == [result.record])
        #expect(state.otherEvents == 0)
        // Read back for each audience.
        let campaign = try office.open(Self.campaign)
        #expect(try office.evidenceFile(in: campaign, seq: result.record.seq, for: .unit("van-phong")).1 == Self.pdf)
        #expect(try office.evidenceFile(in: campaign, seq: result.record.seq, for: .office).1 == Self.pdf)
        #expect(throws: OfficeError.self) { try office.evidenceFile(in: campaign, seq: result.record.seq, for: .unit("phong-kinh-te")) }
        #expect(office.evidence(in: campaign, for: .council).isEmpty)
        // No temporary file is left behind.
        #expect(
            !(try FileManager.default.contentsOfDirectory(atPath: ws.root.appendingPathComponent("data/minh-chung").path)).contains { $0.hasSuffix(".tmp") })
    }

    @Test("the same bytes are stored once; the same file for the same record is refused")
    func sameBytesOnce() throws {
        let (ws, office) = try Self.prepared()
        defer { ws.remove() }
        let file = InputFile(name: "anh.png", bytes: Self.png)
        let first = try office.attachEvidence(Self.campaign, EvidenceRequest(unit: "van-phong", file: file), as: Self.acting())
        let before = Self.journal(ws)
        #expect {
            try office.attachEvidence(Self.campaign, EvidenceRequest(unit: "Văn phòng HĐND và UBND", file: file), as: Self.acting())
        } throws: { error in
            (error as? OfficeError)?.message.contains("giống hệt minh chứng «anh.png»") == true
        }
        #expect(Self.journal(ws) == before)
        // Another record (another form) takes the same bytes: a new event, no new file.
        let form = try #require(try office.open(Self.campaign).resolved.definition.forms.first).id
        let second = try office.attachEvidence(
            Self.campaign, EvidenceRequest(unit: "van-phong", file: InputFile(name: "anh-2.png", bytes: Self.png), form: form), as: Self.acting())
        #expect(!second.newlyStored)
        #expect(second.record.sha256 == first.record.sha256)
        #expect(Self.stored(ws).count == 1)
        #expect(try office.open(Self.campaign).state.evidence.count == 2)
    }

    @Test("refusals name the file and what is allowed, and change nothing")
    func refusals() throws {
        let (ws, office) = try Self.prepared()
        defer { ws.remove() }
        let before = ws.snapshot()
        func refusal(_ request: EvidenceRequest) -> OfficeError? {
            do {
                _ = try office.attachEvidence(Self.campaign, request, as: Self.acting())
                return nil
            } catch {
                return error
            }
        }
        let empty = refusal(EvidenceRequest(unit: "van-phong", file: InputFile(name: "trong.pdf", bytes: [])))
        #expect(empty?.message.contains("Tệp «trong.pdf» trống (0 byte)") == true)
        #expect(empty?.message.contains("PDF, ảnh PNG, ảnh JPEG, văn bản Word (.docx), bảng tính Excel (.xlsx), văn bản OpenDocument (.odt)") == true)
        let big = refusal(
            EvidenceRequest(unit: "van-phong", file: InputFile(name: "lon.pdf", bytes: Self.pdf + Array(repeating: 0x20, count: 10 << 20))))
        #expect(big?.message.contains("vượt giới hạn 10 MB") == true)
        let disguised = refusal(EvidenceRequest(unit: "van-phong", file: InputFile(name: "bao-cao.pdf", bytes: Array("<html><body>x</body></html>".utf8))))
        #expect(disguised?.message.contains("Tệp «bao-cao.pdf» không phải loại tệp được nhận: một trang web hoặc tệp XML") == true)
        let oldWord = refusal(
            EvidenceRequest(unit: "van-phong", file: InputFile(name: "to-trinh.doc", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])))
        #expect(oldWord?.message.contains("một tệp Word hoặc Excel đời cũ (.doc, .xls); hãy mở và lưu lại thành .docx") == true)
        let heic = refusal(
            EvidenceRequest(unit: "van-phong", file: InputFile(name: "IMG_0001.HEIC", bytes: [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0])))
        #expect(heic?.message.contains("một ảnh HEIC (ảnh chụp bằng iPhone); hãy chuyển sang JPEG") == true)
        let text = refusal(EvidenceRequest(unit: "van-phong", file: InputFile(name: "ghi-chu.txt", bytes: Array("Ghi chú".utf8))))
        #expect(text?.message.contains("nội dung bắt đầu bằng «Ghi chú»") == true)
        let renamed = refusal(EvidenceRequest(unit: "van-phong", file: InputFile(name: "anh.pdf", bytes: Self.png)))
        #expect(renamed?.message.contains("có đuôi của PDF nhưng nội dung là ảnh PNG; đổi đuôi tệp thành .png") == true)
        let executable = refusal(EvidenceRequest(unit: "van-phong", file: InputFile(name: "setup.exe", bytes: [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0])))
        #expect(executable?.message.contains("không phải loại tệp được nhận: một chương trình máy tính") == true)
        let binary = refusal(EvidenceRequest(unit: "van-phong", file: InputFile(name: "x.bin", bytes: [0x00, 0x01, 0xFE, 0x80])))
        #expect(binary?.message.contains("nội dung bắt đầu bằng các byte 00 01 FE 80") == true)
        let other = refusal(EvidenceRequest(unit: "phong-kinh-te", file: InputFile(name: "a.pdf", bytes: Self.pdf)))
        #expect(other?.kind == .refused)
        #expect(other?.message.contains("chưa tham gia phong trào") == true)
        let unknown = refusal(EvidenceRequest(unit: "khong-co", file: InputFile(name: "a.pdf", bytes: Self.pdf)))
        #expect(unknown?.kind == .notFound)
        let form = refusal(EvidenceRequest(unit: "van-phong", file: InputFile(name: "a.pdf", bytes: Self.pdf), form: "khong-co"))
        #expect(form?.kind == .argument)
        #expect(form?.message.hasPrefix("Biểu mẫu «khong-co»") == true)
        let indicator = refusal(EvidenceRequest(unit: "van-phong", file: InputFile(name: "a.pdf", bytes: Self.pdf), indicator: "khong-co"))
        #expect(indicator?.message.hasPrefix("Chỉ tiêu «khong-co»") == true)
        let note = refusal(
            EvidenceRequest(unit: "van-phong", file: InputFile(name: "a.pdf", bytes: Self.pdf), note: String(repeating: "x", count: 501)))
        #expect(note?.message.hasPrefix("Mô tả minh chứng dài 501 ký tự") == true)
        #expect(ws.snapshot() == before)
    }

    @Test("a journal without evidence replays unchanged; a crafted hash is refused; a changed file is refused")
    func replayAndTampering() throws {
        let (ws, office) = try Self.prepared()
        defer { ws.remove() }
        let old = try office.open(Self.campaign).state
        #expect(old.evidence.isEmpty && old.invalidEvents.isEmpty && old.otherEvents == 0)
        let record = try office.attachEvidence(
            Self.campaign, EvidenceRequest(unit: "van-phong", file: InputFile(name: "a.jpg", bytes: Self.jpeg)), as: Self.acting()
        ).record
        // The stored file changed on disk: the download is refused, not served.
        let url = ws.root.appendingPathComponent("data/minh-chung/\(record.sha256).jpg")
        try Data(Self.pdf).write(to: url)
        let campaign = try office.open(Self.campaign)
        #expect {
            try office.evidenceFile(in: campaign, seq: record.seq, for: .office)
        } throws: { error in
            (error as? OfficeError)?.kind == .damaged
        }
        // A line naming a path instead of a hash makes the journal unusable, as crafted ids do.
        let payload = EvidencePayload(
            unit: "van-phong", form: nil, indicator: nil, sha256: "../../../etc/passwd", size: 1, fileKind: "pdf", name: "x", note: nil)
        _ = try Workspace(root: ws.root).journal(for: Self.campaign).append(
            [try payload.draft(actor: "x", date: Self.day)], time: "2024-06-03T03:00:00.000Z")
        #expect {
            try office.open(Self.campaign)
        } throws: { error in
            (error as? OfficeError)?.kind == .damaged && (error as? OfficeError)?.message.contains("SHA-256") == true
        }
    }

    @Test("thidua evidence add and list")
    func command() throws {
        let (ws, _) = try Self.prepared()
        defer { ws.remove() }
        let file = ws.root.appendingPathComponent("Ảnh hiện trường.png")
        try Data(Self.png).write(to: file)
        let added = ws.run(["evidence", "add", Self.campaign, "van-phong", file.path, "--note", "Ảnh"], today: "2024-06-03")
        #expect(added.code == 0, "\(added.errors)")
        #expect(added.output.contains("Đã ghi nhận minh chứng «Ảnh hiện trường.png» (ảnh PNG"))
        let again = ws.run(["evidence", "add", Self.campaign, "van-phong", file.path], today: "2024-06-03")
        #expect(again.code != 0)
        #expect(again.errors.contains("giống hệt minh chứng"))
        let listed = ws.run(["evidence", "list", Self.campaign, "--unit", "van-phong"])
        #expect(listed.code == 0, "\(listed.errors)")
        #expect(listed.output.contains("(1 tệp)"))
        #expect(listed.output.contains("data/minh-chung/\(SHA256.hex(SHA256.hash(Self.png))).png"))
        #expect(ws.run(["evidence", "xoa", Self.campaign]).errors.contains("Việc «xoa» không có"))
        #expect(ws.run(["evidence", "add", Self.campaign]).code == 64)
    }
}
