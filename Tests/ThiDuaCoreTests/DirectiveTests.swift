import Foundation
import Testing
import ThiDuaCore

/// Directive files in memory, and the valid fixture plan citing them.
enum DirectiveFixtures {
    /// A provincial directive the valid fixture meets.
    static let province = """
        {
          "version": 1,
          "id": "tinh-mau-2026",
          "kind": "Kế hoạch",
          "number": "1/KH-UBND",
          "date": "27/02/2026",
          "issuer": {"name": "UBND tỉnh Mẫu", "level": "tinh"},
          "title": "về thi đua",
          "floors": [{"indicator": "dung-han", "op": ">=", "value": 95, "measure": "percent"}],
          "requiredCriteria": [{"id": "tc-1", "text": "Đơn vị có chỉ số từ 80% trở lên."}],
          "requiredMilestones": [{"kind": "registration", "latest": "28/02"}],
          "allowedAwards": ["giay-khen-chu-tich-xa", "bang-khen-chu-tich-tinh"]
        }
        """

    /// A ward-level directive under the provincial one.
    static let ward = """
        {
          "version": 1,
          "id": "phuong-mau-2026",
          "kind": "Kế hoạch",
          "number": "7-KH/ĐU",
          "date": "03/03/2026",
          "issuer": {"name": "Đảng ủy phường Mẫu", "level": "dang"},
          "title": "về lãnh đạo thực hiện phong trào thi đua",
          "parent": "tinh-mau-2026",
          "floors": [{"indicator": "dung-han", "op": ">=", "value": 97}]
        }
        """

