import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

/// Seed 004 (Nam Gia Nghĩa, CCHC 2026): its award standards, criteria 1.1–1.5 and the unit's proposal.
extension SeedRuleTests {
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
}
