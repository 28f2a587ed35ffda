import Foundation
import Testing
import ThiDuaCore
import ThiDuaRender

/// Issue 14, defects 1–10: the award dossier a clerk would send. Each test reads the documents
/// of the demo ward (or the Core types alone) and fails on the code before the fix.
@Suite("Dossier defects of issue 14", .serialized)
struct DossierDefectTests {
    // MARK: 1. Legal bases by date

    @Test("The texts cited are those in force on the document's date, one per subject")
    func legalBasesByDate() throws {
        func cited(_ y: Int, _ m: Int, _ d: Int) throws -> [String] {
            LegalBasis.inForce(on: try #require(CivilDate(year: y, month: m, day: d))).map(\.short)
        }
        #expect(
            try cited(2023, 12, 15) == [
                "Luật Tổ chức chính quyền địa phương số 77/2015/QH13", "Luật Thi đua, khen thưởng năm 2003", "Nghị định 91/2017/NĐ-CP",
            ])
        #expect(
            try cited(2024, 1, 1) == [
                "Luật Tổ chức chính quyền địa phương số 77/2015/QH13", "Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định 98/2023/NĐ-CP",
            ])
        #expect(try cited(2025, 3, 1).first == "Luật Tổ chức chính quyền địa phương số 65/2025/QH15")
        #expect(try cited(2025, 6, 15).first == "Luật Tổ chức chính quyền địa phương số 65/2025/QH15")
        // Luật 72/2025/QH15 is in force from the day it was passed; ND 98/2023 until 30/6/2025.
        #expect(
            try cited(2025, 6, 16) == [
                "Luật Tổ chức chính quyền địa phương số 72/2025/QH15", "Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định 98/2023/NĐ-CP",
            ])
        #expect(try cited(2025, 7, 1).last == "Nghị định 152/2025/NĐ-CP")
        // The 2015 law before its 2019 amendment came into force cites no amendment.
        let early = LegalBasis.lines(on: try #require(CivilDate(year: 2019, month: 5, day: 2)))
        #expect(early.first == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
        // Every period follows the previous one without a gap or an overlap.
        for subject in LegalBasis.Subject.allCases {
            let texts = LegalBasis.all.filter { $0.subject == subject }
            for (a, b) in zip(texts, texts.dropFirst()) {
                #expect(a.until?.adding(days: 1) == b.from, "\(a.short) → \(b.short)")
            }
        }
    }

    @Test("The 2023 decision of Phường 6 cites the 2003 law and ND 91/2017, and no text not yet in force")
    func decisionOf2023() throws {
        let ward = try SharedDossierWard.campaign("phuong-6-cchc-2023")
        let record = try #require(ward.decision)
        #expect(record.date.year == 2023)
        let text = WardCampaign.markdown(ward.builder.decision(record))
        #expect(text.contains("Nghị định số 91/2017/NĐ-CP"))
        #expect(text.contains("Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"))
        for later in ["72/2025/QH15", "65/2025/QH15", "06/2022/QH15", "98/2023/NĐ-CP", "152/2025/NĐ-CP"] {
            #expect(!text.contains(later), "the 2023 decision cites \(later)")
        }
        let review = try #require(ward.review)
        let proposal = WardCampaign.markdown(ward.builder.proposal(review, upward: false))
        #expect(proposal.contains("91/2017/NĐ-CP") && !proposal.contains("06/2022/QH15") && !proposal.contains("152/2025"))
    }

    // MARK: 2. The same person twice

    @Test("One decision gives one person one form once, unless the official confirms the repeat")
    func noRepeatsWithoutConfirmation() throws {
        let ward = try SharedDossierWard.campaign("phung-chi-kien-dvcq-2024")
        let journaled = try #require(ward.decision)
        let people = journaled.lines.map(\.participant)
        #expect(Set(people).count == people.count, "someone is awarded twice: \(journaled.lines.map(\.name))")
        let again = try #require(ward.decideAgain().first { !$0.upward })
        let pairs = again.lines.map { line in "\(line.participant)|\(ward.plan.awards.first { $0.id == line.award }?.form ?? "")" }
        #expect(Set(pairs).count == pairs.count)
        // Both a yearly and an end-of-period Giấy khen reach the same people: the repeats are left out, with the reason.
        #expect(!again.leftOut.isEmpty)
        #expect(again.leftOut.allSatisfy { $0.contains("--xac-nhan-trung") })
        // The end-of-period award is the one kept.
        #expect(again.lines.allSatisfy { $0.award == "giay-khen-tong-ket" })
        let confirmed = try #require(ward.decideAgain(confirmRepeats: true).first { !$0.upward })
        #expect(confirmed.lines.count == again.lines.count + again.leftOut.count)
        #expect(confirmed.leftOut.isEmpty)
        // Two kinds of one title read apart in the decision: each its own reason.
        let text = WardCampaign.markdown(ward.builder.decision(confirmed))
        #expect(text.contains("thành tích xuất sắc năm 2026"))
        #expect(text.contains("qua tổng kết"))
    }

    @Test("Điều 1 counts tập thể and cá nhân as they are")
    func articleOneCounts() throws {
        let individuals = try SharedDossierWard.campaign("phung-chi-kien-dvcq-2024")
        let one = WardCampaign.markdown(individuals.builder.decision(try #require(individuals.decision)))
        let record = try #require(individuals.decision)
        let collectives = record.lines.filter { $0.participant.kind == .collective }.count
        let people = record.lines.count - collectives
        #expect(one.contains("Điều 1. Tặng Giấy khen cho \(collectives) tập thể và \(people) cá nhân đã có thành tích"))
        #expect(!one.contains("tập thể, cá nhân đã có thành tích"))
        let units = try SharedDossierWard.campaign("phuong-6-cchc-2023")
        let three = WardCampaign.markdown(units.builder.decision(try #require(units.decision)))
        #expect(three.contains("cho 3 tập thể đã có thành tích"))
        #expect(three.contains("mỗi tập thể được tặng tiền thưởng"))
    }

    // MARK: 3. Tờ trình

    @Test("The tờ trình goes from the proposing body to the chairman, signed by that body")
    func proposalFromTheProposer() throws {
        let council = try SharedDossierWard.campaign("phuong-6-cchc-2023")
        let document = council.builder.proposal(try #require(council.review), upward: false)
        #expect(document.header?.issuerLines == ["HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"])
        #expect(document.header?.numberLine?.contains("/TTr-HĐTĐKT") == true)
        #expect(document.addressees == ["Kính gửi: Chủ tịch Ủy ban nhân dân Phường 6."])
        #expect(document.signatures.first?.authority == "TM. HỘI ĐỒNG")
        #expect(document.signatures.first?.name != council.plan.signer.name)
        // Nam Gia Nghĩa's plan charges the Phòng Văn hóa – Xã hội with proposing awards.
        let office = try SharedDossierWard.campaign("nam-gia-nghia-cchc-2026")
        let fromOffice = office.builder.proposal(try #require(office.review), upward: false)
        #expect(fromOffice.header?.issuerLines == ["PHÒNG VĂN HÓA – XÃ HỘI"])
        #expect(fromOffice.header?.numberLine?.contains("/TTr-VHXH") == true)
        #expect(fromOffice.signatures.first?.title == "TRƯỞNG PHÒNG")
        let text = WardCampaign.markdown(fromOffice)
        #expect(text.contains("Phòng Văn hóa – Xã hội kính trình Chủ tịch Ủy ban nhân dân phường Nam Gia Nghĩa"))
        // The decision says whose proposal it follows.
        let decision = WardCampaign.markdown(office.builder.decision(try #require(office.decision)))
        #expect(decision.contains("Theo đề nghị của Trưởng phòng Văn hóa – Xã hội tại Tờ trình số"))
    }

    // MARK: 4. Signature before the danh sách

    @Test("The decision's signature and Nơi nhận follow Điều 3; the danh sách is an appendix on a new page")
    func signatureBeforeTheList() throws {
        let ward = try SharedDossierWard.campaign("phung-chi-kien-dvcq-2024")
        let record = try #require(ward.decision)
        let document = ward.builder.decision(record)
        #expect(!document.body.contains { if case .table = $0 { true } else { false } })
        #expect(document.appendix.contains { if case .table = $0 { true } else { false } })
        let text = WardCampaign.markdown(document)
        let signerName = try #require(ward.plan.signer.name)
        let signer = try #require(text.range(of: "**\(signerName)**"))
        let list = try #require(text.range(of: "DANH SÁCH TẬP THỂ, CÁ NHÂN"))
        let article3 = try #require(text.range(of: "Điều 3."))
        #expect(article3.lowerBound < signer.lowerBound && signer.lowerBound < list.lowerBound)
        #expect(text.contains("(Kèm theo Quyết định số      /QĐ-UBND ngày … tháng … năm 2026"))
        let xml = DOCXRenderer().parts(document).first { $0.path == "word/document.xml" }?.xml ?? ""
        let closing = try #require(xml.range(of: "Nơi nhận:"))
        let pageBreak = try #require(xml.range(of: "<w:br w:type=\"page\"/>", range: closing.upperBound..<xml.endIndex))
        let heading = try #require(xml.range(of: "DANH SÁCH TẬP THỂ"))
        #expect(pageBreak.upperBound <= heading.lowerBound)
    }

    // MARK: 5. Giấy khen

    @Test("The giấy khen is a landscape certificate, one per page, with title, reason, place and date, and room to sign")
    func certificateLayout() throws {
        let ward = try SharedDossierWard.campaign("phung-chi-kien-dvcq-2024")
        let record = try #require(ward.decision)
        let document = ward.builder.certificates(record)
        #expect(document.page == .certificate)
        let breaks = document.body.filter { $0 == .pageBreak }.count
        #expect(breaks == record.lines.count - 1)
        let paragraphs = document.body.compactMap { block -> Paragraph? in if case .paragraph(let p) = block { p } else { nil } }
        #expect(paragraphs.filter { $0.text == "GIẤY KHEN" && $0.emphasis.contains(.title) }.count == record.lines.count)
        #expect(paragraphs.filter { $0.text.hasPrefix("Phùng Chí Kiên, ngày") }.count == record.lines.count)
        let names = paragraphs.filter { $0.text == ward.plan.signer.name }
        #expect(names.count == record.lines.count && names.allSatisfy { $0.spaceBefore >= 60 && $0.rightHalf })
        #expect(!paragraphs.contains { $0.text.contains("phòng, ban") })
        let xml = DOCXRenderer().parts(document).first { $0.path == "word/document.xml" }?.xml ?? ""
        #expect(xml.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        #expect(!xml.contains("headerReference"), "a certificate has no page numbers")
        #expect(xml.contains("<w:sz w:val=\"72\"/>"))
        #expect(HTMLRenderer().render(document).contains("@page { size: A4 landscape; margin: 20mm; }"))
        // Bold lines stay bold line by line in Markdown: no stray "**".
        for line in WardCampaign.markdown(document).split(separator: "\n") {
            #expect(line.components(separatedBy: "**").count % 2 == 1, "unbalanced ** in «\(line)»")
        }
    }

    // MARK: 6. Báo cáo thành tích

    @Test("The báo cáo thành tích follows Mẫu 03 in prose: no arrows, no codes, past awards only")
    func achievementReportInProse() throws {
        let ward = try SharedDossierWard.campaign("phung-chi-kien-dvcq-2024")
        let record = try #require(ward.decision)
        let who = try #require(record.lines.first { $0.participant.kind == .individual }?.participant)
        let history: [ParticipantRef: [String]] = [
            who: [
                "Năm 2025: Giấy khen của Chủ tịch UBND phường, Quyết định số 12/QĐ-UBND («Dân vận chính quyền 2024–2026 — phường Phùng Chí Kiên»)",
                "Năm 2026: Giấy khen của Chủ tịch UBND phường («Dân vận chính quyền 2024–2026 — phường Phùng Chí Kiên»)",
            ]
        ]
        let builder = DossierBuilder(campaign: ward.resolved, state: ward.state, roster: ward.roster, history: history)
        let text = WardCampaign.markdown(builder.achievementReport(who, evaluation: ward.evaluation))
        #expect(!text.contains("→"))
        #expect(text.range(of: "[a-z]+-[a-z-]+", options: .regularExpression) == nil, "a code in: \(text)")
        #expect(text.contains("### I. SƠ LƯỢC LÝ LỊCH") && text.contains("### II. THÀNH TÍCH ĐẠT ĐƯỢC"))
        #expect(text.contains("đã đạt 2/2 tiêu chí thi đua: hoàn thành tốt, xuất sắc các nội dung thi đua"))
        let third = try #require(text.range(of: "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"))
        let section = text[third.upperBound...]
        #expect(section.contains("Năm 2025: Giấy khen của Chủ tịch UBND phường, Quyết định số 12/QĐ-UBND"))
        #expect(!section.contains("Năm 2026"), "the award now proposed is listed as past")
        #expect(!section.contains("«"))
    }

    // MARK: 7. Evaluation text in official documents

    @Test("Sơ kết and tổng kết state results in sentences, without the evaluation's arrows and codes")
    func reportsInSentences() throws {
        for id in ["minh-xuan-cds-2026", "phu-ly-cqtt-2024", "minh-xuan-dvk-2026", "phung-chi-kien-dvcq-2024", "phuong-6-cchc-2023"] {
            let ward = try SharedDossierWard.campaign(id)
            for kind in [ReportKind.soKet, .tongKet] {
                let evaluation = Evaluator(campaign: ward.resolved, state: ward.state, roster: ward.roster).evaluate(
                    EvaluationPeriod(year: ward.plan.period.end.year > 2026 ? 2026 : ward.plan.period.end.year, halfYear: kind == .soKet))
                let text = WardCampaign.markdown(ward.builder.report(kind, evaluation: evaluation))
                for pasted in ["→", "(cần", "tăng 0 bậc", "giảm ", "«", "Báo cáo Báo cáo", "Báo cáo\n**Báo cáo"] {
                    #expect(!text.contains(pasted), "\(id) \(kind): «\(pasted)»")
                }
                #expect(!text.contains("**" + ward.plan.name), "\(id): the listing name in the trích yếu")
            }
        }
    }

    // MARK: 8. Years and names

    @Test("Filled forms print years as written and criteria by their titles")
    func filledFormsReadable() throws {
        for id in ["minh-xuan-cds-2026", "phuong-6-cchc-2023", "phung-chi-kien-dvcq-2024"] {
            let ward = try SharedDossierWard.campaign(id)
            for record in ward.state.submissions {
                guard let document = ward.builder.filledForm(record) else { continue }
                let text = WardCampaign.markdown(document)
                #expect(text.range(of: #"\b2\.0[0-9]{2}\b"#, options: .regularExpression) == nil, "\(id) \(record.form): a year with a dot")
                #expect(text.range(of: "[a-z]+-[a-z-]+", options: .regularExpression) == nil, "\(id) \(record.form): a code")
            }
        }
    }

    @Test("Official documents name the movement formally, never by its listing name")
    func movementName() throws {
        let ward = try SharedDossierWard.campaign("nam-gia-nghia-cchc-2026")
        #expect(
            ward.plan.movementName
                == "phong trào thi đua “Đẩy mạnh công tác cải cách hành chính nhà nước trên địa bàn phường Nam Gia Nghĩa” năm 2026")
        let record = try #require(ward.decision)
        let review = try #require(ward.review)
        for document in [
            ward.builder.decision(record), ward.builder.certificates(record), ward.builder.proposal(review, upward: false),
            ward.builder.minutes(review),
        ] {
            let text = WardCampaign.markdown(document)
            #expect(!text.contains(ward.plan.name), "listing name in: \(text.prefix(300))")
            #expect(!text.contains("«"))
        }
    }

    // MARK: 9. Biên bản

    @Test("A member's vote on himself counts as a conflict, and the biên bản says who did not vote on whom")
    func minutesConsistentAboutConflicts() throws {
        let ward = try SharedDossierWard.campaign("phung-chi-kien-dvcq-2024")
        let review = try #require(ward.review)
        let closing = try #require(review.closed)
        let members = Set(review.members.map(\.name))
        for result in review.results(present: closing.present.count, roster: ward.roster) {
            let name = result.nominee.participant.name(in: ward.roster)
            guard members.contains(name), closing.present.contains(name), review.ballots[name]?[result.nominee.id] != nil else { continue }
            #expect(result.tally.conflict >= 1, "\(name) voted on himself")
        }
        let text = WardCampaign.markdown(ward.builder.minutes(review))
        #expect(text.contains("kể cả khi chính mình được đề nghị"))
        #expect(text.contains("Số thành viên không biểu quyết do xung đột lợi ích: "))
        #expect(text.contains("(khen thưởng tổng kết)") && text.contains("(khen thưởng năm 2026)"))
        // Two signers and no Nơi nhận share the width in HTML as in DOCX.
        let html = HTMLRenderer().render(ward.builder.minutes(review))
        #expect(!html.contains("<td class=\"recipients\">"))
    }

    @Test("The year's report is the issuer's own, and gives one row per form of award")
    func yearReportOwnAndOneRowPerForm() throws {
        let root = try SharedDossierWard.root()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-year-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = Harness.run(["--workspace", root.path, "--today", "2026-12-20", "doc", "--year", "2026", "--format", "md", "--out", out.path])
        #expect(run.code == 0, "\(run.errors)")
        let text = try String(contentsOf: out.appendingPathComponent("tong-hop-khen-thuong-2026.md"), encoding: .utf8)
        // The demo workspace also holds other wards' campaigns: the report of phường Minh Xuân has none of them.
        #expect(text.contains("PHƯỜNG MINH XUÂN"))
        for other in ["Nam Gia Nghĩa", "Phùng Chí Kiên", "Phường 6"] { #expect(!text.contains(other), "another ward in the report: \(other)") }
        let section = try #require(text.range(of: "### III. TỔNG HỢP KHEN THƯỞNG")).upperBound
        let rows = text[section...].split(separator: "\n").prefix { !$0.hasPrefix("Tổng cộng") }.filter { $0.hasPrefix("| 1") || $0.hasPrefix("| 2") }
        let forms = rows.map { $0.split(separator: "|")[1].trimmingCharacters(in: .whitespaces) }
        #expect(Set(forms).count == forms.count)
        #expect(!text[section...].contains("chưa quyết định |"))
    }

    // MARK: 10. Smaller items

    @Test("No doubled words, no stray Như trên, no empty signer title as a rule, wide forms landscape")
    func smallerItems() throws {
        for id in ["phu-ly-cqtt-2024", "minh-xuan-dvk-2026", "phung-chi-kien-dvcq-2024", "nam-gia-nghia-cchc-2026"] {
            let ward = try SharedDossierWard.campaign(id)
            let evaluation = ward.evaluation
            let report = ward.builder.report(.tongKet, evaluation: evaluation)
            #expect(!report.recipients.contains { $0.name.hasPrefix("Như trên") }, "\(id): Như trên without Kính gửi")
            var documents = [report]
            if let review = ward.review { documents += [ward.builder.minutes(review), ward.builder.proposal(review, upward: false)] }
            if let record = ward.decision { documents += [ward.builder.decision(record), ward.builder.certificates(record)] }
            for document in documents {
                let text = WardCampaign.markdown(document)
                for doubled in ["về về", "năm năm", "Báo cáo báo cáo"] { #expect(!text.lowercased().contains(doubled), "\(id): «\(doubled)»") }
                #expect(!text.contains("\n****\n"), "\(id): an empty signer title prints as a rule")
            }
        }
        // A form of more than six columns prints landscape.
        let ward = try SharedDossierWard.campaign("nam-gia-nghia-cchc-2026")
        let wide = try #require(
            ward.state.submissions.compactMap(ward.builder.filledForm).first { document in
                document.body.contains { if case .table(let t) = $0 { t.columns.count > 6 } else { false } }
            })
        #expect(wide.page == .wide)
        let xml = DOCXRenderer().parts(wide).first { $0.path == "word/document.xml" }?.xml ?? ""
        #expect(xml.contains("w:orient=\"landscape\""))
    }
}
