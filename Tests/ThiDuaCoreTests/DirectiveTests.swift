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
