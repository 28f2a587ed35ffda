import DanVanKheo
import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

@Suite("Dân vận khéo")
struct DanVanKheoTests {
    static func model(_ unit: String, _ name: String, on date: CivilDate) -> [String: FieldValue] {
        [
            "don-vi": .unit(unit), "ten-mo-hinh": .text(name), "linh-vuc": .choice("Văn hóa - xã hội"), "dia-ban": .text("Phường"),
            "muc-tieu": .text("Tuyên truyền"), "luc-luong": .text("Hội Phụ nữ"), "bat-dau": .date(date),
        ]
    }

    static func assessment(_ unit: String, _ name: String, term: String, replicated: Bool? = nil) -> [String: FieldValue] {
        var row: [String: FieldValue] = [
            "don-vi": .unit(unit), "ten-mo-hinh": .text(name), "ky-danh-gia": .choice(term), "ket-qua": .text("Tốt"),
            "xep-loai": .choice("Hiệu quả"), "de-nghi-cong-nhan": .yesNo(true),
        ]
        if let replicated { row["nhan-rong"] = .yesNo(replicated) }
        return row
    }

    static func minimum(_ n: Int) -> (inout CampaignPlan) -> Void {
        { plan in plan.typeSettings = settings([("minimumModelsPerUnit", .number(Double(n)))]) }
    }

    @Test("a plan minimum of 2 makes a unit with one model fall short, with the explanation")
    func minimumTwo() throws {
        var s = try SeedScenario("minh-xuan-dvk-2026", roster: sampleRoster, adjust: Self.minimum(2))
        s.enrol(units: ["to-1", "to-2"])
        try s.submit(
            DanVanKheoType.registrationForm,
            [
                Self.model("to-1", "Tuyến đường hoa", on: day(1, 2, 2026)), Self.model("to-1", "Sổ tay dân vận", on: day(1, 2, 2026)),
                Self.model("to-2", "Camera an ninh", on: day(1, 2, 2026)),
            ], on: day(10, 2, 2026))
        let period = EvaluationPeriod(year: 2026)
        let short = try #require(try s.standing(.unit("to-2"), period).indicators.first { $0.indicator == "mo-hinh-dang-ky" })
        #expect(short.truth == .notMet)
        #expect(short.explanation.contains("1 (cần ≥ 2)"), "\(short.explanation)")
        let enough = try #require(try s.standing(.unit("to-1"), period).indicators.first { $0.indicator == "mo-hinh-dang-ky" })
        #expect(enough.truth == .met, "\(enough.explanation)")
        let lines = try s.reportSection("ket-qua-mo-hinh", period: period)
        #expect(lines.contains("Đơn vị chưa đăng ký đủ 2 mô hình năm 2026: Tổ dân phố 2 (1/2)."), "\(lines)")
        // The catalogue criterion counts against the same minimum.
        let criterion = try #require(s.campaign.definition.criteria.first { $0.id == DanVanKheoType.modelCriterion })
        #expect(criterion.rule == .count(kind: "model-registration", comparison: .atLeast, value: 2))
        #expect(criterion.text.hasPrefix("Đăng ký ít nhất 02 "))
    }

    @Test("the seed's minimum of 1 is the indicator's target: a unit with one model meets it, a unit with none does not")
    func seedMinimum() throws {
        var s = try SeedScenario("minh-xuan-dvk-2026", roster: sampleRoster)
        #expect(s.campaign.plan.indicators.first { $0.id == "mo-hinh-dang-ky" }?.target == Target(.atLeast, 1))
        s.enrol(units: ["to-1", "to-2"])
        try s.submit(DanVanKheoType.registrationForm, [Self.model("to-1", "Tuyến đường hoa", on: day(1, 2, 2026))], on: day(10, 2, 2026))
        let period = EvaluationPeriod(year: 2026)
        #expect(try s.standing(.unit("to-1"), period).indicators.first { $0.indicator == "mo-hinh-dang-ky" }?.truth == .met)
        let none = try #require(try s.standing(.unit("to-2"), period).indicators.first { $0.indicator == "mo-hinh-dang-ky" })
        #expect(none.truth == .notMet && none.explanation.contains("0 (cần ≥ 1)"), "\(none.explanation)")
    }

