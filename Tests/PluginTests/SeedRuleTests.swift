import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

/// A seed campaign with a hand-written history: enrolments, submissions, appraisals.
struct SeedScenario {
    let campaign: ResolvedCampaign
    let roster: Roster
    var events: [JournalEvent] = []

    init(_ id: String, roster: Roster) throws {
        let result = CampaignLoader(registry: CompiledTypes.registry).load(
            path: Repository.campaigns.appendingPathComponent("\(id).json").path, displayName: id)
        let plan = try #require(result.validPlan, "\(result.diagnostics.map(\.rendered))")
        let type = try #require(CompiledTypes.registry.type(plan.type))
        campaign = ResolvedCampaign(plan: plan, type: type)
        self.roster = roster
    }

    mutating func add<P: EventPayload>(_ payload: P, on date: CivilDate) throws {
        add(P.kind, try payload.jsonValue(), on: date)
    }

    mutating func add(_ kind: EventKind, _ payload: JSONValue, on date: CivilDate) {
        events.append(
            JournalEvent(seq: events.count + 1, time: "", date: date, actor: "test", kind: kind, payload: payload, prev: ""))
    }

    mutating func enrol(units: [String] = [], people: [String] = []) {
        add(
            .enrolment,
            .object([
                .init(key: "units", value: .array(units.map { .string($0) })),
                .init(key: "people", value: .array(people.map { .string($0) })),
            ]), on: CivilDate(year: 2020, month: 1, day: 1)!)
    }

    /// Submits rows of a form (values by field id) on a date.
    mutating func submit(_ form: String, _ rows: [[String: FieldValue]], on date: CivilDate) throws {
        let encoded = try JSONValue.encode(rows.enumerated().map { SubmissionRow(line: $0.offset + 2, values: $0.element) })
        add(
            .submission,
            .object([.init(key: "form", value: .string(form)), .init(key: "rows", value: encoded)]), on: date)
    }

    var state: CampaignState { CampaignState(events: events) }
    var evaluator: Evaluator { Evaluator(campaign: campaign, state: state, roster: roster) }

    func standing(_ participant: ParticipantRef, _ period: EvaluationPeriod) throws -> Standing {
        try #require(evaluator.evaluate(period).standings.first { $0.participant == participant })
    }
}

