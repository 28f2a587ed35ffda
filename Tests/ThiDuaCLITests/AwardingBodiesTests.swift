import Foundation
import Testing
import ThiDuaCore

/// The plan's `awarding` reaches the review documents: the minutes, the tờ trình (local and
/// upward) and the decision of the demo ward's Phùng Chí Kiên campaign, re-issued as if a
/// Front committee ran it.
@Suite("Reviewing body, upward addressee and decision maker from the plan")
struct AwardingBodiesTests {
    static let body = ReviewingBody(
        name: "Ban Thường trực Ủy ban MTTQ Việt Nam phường Phùng Chí Kiên", inText: "Ban Thường trực Ủy ban MTTQ Việt Nam phường",
        headerLine: "BAN THƯỜNG TRỰC", symbol: "MTTQ-BTT", signerAuthority: "TM. BAN THƯỜNG TRỰC", signerTitle: "CHỦ TỊCH")

    @Test("the minutes, the tờ trình and the decision name the plan's bodies, not the UBND's")
    func documents() throws {
        let ward = try SharedDossierWard.campaign("phung-chi-kien-dvcq-2024")
        let review = try #require(ward.review)
        let decision = try #require(ward.decision)
        // As the UBND issued it: the defaults are unchanged.
        let before = WardCampaign.markdown(ward.builder.minutes(review))
        #expect(before.contains("HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"))
        #expect(WardCampaign.markdown(ward.builder.proposal(review, upward: true)).contains("Chủ tịch Ủy ban nhân dân tỉnh"))

        var plan = ward.plan
        plan.awarding = AwardingBodies(
            reviewingBody: Self.body,
            upwardProposal: UpwardProposal(addressee: "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Hưng Yên", award: "Bằng khen"),
            decisionMaker: "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG PHÙNG CHÍ KIÊN",
            executors: "Các ban công tác Mặt trận, các tổ chức thành viên")
        let builder = DossierBuilder(
            campaign: ResolvedCampaign(plan: plan, type: ward.resolved.type), state: ward.state, roster: ward.roster)
        let minutes = WardCampaign.markdown(builder.minutes(review))
        #expect(minutes.contains("**BAN THƯỜNG TRỰC**"), "\(minutes.prefix(500))")
        #expect(minutes.contains("/BB-MTTQ-BTT"))
        #expect(minutes.contains("Ban Thường trực Ủy ban MTTQ Việt Nam phường họp"), "\(minutes)")
        #expect(!minutes.contains("Hội đồng Thi đua"))
        let upward = WardCampaign.markdown(builder.proposal(review, upward: true))
        #expect(upward.contains("Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Hưng Yên."), "\(upward)")
        #expect(upward.contains("đề nghị Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Hưng Yên tặng Bằng khen"))
        #expect(!upward.contains("Ủy ban nhân dân tỉnh"))
        let local = WardCampaign.markdown(builder.proposal(review, upward: false))
        #expect(local.contains("/TTr-MTTQ-BTT"), "\(local.prefix(600))")
        #expect(local.contains("**TM. BAN THƯỜNG TRỰC**"))
        let decided = WardCampaign.markdown(builder.decision(decision))
        #expect(decided.contains("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG PHÙNG CHÍ KIÊN"))
        #expect(decided.contains("Điều 3. Các ban công tác Mặt trận, các tổ chức thành viên và các tập thể"), "\(decided)")
        #expect(!decided.contains("Văn phòng HĐND và UBND, Trưởng các phòng"))
    }
}
