import ChinhQuyenThanThien
import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

@Suite("Chính quyền thân thiện")
struct ChinhQuyenThanThienTests {
    static let pledgeForm = ChinhQuyenThanThienType.pledgeForm
    static let surveyForm = ChinhQuyenThanThienType.surveyForm

    static func pledge(_ xin: [String]) -> JSONValue {
        settings([
            ("xin", .array(xin.map { .string($0) })),
            ("luon", .array([.string("Luôn mỉm cười")])),
            ("khong", .array([.string("Không hách dịch")])),
        ])
    }

    static func signRow(_ id: String, _ unit: String, _ agreed: Bool = true) -> [String: FieldValue] {
        ["ho-ten": .person(id), "chuc-vu": .text("Công chức"), "don-vi": .unit(unit), "ngay-ky": .date(day(5, 3, 2024)), "cam-ket": .yesNo(agreed)]
    }

    @Test("the plan's own pledge wording is printed on its pledge form, and the evaluator it names on the evaluation form")
    func pledgeWording() throws {
        let s = try SeedScenario("phu-ly-cqtt-2024", roster: sampleRoster) { plan in
            plan.typeSettings = settings([
                ("pledge", Self.pledge(["Xin kính chào quý khách", "Xin lỗi"])), ("evaluator", .string("Văn phòng HĐND và UBND xã")),
            ])
        }
        let form = try #require(s.campaign.form(Self.pledgeForm))
        #expect(form.preamble?.contains("- Xin kính chào quý khách;") == true, "\(form.preamble ?? [])")
        #expect(form.preamble?.contains("- Xin chào;") == false)
        let printed = FormDocumentBuilder(plan: s.campaign.plan, form: form).build(year: 2024)
        let text = printed.body.flatMap(SeedScenario.lines).joined(separator: "\n")
        #expect(text.contains("Xin kính chào quý khách"), "\(text)")
        let evaluation = try #require(s.campaign.form("danh-gia-van-phong"))
        #expect(evaluation.fields.contains { $0.label == "Nhận xét của Văn phòng HĐND và UBND xã" })
        #expect(s.campaign.definition.report(.tongKet)?.sections.contains { $0.heading == "Kết quả đánh giá của Văn phòng HĐND và UBND xã" } == true)
    }

    @Test("without settings the type keeps its default wording")
    func defaultWording() throws {
        let s = try SeedScenario("phu-ly-cqtt-2024", roster: sampleRoster) { $0.typeSettings = nil }
        #expect(s.campaign.form(Self.pledgeForm)?.preamble?.contains("- Xin chào;") == true)
        #expect(s.campaign.type.definition(for: s.campaign.plan) == ChinhQuyenThanThienType().definition)
    }

    @Test("the signing rate: officials who signed over officials enrolled, as an indicator and as a report section")
    func signingRate() throws {
        var s = try SeedScenario("phu-ly-cqtt-2024", roster: sampleRoster) { plan in
            plan.indicators.append(
                Indicator(
                    id: "ty-le-ky", title: "Tỷ lệ cán bộ, công chức ký cam kết", measure: .percent, target: Target(.equal, 100),
                    scope: .campaign, catalogue: "ty-le-ky-cam-ket"))
        }
        s.enrol(people: ["lan", "hung", "mai"])
        try s.submit(Self.pledgeForm, [Self.signRow("lan", "phong-kinh-te"), Self.signRow("hung", "van-phong")], on: day(5, 3, 2024))
        try s.submit(Self.pledgeForm, [Self.signRow("mai", "phong-vhxh", false)], on: day(6, 3, 2024))
        let period = EvaluationPeriod(year: 2024)
        let rate = try #require(s.evaluator.evaluate(period).indicators.first { $0.indicator == "ty-le-ky" })
        #expect(rate.value.map { abs($0 - 200.0 / 3) < 0.001 } == true, "\(rate.explanation)")
        #expect(rate.truth == .notMet)
        #expect(rate.explanation.contains("66,67%"), "\(rate.explanation)")
        let lines = try s.reportSection("cam-ket", period: period)
        #expect(lines.contains { $0.contains("2/3 cán bộ, công chức") && $0.contains("66,7%") }, "\(lines)")
        #expect(lines.contains("Chưa ký cam kết: Lê Thị Mai."), "\(lines)")
        #expect(lines.contains(" | Tổng cộng | 3 | 2 | 66,7"), "\(lines)")
        #expect(lines.contains("1 | Phòng Kinh tế | 1 | 1 | 100"), "\(lines)")
    }

    @Test("citizen satisfaction is tallied from the survey forms")
    func satisfaction() throws {
        var s = try SeedScenario("phu-ly-cqtt-2024", roster: sampleRoster) { plan in
            plan.indicators.append(
                Indicator(
                    id: "hai-long", title: "Mức độ hài lòng của người dân", measure: .percent, target: Target(.atLeast, 90),
                    scope: .campaign, catalogue: "hai-long"))
        }
        s.enrol(people: ["lan"])
        let answers = ["Rất hài lòng", "Hài lòng", "Hài lòng", "Bình thường", "Không hài lòng"]
        try s.submit(Self.surveyForm, answers.map { ["muc-do": .choice($0)] }, on: day(10, 10, 2024))
        let period = EvaluationPeriod(year: 2024)
        let result = try #require(s.evaluator.evaluate(period).indicators.first { $0.indicator == "hai-long" })
        #expect(result.value == 60, "\(result.explanation)")
        #expect(result.truth == .notMet)
        let lines = try s.reportSection("hai-long", period: period)
        #expect(lines.contains { $0.contains("5 phiếu") }, "\(lines)")
        #expect(lines.contains("TT | Nội dung | Rất hài lòng | Hài lòng | Bình thường | Không hài lòng | Tổng số | Tỷ lệ hài lòng (%)"), "\(lines)")
        #expect(lines.contains("1 | Tổng số | 1 | 2 | 1 | 1 | 5 | 60"), "\(lines)")
    }

    @Test("its diagnostics: a blank pledge line, a blank evaluator, an unknown key")
    func diagnostics() throws {
        var plan = try SeedScenario.seedPlan("phu-ly-cqtt-2024")
        plan.typeSettings = settings([("pledge", Self.pledge(["Xin chào", " "])), ("evaluator", .string("  ")), ("danhGia", .bool(true))])
        let findings = try SeedScenario.typeFindings(plan)
        #expect(findings.contains { $0.severity == .error && $0.path == "typeSettings.pledge.xin" }, "\(findings.map(\.rendered))")
        #expect(findings.contains { $0.severity == .error && $0.path == "typeSettings.evaluator" })
        #expect(findings.contains { $0.severity == .warning && $0.path == "typeSettings.danhGia" })
        // A pledge that cannot be used is reported, and the form keeps the default wording.
        let type = ChinhQuyenThanThienType()
        #expect(type.definition(for: plan).form(Self.pledgeForm)?.preamble == type.definition.form(Self.pledgeForm)?.preamble)
    }
}