    /// The valid fixture with its basis entry citing `directive`.
    static func plan(citing directive: String = "tinh-mau-2026", edits: [(String, String)] = []) -> String {
        var text = CoreFixtures.validText.replacingOccurrences(
            of: "\"title\": \"về thi đua\"}", with: "\"title\": \"về thi đua\", \"directive\": \"\(directive)\"}")
        for (old, new) in edits {
            #expect(text.contains(old), "the edit «\(old)» does not apply")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// A library of directive files given as (id, text); each file is `directives/<id>.json`.
    static func library(_ files: [(String, String)]) -> DirectiveLibrary {
        DirectiveLibrary(
            files: files.map { id, text in
                (id, DirectiveFile.read(bytes: Array(text.utf8), file: "directives/\(id).json", expectedID: id))
            })
    }

    static func load(_ plan: String, _ files: [(String, String)] = [("tinh-mau-2026", province)]) -> CampaignLoadResult {
        CampaignLoader(registry: CoreFixtures.registry, directives: library(files))
            .load(bytes: Array(plan.utf8), file: "campaigns/valid-minimal.json", expectedID: "valid-minimal")
    }

    static func errors(_ result: CampaignLoadResult) -> [Diagnostic] { result.diagnostics.filter { $0.severity == .error } }
}

@Suite("Directives: plans against their directives")
struct DirectiveTests {
    @Test("a plan that meets its directive loads clean")
    func meets() throws {
        let result = DirectiveFixtures.load(DirectiveFixtures.plan())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let plan = try #require(result.validPlan)
        #expect(plan.basis[0].directive == "tinh-mau-2026")
        #expect(plan.basis[0].parentChain.isEmpty)
    }

    @Test("a target below the floor names both files; raising it passes")
    func belowFloor() throws {
        let low = DirectiveFixtures.plan(edits: [("\"value\": 98}, \"text\"", "\"value\": 90}, \"text\"")])
        let errors = DirectiveFixtures.errors(DirectiveFixtures.load(low))
        let finding = try #require(errors.first { $0.path == "indicators[0].target" }, "\(errors.map(\.rendered))")
        #expect(finding.file == "campaigns/valid-minimal.json")
        #expect(finding.line != nil)
        #expect(finding.message.contains("«≥ 90%»"))
        #expect(finding.message.contains("«≥ 95%»"))
        #expect(finding.message.contains("directives/tinh-mau-2026.json:"))
        #expect(finding.message.contains("floors[0]"))
        #expect(finding.rendered.hasPrefix("campaigns/valid-minimal.json:"))

        let raised = DirectiveFixtures.plan(edits: [("\"value\": 98}, \"text\"", "\"value\": 95}, \"text\"")])
        #expect(DirectiveFixtures.errors(DirectiveFixtures.load(raised)).isEmpty)
    }

    @Test("an indicator the floor names but the plan lacks, or without a target")
    func missingIndicator() throws {
        let dropped = DirectiveFixtures.plan(edits: [("{\"id\": \"dung-han\"", "{\"id\": \"dung-han-2\"")])
        let errors = DirectiveFixtures.errors(DirectiveFixtures.load(dropped))
        #expect(errors.contains { $0.path == "indicators" && $0.message.contains("thiếu chỉ tiêu «dung-han»") })
        let untargeted = DirectiveFixtures.plan(edits: [("\"target\": {\"op\": \">=\", \"value\": 98}, ", "")])
        #expect(DirectiveFixtures.errors(DirectiveFixtures.load(untargeted)).contains { $0.message.contains("chưa có «target»") })
    }

    @Test("a floor matches a plan indicator by its catalogue id too")
    func matchesCatalogue() {
        let province = DirectiveFixtures.province.replacingOccurrences(
            of: "\"indicator\": \"dung-han\"", with: "\"indicator\": \"ho-so-dung-han\"")
        let plan = DirectiveFixtures.plan(edits: [
            (
                "\"measure\": \"percent\", \"target\": {\"op\": \">=\", \"value\": 98}",
                "\"measure\": \"percent\", \"target\": {\"op\": \">=\", \"value\": 90}, \"catalogue\": \"ho-so-dung-han\""
            )
        ])
        // kiem-tra has no catalogue, so the catalogue id itself is an error; the floor must still be checked.
        let errors = DirectiveFixtures.errors(DirectiveFixtures.load(plan, [("tinh-mau-2026", province)]))
        #expect(errors.contains { $0.path == "indicators[0].target" })
    }

    @Test("a dropped required criterion names both files")
    func missingCriterion() throws {
        let plan = DirectiveFixtures.plan(edits: [("{\"id\": \"tc-1\"", "{\"id\": \"tc-khac\"")])
        let errors = DirectiveFixtures.errors(DirectiveFixtures.load(plan))
        let finding = try #require(errors.first { $0.path == "criteria" }, "\(errors.map(\.rendered))")
        #expect(finding.file == "campaigns/valid-minimal.json")
        #expect(finding.message.contains("thiếu tiêu chí «tc-1»"))
        #expect(finding.message.contains("directives/tinh-mau-2026.json:"))
        #expect(finding.message.contains("requiredCriteria[0]"))
    }

    @Test("a required criterion for the wrong kind of participant")
    func criterionKind() {
        let province = DirectiveFixtures.province.replacingOccurrences(
            of: "{\"id\": \"tc-1\", \"text\": \"Đơn vị có chỉ số từ 80% trở lên.\"}",
            with: "{\"id\": \"tc-1\", \"text\": \"Đơn vị có chỉ số từ 80% trở lên.\", \"appliesTo\": \"collective\"}")
        let errors = DirectiveFixtures.errors(DirectiveFixtures.load(DirectiveFixtures.plan(), [("tinh-mau-2026", province)]))
        #expect(errors.contains { $0.path == "criteria[0].appliesTo" && $0.message.contains("yêu cầu áp dụng cho tập thể") })
    }

    @Test("a missing required milestone, and one due too late")
    func milestones() throws {
        let missing = DirectiveFixtures.province.replacingOccurrences(
            of: "{\"kind\": \"registration\", \"latest\": \"28/02\"}",
            with: "{\"kind\": \"registration\", \"latest\": \"28/02\"}, {\"kind\": \"so-ket-report\", \"latest\": \"15/06/2026\"}")
        let errors = DirectiveFixtures.errors(DirectiveFixtures.load(DirectiveFixtures.plan(), [("tinh-mau-2026", missing)]))
        let finding = try #require(errors.first { $0.path == "milestones" }, "\(errors.map(\.rendered))")
        #expect(finding.message.contains("thiếu mốc «báo cáo sơ kết»"))
        #expect(finding.message.contains("chậm nhất 15/6/2026"))
        #expect(finding.message.contains("requiredMilestones[1]"))

        let late = DirectiveFixtures.province.replacingOccurrences(of: "\"latest\": \"28/02\"", with: "\"latest\": \"10/02\"")
        let lateErrors = DirectiveFixtures.errors(DirectiveFixtures.load(DirectiveFixtures.plan(), [("tinh-mau-2026", late)]))
        #expect(lateErrors.contains { $0.path == "milestones[0].due" && $0.message.contains("muộn hơn hạn chậm nhất 10/02 hằng năm") })

        let undated = DirectiveFixtures.plan(edits: [("\"due\": \"15/02\", ", "")])
        #expect(
            DirectiveFixtures.errors(DirectiveFixtures.load(undated)).contains {
                $0.path == "milestones[0]" && $0.message.contains("chưa có hạn")
            })
    }

    @Test("an award form the directive does not allow")
    func disallowedAward() throws {
        let province = DirectiveFixtures.province.replacingOccurrences(
            of: "[\"giay-khen-chu-tich-xa\", \"bang-khen-chu-tich-tinh\"]", with: "[\"giay-khen-chu-tich-xa-2026\"]")
        let errors = DirectiveFixtures.errors(DirectiveFixtures.load(DirectiveFixtures.plan(), [("tinh-mau-2026", province)]))
        let finding = try #require(errors.first { $0.path == "awards[0].form" }, "\(errors.map(\.rendered))")
        #expect(finding.message.contains("«giay-khen-chu-tich-xa» không được Kế hoạch số 1/KH-UBND cho phép"))
        #expect(finding.message.contains("directives/tinh-mau-2026.json:"))
        #expect(finding.hint == "có phải ý bạn là «giay-khen-chu-tich-xa-2026»?")
    }

    @Test("an unknown directive id is an error with a did-you-mean")
    func unknownDirective() {
        let errors = DirectiveFixtures.errors(DirectiveFixtures.load(DirectiveFixtures.plan(citing: "tinh-mau-2025")))
        #expect(errors.contains { $0.path == "basis[0].directive" && $0.message.contains("không có trong directives/") })
        #expect(errors.contains { $0.hint == "có phải ý bạn là «tinh-mau-2026»?" })
    }

    @Test("a directive cited with another number or date warns")
    func citationMismatch() {
        let plan = DirectiveFixtures.plan(edits: [
            ("\"number\": \"1/KH-UBND\", \"date\": \"27/02/2026\"", "\"number\": \"2/KH-UBND\", \"date\": \"28/02/2026\"")
        ])
        let result = DirectiveFixtures.load(plan)
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.path == "basis[0].number" })
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.path == "basis[0].date" })
    }

    @Test("a plan is held to the parent's floors, and the chain is printed in the plan")
    func parentChain() throws {
        let files = [("tinh-mau-2026", DirectiveFixtures.province), ("phuong-mau-2026", DirectiveFixtures.ward)]
        let good = DirectiveFixtures.plan(
            citing: "phuong-mau-2026",
            edits: [("\"number\": \"1/KH-UBND\", \"date\": \"27/02/2026\"", "\"number\": \"7-KH/ĐU\", \"date\": \"03/03/2026\"")])
        let result = DirectiveFixtures.load(good, files)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let plan = try #require(result.validPlan)
        #expect(plan.basis[0].parentChain.map(\.id) == ["tinh-mau-2026"])
        let document = PlanDocumentBuilder(plan: plan, type: nil).build()
        guard case .paragraph(let opening)? = document.body.first else {
            Issue.record("the plan does not open with a paragraph")
            return
        }
        #expect(opening.text.hasPrefix("Thực hiện Kế hoạch số 7-KH/ĐU ngày 03/3/2026 của UBND tỉnh Mẫu về thi đua; "))
        #expect(opening.text.hasSuffix("Kế hoạch số 1/KH-UBND ngày 27/02/2026 của UBND tỉnh Mẫu về thi đua."))

        // The ward asks ≥ 97: a plan at 96 passes the province (≥ 95) but not the ward.
        let low = good.replacingOccurrences(of: "\"value\": 98}, \"text\"", with: "\"value\": 96}, \"text\"")
        let errors = DirectiveFixtures.errors(DirectiveFixtures.load(low, files))
        #expect(errors.count == 1, "\(errors.map(\.rendered))")
        #expect(errors.first?.message.contains("directives/phuong-mau-2026.json:") == true)
        // The province's requirements reach the plan through the ward's directive.
        let noCriterion = good.replacingOccurrences(of: "{\"id\": \"tc-1\"", with: "{\"id\": \"tc-khac\"")
        #expect(
            DirectiveFixtures.errors(DirectiveFixtures.load(noCriterion, files)).contains {
                $0.message.contains("directives/tinh-mau-2026.json:")
            })
    }

    @Test("a cycle of parents is an error in each file, and a plan citing it cannot be checked")
    func cycle() {
        let a = DirectiveFixtures.province.replacingOccurrences(
            of: "\"title\": \"về thi đua\",", with: "\"title\": \"về thi đua\", \"parent\": \"phuong-mau-2026\",")
        let library = DirectiveFixtures.library([("tinh-mau-2026", a), ("phuong-mau-2026", DirectiveFixtures.ward)])
        for file in library.files {
            #expect(
                file.diagnostics.contains { $0.path == "parent" && $0.message.contains("vòng lặp") }, "\(file.diagnostics.map(\.rendered))")
        }
        #expect(library.chain(from: "tinh-mau-2026").count == 2)
        let errors = DirectiveFixtures.errors(
            DirectiveFixtures.load(DirectiveFixtures.plan(), [("tinh-mau-2026", a), ("phuong-mau-2026", DirectiveFixtures.ward)]))
        #expect(errors.contains { $0.path == "basis[0].directive" && $0.message.contains("có lỗi") })
    }

    @Test("a campaign file in a workspace finds the workspace's directives")
    func workspaceDiscovery() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-directives-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["campaigns", "directives"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(DirectiveFixtures.province.utf8).write(to: root.appendingPathComponent("directives/tinh-mau-2026.json"))
        let low = DirectiveFixtures.plan(edits: [("\"value\": 98}, \"text\"", "\"value\": 90}, \"text\"")])
        let path = root.appendingPathComponent("campaigns/valid-minimal.json")
        try Data(low.utf8).write(to: path)
        let result = CampaignLoader(registry: CoreFixtures.registry).load(path: path.path, displayName: "campaigns/valid-minimal.json")
        let errors = DirectiveFixtures.errors(result)
        #expect(errors.count == 1, "\(errors.map(\.rendered))")
        #expect(errors.first?.message.contains("directives/tinh-mau-2026.json:9:") == true)
        // Outside a workspace's campaigns/ folder, a cited directive cannot be found.
        let outside = CampaignLoader(registry: CoreFixtures.registry).load(
            bytes: Array(low.utf8), file: "valid-minimal.json", expectedID: "valid-minimal")
        #expect(DirectiveFixtures.errors(outside).contains { $0.message.contains("không nằm trong thư mục campaigns/") })
    }
}