func day(_ d: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

let sampleRoster = Roster(
    units: [
        Unit(id: "van-phong", name: "Văn phòng HĐND và UBND", kind: .phongBan),
        Unit(id: "phong-kinh-te", name: "Phòng Kinh tế", kind: .phongBan),
        Unit(id: "phong-vhxh", name: "Phòng Văn hóa – Xã hội", kind: .phongBan),
        Unit(id: "to-1", name: "Tổ dân phố 1", kind: .toDanPho),
        Unit(id: "to-2", name: "Tổ dân phố 2", kind: .toDanPho),
    ],
    people: [
        Person(id: "lan", name: "Nguyễn Thị Lan", position: "Chuyên viên", unit: "phong-kinh-te"),
        Person(id: "hung", name: "Trần Văn Hùng", position: "Công chức", unit: "van-phong"),
        Person(id: "mai", name: "Lê Thị Mai", position: "Công chức", unit: "phong-vhxh"),
    ])

@Suite("Seed rules")
struct SeedRuleTests {
    /// Seed 001: "Chỉ số CCHC của đơn vị ≥ 80% và năm sau cao hơn năm trước, hoặc ≥ 83%".
    /// The unit's index comes from its CCHC sheet (the type's `chi-so-cchc` table, 100 points):
    /// self-scores filling the items in order until they add up to `unitIndex`. Last year's
    /// index, when given, is declared on an indicator row (its typed current value is ignored).
    func phuong6(unitIndex: Double, lastYear: Double?) throws -> Standing {
        var s = try SeedScenario("phuong-6-cchc-2023", roster: sampleRoster)
        s.enrol(units: ["phong-kinh-te"], people: ["lan"])
        try s.submit(HostForms.collectiveSelfAssessment, try cchcSheet(s, "phong-kinh-te", total: unitIndex), on: day(20, 10, 2023))
        if let lastYear {
            let row: [String: FieldValue] = [
                "chi-tieu": .choice("chi-so-cchc"), "don-vi": .unit("phong-kinh-te"), "gia-tri": .number(0), "nam-truoc": .number(lastYear),
            ]
            try s.submit(HostForms.indicatorResults, [row], on: day(20, 10, 2023))
        }
        return try s.standing(.person("lan"), EvaluationPeriod(year: 2023))
    }

    /// Self-score rows of the CCHC sheet adding up to `total`.
    func cchcSheet(_ s: SeedScenario, _ unit: String, total: Double) throws -> [[String: FieldValue]] {
        let table = try #require(s.campaign.scoringTable("chi-so-cchc"))
        var left = total
        return table.items.map { item in
            let points = min(item.max, max(0, left))
            left -= points
            return ["don-vi": .unit(unit), "tieu-chi": .choice(item.id), "dat": .yesNo(true), "diem": .number((points * 10).rounded() / 10)]
        }
    }

    func unitCriterion(_ standing: Standing) throws -> CriterionResult {
        try #require(standing.criteria.first { $0.id == "ca-nhan-chi-so-don-vi" })
    }

    @Test(
        "001: unit index boundaries 79.9 / 80.0 / 82.9 / 83.0 against last year's 79.0",
        arguments: [(79.9, Truth.notMet), (80.0, .met), (82.9, .met), (83.0, .met)])
    func boundaries(value: Double, expected: Truth) throws {
        let c = try unitCriterion(try phuong6(unitIndex: value, lastYear: 79.0))
        #expect(c.truth == expected, "\(c.explanation)")
    }

    @Test(
        "001: equal to last year is not higher: only ≥ 83% qualifies",
        arguments: [(80.0, Truth.notMet), (82.9, .notMet), (83.0, .met), (85.0, .met)])
    func equalToLastYear(value: Double, expected: Truth) throws {
        let c = try unitCriterion(try phuong6(unitIndex: value, lastYear: value))
        #expect(c.truth == expected, "\(c.explanation)")
    }

    @Test("001: the explanation carries the numbers")
    func explanation() throws {
        let c = try unitCriterion(try phuong6(unitIndex: 81.5, lastYear: 79.0))
        #expect(c.explanation.contains("81,5% ≥ 80% và cao hơn năm trước (79,0%) → đạt"), "\(c.explanation)")
        let low = try unitCriterion(try phuong6(unitIndex: 79.9, lastYear: 79.0))
        #expect(low.explanation.contains("79,9%"), "\(low.explanation)")
        #expect(low.explanation.hasSuffix("→ không đạt"), "\(low.explanation)")
    }

    @Test("001: no index is missing, not zero; no last year below 83% is missing too")
    func missing() throws {
        var s = try SeedScenario("phuong-6-cchc-2023", roster: sampleRoster)
        s.enrol(people: ["lan"])
        let c = try unitCriterion(try s.standing(.person("lan"), EvaluationPeriod(year: 2023)))
        #expect(c.truth == .missing)
        #expect(c.explanation.contains("chưa có số liệu"))
        let noLastYear = try unitCriterion(try phuong6(unitIndex: 81, lastYear: nil))
        #expect(noLastYear.truth == .missing, "\(noLastYear.explanation)")
        let high = try unitCriterion(try phuong6(unitIndex: 84, lastYear: nil))
        #expect(high.truth == .met, "\(high.explanation)")
    }

    @Test("001: last year's value recorded in the journal is used for the period before")
    func previousFromJournal() throws {
        var s = try SeedScenario("phuong-6-cchc-2023", roster: sampleRoster)
        s.enrol(people: ["lan"])
        try s.submit(
            HostForms.indicatorResults,
            [["chi-tieu": .choice("chi-so-cchc"), "don-vi": .unit("phong-kinh-te"), "gia-tri": .number(79), "nam": .integer(2022)]],
            on: day(10, 1, 2023))
        try s.submit(HostForms.collectiveSelfAssessment, try cchcSheet(s, "phong-kinh-te", total: 80.5), on: day(20, 10, 2023))
        let c = try unitCriterion(try s.standing(.person("lan"), EvaluationPeriod(year: 2023)))
        #expect(c.truth == .met, "\(c.explanation)")
        #expect(c.explanation.contains("80,5% ≥ 80% và cao hơn năm trước (79,0%)"), "\(c.explanation)")
    }

    @Test("the CCHC index sheet of the type's catalogue is 100 points over the seven areas and checks clean")
    func cchcSheetChecks() throws {
        let definition = try #require(CompiledTypes.registry.type("cai-cach-hanh-chinh")).definition
        let table = try #require(definition.scoring?.first { $0.id == "chi-so-cchc" })
        #expect(table.maxTotal == ScorePoints(100))
        #expect(table.blocks.map(\.id).sorted() == definition.fields.map(\.id).sorted())
        #expect(PlanValidator.scoringProblems(of: definition).isEmpty)
    }

    @Test("001: the index is computed from the sheet, appraised score counting; a typed index alone is not read")
    func computedIndex() throws {
        var s = try SeedScenario("phuong-6-cchc-2023", roster: sampleRoster)
        s.enrol(units: ["phong-kinh-te"], people: ["lan"])
        try s.submit(
            HostForms.indicatorResults, [["chi-tieu": .choice("chi-so-cchc"), "don-vi": .unit("phong-kinh-te"), "gia-tri": .number(95)]],
            on: day(20, 10, 2023))
        let typed = try unitCriterion(try s.standing(.person("lan"), EvaluationPeriod(year: 2023)))
        #expect(typed.truth == .missing, "\(typed.explanation)")
        // Every item at its maximum but the last (8 points): 92; appraised 3 points lower: 89.
        let rows = try cchcSheet(s, "phong-kinh-te", total: 92)
        #expect(rows.count == 20)
        try s.submit(HostForms.collectiveSelfAssessment, rows, on: day(20, 10, 2023))
        let high = try unitCriterion(try s.standing(.person("lan"), EvaluationPeriod(year: 2023)))
        #expect(high.explanation.contains("92,0% ≥ 83%"), "\(high.explanation)")
        let facts = FactBase(campaign: s.campaign, state: s.state, roster: sampleRoster)
        let payload = try CampaignActions.appraise(
            facts: facts, state: s.state, period: EvaluationPeriod(year: 2023), participant: .unit("phong-kinh-te"), item: "cchc-dung-han",
            met: nil, points: 7, evidence: nil, reason: "Còn 3% hồ sơ trễ hạn")
        try s.add(payload, on: day(25, 10, 2023))
        let appraised = try unitCriterion(try s.standing(.person("lan"), EvaluationPeriod(year: 2023)))
        #expect(appraised.explanation.contains("89,0% ≥ 83%"), "\(appraised.explanation)")
        let unit = try s.standing(.unit("phong-kinh-te"), EvaluationPeriod(year: 2023))
        let sheet = try #require(unit.scores.first)
        #expect(sheet.total == ScorePoints(89))
        #expect(sheet.selfTotal == ScorePoints(92))
        #expect(sheet.items.first { $0.id == "cchc-dung-han" }?.difference == ScorePoints(-3))
    }

    /// Seed 004: a prerequisite (kỷ luật, kỷ cương) plus any one of the listed achievements.
    func namGiaNghia(_ kind: ParticipantKind, _ checks: [String: (Bool, String?)]) throws -> AwardEligibility {
        var s = try SeedScenario("nam-gia-nghia-cchc-2026", roster: sampleRoster)
        let who: ParticipantRef = kind == .collective ? .unit("phong-kinh-te") : .person("lan")
        s.enrol(units: ["phong-kinh-te"], people: ["lan"])
        let form = kind == .collective ? HostForms.collectiveSelfAssessment : HostForms.individualSelfAssessment
        let subjectField = kind == .collective ? "don-vi" : "ca-nhan"
        let subject: FieldValue = kind == .collective ? .unit(who.id) : .person(who.id)
        var rows: [[String: FieldValue]] = []
        for (check, (met, evidence)) in checks.sorted(by: { $0.key < $1.key }) {
            var row: [String: FieldValue] = [subjectField: subject, "tieu-chi": .choice(check), "dat": .yesNo(met)]
            if let evidence { row["minh-chung"] = .text(evidence) }
            rows.append(row)
        }
        try s.submit(form, rows, on: day(1, 11, 2026))
        let standing = try s.standing(who, EvaluationPeriod(year: 2026))
        return try #require(standing.awards.first { $0.award == "giay-khen-chu-tich-phuong" })
    }

    @Test("004: collective — prerequisite and one of the alternatives")
    func collective004() throws {
        let both = try namGiaNghia(.collective, ["ky-luat-ky-cuong": (true, nil), "sang-kien": (true, "QĐ công nhận sáng kiến số 12")])
        #expect(both.truth == .met, "\(both.explanation)")
        let noPrerequisite = try namGiaNghia(
            .collective, ["ky-luat-ky-cuong": (false, nil), "dan-dau": (true, "Xếp thứ nhất khối phòng"), "sang-kien": (true, "QĐ 12")])
        #expect(noPrerequisite.truth == .notMet, "\(noPrerequisite.explanation)")
        let none = try namGiaNghia(.collective, ["ky-luat-ky-cuong": (true, nil), "dan-dau": (false, nil), "sang-kien": (false, nil)])
        #expect(none.truth == .notMet, "\(none.explanation)")
        let noEvidence = try namGiaNghia(.collective, ["ky-luat-ky-cuong": (true, nil), "dan-dau": (true, nil), "sang-kien": (false, nil)])
        #expect(noEvidence.truth == .notMet || noEvidence.truth == .missing)
        #expect(noEvidence.truth != .met, "an alternative that needs evidence has none: \(noEvidence.explanation)")
    }

    // Issue 14: the seed's III.1 "Tiêu chí thi đua" 1.1–1.5 are criteria of the phòng, đơn vị,
    // judged and ranked on, while the Giấy khen rests on 3.2's standards alone ("đạt một trong
    // các tiêu chuẩn sau"), so a criterion not met takes no award away.
    @Test("004: tiêu chí 1.1–1.5 are the plan's criteria; they rank the units and gate no award")
    func criteria004() throws {
        var s = try SeedScenario("nam-gia-nghia-cchc-2026", roster: sampleRoster)
        let plan = s.campaign.plan
        #expect(
            plan.criteria.map(\.id) == [
                "doi-moi-giai-quyet-tthc", "cong-khai-luan-chuyen-thanh-toan", "truc-tuyen-dung-han", "so-hoa-ket-qua-tthc",
                "hai-long-khong-cung-cap-lai",
            ])
        #expect(plan.criteria.map { String($0.text.prefix(4)) } == ["1.1.", "1.2.", "1.3.", "1.4.", "1.5."])
        #expect(plan.criteria.allSatisfy { $0.appliesTo == .collective && $0.rule == nil })
        #expect(plan.criteria[3].items?.count == 3)
        for (i, figure) in [(1, "tối thiểu 80%"), (2, "99%"), (3, "ít nhất 20%"), (3, "98%"), (4, "tối thiểu 98%"), (4, "95%")] {
            let text = ([plan.criteria[i].text] + (plan.criteria[i].items ?? [])).joined(separator: " ")
            #expect(text.contains(figure), "\(plan.criteria[i].id) lost «\(figure)»")
        }
        for award in plan.awards {
            #expect(award.standards?.allSatisfy { $0.criteria == CriteriaRequirement.none } == true, "\(award.id)")
        }
        s.enrol(units: ["phong-kinh-te"])
        try s.submit(
            HostForms.collectiveSelfAssessment,
            [
                ["don-vi": .unit("phong-kinh-te"), "tieu-chi": .choice("ky-luat-ky-cuong"), "dat": .yesNo(true)],
                ["don-vi": .unit("phong-kinh-te"), "tieu-chi": .choice("sang-kien"), "dat": .yesNo(true), "minh-chung": .text("QĐ 12")],
                ["don-vi": .unit("phong-kinh-te"), "tieu-chi": .choice("truc-tuyen-dung-han"), "dat": .yesNo(false)],
            ], on: day(1, 11, 2026))
        let standing = try s.standing(.unit("phong-kinh-te"), EvaluationPeriod(year: 2026))
        #expect(standing.criteria.count == 5)
        #expect(standing.criteria.first { $0.id == "truc-tuyen-dung-han" }?.truth == .notMet)
        let giayKhen = try #require(standing.awards.first { $0.award == "giay-khen-chu-tich-phuong" })
        #expect(giayKhen.truth == .met, "\(giayKhen.explanation)")
        #expect(!giayKhen.explanation.contains("tiêu chí"))
    }

    @Test("004: individual — prerequisite and any of three, one without evidence required")
    func individual004() throws {
        let advisor = try namGiaNghia(.individual, ["ky-luat-ky-cuong": (true, nil), "truc-tiep-tham-muu": (true, nil)])
        #expect(advisor.truth == .met, "\(advisor.explanation)")
        let missingPrerequisite = try namGiaNghia(.individual, ["truc-tiep-tham-muu": (true, nil)])
        #expect(missingPrerequisite.truth == .missing, "\(missingPrerequisite.explanation)")
        // Not proposed by the unit (no row of its proposal form) and no other alternative: not eligible.
        let failing = try namGiaNghia(.individual, ["ky-luat-ky-cuong": (true, nil), "sang-kien": (false, nil), "truc-tiep-tham-muu": (false, nil)])
        #expect(failing.truth != .met, "\(failing.explanation)")
        #expect(failing.explanation.contains("được đơn vị xét chọn, đề xuất"), "\(failing.explanation)")
    }

    // Issue 14: "Có thành tích xuất sắc, tiêu biểu …, được đơn vị xét chọn, đề xuất" is the unit's
    // act: its proposal form records the check for the person; the person cannot self-assess it.
    @Test("004: the unit's proposal, on its own form with its document, meets «được đơn vị xét chọn, đề xuất»")
    func proposal004() throws {
        var s = try SeedScenario("nam-gia-nghia-cchc-2026", roster: sampleRoster)
        let rule = s.campaign.plan.awards.first { $0.id == "giay-khen-chu-tich-phuong" }?.standards?.first { $0.appliesTo == .individual }?.rule
        #expect(rule?.attestedReferences.contains("don-vi-de-xuat") == true)
        #expect(rule?.attestedReferences.contains("hoan-thanh-nhiem-vu") == false)
        let form = try #require(s.campaign.form("de-xuat-ca-nhan"))
        #expect(form.filledBy == .collective && form.attests == "don-vi-de-xuat")
        // The person's self-assessment does not offer it; an appraiser may still correct it.
        let own = s.campaign.form(HostForms.individualSelfAssessment)?.fields.first { $0.role == .item }?.choices ?? []
        #expect(own.contains("ky-luat-ky-cuong") && !own.contains("don-vi-de-xuat"), "\(own)")
        #expect(HostForms.assessable(s.campaign.plan, kind: .individual).contains("don-vi-de-xuat"))

        s.enrol(units: ["phong-kinh-te"], people: ["lan"])
        try s.submit(
            HostForms.individualSelfAssessment, [["ca-nhan": .person("lan"), "tieu-chi": .choice("ky-luat-ky-cuong"), "dat": .yesNo(true)]],
            on: day(1, 11, 2026))
        let before = try s.standing(.person("lan"), EvaluationPeriod(year: 2026)).awards.first { $0.award == "giay-khen-chu-tich-phuong" }
        #expect(before?.truth == .missing, "\(before?.explanation ?? "")")
        #expect(before?.explanation.contains("được đơn vị xét chọn, đề xuất chưa có xác nhận của đơn vị") == true, "\(before?.explanation ?? "")")
        try s.submit(
            "de-xuat-ca-nhan",
            [
                [
                    "don-vi": .unit("phong-kinh-te"), "ca-nhan": .person("lan"), "thanh-tich": .text("Tham mưu một cửa liên thông"),
                    "van-ban": .text("Công văn số 45/PKT ngày 02/11/2026"),
                ]
            ], on: day(2, 11, 2026))
        let after = try #require(s.standing(.person("lan"), EvaluationPeriod(year: 2026)).awards.first { $0.award == "giay-khen-chu-tich-phuong" })
        #expect(after.truth == .met, "\(after.explanation)")
        #expect(after.explanation.contains("được đơn vị xét chọn, đề xuất có (minh chứng: Công văn số 45/PKT ngày 02/11/2026)"), "\(after.explanation)")
    }

    @Test("004: a unit proposes only its own people; the person cannot self-assess the proposal")
    func proposalRefusals004() throws {
        let s = try SeedScenario("nam-gia-nghia-cchc-2026", roster: sampleRoster)
        let form = try #require(s.campaign.form("de-xuat-ca-nhan"))
        let header = form.fields.map { "\"\($0.label)\"" }.joined(separator: ",")
        let other = "\(header)\nVăn phòng HĐND và UBND,Nguyễn Thị Lan,Tham mưu,Công văn số 45/VP\n"
        let (rows, findings) = SubmissionValidator.validate(csv: Array(other.utf8), form: form, roster: sampleRoster, file: "de-xuat.csv")
        #expect(rows.isEmpty)
        #expect(
            findings.contains {
                $0.rendered.contains("dòng 2") && $0.rendered.contains("«Nguyễn Thị Lan» thuộc «Phòng Kinh tế», không thuộc «Văn phòng HĐND và UBND»")
            }, "\(findings.map(\.rendered))")
        let own = try #require(s.campaign.form(HostForms.individualSelfAssessment))
        let selfProposal = "Họ và tên,Tiêu chí,Tự đánh giá đạt,Điểm tự chấm,\"Tài liệu, minh chứng\"\nNguyễn Thị Lan,don-vi-de-xuat,có,,Tự đề xuất\n"
        let (selfRows, selfFindings) = SubmissionValidator.validate(
            csv: Array(selfProposal.utf8), form: own, roster: sampleRoster, file: "tu-danh-gia.csv")
        #expect(selfRows.isEmpty)
        #expect(selfFindings.contains { $0.rendered.contains("don-vi-de-xuat") }, "\(selfFindings.map(\.rendered))")
    }

    /// Seed 000: rank in the top 3, or 5 places gained on last year.
    func dvcqRank(now: Int, before: Int?) throws -> CriterionResult {
        var s = try SeedScenario("phung-chi-kien-dvcq-2024", roster: sampleRoster)
        s.enrol(units: ["phong-kinh-te"])
        if let before {
            try s.submit(
                "xep-hang", [["don-vi": .unit("phong-kinh-te"), "nam": .integer(2024), "diem": .number(80), "thu-hang": .integer(before)]],
                on: day(10, 1, 2025))
        }
        try s.submit(
            "xep-hang", [["don-vi": .unit("phong-kinh-te"), "nam": .integer(2025), "diem": .number(90), "thu-hang": .integer(now)]],
            on: day(10, 1, 2026))
        let standing = try s.standing(.unit("phong-kinh-te"), EvaluationPeriod(year: 2025))
        return try #require(standing.criteria.first { $0.id == "tc-tap-the-xep-hang" })
    }

    // Seed 000 gives no number for "thứ hạng cao" or "thay đổi vượt bậc" (issue 14): the
    // thresholds are a marked blank of the campaign file, and until the ward fills them the
    // criterion is the unit's self-assessment, appraised by the council, whatever the ranks.
    @Test(
        "000: 'thứ hạng cao / thay đổi vượt bậc' waits for the unit's self-assessment, whatever the ranks",
        arguments: [(3, 12 as Int?), (4, 8), (10, 15), (2, nil), (6, nil)])
    func rank(now: Int, before: Int?) throws {
        let c = try dvcqRank(now: now, before: before)
        #expect(c.truth == .missing, "\(c.explanation)")
    }

    @Test("000: the criterion says it waits for the self-assessment, not an invented threshold")
    func rankExplanation() throws {
        let c = try dvcqRank(now: 4, before: 9)
        #expect(c.explanation.contains("chưa có tự đánh giá"), "\(c.explanation)")
        #expect(!c.explanation.contains("bậc"))
    }

    @Test("003: ≥ 1 model per unit this year, and ≥ 98% of procedures on time")
    func dvk() throws {
        var s = try SeedScenario("minh-xuan-dvk-2026", roster: sampleRoster)
        s.enrol(units: ["to-1", "to-2", "phong-vhxh"])
        try s.submit(
            "dang-ky-mo-hinh",
            [
                [
                    "don-vi": .unit("to-1"), "ten-mo-hinh": .text("Tuyến đường hoa"), "linh-vuc": .choice("Văn hóa – Xã hội"),
                    "dia-ban": .text("Tổ 1"), "muc-tieu": .text("Chỉnh trang"), "luc-luong": .text("Hội Phụ nữ"), "bat-dau": .date(day(1, 2, 2026)),
                ],
                [
                    "don-vi": .unit("phong-vhxh"), "ten-mo-hinh": .text("Sổ tay dân vận"), "linh-vuc": .choice("Văn hóa – Xã hội"),
                    "dia-ban": .text("Phường"), "muc-tieu": .text("Tuyên truyền"), "luc-luong": .text("Công chức"), "bat-dau": .date(day(1, 2, 2026)),
                ],
            ], on: day(10, 2, 2026))
        try s.submit(
            HostForms.indicatorResults, [["chi-tieu": .choice("dung-han"), "gia-tri": .number(97.9)]], on: day(1, 11, 2026))
        let evaluation = s.evaluator.evaluate(EvaluationPeriod(year: 2026))
        let registration = try #require(evaluation.registrations.first { $0.form == "dang-ky-mo-hinh" })
        #expect(registration.truth == .notMet)
        #expect(registration.missing == [.unit("to-2")])
        #expect(registration.explanation.contains("2/3 đơn vị"), "\(registration.explanation)")
        #expect(registration.explanation.contains("Tổ dân phố 2"))
        let onTime = try #require(evaluation.indicators.first { $0.indicator == "dung-han" })
        #expect(onTime.truth == .notMet, "\(onTime.explanation)")
        #expect(onTime.explanation.contains("97,9%"))

        try s.submit(
            "dang-ky-mo-hinh",
            [
                [
                    "don-vi": .unit("to-2"), "ten-mo-hinh": .text("Camera an ninh"), "linh-vuc": .choice("Quốc phòng – An ninh"),
                    "dia-ban": .text("Tổ 2"), "muc-tieu": .text("An ninh"), "luc-luong": .text("Công an"), "bat-dau": .date(day(1, 3, 2026)),
                ]
            ], on: day(1, 3, 2026))
        try s.submit(HostForms.indicatorResults, [["chi-tieu": .choice("dung-han"), "gia-tri": .number(98)]], on: day(2, 11, 2026))
        let again = s.evaluator.evaluate(EvaluationPeriod(year: 2026))
        #expect(again.registrations.first?.truth == .met)
        #expect(again.indicators.first { $0.indicator == "dung-han" }?.truth == .met)
    }

    @Test("002: the pledge signed by every official")
    func pledge() throws {
        var s = try SeedScenario("phu-ly-cqtt-2024", roster: sampleRoster)
        s.enrol(people: ["lan", "hung", "mai"])
        let form = "cam-ket-4-xin-4-luon-5-khong"
        func row(_ id: String, _ unit: String) -> [String: FieldValue] {
            ["ho-ten": .person(id), "chuc-vu": .text("Công chức"), "don-vi": .unit(unit), "ngay-ky": .date(day(5, 3, 2024)), "cam-ket": .yesNo(true)]
        }
        try s.submit(form, [row("lan", "phong-kinh-te"), row("hung", "van-phong")], on: day(5, 3, 2024))
        let partial = try #require(s.evaluator.evaluate(EvaluationPeriod(year: 2024)).registrations.first { $0.form == form })
        #expect(partial.truth == .notMet)
        #expect(partial.missing == [.person("mai")])
        #expect(partial.explanation.contains("2/3 cá nhân"), "\(partial.explanation)")
        #expect(partial.explanation.contains("Lê Thị Mai"))
        try s.submit(form, [row("mai", "phong-vhxh")], on: day(6, 3, 2024))
        let full = try #require(s.evaluator.evaluate(EvaluationPeriod(year: 2024)).registrations.first { $0.form == form })
        #expect(full.truth == .met, "\(full.explanation)")
        #expect(try s.standing(.person("mai"), EvaluationPeriod(year: 2024)).registrations[form] == true)
    }
}