    @Test("the register carries models across the years: registered → carried out → assessed → replicated")
    func lifeAcrossYears() throws {
        var s = try SeedScenario("minh-xuan-dvk-2026", roster: sampleRoster)
        s.enrol(units: ["to-1", "to-2"])
        let form = DanVanKheoType.registrationForm
        try s.submit(form, [Self.model("to-1", "Tuyến đường hoa", on: day(1, 2, 2026))], on: day(10, 2, 2026))
        try s.submit(DanVanKheoType.evaluationForm, [Self.assessment("to-1", "Tuyến đường hoa", term: "6 tháng")], on: day(1, 7, 2026))
        try s.submit(form, [Self.model("to-2", "Camera an ninh", on: day(1, 2, 2027))], on: day(10, 2, 2027))
        try s.submit(DanVanKheoType.evaluationForm, [Self.assessment("to-1", "tuyến đường HOA", term: "Cả năm")], on: day(1, 12, 2027))
        try s.submit(
            DanVanKheoType.evaluationForm, [Self.assessment("to-1", "Tuyến đường hoa", term: "Cả năm", replicated: true)], on: day(1, 12, 2028))

        let in2026 = ModelRegister(s.context, upTo: 2026)
        #expect(in2026.models.map(\.stage) == [.carriedOut])
        let in2027 = ModelRegister(s.context, upTo: 2027)
        #expect(in2027.models.map(\.name) == ["Tuyến đường hoa", "Camera an ninh"])
        #expect(in2027.models.map(\.stage) == [.assessed, .registered])
        #expect(in2027.models.first?.rating == "Hiệu quả")
        let in2028 = ModelRegister(s.context, upTo: 2028)
        #expect(in2028.models.first?.stage == .replicated)
        #expect(in2028.models.first?.reached == [.carriedOut: 2026, .assessed: 2027, .replicated: 2028])
        #expect(in2028.registered(by: "to-1", in: 2026) == 1 && in2028.registered(by: "to-1", in: 2027) == 0)

        // Counted per unit per year: in 2027 to-1 registered nothing new.
        let year2027 = EvaluationPeriod(year: 2027)
        #expect(try s.standing(.unit("to-1"), year2027).indicators.first { $0.indicator == "mo-hinh-dang-ky" }?.truth == .notMet)
        #expect(try s.standing(.unit("to-2"), year2027).indicators.first { $0.indicator == "mo-hinh-dang-ky" }?.truth == .met)
        let lines = try s.reportSection("ket-qua-mo-hinh", period: EvaluationPeriod(year: 2028))
        #expect(lines.contains { $0.hasPrefix("Đến hết năm 2028, sổ theo dõi có 2 mô hình") }, "\(lines)")
        #expect(lines.contains("1 | Tổ dân phố 1 | Tuyến đường hoa | Văn hóa - xã hội | 2026 | Đã nhân rộng (2028); xếp loại: Hiệu quả"), "\(lines)")
        #expect(lines.contains("2 | Tổ dân phố 2 | Camera an ninh | Văn hóa - xã hội | 2027 | Đã đăng ký (2027)") == false)
        #expect(lines.contains("2 | Tổ dân phố 2 | Camera an ninh | Văn hóa - xã hội | 2027 | Đã đăng ký"), "\(lines)")
    }

    @Test("the plan's fields restrict the registration form's choices")
    func fields() throws {
        let s = try SeedScenario("minh-xuan-dvk-2026", roster: sampleRoster) { plan in
            plan.typeSettings = settings([("fields", .array([.string("van-hoa-xa-hoi"), .string("kinh-te-do-thi")]))])
        }
        #expect(s.campaign.definition.fields.map(\.id) == ["kinh-te-do-thi", "van-hoa-xa-hoi"])
        let choices = s.campaign.form(DanVanKheoType.registrationForm)?.fields.first { $0.id == "linh-vuc" }?.choices
        #expect(choices == ["Kinh tế - đô thị", "Văn hóa - xã hội"])
    }

    @Test("its diagnostics: the minimum in two places, a minimum of 0, an unknown field, the old deadline key")
    func diagnostics() throws {
        var plan = try SeedScenario.seedPlan("minh-xuan-dvk-2026")
        let index = try #require(plan.indicators.firstIndex { $0.id == "mo-hinh-dang-ky" })
        plan.indicators[index].target = Target(.atLeast, 1)
        plan.typeSettings = settings([("minimumModelsPerUnit", .number(2)), ("registrationDeadline", .string("15/02"))])
        var findings = try SeedScenario.typeFindings(plan)
        #expect(
            findings.contains { $0.severity == .error && $0.path == "indicators[\(index)].target" && $0.message.contains("(2)") }, "\(findings.map(\.rendered))"
        )
        #expect(findings.contains { $0.severity == .warning && $0.path == "typeSettings.registrationDeadline" })

        plan.typeSettings = settings([("minimumModelsPerUnit", .number(0)), ("fields", .array([.string("van-hoa")]))])
        findings = try SeedScenario.typeFindings(plan)
        #expect(findings.contains { $0.path == "typeSettings.minimumModelsPerUnit" && $0.message.contains("thấy 0") }, "\(findings.map(\.rendered))")
        #expect(findings.contains { $0.path == "typeSettings.fields[0]" && $0.message.contains("van-hoa-xa-hoi") })

        plan.milestones.removeAll { $0.kind == .registration }
        plan.typeSettings = nil
        findings = try SeedScenario.typeFindings(plan)
        #expect(findings.contains { $0.severity == .warning && $0.path == "milestones" })
    }
}
