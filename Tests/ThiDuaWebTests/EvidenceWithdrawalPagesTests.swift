import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

/// Withdrawing an evidence file in the browser: the unit head his own unit's, the clerk any,
/// a required reason with the GOV.UK error pattern, nothing written on a refusal.
@Suite struct EvidenceWithdrawalPagesTests {
    static let unitPage = EvidencePagesTests.unitPage
    static let officePage = EvidencePagesTests.officePage

    static func evidence(_ ward: TestWard, _ campaign: String = "phu-ly-cqtt-2024") throws -> CampaignState {
        try BackOffice(workspace: ward.workspace, registry: ward.site.registry).open(campaign).state
    }

    @Test func unitHeadWithdrawsHisOwnFileWithAReason() throws {
        let (ward, seeded) = try EvidencePagesTests.ward()
        let browser = try EvidencePagesTests.signedIn(ward, "vanphong")
        let list = try browser.get(Self.unitPage).bodyText
        let path = Self.unitPage + "/\(seeded.vanPhong)/rut"
        #expect(list.contains("<a href=\"\(path)\">Rút tệp này"))
        let page = try browser.get(path)
        #expect(page.status.code == 200)
        #expect(page.bodyText.contains("<h1>Rút minh chứng «Biên bản họp.pdf»</h1>"))
        let token = try #require(TestBrowser.csrf(in: page))
        let before = EvidencePagesTests.snapshot(ward)
        // No reason: the error summary, the message on the field, nothing written.
        let missing = try browser.request("POST", path, form: [("_csrf", token), ("ly-do", "  ")])
        #expect(missing.status.code == 422)
        #expect(missing.bodyText.contains("<title>Lỗi: "))
        #expect(missing.bodyText.contains("<a href=\"#ly-do\">Nhập lý do rút minh chứng</a>"))
        #expect(missing.bodyText.contains("id=\"ly-do-loi\""))
        let long = String(repeating: "ă", count: 501)
        let tooLong = try browser.request("POST", path, form: [("_csrf", token), ("ly-do", long)])
        #expect(tooLong.status.code == 422)
        #expect(tooLong.bodyText.contains("tối đa 500 ký tự") && tooLong.bodyText.contains(long + "</textarea>"))
        // Another unit's file, and no CSRF token: refused, nothing written.
        let other = Self.unitPage + "/\(seeded.kinhTe)/rut"
        #expect(try browser.get(other).status.code == 404)
        #expect(try browser.request("POST", other, form: [("_csrf", token), ("ly-do", "x")]).status.code == 404)
        #expect(try browser.request("POST", path, form: [("ly-do", "x")]).status.code == 403)
        #expect(EvidencePagesTests.snapshot(ward) == before)
        // With a reason: recorded under the account, gone from the list, kept on disk.
        let done = try browser.request("POST", path, form: [("_csrf", token), ("ly-do", "Gửi nhầm tệp")])
        #expect(done.status.code == 303)
        let location = try #require(done.headers["Location"])
        #expect(location.hasPrefix(Self.unitPage + "?da-rut="))
        let after = try browser.get(location).bodyText
        #expect(after.contains("Đã rút minh chứng «Biên bản họp.pdf»."))
        #expect(after.contains("<caption>Minh chứng đã rút (1 tệp)</caption>"))
        #expect(after.contains("<td>Gửi nhầm tệp</td>"))
        #expect(!after.contains("href=\"\(Self.unitPage)/\(seeded.vanPhong)\""))
        #expect(try browser.get(Self.unitPage + "/\(seeded.vanPhong)").status.code == 404)
        #expect(try browser.get(path).status.code == 404)
        let state = try Self.evidence(ward)
        #expect(state.withdrawnEvidence.map(\.actor) == ["vanphong"])
        #expect(!state.evidence.contains { $0.seq == seeded.vanPhong })
        #expect(
            EvidencePagesTests.snapshot(ward).keys.filter { $0.hasPrefix("data/minh-chung/") }.sorted()
                == before.keys.filter { $0.hasPrefix("data/minh-chung/") }.sorted())
    }

    @Test func clerkWithdrawsAnyUnitsFileAndTheCouncilNoLongerSeesIt() throws {
        let (ward, seeded) = try EvidencePagesTests.ward()
        let clerk = try EvidencePagesTests.signedIn(ward, "canbo")
        let base = "/can-bo/phong-trao/phuong-6-cchc-2023/minh-chung"
        let path = base + "/\(seeded.nominee)/rut"
        #expect(try clerk.get(base).bodyText.contains("<a href=\"\(path)\">Rút tệp này"))
        let token = try #require(TestBrowser.csrf(in: try clerk.get(path)))
        let done = try clerk.request("POST", path, form: [("_csrf", token), ("ly-do", "Tệp của năm khác")])
        #expect(done.status.code == 303)
        let after = try clerk.get(try #require(done.headers["Location"])).bodyText
        #expect(after.contains("Đã rút minh chứng «Hồ sơ văn phòng.pdf»."))
        #expect(after.contains("<td>Văn phòng HĐND và UBND</td><td>Hồ sơ văn phòng.pdf</td>"))
        #expect(try Self.evidence(ward, "phuong-6-cchc-2023").withdrawnEvidence.map(\.reason) == ["Tệp của năm khác"])
        // The council's ballot page and list no longer offer it.
        let member = try EvidencePagesTests.signedIn(ward, "hoidong")
        let ballot = try member.get("/hoi-dong/phong-trao/phuong-6-cchc-2023").bodyText
        #expect(!ballot.contains("Hồ sơ văn phòng.pdf") && ballot.contains("Chưa có minh chứng."))
        #expect(try member.get(EvidencePagesTests.councilPage + "/\(seeded.nominee)").status.code == 404)
        // The council has no withdrawal route; the unit head of the other unit cannot reach it.
        #expect(try member.get(EvidencePagesTests.councilPage + "/\(seeded.nominee)/rut").status.code == 404)
        let kinhTe = try EvidencePagesTests.signedIn(ward, "kinhte")
        #expect(try kinhTe.get(Self.unitPage + "/\(seeded.vanPhong)/rut").status.code == 404)
    }

    @Test(.enabled(if: HTMLValidationTests.enabled)) func withdrawalPagesAreValidMarkup() throws {
        let (ward, seeded) = try EvidencePagesTests.ward()
        let unit = try EvidencePagesTests.signedIn(ward, "vanphong")
        let path = Self.unitPage + "/\(seeded.vanPhong)/rut"
        var pages: [(String, String)] = [("rut-minh-chung", try unit.get(path).bodyText)]
        let token = TestBrowser.csrf(in: try unit.get(path)) ?? ""
        pages.append(("rut-minh-chung-loi", try unit.request("POST", path, form: [("_csrf", token), ("ly-do", "")]).bodyText))
        _ = try unit.request("POST", path, form: [("_csrf", token), ("ly-do", "Nhầm")])
        pages.append(("minh-chung-da-rut", try unit.get(Self.unitPage + "?da-rut=a.pdf").bodyText))
        let clerk = try EvidencePagesTests.signedIn(ward, "canbo")
        pages.append(("can-bo-minh-chung-da-rut", try clerk.get(Self.officePage + "?da-rut=a.pdf").bodyText))
        pages.append(("can-bo-rut-minh-chung", try clerk.get(Self.officePage + "/\(seeded.kinhTe)/rut").bodyText))
        try HTMLValidationTests.validate(pages)
    }
}