@Suite("Directives: comparing targets")
struct TargetStrengthTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var plan: Target
        var floor: Target
        var measure: Measure
        var meets: Bool
        var testDescription: String {
            "\(plan.vietnamese(measure: measure)) vs \(floor.vietnamese(measure: measure)) (\(measure.rawValue)): \(meets)"
        }
    }

    static let cases: [Case] = [
        Case(plan: Target(.atLeast, 98), floor: Target(.atLeast, 95), measure: .percent, meets: true),
        Case(plan: Target(.atLeast, 95), floor: Target(.atLeast, 98), measure: .percent, meets: false),
        Case(plan: Target(.equal, 100), floor: Target(.atLeast, 98), measure: .percent, meets: true),
        Case(plan: Target(.greaterThan, 98), floor: Target(.atLeast, 98), measure: .percent, meets: true),
        Case(plan: Target(.atLeast, 98), floor: Target(.greaterThan, 98), measure: .percent, meets: false),
        Case(plan: Target(.greaterThan, 97.5), floor: Target(.atLeast, 98), measure: .percent, meets: false),
        Case(plan: Target(.atMost, 99), floor: Target(.atLeast, 98), measure: .percent, meets: false),
        Case(plan: Target(.atLeast, 100), floor: Target(.equal, 100), measure: .percent, meets: true),
        Case(plan: Target(.atMost, 3), floor: Target(.atMost, 5), measure: .rank, meets: true),
        Case(plan: Target(.atMost, 10), floor: Target(.atMost, 5), measure: .rank, meets: false),
        Case(plan: Target(.lessThan, 6), floor: Target(.atMost, 5), measure: .rank, meets: true),
        Case(plan: Target(.lessThan, 6), floor: Target(.atMost, 5), measure: .score, meets: false),
        Case(plan: Target(.atLeast, 1), floor: Target(.atMost, 5), measure: .rank, meets: false),
        Case(plan: Target(.greaterThan, 4), floor: Target(.atLeast, 5), measure: .count, meets: true),
        Case(plan: Target(.equal, 1), floor: Target(.atLeast, 1), measure: .yesNo, meets: true),
    ]

    @Test("a plan's target meets a floor only when every value it admits meets the floor", arguments: cases)
    func strength(_ c: Case) {
        #expect(c.plan.meets(c.floor, measure: c.measure) == c.meets)
    }
}

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
