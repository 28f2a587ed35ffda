import Foundation
import Testing
import ThiDuaCore

/// A type with a catalogue, a form and both report layouts, and the valid fixture plan of it.
enum VariantFixtures {
    static let type = DeclaredCampaignType(
        definition: CampaignTypeDefinition(
            id: "kiem-tra", title: "Kiểm tra", summary: "Loại dùng trong kiểm thử.", legalBasis: ["Luật Thi đua, khen thưởng"],
            indicators: [
                CatalogueIndicator(
                    id: "dung-han", title: "Hồ sơ đúng hạn", measure: .percent, defaultTarget: Target(.atLeast, 95), scope: .campaign)
            ],
            criteria: [
                CatalogueCriterion(
                    id: "cam-ket", appliesTo: .individual, text: "Ký cam kết.", rule: .attested(check: "ky-cam-ket", evidence: false))
            ],
            attestedChecks: [AttestedCheck(id: "ky-cam-ket", title: "Đã ký cam kết")],
            countedEvents: [CountedEvent(id: "dang-ky", title: "Đăng ký", form: "dang-ky")],
            forms: [
                FormSpec(
                    id: "dang-ky", title: "Phiếu đăng ký",
                    fields: [
                        FieldSpec(id: "don-vi", label: "Đơn vị", kind: .unit),
                        FieldSpec(id: "noi-dung", label: "Nội dung", kind: .longText),
                    ])
            ],
            reports: ReportKind.allCases.map { kind in
                ReportLayout(
                    kind: kind, title: "Báo cáo \(kind.vietnamese)",
                    sections: [
                        ReportSection(id: "chi-dao", heading: "Công tác chỉ đạo", source: .handwritten),
                        ReportSection(id: "chi-tieu", heading: "Kết quả chỉ tiêu", source: .indicators),
                    ])
            }))

    static let registry = CampaignTypeRegistry(types: [type])

    /// The valid fixture with `variants` inserted before `"recipients"` and `edits` applied.
    static func plan(_ variants: String = "", edits: [(String, String)] = []) -> String {
        var text = CoreFixtures.validText
        if !variants.isEmpty {
            text = text.replacingOccurrences(of: "\n  \"recipients\": [{", with: "\n  " + variants + ",\n  \"recipients\": [{")
        }
        for (old, new) in edits {
            #expect(text.contains(old), "the edit «\(old)» does not apply")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static func load(_ text: String) -> CampaignLoadResult {
        CampaignLoader(registry: registry).load(bytes: Array(text.utf8), file: "valid-minimal.json", expectedID: "valid-minimal")
    }
}

@Suite("Plan variants")
struct PlanVariantTests {
    @Test("a field added to the type's form appears in the effective form, after the named field")
    func addedField() throws {
        let text = VariantFixtures.plan(
            """
            "formFields": [{"form": "dang-ky", "after": "don-vi", "fields": [
              {"id": "so-thanh-vien", "label": "Số thành viên", "kind": "integer", "required": false},
              {"id": "linh-vuc", "label": "Lĩnh vực", "kind": "choice", "choices": ["Hạ tầng số", "Xã hội số"]}
            ]}]
            """)
        let result = VariantFixtures.load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let plan = try #require(result.validPlan)
        let form = try #require(ResolvedCampaign(plan: plan, type: VariantFixtures.type).form("dang-ky"))
        #expect(form.fields.map(\.id) == ["don-vi", "so-thanh-vien", "linh-vuc", "noi-dung"])
        #expect(form.fields[1].required == false)
        #expect(form.fields[2].required == true)
        // The type's own definition is untouched.
        #expect(VariantFixtures.type.definition.form("dang-ky")?.fields.count == 2)
    }

    @Test("a form of the plan's own is in the effective definition and can be named by a milestone")
    func ownForm() throws {
        let text = VariantFixtures.plan(
            """
            "forms": [{"id": "khao-sat", "title": "Phiếu khảo sát", "filledBy": "collective", "repeated": true,
              "fields": [{"id": "to-dan-pho", "label": "Tổ dân phố", "kind": "unit"}, {"id": "co-vneid", "label": "Có VNeID", "kind": "yes-no"}]}]
            """, edits: [("\"form\": \"dang-ky\", \"text\"", "\"form\": \"khao-sat\", \"text\"")])
        let result = VariantFixtures.load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let plan = try #require(result.validPlan)
        let form = try #require(ResolvedCampaign(plan: plan, type: VariantFixtures.type).form("khao-sat"))
        #expect(form.repeated)
        #expect(form.filledBy == .collective)
        #expect(form.fields.map(\.kind) == [.unit, .yesNo])
    }

