import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

/// Issue 14, defect 11: the repository's campaign files against the plans they encode
/// (Tests/ThiDuaCLITests/Seeds, the texts of /work/shared/seeds). Each test quotes the seed's
/// sentence it checks, then the file.
@Suite("Dossier: seed plans as their texts say")
struct DossierSeedPlanTests {
    static func plan(_ id: String) throws -> (plan: CampaignPlan, result: CampaignLoadResult) {
        let file = Harness.root.appendingPathComponent("campaigns/\(id).json")
        let result = CampaignLoader(registry: CompiledTypes.registry).load(path: file.path)
        return (try #require(result.validPlan, "\(id): \(result.diagnostics)"), result)
    }

    static func seed(_ id: String) throws -> String {
        try String(contentsOf: Harness.testsFolder.appendingPathComponent("Seeds/\(id).txt"), encoding: .utf8)
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) throws -> CivilDate { try #require(CivilDate(year: y, month: m, day: d)) }

    @Test("001: the dossier deadline after the end (trước ngày 15/11/2023) stays in status and deadlines; the 15th is late")
    func deadlineAfterTheEnd() throws {
        #expect(try Self.seed("phuong-6-cchc-2023").contains("gửi về Cán bộ Nội vụ UBND Phường trước ngày 15/11/2023"))
        let plan = try Self.plan("phuong-6-cchc-2023").plan
        #expect(plan.period.end == (try Self.day(2023, 10, 30)))
        let state = CampaignState(events: [])
        let status = CampaignStatus(plan: plan, state: state, today: try Self.day(2023, 11, 5))
        #expect(status.phase != .closed)
        let dossier = try #require(status.milestones.first { $0.milestone == "nop-ho-so" })
        #expect(dossier.due == (try Self.day(2023, 11, 15)))
        #expect(dossier.lastDay == (try Self.day(2023, 11, 14)))
        // "trước ngày 15/11": on the 15th it is already too late; after it the campaign is over.
        let onTheDay = try #require(
            CampaignStatus(plan: plan, state: state, today: try Self.day(2023, 11, 15)).milestones.first { $0.milestone == "nop-ho-so" })
        #expect(onTheDay.lastDay < (try Self.day(2023, 11, 15)))
        #expect(CampaignStatus(plan: plan, state: state, today: try Self.day(2023, 11, 16)).phase == .closed)
        // The command line shows it.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-seed-001-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Harness.root.appendingPathComponent("campaigns/phuong-6-cchc-2023.json"),
            to: root.appendingPathComponent("campaigns/phuong-6-cchc-2023.json"))
        let deadlines = Harness.run(["--workspace", root.path, "--today", "2023-11-01", "deadlines", "--days", "30"])
        #expect(deadlines.output.contains("15/11/2023"), "\(deadlines.output)\(deadlines.errors)")
        let shown = Harness.run(["--workspace", root.path, "--today", "2023-11-01", "status"])
        #expect(shown.output.contains("Hạn tiếp theo: Gửi hồ sơ đề nghị xét khen thưởng — trước 15/11/2023"), "\(shown.output)\(shown.errors)")
    }

    @Test("003: the campaign starts with the plan of May 2026, so the 15/02 registration is not overdue on the day of issue")
    func periodStartOf003() throws {
        let seed = try Self.seed("minh-xuan-dvk-2026")
        #expect(seed.contains("ngày tháng 5 năm 2026") && seed.contains("trước ngày **15/02**"))
        let plan = try Self.plan("minh-xuan-dvk-2026").plan
        #expect(plan.period.start == nil)
        #expect(plan.effectiveStart == (try Self.day(2026, 5, 1)))
        let status = CampaignStatus(plan: plan, state: CampaignState(events: []), today: try Self.day(2026, 5, 20))
        #expect(!status.overdue.contains { $0.milestone == "dang-ky" }, "\(status.overdue.map(\.due))")
        #expect(status.milestones.first { $0.milestone == "dang-ky" }?.due == (try Self.day(2027, 2, 15)))
        #expect(plan.years.first == 2026)
    }

    @Test("003: the units' report forms ask for every content the plan requires")
    func reportFormsOf003() throws {
        let seed = try Self.seed("minh-xuan-dvk-2026")
        #expect(seed.contains("Nội dung báo cáo tập trung đánh giá: Công tác lãnh đạo, chỉ đạo triển khai"))
        let plan = try Self.plan("minh-xuan-dvk-2026").plan
        let type = try #require(CompiledTypes.registry.type(plan.type))
        let campaign = ResolvedCampaign(plan: plan, type: type)
        let required = [
            "Công tác lãnh đạo, chỉ đạo triển khai", "Hiệu quả mang lại", "Những cách làm hay, sáng tạo", "Khó khăn, vướng mắc", "Kiến nghị, đề xuất",
            "Phương hướng, nhiệm vụ thời gian tiếp theo",
        ]
        for id in ["bao-cao-so-ket", "bao-cao-tong-ket"] {
            let labels = try #require(campaign.form(id)).fields.map(\.label)
            for content in required {
                #expect(labels.contains { $0.hasPrefix(content) || $0.contains(content.lowercased()) }, "\(id) lacks «\(content)»: \(labels)")
            }
        }
    }

    @Test("000: a collective group, so the plan's collective criteria and awards apply")
    func collectiveGroupOf000() throws {
        let seed = try Self.seed("phung-chi-kien-dvcq-2024")
        #expect(seed.contains("- Đối với tập thể:") && seed.contains("tặng Giấy khen cho các tập thể và cá nhân"))
        let plan = try Self.plan("phung-chi-kien-dvcq-2024").plan
        #expect(plan.participants.contains { $0.kind == .collective })
        #expect(plan.criteria.contains { $0.appliesTo == .collective })
        // The printed plan keeps the seed's one sentence on participants.
        let printed = MarkdownText.of(PlanDocumentBuilder(plan: plan, type: CompiledTypes.registry.type(plan.type)?.definition).build())
        #expect(!printed.contains("Tập thể: các cơ quan, đơn vị thuộc Ủy ban nhân dân phường (theo tiêu chí"))
    }

