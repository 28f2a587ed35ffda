import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore
import ThiDuaTestSupport

/// The example type file of the repository, and ways to break it.
enum DeclaredTypeFixtures {
    static let file = Repository.root.appendingPathComponent("types/chuyen-doi-so.json")
    static var text: String { (try? String(contentsOf: file, encoding: .utf8)) ?? "" }

    static func read(_ text: String, stem: String = "chuyen-doi-so") -> DeclaredTypeFileResult {
        DeclaredTypeSet.read(
            bytes: Array(text.utf8), file: "types/\(stem).json", stem: stem, compiled: CompiledTypes.registry,
            origins: CompiledTypes.origins)
    }
}

@Suite("Campaign types declared in JSON")
struct DeclaredTypeTests {
    @Test("the example type loads with no finding and passes the conformance suite")
    func exampleConforms() throws {
        let result = DeclaredTypeFixtures.read(DeclaredTypeFixtures.text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let definition = try #require(result.definition)
        #expect(definition.id == "chuyen-doi-so")
        #expect(definition.fields.map(\.id) == ["ha-tang-so", "chinh-quyen-so", "kinh-te-so", "xa-hoi-so"])
        #expect(definition.forms.map(\.id) == ["dang-ky-thi-dua", "bao-cao-chi-tieu"])
        #expect(definition.defaultOutline == CampaignTypeDefinition.standardOutline)
        let type = DeclaredCampaignType(definition: definition)
        let failures = CampaignTypeConformance.check(type)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("the repository's registry is the compiled types plus the declared one")
    func repositoryRegistry() throws {
        let registry = CompiledTypes.registry(for: Workspace(root: Repository.root))
        #expect(registry.ids == CompiledTypes.registry.ids + ["chuyen-doi-so"])
        let type = try #require(registry.type("chuyen-doi-so"))
        #expect(type is DeclaredCampaignType)
        #expect(CampaignTypeConformance.check(type).isEmpty)
        #expect(Set(registry.ids).count == registry.ids.count)
    }

    @Test("an id of a compiled type is an error naming both, and the compiled type stays")
    func clash() throws {
        let text = DeclaredTypeFixtures.text.replacingOccurrences(of: "\"id\": \"chuyen-doi-so\"", with: "\"id\": \"dan-van-kheo\"")
        let result = DeclaredTypeFixtures.read(text, stem: "dan-van-kheo")
        let finding = try #require(
            result.diagnostics.first { $0.path == "id" && $0.severity == .error }, "\(result.diagnostics.map(\.rendered))")
        #expect(finding.file == "types/dan-van-kheo.json")
        #expect(finding.line != nil)
        #expect(finding.message.contains("trùng với loại có sẵn «Dân vận khéo» (dan-van-kheo, Plugins/DanVanKheo)"))
        let set = DeclaredTypeSet(files: [result], compiled: CompiledTypes.registry)
        #expect(set.types.isEmpty)
        let registry = CompiledTypes.registry.adding(set.types)
        #expect(registry.type("dan-van-kheo")?.definition.title == "Dân vận khéo")
        #expect(!(registry.type("dan-van-kheo") is DeclaredCampaignType))
    }

    @Test("a broken type file makes its campaigns fail with a message pointing at it, and never traps")
    func brokenTypeFailsItsCampaigns() throws {
        let broken = DeclaredTypeFixtures.text.replacingOccurrences(of: "\"kind\": \"tong-ket\"", with: "\"kind\": \"tong-kett\"")
        let set = DeclaredTypeSet(files: [DeclaredTypeFixtures.read(broken)], compiled: CompiledTypes.registry)
        let unavailable = try #require(set.types.first as? UnavailableDeclaredType)
        #expect(unavailable.file == "types/chuyen-doi-so.json")
        let registry = CompiledTypes.registry.adding(set.types)
        let campaign = Repository.campaigns.appendingPathComponent("minh-xuan-cds-2026.json")
        let result = CampaignLoader(registry: registry).load(path: campaign.path, displayName: "campaigns/minh-xuan-cds-2026.json")
        #expect(result.validPlan == nil)
        let finding = try #require(result.diagnostics.first { $0.path == "type" }, "\(result.diagnostics.map(\.rendered))")
        #expect(finding.message.contains("khai báo trong types/chuyen-doi-so.json nhưng tệp đó có lỗi"))
        #expect(finding.message.contains("types/chuyen-doi-so.json:"))
        #expect(finding.hint == "sửa tệp loại rồi chạy `thidua check types/chuyen-doi-so.json`")
        // No finding is made against the unusable definition.
        #expect(!result.diagnostics.contains { $0.path?.hasSuffix(".catalogue") == true })
    }

    @Test("a declared type can be used by a campaign exactly like a compiled one")
    func campaignOfDeclaredType() throws {
        let registry = CompiledTypes.registry(for: Workspace(root: Repository.root))
        let campaign = Repository.campaigns.appendingPathComponent("minh-xuan-cds-2026.json")
        let result = CampaignLoader(registry: registry).load(path: campaign.path, displayName: "campaigns/minh-xuan-cds-2026.json")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let plan = try #require(result.validPlan)
        let resolved = ResolvedCampaign(plan: plan, type: try #require(registry.type(plan.type)))
        #expect(resolved.form("dang-ky-thi-dua")?.fields.map(\.id).contains("so-thanh-vien-to-cnsc") == true)
        #expect(resolved.form("khao-sat-ky-nang-so") != nil)
        #expect(resolved.definition.report(.tongKet)?.sections.map(\.id).contains("binh-dan-hoc-vu-so") == true)
        #expect(plan.basis[0].parentChain.map(\.id) == ["tuyen-quang-cds-2026"])
        // A wrong catalogue id is caught against the declared catalogue, with a did-you-mean.
        let text = try String(contentsOf: campaign, encoding: .utf8).replacingOccurrences(
            of: "\"catalogue\": \"cap-quang-ho-gia-dinh\"", with: "\"catalogue\": \"cap-quang-ho-gia-dih\"")
        let wrong = CampaignLoader(registry: registry).load(bytes: Array(text.utf8), file: "x.json", expectedID: "minh-xuan-cds-2026")
        #expect(wrong.diagnostics.contains { $0.hint == "có phải ý bạn là «cap-quang-ho-gia-dinh»?" })
    }

    @Test("a declared type's own report section is a tally of its form, by unit, that the host prints")
    func declaredTally() throws {
        let registry = CompiledTypes.registry(for: Workspace(root: Repository.root))
        let result = CampaignLoader(registry: registry).load(
            path: Repository.campaigns.appendingPathComponent("minh-xuan-cds-2026.json").path, displayName: "minh-xuan-cds-2026.json")
        let plan = try #require(result.validPlan)
        var s = SeedScenario(campaign: ResolvedCampaign(plan: plan, type: try #require(registry.type(plan.type))), roster: sampleRoster)
        s.enrol(units: ["to-1", "to-2"])
        let form = try #require(s.campaign.form("bao-cao-chi-tieu"))
        func row(_ unit: String, _ term: String) -> [String: FieldValue] {
            var values: [String: FieldValue] = ["don-vi": .unit(unit), "ky-bao-cao": .choice(term)]
            for field in form.fields where field.required && values[field.id] == nil {
                values[field.id] = field.kind == .percent || field.kind == .number ? .number(100) : field.kind == .integer ? .integer(4) : .text("x")
            }
            return values
        }
        try s.submit("bao-cao-chi-tieu", [row("to-1", "6 tháng"), row("to-1", "Cả năm")], on: day(1, 7, 2026))
        let lines = try s.reportSection("bao-cao-theo-don-vi", period: EvaluationPeriod(year: 2026))
        #expect(lines.contains("TT | Đơn vị | 6 tháng | Cả năm | Tổng số"), "\(lines)")
        #expect(lines.contains("1 | Tổ dân phố 1 | 1 | 1 | 2"), "\(lines)")
        #expect(lines.contains("2 | Tổ dân phố 2 | 0 | 0 | 0"), "\(lines)")
    }
}

/// One broken type file and the error it must give.
struct MalformedType: Sendable, CustomTestStringConvertible {
    var name: String
    var edits: [(String, String)]
    var expect: String
    var severity: Diagnostic.Severity = .error
    var stem = "chuyen-doi-so"
    var testDescription: String { name }
}

let malformedTypes: [MalformedType] = [
    MalformedType(name: "bad JSON", edits: [("\"version\": 1,", "\"version\": 1")], expect: "JSON sai cú pháp"),
    MalformedType(name: "newer version", edits: [("\"version\": 1,", "\"version\": 2,")], expect: "phiên bản tệp là 2"),
    MalformedType(
        name: "unknown key with a did-you-mean", edits: [("\"legalBasis\":", "\"sumary\": \"x\", \"legalBasis\":")],
        expect: "khóa «sumary» không được dùng", severity: .warning),
    MalformedType(
        name: "misspelt key inside a form field", edits: [("\"required\": false", "\"requird\": false")],
        expect: "có phải ý bạn là «required»", severity: .warning),
    MalformedType(name: "missing title", edits: [("\"title\": \"Chuyển đổi số\",", "")], expect: "thiếu khóa bắt buộc «title»"),
    MalformedType(
        name: "blank summary", edits: [("\"summary\": \"Thi đua đẩy mạnh", "\"summary\": \" \", \"x-summary\": \"Thi đua đẩy mạnh")],
        expect: "summary: cần một câu tóm tắt phong trào"),
    MalformedType(
        name: "id differs from the file name", edits: [("\"id\": \"chuyen-doi-so\"", "\"id\": \"chuyen-doi-so-2026\"")],
        expect: "khác tên tệp «chuyen-doi-so.json»"),
    MalformedType(
        name: "id with capitals", edits: [("\"id\": \"chuyen-doi-so\"", "\"id\": \"ChuyenDoiSo\"")], expect: "chỉ được gồm chữ thường"),
    MalformedType(
        name: "unknown measure, with a did-you-mean", edits: [("\"measure\": \"count\"", "\"measure\": \"cout\"")],
        expect: "Có phải ý bạn là «count»?"),
    MalformedType(
        name: "bad field kind, with a did-you-mean", edits: [("\"kind\": \"long-text\"}", "\"kind\": \"longtext\"}")],
        expect: "Có phải ý bạn là «long-text»?"),
    MalformedType(
        name: "duplicate indicator ids",
        edits: [("{\"id\": \"so-hoa-ket-qua\", \"title\"", "{\"id\": \"ho-so-truc-tuyen-toan-trinh\", \"title\"")],
        expect: "indicators[1].id: mã «ho-so-truc-tuyen-toan-trinh» trùng với indicators[0]"),
    MalformedType(
        name: "percent default target above 100",
        edits: [("\"defaultTarget\": {\"op\": \">=\", \"value\": 70}", "\"defaultTarget\": {\"op\": \">=\", \"value\": 170}")],
        expect: "tỷ lệ 170% nằm ngoài khoảng 0–100"),
    MalformedType(
        name: "indicator of an unknown field",
        edits: [("\"scope\": \"campaign\", \"field\": \"ha-tang-so\"", "\"scope\": \"campaign\", \"field\": \"ha-tang\"")],
        expect: "lĩnh vực «ha-tang» không có trong «fields»"),
    MalformedType(
        name: "counted event of an unknown form", edits: [("\"form\": \"dang-ky-thi-dua\"}", "\"form\": \"dang-ky-thi-dau\"}")],
        expect: "có phải ý bạn là «dang-ky-thi-dua»?"),
    MalformedType(
        name: "criterion reading an unknown indicator",
        edits: [("{\"indicator\": \"tap-huan-to-cnsc\", \"op\"", "{\"indicator\": \"tap-huan\", \"op\"")],
        expect: "điều kiện dùng chỉ tiêu «tap-huan» không có trong «indicators» của loại"),
    MalformedType(
        name: "criterion asking an unknown attested check", edits: [("{\"attested\": \"sang-kien-so\"", "{\"attested\": \"sang-kien\"")],
        expect: "mục xác nhận «sang-kien» không có"),
    MalformedType(
        name: "rule with no leading key", edits: [("{\"attested\": \"sang-kien-so\"", "{\"attest\": \"sang-kien-so\"")],
        expect: "điều kiện không có khóa dẫn đầu"),
    MalformedType(
        name: "a choice without choices", edits: [("\"kind\": \"choice\", \"choices\": [\"6 tháng\", \"Cả năm\"]", "\"kind\": \"choice\"")],
        expect: "trường kiểu «choice» cần «choices»"),
    MalformedType(
        name: "a field reporting an unknown indicator", edits: [("\"reports\": \"van-ban-ky-so\"", "\"reports\": \"van-ban\"")],
        expect: "chỉ tiêu «van-ban» không có trong «indicators» của loại"),
    MalformedType(
        name: "no tổng kết layout", edits: [("\"kind\": \"tong-ket\"", "\"kind\": \"so-ket\"")], expect: "thiếu mẫu báo cáo «tong-ket»"),
    MalformedType(
        name: "unknown report kind", edits: [("\"kind\": \"tong-ket\"", "\"kind\": \"tongket\"")], expect: "Có phải ý bạn là «tong-ket»?"),
    MalformedType(
        name: "duplicate section ids", edits: [("{\"id\": \"cach-lam-hay\"", "{\"id\": \"tru-cot\"")],
        expect: "trùng với reports[1].sections[4]"),
    MalformedType(
        name: "an outline block of no known form",
        edits: [("\"reports\": [", "\"defaultOutline\": [{\"heading\": \"I.\", \"blocks\": [{\"txt\": \"x\"}]}],\n  \"reports\": [")],
        expect: "khối của «outline» cần một trong các khóa"),
    MalformedType(
        name: "root is an array", edits: [("{\n  \"version\"", "[{\n  \"version\""), ("\n}\n", "\n}]\n")],
        expect: "phải là một đối tượng JSON"),
]

@Suite("Campaign types declared in JSON: malformed files")
struct MalformedTypeTests {
    @Test("each broken type file gives its clear error, with file and line", arguments: malformedTypes)
    func malformed(_ c: MalformedType) throws {
        var text = DeclaredTypeFixtures.text
        for (old, new) in c.edits {
            try #require(text.contains(old), "the edit «\(old)» does not apply to the example type")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let result = DeclaredTypeFixtures.read(text, stem: c.stem)
        let matching = result.diagnostics.filter { $0.severity == c.severity && $0.rendered.contains(c.expect) }
        #expect(!matching.isEmpty, "expected «\(c.expect)» in: \(result.diagnostics.map(\.rendered))")
        for finding in matching {
            #expect(finding.file == "types/\(c.stem).json")
            #expect(finding.line != nil, "no line in \(finding.rendered)")
        }
        if c.severity == .error { #expect(result.isBroken) }
    }

    @Test("the corpus holds at least 10 cases")
    func corpusSize() {
        #expect(malformedTypes.count >= 10)
    }

    @Test("a type file that is not UTF-8 is refused with how to re-save it")
    func encoding() {
        let result = DeclaredTypeSet.read(
            bytes: [0xFF, 0xFE, 0x7B, 0x00], file: "types/x.json", stem: "x", compiled: CompiledTypes.registry)
        #expect(result.isBroken)
        #expect(result.diagnostics.first?.message.contains("UTF-16") == true)
    }
}
