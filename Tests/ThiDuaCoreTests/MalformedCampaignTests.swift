import Foundation
import Testing
import ThiDuaCore

/// One bad campaign file: how it is made from the valid fixture, and the error it must give.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    var name: String
    /// Replacements applied to the valid fixture (each `old` must occur in it).
    var edits: [(old: String, new: String)] = []
    /// A whole replacement text, instead of edits.
    var text: String?
    var bytes: [UInt8]?
    /// A fragment the finding's rendered text must contain.
    var expect: String
    var severity: Diagnostic.Severity = .error
    /// Whether the finding must carry a line number.
    var located = true

    var testDescription: String { name }

    func input() -> [UInt8]? {
        if let bytes { return bytes }
        if let text { return Array(text.utf8) }
        var result = CoreFixtures.validText
        for edit in edits {
            guard result.contains(edit.old) else { return nil }
            result = result.replacingOccurrences(of: edit.old, with: edit.new)
        }
        return Array(result.utf8)
    }
}

let malformedCases: [MalformedCase] = [
    MalformedCase(name: "empty file", text: "", expect: "tệp kết thúc khi đang chờ một giá trị JSON"),
    MalformedCase(name: "missing comma", edits: [("\"version\": 1,", "\"version\": 1")], expect: "cần dấu , hoặc }"),
    MalformedCase(name: "unterminated string", text: "{\"version\": 1, \"type\": \"kiem", expect: "chuỗi chưa được đóng"),
    MalformedCase(name: "root is an array", text: "[1, 2]", expect: "phải là một đối tượng JSON"),
    MalformedCase(
        name: "version as a string", edits: [("\"version\": 1,", "\"version\": \"1\",")],
        expect: "version: thấy chuỗi «1» nhưng cần một số nguyên"),
    MalformedCase(name: "newer version", edits: [("\"version\": 1,", "\"version\": 2,")], expect: "phiên bản tệp là 2"),
    MalformedCase(
        name: "unknown type with a near id", edits: [("\"type\": \"kiem-tra\"", "\"type\": \"dan-van-keo\"")],
        expect: "có phải ý bạn là «dan-van-kheo»"),
    MalformedCase(
        name: "unknown type lists known ids", edits: [("\"type\": \"kiem-tra\"", "\"type\": \"xyz\"")],
        expect: "các loại hiện có: kiem-tra, dan-van-kheo"),
    MalformedCase(
        name: "unknown top-level key", edits: [("\"place\":", "\"titel\": \"x\", \"place\":")], expect: "khóa «titel» không được dùng",
        severity: .warning),
    MalformedCase(
        name: "unknown key suggests the known one", edits: [("\"purpose\": \"b/c\"", "\"purpse\": \"b/c\"")],
        expect: "có phải ý bạn là «purpose»", severity: .warning),
    MalformedCase(name: "missing signer", edits: [("\"signer\":", "\"signr\":")], expect: "thiếu khóa bắt buộc «signer»"),
    MalformedCase(
        name: "missing issuer header lines", edits: [("\"headerLines\"", "\"header\"")], expect: "issuer.headerLines: thiếu khóa bắt buộc"),
    MalformedCase(
        name: "30 February in basis", edits: [("\"27/02/2026\"", "\"30/02/2026\"")], expect: "basis[0].date: ngày không hợp lệ «30/02/2026»"
    ),
    MalformedCase(
        name: "31 April as the plan date", edits: [("{\"day\": 5, \"month\": 4", "{\"day\": 31, \"month\": 4")], expect: "không có thật"),
    MalformedCase(
        name: "month 13 in ISO form", edits: [("\"end\": \"31/12/2026\"", "\"end\": \"2026-13-01\"")],
        expect: "period.end: ngày không hợp lệ"),
    MalformedCase(name: "percent over 100", edits: [("\"value\": 98}", "\"value\": 101}")], expect: "tỷ lệ 101% nằm ngoài khoảng 0–100"),
    MalformedCase(
        name: "duplicate indicator ids", edits: [("{\"id\": \"chi-so\"", "{\"id\": \"dung-han\"")], expect: "trùng với indicators[0]"),
    MalformedCase(
        name: "criterion reads a missing indicator", edits: [("{\"indicator\": \"chi-so\"", "{\"indicator\": \"chi-so-cchc\"")],
        expect: "«indicators» không có chỉ tiêu này"),
    MalformedCase(
        name: "rule with no leading key", edits: [("{\"attested\": \"ky-cam-ket\"}", "{\"attest\": \"ky-cam-ket\"}")],
        expect: "điều kiện không có khóa dẫn đầu"),
    MalformedCase(
        name: "unknown comparison", edits: [("\"op\": \">=\", \"value\": 98", "\"op\": \"=>\", \"value\": 98")],
        expect: "giá trị «=>» không hợp lệ; cần một trong: >=, >, =, <=, <"),
    MalformedCase(
        name: "unknown measure", edits: [("\"measure\": \"percent\", \"target\"", "\"measure\": \"phan-tram\", \"target\"")],
        expect: "cần một trong: percent, count"),
    MalformedCase(
        name: "path traversal in id", edits: [("\"id\": \"valid-minimal\"", "\"id\": \"../../etc/passwd\"")], expect: "không được chứa «/»"),
    MalformedCase(
        name: "id differs from file name", edits: [("\"id\": \"valid-minimal\"", "\"id\": \"khac-ten\"")],
        expect: "khác tên tệp «valid-minimal.json»"),
    MalformedCase(name: "quota share of 0", edits: [("{\"share\": 20}", "{\"share\": 0}")], expect: "phải lớn hơn 0 và không quá 100"),
    MalformedCase(
        name: "milestone names an unknown form", edits: [("\"form\": \"dang-ky\"", "\"form\": \"dang-ki\"")],
        expect: "biểu mẫu «dang-ki» không có"),
    MalformedCase(
        name: "yearly milestone on 30/02", edits: [("\"due\": \"15/02\"", "\"due\": \"30/02\"")], expect: "hạn «30/02» không hợp lệ"),
    MalformedCase(
        name: "implements an unknown basis", edits: [("\"period\":", "\"implements\": [\"kh-2\"], \"period\":")],
        expect: "«kh-2» không có trong «basis»"),
    MalformedCase(
        name: "duplicate key", edits: [("\"place\": \"Phường Mẫu\",", "\"place\": \"Phường Mẫu\", \"place\": \"Khác\",")],
        expect: "khóa «place» lặp lại"),
    MalformedCase(
        name: "atLeast more than its rules", edits: [("{\"any\": [", "{\"atLeast\": 3, \"of\": [")],
        expect: "«atLeast» là 3 nhưng chỉ có 2 điều kiện"),
    MalformedCase(
        name: "attested check the type lacks", edits: [("{\"attested\": \"ky-cam-ket\"}", "{\"attested\": \"ky-cam-kt\"}")],
        expect: "không có mục xác nhận «ky-cam-kt»"),
    MalformedCase(
        name: "count of an unknown event",
        edits: [("{\"attested\": \"ky-cam-ket\"}", "{\"count\": \"mo-hinh\", \"op\": \">=\", \"value\": 1}")],
        expect: "không đếm được «mo-hinh»"),
    MalformedCase(name: "percent sign after a number", edits: [("\"value\": 98}", "\"value\": 98%}")], expect: "không được kèm dấu %"),
    MalformedCase(name: "UTF-16 file", bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], expect: "UTF-16", located: false),
    MalformedCase(
        name: "Windows-1258 file", bytes: Array("{\"name\": \"Ph".utf8) + [0xF2, 0xE0, 0x6E, 0x67] + Array("\"}".utf8),
        expect: "không phải UTF-8", located: false),
    MalformedCase(name: "nesting too deep", text: String(repeating: "[", count: 500), expect: "lồng nhau quá sâu"),
    MalformedCase(
        name: "integer too large", edits: [("{\"share\": 20}", "{\"count\": 99999999999999999999999}")], expect: "cần một số nguyên"),
    MalformedCase(
        name: "number written as a string", edits: [("\"value\": 98}", "\"value\": \"98\"}")], expect: "thấy chuỗi «98» nhưng cần một số"),
    MalformedCase(
        name: "empty title", edits: [("\"title\": \"Phát động phong trào thi đua kiểm tra năm 2026\"", "\"title\": \"  \"")],
        expect: "title: không được để trống"),
    MalformedCase(
        name: "no recipients", edits: [("[{\"name\": \"Sở Nội vụ\", \"purpose\": \"b/c\"}, {\"name\": \"Lưu: VT\"}]", "[]")],
        expect: "cần ít nhất một nơi nhận"),
    MalformedCase(
        name: "period starts after it ends", edits: [("{\"end\": \"31/12/2026\"", "{\"start\": \"01/01/2027\", \"end\": \"31/12/2026\"")],
        expect: "sau ngày kết thúc"),
    MalformedCase(
        name: "participant kind in Vietnamese", edits: [("\"kind\": \"collective\"", "\"kind\": \"tap-the\"")],
        expect: "cần một trong: collective, individual"),
    MalformedCase(
        name: "evaluated year outside the period", edits: [("\"years\": [2026]", "\"years\": [2030]")],
        expect: "năm 2030 nằm ngoài thời gian thi đua"),
    MalformedCase(name: "unclosed block comment", text: "/* bắt đầu\n{}", expect: "không được đóng bằng */"),
    MalformedCase(
        name: "bad escape in a string", edits: [("\"Phường Mẫu\",\n  \"date\"", "\"Phường \\q\",\n  \"date\"")],
        expect: "ký tự thoát \\q không hợp lệ"),
    MalformedCase(
        name: "object where a string is expected", edits: [("\"name\": \"Kiểm tra 2026 — phường Mẫu\"", "\"name\": {\"vi\": \"x\"}")],
        expect: "name: thấy đối tượng {…} nhưng cần một chuỗi"),
    MalformedCase(name: "decimal comma", edits: [("\"value\": 98}", "\"value\": 98,5}")], expect: "viết 98.5 thay cho 98,5"),
    MalformedCase(
        name: "schema link is accepted, unknown keys still warn",
        edits: [("\"version\": 1,", "\"$schema\": \"../docs/schema/campaign.schema.json\", \"version\": 1, \"addresees\": [],")],
        expect: "có phải ý bạn là «addressees»", severity: .warning),
]