    @Test("a field can be added to a host form and to the plan's own form")
    func hostAndOwnForms() throws {
        let text = VariantFixtures.plan(
            """
            "forms": [{"id": "khao-sat", "title": "Phiếu khảo sát", "fields": [{"id": "ho", "label": "Hộ", "kind": "text"}]}],
            "formFields": [
              {"form": "ket-qua-chi-tieu", "fields": [{"id": "ghi-chu", "label": "Ghi chú", "kind": "text", "required": false}]},
              {"form": "khao-sat", "fields": [{"id": "so-nguoi", "label": "Số người", "kind": "integer"}]}
            ]
            """)
        let result = VariantFixtures.load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let resolved = ResolvedCampaign(plan: try #require(result.validPlan), type: VariantFixtures.type)
        #expect(resolved.form(HostForms.indicatorResults)?.fields.last?.id == "ghi-chu")
        #expect(resolved.form("khao-sat")?.fields.map(\.id) == ["ho", "so-nguoi"])
    }

    @Test("a report section is added to one layout, or to both")
    func addedSections() throws {
        let text = VariantFixtures.plan(
            """
            "reportSections": [
              {"report": "tong-ket", "after": "chi-dao", "sections": [{"id": "binh-dan-hoc-vu-so", "heading": "Kết quả “Bình dân học vụ số”", "source": "handwritten", "prompt": "Số lớp, số lượt"}]},
              {"sections": [{"id": "kien-nghi", "heading": "Kiến nghị, đề xuất", "source": "handwritten"},
                            {"id": "dang-ky", "heading": "Đăng ký theo đơn vị", "source": "tally", "tally": {"form": "dang-ky", "groupBy": "unit"}}]}
            ]
            """)
        let result = VariantFixtures.load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let resolved = ResolvedCampaign(plan: try #require(result.validPlan), type: VariantFixtures.type)
        #expect(resolved.definition.report(.tongKet)?.sections.map(\.id) == ["chi-dao", "binh-dan-hoc-vu-so", "chi-tieu", "kien-nghi", "dang-ky"])
        #expect(resolved.definition.report(.soKet)?.sections.map(\.id) == ["chi-dao", "chi-tieu", "kien-nghi", "dang-ky"])
    }

    @Test("selecting the catalogue, overriding its target and adding indicators and criteria of the plan's own need no variant")
    func catalogueAndOwnParts() throws {
        let text = VariantFixtures.plan(
            edits: [
                (
                    "\"target\": {\"op\": \">=\", \"value\": 98}, \"text\"",
                    "\"target\": {\"op\": \">=\", \"value\": 99}, \"catalogue\": \"dung-han\", \"text\""
                ),
                (
                    "\"criteria\": [",
                    "\"criteria\": [{\"id\": \"tc-cam-ket\", \"appliesTo\": \"individual\", \"catalogue\": \"cam-ket\", \"text\": \"Ký cam kết.\", \"rule\": {\"attested\": \"ky-cam-ket\"}}, {\"id\": \"tc-rieng\", \"appliesTo\": \"collective\", \"text\": \"Tiêu chí riêng.\", \"rule\": {\"indicator\": \"chi-so\", \"op\": \">=\", \"value\": 90}},"
                ),
            ])
        let result = VariantFixtures.load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let plan = try #require(result.validPlan)
        #expect(plan.indicators[0].target == Target(.atLeast, 99))
        #expect(plan.indicators[1].catalogue == nil)
        let wrong = VariantFixtures.plan(edits: [
            ("\"target\": {\"op\": \">=\", \"value\": 98}, \"text\"", "\"catalogue\": \"dung-hn\", \"text\"")
        ])
        #expect(
            VariantFixtures.load(wrong).diagnostics.contains {
                $0.path == "indicators[0].catalogue" && $0.hint == "có phải ý bạn là «dung-han»?"
            })
    }

    @Test("a plan without variants encodes no variant key")
    func noVariantKeys() throws {
        let plan = try #require(VariantFixtures.load(VariantFixtures.plan()).validPlan)
        #expect(plan.forms.isEmpty && plan.formFields.isEmpty && plan.reportSections.isEmpty)
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        for key in ["\"forms\"", "\"formFields\"", "\"reportSections\"", "parentChain"] { #expect(!json.contains(key)) }
    }

    @Test("applying broken variants never traps and skips what names nothing")
    func applyIsDefensive() {
        guard var plan = VariantFixtures.load(VariantFixtures.plan()).plan else {
            Issue.record("the fixture does not load")
            return
        }
        plan.formFields = [FormFieldAddition(form: "khong-co", fields: [FieldSpec(id: "x", label: "X", kind: .text)])]
        plan.reportSections = [
            ReportSectionAddition(
                report: .soKet, after: "khong-co", sections: [ReportSection(id: "chi-dao", heading: "Trùng", source: .handwritten)])
        ]
        let resolved = ResolvedCampaign(plan: plan, type: VariantFixtures.type)
        #expect(!resolved.definition.forms.contains { $0.id == "khong-co" || $0.fields.contains { $0.id == "x" } })
        #expect(resolved.definition.report(.soKet)?.sections.map(\.id) == ["chi-dao", "chi-tieu"])
    }
}

/// One wrong variant and the finding it must give.
struct VariantCase: Sendable, CustomTestStringConvertible {
    var name: String
    var variants: String
    var expect: String
    var path: String?
    var severity: Diagnostic.Severity = .error
    var testDescription: String { name }
}

let variantCases: [VariantCase] = [
    VariantCase(
        name: "extending an unknown form, with a did-you-mean",
        variants: #""formFields": [{"form": "dang-ki", "fields": [{"id": "x", "label": "X", "kind": "text"}]}]"#,
        expect: "biểu mẫu «dang-ki» không có", path: "formFields[0].form"),
    VariantCase(
        name: "a field id the form already has",
        variants: #""formFields": [{"form": "dang-ky", "fields": [{"id": "don-vi", "label": "Đơn vị 2", "kind": "unit"}]}]"#,
        expect: "trường «don-vi» đã có trong biểu mẫu «dang-ky»", path: "formFields[0].fields[0].id"),
    VariantCase(
        name: "the same new field twice",
        variants:
            #""formFields": [{"form": "dang-ky", "fields": [{"id": "a", "label": "A", "kind": "text"}, {"id": "a", "label": "B", "kind": "text"}]}]"#,
        expect: "trường «a» đã có", path: "formFields[0].fields[1].id"),
    VariantCase(
        name: "a bad field kind, with a did-you-mean",
        variants: #""formFields": [{"form": "dang-ky", "fields": [{"id": "so", "label": "Số", "kind": "integr"}]}]"#,
        expect: "Có phải ý bạn là «integer»?", path: "formFields[0].fields[0].kind"),
    VariantCase(
        name: "a choice without choices",
        variants: #""formFields": [{"form": "dang-ky", "fields": [{"id": "ky", "label": "Kỳ", "kind": "choice"}]}]"#,
        expect: "trường kiểu «choice» cần «choices»", path: "formFields[0].fields[0]"),
    VariantCase(
        name: "choices on a field that is not a choice",
        variants: #""formFields": [{"form": "dang-ky", "fields": [{"id": "ky", "label": "Kỳ", "kind": "text", "choices": ["a"]}]}]"#,
        expect: "chỉ trường kiểu «choice» mới có «choices»", path: "formFields[0].fields[0].choices"),
    VariantCase(
        name: "a blank label",
        variants: #""formFields": [{"form": "dang-ky", "fields": [{"id": "ky", "label": " ", "kind": "text"}]}]"#,
        expect: "nhãn của trường không được để trống", path: "formFields[0].fields[0].label"),
    VariantCase(
        name: "a field id that is not an id",
        variants: #""formFields": [{"form": "dang-ky", "fields": [{"id": "Số người", "label": "Số người", "kind": "integer"}]}]"#,
        expect: "chỉ được gồm chữ thường", path: "formFields[0].fields[0].id"),
    VariantCase(
        name: "after a field the form does not have",
        variants: #""formFields": [{"form": "dang-ky", "after": "noi-dug", "fields": [{"id": "x", "label": "X", "kind": "text"}]}]"#,
        expect: "biểu mẫu «dang-ky» không có trường «noi-dug»", path: "formFields[0].after"),
    VariantCase(
        name: "no fields to add", variants: #""formFields": [{"form": "dang-ky", "fields": []}]"#,
        expect: "cần ít nhất một trường để thêm", path: "formFields[0].fields"),
    VariantCase(
        name: "a field reporting an unknown indicator",
        variants: #""formFields": [{"form": "dang-ky", "fields": [{"id": "x", "label": "X", "kind": "percent", "reports": "dung-hn"}]}]"#,
        expect: "chỉ tiêu «dung-hn» không có", path: "formFields[0].fields[0].reports"),
    VariantCase(
        name: "a misspelt key in a field warns with a did-you-mean",
        variants: #""formFields": [{"form": "dang-ky", "fields": [{"id": "x", "label": "X", "kind": "text", "requird": false}]}]"#,
        expect: "có phải ý bạn là «required»", path: "formFields[0].fields[0].requird", severity: .warning),
    VariantCase(
        name: "a form of the plan's own with a type form's id",
        variants: #""forms": [{"id": "dang-ky", "title": "Phiếu", "fields": [{"id": "x", "label": "X", "kind": "text"}]}]"#,
        expect: "biểu mẫu «dang-ky» đã có trong loại «kiem-tra»", path: "forms[0].id"),
    VariantCase(
        name: "a form of the plan's own with a host form's id",
        variants: #""forms": [{"id": "ket-qua-chi-tieu", "title": "Phiếu", "fields": [{"id": "x", "label": "X", "kind": "text"}]}]"#,
        expect: "là biểu mẫu chung ThiDua tạo", path: "forms[0].id"),
    VariantCase(
        name: "two forms of the plan's own with one id",
        variants:
            #""forms": [{"id": "a", "title": "A", "fields": [{"id": "x", "label": "X", "kind": "text"}]}, {"id": "a", "title": "B", "fields": [{"id": "x", "label": "X", "kind": "text"}]}]"#,
        expect: "biểu mẫu «a» đã khai báo ở trên", path: "forms[1].id"),
    VariantCase(
        name: "a form of the plan's own without fields", variants: #""forms": [{"id": "a", "title": "A", "fields": []}]"#,
        expect: "biểu mẫu cần ít nhất một trường", path: "forms[0].fields"),
    VariantCase(
        name: "a form of the plan's own without a title",
        variants: #""forms": [{"id": "a", "fields": [{"id": "x", "label": "X", "kind": "text"}]}]"#,
        expect: "thiếu khóa bắt buộc «title»", path: "forms[0].title"),
    VariantCase(
        name: "an unknown report kind",
        variants: #""reportSections": [{"report": "so-kt", "sections": [{"id": "x", "heading": "X", "source": "handwritten"}]}]"#,
        expect: "Có phải ý bạn là «so-ket»?", path: "reportSections[0].report"),
    VariantCase(
        name: "a section id the layout already has",
        variants: #""reportSections": [{"report": "so-ket", "sections": [{"id": "chi-tieu", "heading": "X", "source": "indicators"}]}]"#,
        expect: "mục «chi-tieu» đã có trong mẫu báo cáo «so-ket»", path: "reportSections[0].sections[0].id"),
    VariantCase(
        name: "after a section the layout does not have",
        variants: #""reportSections": [{"after": "chi-tie", "sections": [{"id": "x", "heading": "X", "source": "handwritten"}]}]"#,
        expect: "không có mục «chi-tie»", path: "reportSections[0].after"),
    VariantCase(
        name: "a section of the plan's own cannot be filled by the type's code",
        variants: #""reportSections": [{"report": "tong-ket", "sections": [{"id": "x", "heading": "X", "source": "type"}]}]"#,
        expect: "nguồn «type» chỉ dành cho mục của loại phong trào", path: "reportSections[0].sections[0].source"),
    VariantCase(
        name: "a tally of an unknown form",
        variants: #""reportSections": [{"sections": [{"id": "x", "heading": "X", "source": "tally", "tally": {"form": "dang-ki"}}]}]"#,
        expect: "biểu mẫu «dang-ki» không có trong «forms»", path: "reportSections[0].sections[0].tally.form"),
    VariantCase(
        name: "a tally section without its tally",
        variants: #""reportSections": [{"sections": [{"id": "x", "heading": "X", "source": "tally"}]}]"#,
        expect: "mục nguồn «tally» cần «tally»", path: "reportSections[0].sections[0]"),
    VariantCase(
        name: "a blank section heading",
        variants: #""reportSections": [{"report": "tong-ket", "sections": [{"id": "x", "heading": "", "source": "handwritten"}]}]"#,
        expect: "tiêu đề mục không được để trống", path: "reportSections[0].sections[0].heading"),
    VariantCase(
        name: "an unknown section source",
        variants: #""reportSections": [{"report": "tong-ket", "sections": [{"id": "x", "heading": "X", "source": "handwriten"}]}]"#,
        expect: "Có phải ý bạn là «handwritten»?", path: "reportSections[0].sections[0].source"),
    VariantCase(
        name: "no sections to add", variants: #""reportSections": [{"report": "tong-ket", "sections": []}]"#,
        expect: "cần ít nhất một mục để thêm", path: "reportSections[0].sections"),
]

@Suite("Plan variants: errors")
struct PlanVariantErrorTests {
    @Test("each wrong variant gives its clear finding, with its path and line", arguments: variantCases)
    func wrong(_ c: VariantCase) {
        let result = VariantFixtures.load(VariantFixtures.plan(c.variants))
        let matching = result.diagnostics.filter { $0.severity == c.severity && $0.rendered.contains(c.expect) }
        #expect(!matching.isEmpty, "expected «\(c.expect)» in: \(result.diagnostics.map(\.rendered))")
        for finding in matching {
            if let path = c.path { #expect(finding.path == path, "\(finding.rendered)") }
            #expect(finding.line != nil, "no line in \(finding.rendered)")
        }
        if c.severity == .error { #expect(result.validPlan == nil) }
    }

    @Test("a did-you-mean for an unknown form to extend")
    func formSuggestion() {
        let result = VariantFixtures.load(VariantFixtures.plan(variantCases[0].variants))
        #expect(result.diagnostics.contains { $0.hint == "có phải ý bạn là «dang-ky»?" })
    }
}
