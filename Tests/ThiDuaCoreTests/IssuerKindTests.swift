import Foundation
import Testing

@testable import ThiDuaCore

/// The issuer-kind catalogue: what a plan naming a kind gets, what it overrides, what is refused.
@Suite("Issuer kinds")
struct IssuerKindTests {
    /// The minimal plan with its issuer, number and signer replaced.
    static func plan(issuer: String, number: String? = nil, signer: String = #"{"name": "Nguyễn Văn A"}"#, extra: String = "") -> String {
        var text = CoreFixtures.validText
        text = text.replacingOccurrences(
            of: #""name": "Ủy ban nhân dân phường Mẫu",\#n    "headerLines": ["ỦY BAN NHÂN DÂN", "PHƯỜNG MẪU"],\#n    "level": "xa""#,
            with: issuer.dropFirst().dropLast().description)
        text = text.replacingOccurrences(
            of: #""number": {"number": "12", "symbol": "KH-UBND"},"#, with: number.map { "\"number\": \($0)," } ?? "")
        text = text.replacingOccurrences(
            of: #""signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"}"#,
            with: "\"signer\": \(signer)\(extra)")
        return text
    }

    @Test("a Đảng ủy named by its label gets the Party's header, heading, mark, number style, signer and reviewing body")
    func partyByLabel() throws {
        let result = CoreFixtures.load(Self.plan(issuer: #"{"kind": "Đảng ủy", "locality": "phường Mẫu", "upperLocality": "tỉnh Mẫu"}"#))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.rendered))")
        let plan = try #require(result.plan)
        #expect(plan.issuer.name == "Đảng ủy phường Mẫu")
        #expect(plan.issuer.headerLines == ["ĐẢNG ỦY PHƯỜNG MẪU"])
        #expect(plan.issuer.upperLine == "ĐẢNG BỘ TỈNH MẪU")
        #expect(plan.issuer.heading == ["ĐẢNG CỘNG SẢN VIỆT NAM"])
        #expect(plan.issuer.mark == "*")
        #expect(plan.issuer.level == .dang)
        #expect(plan.number.printed == "Số      -KH/ĐU")
        #expect(plan.number.symbol(forType: "QĐ") == "QĐ/ĐU")
        #expect(plan.signer == Signer(authority: "T/M ĐẢNG ỦY", title: "BÍ THƯ", name: "Nguyễn Văn A"))
        #expect(plan.awarding?.reviewingBody?.name == "Ban Thường vụ Đảng ủy phường Mẫu")
        #expect(plan.awarding?.decisionMaker == "BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG MẪU")
        let header = PlanDocumentBuilder.header(for: plan, number: plan.number.printed, date: plan.date)
        #expect(header.parentLine == "ĐẢNG BỘ TỈNH MẪU")
        #expect(header.headingLines.map(\.text) == ["ĐẢNG CỘNG SẢN VIỆT NAM"])
    }

    @Test("what the file gives wins key by key: header lines, symbol, signer title, reviewing body")
    func overrides() throws {
        let result = CoreFixtures.load(
            Self.plan(
                issuer: #"{"kind": "mttq", "locality": "phường Mẫu", "upperLocality": "tỉnh Mẫu", "headerLines": ["ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG MẪU"]}"#,
                number: #"{"number": "7", "symbol": "KH-MTTQ"}"#,
                signer: #"{"authority": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Lê Thị B"}"#,
                extra: #", "awarding": {"reviewingBody": {"name": "Hội đồng Thi đua – Khen thưởng phường Mẫu"}}"#))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.rendered))")
        let plan = try #require(result.plan)
        #expect(plan.issuer.headerLines == ["ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG MẪU"])
        #expect(plan.issuer.name == "Ủy ban Mặt trận Tổ quốc Việt Nam phường Mẫu")
        #expect(plan.number.printed == "Số: 7/KH-MTTQ")
        #expect(plan.signer.title == "PHÓ CHỦ TỊCH" && plan.signer.authority == "KT. CHỦ TỊCH")
        #expect(plan.awarding?.reviewingBody?.name == "Hội đồng Thi đua – Khen thưởng phường Mẫu")
        // Keys the file left out still come from the kind.
        #expect(plan.awarding?.upwardProposal?.addressee == "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Mẫu")
    }

    @Test("a plan declares a kind of its own in issuerKinds; a Chương trình takes the symbol CTr")
    func planKind() throws {
        let kind = #"""
            , "documentKind": "CHƯƠNG TRÌNH", "issuerKinds": [{"id": "hoi-khuyen-hoc", "label": "Hội Khuyến học", "name": "Hội Khuyến học {địa bàn}",
              "headerLines": ["HỘI KHUYẾN HỌC", "{ĐỊA BÀN}"], "numbering": "party", "symbol": "HKH",
              "signer": {"authority": "TM. BAN CHẤP HÀNH", "title": "CHỦ TỊCH"}}]
            """#
        let result = CoreFixtures.load(Self.plan(issuer: #"{"kind": "hoi-khuyen-hoc", "locality": "phường Mẫu"}"#, extra: kind))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.rendered))")
        let plan = try #require(result.plan)
        #expect(plan.issuer.headerLines == ["HỘI KHUYẾN HỌC", "PHƯỜNG MẪU"])
        #expect(plan.number.printed == "Số      -CTr/HKH")
        #expect(plan.issuer.heading == nil, "no heading: the Quốc hiệu")
    }

    @Test("without a kind, number and signer stay required; with a kind but no locality, the error names it")
    func required() throws {
        let noNumber = CoreFixtures.load(
            CoreFixtures.validText.replacingOccurrences(of: #""number": {"number": "12", "symbol": "KH-UBND"},"#, with: ""))
        #expect(noNumber.diagnostics.contains { $0.message.contains("«number»") }, "\(noNumber.diagnostics.map(\.rendered))")
        let noLocality = CoreFixtures.load(Self.plan(issuer: #"{"kind": "ubnd"}"#))
        #expect(noLocality.diagnostics.contains { $0.path == "issuer.locality" && $0.severity == .error })
        let unknown = CoreFixtures.load(Self.plan(issuer: #"{"kind": "ubndd", "locality": "phường Mẫu"}"#))
        #expect(unknown.diagnostics.contains { $0.path == "issuer.kind" && $0.hint == "có phải ý bạn là «ubnd»?" })
    }

    @Test("the standard kinds are well formed and use only known placeholders")
    func standardWellFormed() {
        #expect(IssuerKindCatalogue.problems(in: IssuerKindCatalogue.standard.kinds, path: "standard").isEmpty)
        #expect(
            IssuerKindCatalogue.standard.kinds.map(\.id) == [
                "ubnd", "mttq", "dang-uy", "doan", "hoi-phu-nu", "hoi-cuu-chien-binh", "hoi-nong-dan",
            ])
    }
}