    @Test("000: the 'thứ hạng cao / thay đổi vượt bậc' thresholds are a blank the ward fills, listed by check")
    func thresholdsOf000() throws {
        let seed = try Self.seed("phung-chi-kien-dvcq-2024")
        #expect(seed.contains("Xếp thứ hạng cao hoặc có sự thay đổi vượt bậc về thứ hạng so với năm trước"))
        #expect(seed.range(of: "hạng [0-9]", options: .regularExpression) == nil, "the seed gives a number")
        let (plan, result) = try Self.plan("phung-chi-kien-dvcq-2024")
        let criterion = try #require(plan.criteria.first { $0.id == "tc-tap-the-xep-hang" })
        #expect(criterion.rule == nil, "an invented threshold: \(String(describing: criterion.rule))")
        #expect(result.diagnostics.contains { CampaignBlanks.isBlank($0) && $0.message.contains("xếp thứ hạng cao") })
        let check = Harness.run(["check", "campaigns/phung-chi-kien-dvcq-2024.json"])
        #expect(check.output.contains("còn chỗ cần điền") && check.output.contains("thay đổi vượt bậc"), "\(check.output)")
    }

    @Test("004: 'cung cấp trực tuyến' is not 'toàn trình'; the individual standard word for word, met with the unit's proposal")
    func planOf004() throws {
        let seed = try Self.seed("nam-gia-nghia-cchc-2026")
        let sentence = try #require(seed.split(separator: "\n").first { $0.hasPrefix("1.3. 100% thủ tục hành chính của phường được cung cấp trực tuyến") })
        #expect(!sentence.contains("toàn trình"))
        let plan = try Self.plan("nam-gia-nghia-cchc-2026").plan
        let online = try #require(plan.indicators.first { $0.id == "tthc-truc-tuyen" })
        #expect(online.catalogue == nil)
        let standard =
            "Có thành tích xuất sắc, tiêu biểu trong thực hiện tham mưu các nội dung, nhiệm vụ đẩy mạnh cải cách hành chính, được đơn vị xét chọn, đề xuất."
        #expect(seed.contains(standard))
        let award = try #require(plan.awards.first { $0.id == "giay-khen-chu-tich-phuong" })
        let individual = try #require(award.standards?.first { $0.appliesTo == .individual })
        #expect(individual.items?.contains(standard) == true)
        // "được đơn vị xét chọn, đề xuất": the CCHC type's own check, recorded by the unit on its
        // proposal form with its document as evidence (issue 14).
        #expect(String(describing: individual.rule).contains("attested(check: \"don-vi-de-xuat\", evidence: true)"))
        #expect(!String(describing: individual.rule).contains("hoan-thanh-nhiem-vu"))
        // 1.1–1.5 are criteria, and no award requires them (3.2: "đạt một trong các tiêu chuẩn sau").
        #expect(plan.criteria.count == 5)
        #expect(plan.notes.contains { $0.contains("Tiêu chí thi đua") && $0.contains("\"criteria\": \"none\"") })
    }

    @Test("002: the pledge lines are the province default, not presented as the 2024 plan's text")
    func pledgeOf002() throws {
        let seed = try Self.seed("phu-ly-cqtt-2024")
        #expect(seed.contains("“4 xin” “4 luôn” “5 không”"))
        #expect(!seed.contains("Xin chào") && !seed.contains("Luôn mỉm cười"))
        let plan = try Self.plan("phu-ly-cqtt-2024").plan
        if case .object(let settings)? = plan.typeSettings {
            #expect(!settings.contains { $0.key == "pledge" })
        }
        #expect(plan.notes.contains { $0.contains("province's default") })
    }

    @Test("'trước ngày X' makes X late, 'đến ngày X' keeps X in time; the file says which")
    func deadlineBoundary() throws {
        let before = try JSONDecoder().decode(
            Milestone.self, from: Data(#"{"id": "a", "kind": "dossier", "title": "Hồ sơ", "due": "15/11/2023", "boundary": "before"}"#.utf8))
        let through = try JSONDecoder().decode(Milestone.self, from: Data(#"{"id": "b", "kind": "dossier", "title": "Hồ sơ", "due": "15/11/2023"}"#.utf8))
        let due = try Self.day(2023, 11, 15)
        #expect(before.lastDayInTime(due) == (try Self.day(2023, 11, 14)))
        #expect(through.lastDayInTime(due) == due)
        // Every "trước ngày" deadline of the seeds is marked "before" in its file.
        for id in ["phuong-6-cchc-2023", "minh-xuan-dvk-2026"] {
            let plan = try Self.plan(id).plan
            for milestone in plan.milestones where milestone.text?.contains("trước ngày") == true {
                #expect(milestone.boundary == .before, "\(id) \(milestone.id)")
            }
        }
        // The schema and the reference document know the key.
        let schema = try String(contentsOf: Harness.root.appendingPathComponent("docs/schema/campaign.schema.json"), encoding: .utf8)
        #expect(schema.contains("\"boundary\""))
        let reference = try String(contentsOf: Harness.root.appendingPathComponent("docs/campaign-file.md"), encoding: .utf8)
        #expect(reference.contains("| `boundary` |"))
    }
}

/// Markdown of a document, for searching its text.
enum MarkdownText {
    static func of(_ document: Document) -> String { WardCampaign.markdown(document) }
}
