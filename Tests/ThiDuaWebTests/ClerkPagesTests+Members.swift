import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaCLI
@testable import ThiDuaWeb

/// The council's members as a file when the clerk opens a review: CSV or .xlsx (saved by
/// LibreOffice Calc from CSV: `soffice --headless --convert-to xlsx`, in
/// `ThiDuaCoreTests/Fixtures/spreadsheet/libreoffice-council*.xlsx`), bad rows named by row and
/// column, nothing written on a refusal.
extension ClerkPagesTests {
    static func councilFixture(_ name: String) throws -> [UInt8] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ThiDuaCoreTests/Fixtures/spreadsheet")
        return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// A ward whose units have sent their data, on the meeting day, with the clerk signed in.
    static func readyForReview() throws -> (TestWard, TestBrowser) {
        let ward = try ClerkFixture.ward()
        _ = try ClerkFixture.office(ward).enroll(
            ClerkFixture.campaign, EnrolmentRequest(peopleOfUnits: true),
            as: ActionContext(actor: "canbo", today: ClerkFixture.day(28, 5), now: { "2026-05-28T03:00:00.000Z" }))
        try ClerkFixture.unitsSend(ward)
        ward.clock.advance(ClerkFixture.toMeetingDay)
        return (ward, try Self.signedIn(ward, "canbo"))
    }

    static func openWithFile(_ clerk: TestBrowser, _ name: String, _ bytes: [UInt8], typed: String = "") throws -> Response {
        let page = Self.base + "/binh-xet"
        let token = TestBrowser.csrf(in: try clerk.get(page)) ?? ""
        return try clerk.upload(
            page + "/mo", token: token,
            [
                .field("ky", "2026"), .field("thanh-vien", typed), UploadPart(name: "tep-thanh-vien", filename: name, data: bytes), .field("ngay-hop", ""),
                .field("dia-diem", "Hội trường UBND"),
            ])
    }

    @Test func membersFromAnExcelWorkbookOpenTheReview() throws {
        let (ward, clerk) = try Self.readyForReview()
        let form = try clerk.get(Self.base + "/binh-xet").bodyText
        #expect(form.contains("enctype=\"multipart/form-data\""))
        #expect(form.contains("<input type=\"file\" id=\"tep-thanh-vien\" name=\"tep-thanh-vien\" accept=\".csv,.xlsx\""))
        let opened = try Self.openWithFile(clerk, "hoi-dong.xlsx", try Self.councilFixture("libreoffice-council.xlsx"), typed: "bị bỏ qua")
        #expect(opened.status.code == 303)
        let review = try #require(try ClerkFixture.office(ward).open(ClerkFixture.campaign).state.openReview)
        #expect(review.members.map(\.name) == ClerkFixture.members.map(\.1))
        #expect(review.members.map(\.role) == ClerkFixture.members.map(\.2))
        #expect(review.place == "Hội trường UBND")
        #expect(try ClerkFixture.events(ward).last?.actor == "canbo")
    }

    @Test func aBadMembersFileIsNamedByRowAndColumnAndChangesNothing() throws {
        let (ward, clerk) = try Self.readyForReview()
        let count = try ClerkFixture.events(ward).count
        let bad = try Self.openWithFile(clerk, "hoi-dong-loi.xlsx", try Self.councilFixture("libreoffice-council-errors.xlsx"))
        #expect(bad.status.code == 422)
        let html = bad.bodyText
        #expect(html.contains("<title>Lỗi: "))
        #expect(html.contains("<a href=\"#tep-thanh-vien\">Tệp hoi-dong-loi.xlsx có lỗi; không ghi gì.</a>"))
        #expect(html.contains("hoi-dong-loi.xlsx, &#39;libreoffice-council-errors&#39;!A3 (dòng 3, cột «Họ và tên»): ô để trống"))
        #expect(html.contains("&#39;libreoffice-council-errors&#39;!A4 (dòng 4, cột «Họ và tên»): «Phan Văn Quốc» có tên hai lần"))
        #expect(html.contains("id=\"tep-thanh-vien-loi\""))
        // A CSV file: rows and columns named the same way.
        let csv = try Self.openWithFile(clerk, "hoi-dong.csv", Array("Họ và tên,Chức vụ\nAn,Ủy viên\n,Thư ký\n".utf8))
        #expect(csv.status.code == 422)
        #expect(csv.bodyText.contains("hoi-dong.csv, dòng 3, cột «Họ và tên»: ô để trống"))
        // Wrong kind, empty, a column not known, too large, a ZIP that is not a workbook.
        let cases: [(String, [UInt8], String)] = [
            ("hoi-dong.txt", Array("Họ và tên\nAn\n".utf8), "Tệp «hoi-dong.txt» không phải CSV hay Excel (.xlsx)"),
            ("hoi-dong.csv", [], "Tệp «hoi-dong.csv» rỗng"),
            ("hoi-dong.csv", Array("Họ và tên,Quê quán\nAn,Hà Nội\n".utf8), "Quê quán"),
            ("lon.csv", Array(("Họ và tên\n" + String(repeating: "Nguyễn Văn An\n", count: 20_000)).utf8), "vượt giới hạn 256 KB"),
            ("hoi-dong.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "hoi-dong.xlsx"),
        ]
        for (name, bytes, message) in cases {
            let response = try Self.openWithFile(clerk, name, bytes)
            #expect(response.status.code == 422, "\(name)")
            #expect(response.bodyText.contains(message), "\(name): \(message)")
        }
        // Without the CSRF token nothing is read.
        let token = "sai"
        #expect(
            try clerk.upload(Self.base + "/binh-xet/mo", token: token, [UploadPart(name: "tep-thanh-vien", filename: "a.csv", data: [1])]).status.code
                == 403)
        #expect(try ClerkFixture.events(ward).count == count)
        #expect(try ClerkFixture.office(ward).open(ClerkFixture.campaign).state.openReview == nil)
    }

    @Test func councilMembersReadsCSVAndWorkbooksAlike() throws {
        let csv = try BackOffice.councilMembers(InputFile(name: "hd.csv", bytes: Array(ClerkFixture.membersSheet.utf8)))
        let xlsx = try BackOffice.councilMembers(InputFile(name: "hd.xlsx", bytes: try Self.councilFixture("libreoffice-council.xlsx")))
        #expect(csv == xlsx)
        #expect(csv.count == 3)
        // Only the multipart POST that opens a review gets the members file's body limit.
        let limits = HTTPLimits()
        let target = "/can-bo/phong-trao/x/binh-xet/mo"
        #expect(limits.bodyLimit(method: "POST", target: target, contentType: "multipart/form-data; boundary=a") == (256 + 64) * 1024)
        #expect(limits.bodyLimit(method: "POST", target: target, contentType: "application/x-www-form-urlencoded") == limits.formBody)
        #expect(limits.bodyLimit(method: "POST", target: "/can-bo/phong-trao/x/binh-xet/dong", contentType: "multipart/form-data") == limits.formBody)
    }

    @Test(.enabled(if: HTMLValidationTests.enabled)) func membersFilePagesAreValidMarkup() throws {
        let (_, clerk) = try Self.readyForReview()
        try HTMLValidationTests.validate([
            ("binh-xet-mo-tep", try clerk.get(Self.base + "/binh-xet").bodyText),
            ("binh-xet-mo-tep-loi", try Self.openWithFile(clerk, "x.xlsx", try Self.councilFixture("libreoffice-council-errors.xlsx")).bodyText),
        ])
    }
}
