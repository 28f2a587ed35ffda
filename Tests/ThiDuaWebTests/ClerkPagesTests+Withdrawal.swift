import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaCLI
@testable import ThiDuaWeb

/// Withdrawing units and people from a campaign through the clerk's page.
extension ClerkPagesTests {
    @Test func theClerkWithdrawsAUnitWithAReason() throws {
        let ward = try ClerkFixture.ward()
        let office = ClerkFixture.office(ward)
        _ = try office.enroll(
            ClerkFixture.campaign, EnrolmentRequest(peopleOfUnits: true),
            as: ActionContext(actor: "canbo", today: ClerkFixture.day(28, 5), now: { "2026-05-28T03:00:00.000Z" }))
        let before = try office.open(ClerkFixture.campaign).state
        let unit = try #require(before.units.first)
        let unitName = try #require(try office.roster().unit(unit)?.name)
        let person = try #require(before.people.first)
        let clerk = try Self.signedIn(ward, "canbo")
        let path = Self.base + "/rut-khoi"
        #expect(try clerk.get(Self.base).bodyText.contains("href=\"\(path)\""))
        let page = try clerk.get(path)
        #expect(page.status.code == 200)
        #expect(page.bodyText.contains("value=\"\(unit)\"><label for=\"rut-don-vi-0\">\(unitName)</label>"))
        let count = try ClerkFixture.events(ward).count
        // Nothing ticked and no reason: both named in the summary, nothing written.
        let empty = try Self.post(clerk, path, from: path, [("rut-ly-do", " ")])
        #expect(empty.status.code == 422)
        #expect(empty.bodyText.contains("<title>Lỗi: "))
        #expect(empty.bodyText.contains("<a href=\"#rut-don-vi\">Chọn ít nhất một đơn vị hoặc cá nhân cần rút</a>"))
        #expect(empty.bodyText.contains("<a href=\"#rut-ly-do\">Nhập lý do rút khỏi phong trào</a>"))
        // A reason missing: the ticks are kept.
        let noReason = try Self.post(clerk, path, from: path, [("rut-don-vi", unit)])
        #expect(noReason.status.code == 422)
        #expect(noReason.bodyText.contains("value=\"\(unit)\" checked"))
        #expect(!noReason.bodyText.contains("Chọn ít nhất một"))
        // A unit that is not enrolled (a forged post): Core's refusal on the field.
        let forged = try Self.post(clerk, path, from: path, [("rut-don-vi", "khong-co"), ("rut-ly-do", "Thử")])
        #expect(forged.status.code == 422)
        #expect(forged.bodyText.contains("đơn vị «khong-co» không tham gia phong trào này"))
        // Without the CSRF token: refused.
        #expect(try clerk.request("POST", path, form: [("rut-don-vi", unit), ("rut-ly-do", "Sáp nhập")]).status.code == 403)
        #expect(try ClerkFixture.events(ward).count == count)
        // Recorded: one withdrawal event with the account and reason.
        let done = try Self.post(clerk, path, from: path, [("rut-don-vi", unit), ("rut-ca-nhan", person), ("rut-ly-do", "Sáp nhập đơn vị")])
        #expect(done.status.code == 303)
        #expect(done.headers["Location"] == Self.base + "?da=rut-khoi")
        #expect(try clerk.get(Self.base + "?da=rut-khoi").bodyText.contains("Đã rút đơn vị, cá nhân khỏi phong trào"))
        let event = try #require(try ClerkFixture.events(ward).last)
        #expect(event.kind == .withdrawal && event.actor == "canbo")
        let payload = try #require(event.payload.payload(WithdrawalPayload.self))
        #expect(payload.units == [unit] && payload.people == [person] && payload.reason == "Sáp nhập đơn vị")
        let after = try office.open(ClerkFixture.campaign).state
        #expect(!after.units.contains(unit) && !after.people.contains(person))
        #expect(!(try clerk.get(path).bodyText.contains("value=\"\(unit)\"")))
    }

    @Test(.enabled(if: HTMLValidationTests.enabled)) func withdrawalPageIsValidMarkup() throws {
        let ward = try ClerkFixture.ward()
        let clerk = try Self.signedIn(ward, "canbo")
        let path = Self.base + "/rut-khoi"
        var pages = [("rut-khoi-chua-co", try clerk.get(path).bodyText)]
        _ = try ClerkFixture.office(ward).enroll(
            ClerkFixture.campaign, EnrolmentRequest(peopleOfUnits: true),
            as: ActionContext(actor: "canbo", today: ClerkFixture.day(28, 5), now: { "2026-05-28T03:00:00.000Z" }))
        pages.append(("rut-khoi", try clerk.get(path).bodyText))
        pages.append(("rut-khoi-loi", try Self.post(clerk, path, from: path, []).bodyText))
        try HTMLValidationTests.validate(pages)
    }
}