@Suite("Malformed campaign files")
struct MalformedCampaignTests {
    @Test("the valid fixture loads with no finding")
    func validFixtureLoads() throws {
        let result = CoreFixtures.load(CoreFixtures.validText)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let plan = try #require(result.validPlan)
        #expect(plan.indicators.count == 2)
        #expect(plan.implements == ["kh-1"])
    }

    @Test("each bad file gives its clear error and no plan", arguments: malformedCases)
    func malformed(_ testCase: MalformedCase) throws {
        let bytes = try #require(testCase.input(), "the edit of «\(testCase.name)» does not apply to the fixture")
        let result = CampaignLoader(registry: CoreFixtures.registry).load(
            bytes: bytes, file: "valid-minimal.json", expectedID: "valid-minimal")
        let matching = result.diagnostics.filter { $0.severity == testCase.severity && $0.rendered.contains(testCase.expect) }
        #expect(!matching.isEmpty, "expected «\(testCase.expect)» in: \(result.diagnostics.map(\.rendered))")
        if testCase.severity == .error { #expect(result.validPlan == nil) }
        for finding in matching {
            #expect(finding.file == "valid-minimal.json")
            if testCase.located { #expect(finding.line != nil, "no line in \(finding.rendered)") }
        }
    }

    @Test("the corpus holds at least 25 cases")
    func corpusSize() {
        #expect(malformedCases.count >= 25)
    }
}
