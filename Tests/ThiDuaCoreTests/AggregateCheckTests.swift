import Foundation
import Testing
import ThiDuaCore

/// `check` on the keys of aggregated indicators, criterion scopes, and directive floors on criterion rules.
@Suite("Aggregated indicators, scopes and floors on rules, as check sees them")
struct AggregateCheckTests {
    static let perUnit = """
        {"id": "chi-so", "title": "Chỉ số", "measure": "percent", "scope": "collective"}
        """

    static func withIndicator(_ json: String) -> String {
        CoreFixtures.validText.replacingOccurrences(
            of: perUnit, with: perUnit + ",\n    {\"id\": \"dan-so\", \"title\": \"Dân số\", \"measure\": \"count\", \"scope\": \"collective\"},\n    " + json)
    }

    static func errors(_ text: String) -> [Diagnostic] {
        CoreFixtures.load(text).diagnostics.filter { $0.severity == .error }
    }

    @Test("a well-formed weighted aggregate passes")
    func valid() {
        let text = Self.withIndicator(
            #"{"id": "chi-so-xa", "title": "Chỉ số xã", "measure": "percent", "target": {"op": ">", "value": 85}, "aggregate": {"of": "chi-so", "by": "weighted", "weight": "dan-so"}}"#
        )
        #expect(text.contains("chi-so-xa"))
        #expect(Self.errors(text).isEmpty, "\(Self.errors(text).map(\.rendered))")
    }

    @Test(
        "each wrong aggregate names its key and what is allowed",
        arguments: [
            (#"{"of": "chi-so", "by": "weighted"}"#, "indicators[3].aggregate.weight", "«by» là «weighted» nên cần «weight»"),
            (#"{"of": "chi-sooo", "by": "mean"}"#, "indicators[3].aggregate.of", "«of» là «chi-sooo» nhưng «indicators» không có chỉ tiêu này"),
            (#"{"of": "dung-han", "by": "mean"}"#, "indicators[3].aggregate.of", "cần chỉ tiêu của từng đơn vị (\"scope\": \"collective\")"),
            (#"{"of": "chi-so", "by": "mean", "weight": "dan-so"}"#, "indicators[3].aggregate.weight", "«weight» chỉ dùng khi «by» là «weighted»"),
            (#"{"of": "chi-so", "by": "mean", "minReported": 120}"#, "indicators[3].aggregate.minReported", "không quá 100"),
        ])
    func invalid(aggregate: String, path: String, message: String) throws {
        let text = Self.withIndicator(#"{"id": "chi-so-xa", "title": "Chỉ số xã", "measure": "percent", "aggregate": "# + aggregate + "}")
        let errors = Self.errors(text)
        let finding = try #require(errors.first { $0.path == path }, "\(errors.map(\.rendered))")
        #expect(finding.message.contains(message), "\(finding.message)")
    }

    @Test("an unknown method is refused with the allowed ones")
    func unknownMethod() {
        let text = Self.withIndicator(#"{"id": "chi-so-xa", "title": "Chỉ số xã", "measure": "percent", "aggregate": {"of": "chi-so", "by": "median"}}"#)
        let rendered = Self.errors(text).map(\.rendered).joined(separator: "\n")
        #expect(rendered.contains("median"), "\(rendered)")
        #expect(rendered.contains("giá trị «median» không hợp lệ; cần một trong: sum, mean, weighted"), "\(rendered)")
    }

    @Test("a scope names known unit kinds and groups")
    func scope() throws {
        let text = CoreFixtures.validText.replacingOccurrences(
            of: #""text": "Đơn vị có chỉ số từ 80% trở lên.","#,
            with: #""text": "Đơn vị có chỉ số từ 80% trở lên.", "scope": {"unitKinds": ["thonn"], "groups": ["khong-co"]},"#)
        let errors = Self.errors(text)
        let kind = try #require(errors.first { $0.path == "criteria[0].scope.unitKinds[0]" }, "\(errors.map(\.rendered))")
        #expect(kind.message.contains("loại đơn vị «thonn» không có"))
        #expect(kind.hint == "có phải ý bạn là «thon»?")
        let group = try #require(errors.first { $0.path == "criteria[0].scope.groups[0]" })
        #expect(group.message.contains("có: phong-ban, can-bo"))
    }

    @Test("a criterion rule looser than a directive's floor is an error naming the plan and the directive file")
    func floorOnRule() throws {
        let directive = DirectiveFixtures.province.replacingOccurrences(
            of: #""floors": [{"indicator": "dung-han", "op": ">=", "value": 95, "measure": "percent"}]"#,
            with: #""floors": [{"indicator": "dung-han", "op": ">=", "value": 95, "measure": "percent"}, {"indicator": "chi-so", "op": ">", "value": 85}]"#)
        #expect(directive.contains("\"chi-so\""))
        let result = DirectiveFixtures.load(DirectiveFixtures.plan(), [("tinh-mau-2026", directive)])
        let errors = DirectiveFixtures.errors(result)
        let finding = try #require(errors.first { $0.path == "criteria[0].rule.any[0]" }, "\(errors.map(\.rendered))")
        #expect(finding.file == "campaigns/valid-minimal.json")
        #expect(finding.message.contains("điều kiện «chi-so ≥ 80%» lỏng hơn mức"), "\(finding.message)")
        #expect(finding.message.contains("«> 85%»"), "\(finding.message)")
        #expect(finding.message.contains("directives/tinh-mau-2026.json"), "\(finding.message)")
    }
}
