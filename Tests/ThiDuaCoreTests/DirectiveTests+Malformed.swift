import Foundation
import Testing
import ThiDuaCore

/// One bad directive file and the error it must give.
struct MalformedDirective: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expect: String
    var severity: Diagnostic.Severity = .error
    /// Other files of the library, as (id, text).
    var others: [String] = []
    var testDescription: String { name }
}

let malformedDirectives: [MalformedDirective] = {
    let base = DirectiveFixtures.province
    func edit(_ old: String, _ new: String) -> String {
        precondition(base.contains(old), "«\(old)» is not in the base directive")
        return base.replacingOccurrences(of: old, with: new)
    }
    return [
        MalformedDirective(name: "bad JSON", text: edit("\"version\": 1,", "\"version\": 1"), expect: "JSON sai cú pháp"),
        MalformedDirective(name: "root is an array", text: "[]", expect: "tệp văn bản chỉ đạo phải là một đối tượng JSON"),
        MalformedDirective(
            name: "unknown key with a did-you-mean", text: edit("\"floors\":", "\"flors\": [], \"floors\":"),
            expect: "khóa «flors» không được dùng", severity: .warning),
        MalformedDirective(
            name: "misspelt key suggests the known one", text: edit("\"allowedAwards\":", "\"alowedAwards\":"),
            expect: "có phải ý bạn là «allowedAwards»", severity: .warning),
        MalformedDirective(
            name: "impossible date", text: edit("\"27/02/2026\"", "\"30/02/2026\""), expect: "date: ngày không hợp lệ «30/02/2026»"),
        MalformedDirective(name: "newer version", text: edit("\"version\": 1,", "\"version\": 2,"), expect: "phiên bản tệp là 2"),
        MalformedDirective(name: "missing number", text: edit("\"number\": \"1/KH-UBND\",", ""), expect: "thiếu khóa bắt buộc «number»"),
        MalformedDirective(
            name: "blank title", text: edit("\"title\": \"về thi đua\"", "\"title\": \" \""), expect: "title: không được để trống"),
        MalformedDirective(
            name: "id differs from the file name", text: edit("\"id\": \"tinh-mau-2026\"", "\"id\": \"tinh-mau\""),
            expect: "khác tên tệp «tinh-mau-2026.json»"),
        MalformedDirective(
            name: "id with capitals", text: edit("\"id\": \"tinh-mau-2026\"", "\"id\": \"Tinh-Mau\""), expect: "chỉ được gồm chữ thường"),
        MalformedDirective(
            name: "unknown issuer level", text: edit("\"level\": \"tinh\"", "\"level\": \"tỉnh\""),
            expect: "cần một trong: trung-uong, tinh, huyen, xa, dang"),
        MalformedDirective(
            name: "unknown comparison in a floor", text: edit("\"op\": \">=\"", "\"op\": \"=>\""), expect: "giá trị «=>» không hợp lệ"),
        MalformedDirective(
            name: "percent floor above 100", text: edit("\"value\": 95", "\"value\": 105"), expect: "tỷ lệ 105% nằm ngoài khoảng 0–100"),
        MalformedDirective(
            name: "two floors for one indicator",
            text: edit(
                "\"floors\": [{\"indicator\": \"dung-han\", \"op\": \">=\", \"value\": 95, \"measure\": \"percent\"}]",
                "\"floors\": [{\"indicator\": \"dung-han\", \"op\": \">=\", \"value\": 95}, {\"indicator\": \"dung-han\", \"op\": \">=\", \"value\": 96}]"
            ),
            expect: "đã có mức tối thiểu ở floors[0]"),
        MalformedDirective(
            name: "a required criterion with neither catalogue nor id",
            text: edit("{\"id\": \"tc-1\", \"text\": \"Đơn vị có chỉ số từ 80% trở lên.\"}", "{\"text\": \"x\"}"),
            expect: "cần «catalogue»"),
        MalformedDirective(
            name: "a required criterion of its own without text",
            text: edit("{\"id\": \"tc-1\", \"text\": \"Đơn vị có chỉ số từ 80% trở lên.\"}", "{\"id\": \"tc-1\"}"), expect: "cần «text»"),
        MalformedDirective(
            name: "unknown milestone kind", text: edit("\"kind\": \"registration\"", "\"kind\": \"dang-ky\""),
            expect: "cần một trong: launch, registration"),
        MalformedDirective(
            name: "latest due date before the directive", text: edit("\"latest\": \"28/02\"", "\"latest\": \"28/02/2025\""),
            expect: "trước ngày ban hành văn bản"),
        MalformedDirective(
            name: "impossible latest due date", text: edit("\"latest\": \"28/02\"", "\"latest\": \"31/04\""),
            expect: "hạn «31/04» không hợp lệ"),
        MalformedDirective(
            name: "unknown parent with a did-you-mean",
            text: edit("\"title\": \"về thi đua\",", "\"title\": \"về thi đua\", \"parent\": \"trung-uong-2025\","),
            expect: "văn bản cấp trên «trung-uong-2025» không có", others: ["trung-uong-2026"]),
        MalformedDirective(
            name: "its own parent", text: edit("\"title\": \"về thi đua\",", "\"title\": \"về thi đua\", \"parent\": \"tinh-mau-2026\","),
            expect: "không thể thực hiện chính nó"),
        MalformedDirective(
            name: "a floor weaker than the parent's",
            text: edit("\"title\": \"về thi đua\",", "\"title\": \"về thi đua\", \"parent\": \"trung-uong-2026\","),
            expect: "thấp hơn mức «≥ 99%» mà Kế hoạch số 9/KH-TW yêu cầu (directives/trung-uong-2026.json:", others: ["trung-uong-2026"]),
        MalformedDirective(name: "empty file with a byte-order mark", text: "\u{FEFF}", expect: "JSON sai cú pháp"),
    ]
}()

@Suite("Directives: malformed directive files")
struct MalformedDirectiveTests {
    /// A directive above the fixture: "trung-uong-2026", with a floor of ≥ 99 on dung-han.
    static let above = """
        {"version": 1, "id": "trung-uong-2026", "kind": "Kế hoạch", "number": "9/KH-TW", "date": "01/01/2026",
         "issuer": {"name": "Bộ Mẫu", "level": "trung-uong"}, "title": "về thi đua",
         "floors": [{"indicator": "dung-han", "op": ">=", "value": 99}]}
        """

    @Test("each bad directive file gives its clear error", arguments: malformedDirectives)
    func malformed(_ c: MalformedDirective) throws {
        let library = DirectiveFixtures.library([("tinh-mau-2026", c.text)] + c.others.map { ($0, Self.above) })
        let file = try #require(library.file("tinh-mau-2026"))
        let matching = file.diagnostics.filter { $0.severity == c.severity && $0.rendered.contains(c.expect) }
        #expect(!matching.isEmpty, "expected «\(c.expect)» in: \(file.diagnostics.map(\.rendered))")
        for finding in matching {
            #expect(finding.file == "directives/tinh-mau-2026.json")
            #expect(finding.line != nil, "no line in \(finding.rendered)")
        }
        if c.severity == .error { #expect(file.isBroken) }
    }

    @Test("the corpus holds at least 10 cases")
    func corpusSize() {
        #expect(malformedDirectives.count >= 10)
    }

    @Test("the UTF-16 and Windows-1258 encodings are refused with how to re-save")
    func encodings() {
        let utf16 = DirectiveFile.read(bytes: [0xFF, 0xFE, 0x7B, 0x00], file: "directives/x.json", expectedID: "x")
        #expect(utf16.diagnostics.first?.message.contains("UTF-16") == true)
        let legacy = DirectiveFile.read(
            bytes: Array("{\"title\": \"v".utf8) + [0xEA] + Array("\"}".utf8), file: "directives/x.json", expectedID: "x")
        #expect(legacy.diagnostics.first?.message.contains("không phải UTF-8") == true)
    }

    @Test("the directives shipped in the repository load clean")
    func shipped() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let workspace = Workspace(root: root)
        let library = DirectiveLibrary.load(folder: workspace.directivesFolder, display: workspace.display)
        #expect(!library.files.isEmpty)
        for file in library.files { #expect(file.diagnostics.isEmpty, "\(file.diagnostics.map(\.rendered))") }
        #expect(
            library.chain(from: "minh-xuan-du-cds-2026").compactMap(\.directive?.id) == ["minh-xuan-du-cds-2026", "tuyen-quang-cds-2026"])
    }
}
