import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

/// One part of a multipart/form-data body.
struct UploadPart {
    var name: String
    var filename: String?
    var data: [UInt8]

    static func field(_ name: String, _ value: String) -> UploadPart { UploadPart(name: name, filename: nil, data: Array(value.utf8)) }
}

extension TestBrowser {
    /// Posts `parts` as multipart/form-data (RFC 7578), the CSRF token of `page` first.
    func upload(_ path: String, token: String, _ parts: [UploadPart]) throws -> Response {
        let boundary = "----thidua-test-\(UUID().uuidString)"
        var body: [UInt8] = []
        for part in [UploadPart.field("_csrf", token)] + parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { head += "; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream" }
            body += Array((head + "\r\n\r\n").utf8) + part.data + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers = HTTPHeaders([("Host", host), ("Content-Type", "multipart/form-data; boundary=\(boundary)")])
        if let cookie { headers.add("Cookie", "\(SessionMiddleware.cookieName)=\(cookie)") }
        return app.respond(try Request(method: "POST", target: prefix + path, headers: headers, body: body, remoteAddress: address))
    }
}

/// The evidence pages in-process: upload with its refusals, lists per role, downloads, and the
/// table of every new route × role.
@Suite struct EvidencePagesTests {
    static let unitPage = "/don-vi/phong-trao/phu-ly-cqtt-2024/minh-chung"
    static let councilPage = "/hoi-dong/phong-trao/phuong-6-cchc-2023/minh-chung"
    static let officePage = "/can-bo/phong-trao/phu-ly-cqtt-2024/minh-chung"
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    static let png = Array(
        Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9]

    /// The journal lines of each seeded evidence file.
    struct Seeded {
        var vanPhong: Int  // phu-ly, van-phong
        var kinhTe: Int  // phu-ly, phong-kinh-te
        var nominee: Int  // phuong-6, van-phong (nominated in the open review)
        var notNominee: Int  // phuong-6, phong-kinh-te
    }

    /// Two units with an account each, both enrolled in both campaigns; a review open in
    /// phuong-6-cchc-2023 on van-phong only; one evidence file per unit and campaign.
    static func ward() throws -> (TestWard, Seeded) {
        let ward = try TestWard(
            accounts: TestWard.defaultAccounts + [("kinhte", .unit, "phong-kinh-te"), ("uyvien", .council, nil)], campaigns: true)
        try ward.site.accounts.update { (list: inout [Account]) throws(WebError) in
            for index in list.indices where list[index].login == "hoidong" { list[index].member = "Nguyễn Văn An" }
            for index in list.indices where list[index].login == "uyvien" { list[index].member = "Trần Thị Bình" }
        }
        let office = BackOffice(workspace: ward.workspace, registry: ward.site.registry)
        let context = ActionContext(actor: "canbo", today: CivilDate(year: 2023, month: 10, day: 20)!, now: { "2023-10-20T01:00:00.000Z" })
        _ = try office.enroll("phu-ly-cqtt-2024", EnrolmentRequest(units: ["phong-kinh-te"]), as: context)
        _ = try office.enroll("phuong-6-cchc-2023", EnrolmentRequest(units: ["van-phong", "phong-kinh-te"]), as: context)
        let campaign = try office.open("phuong-6-cchc-2023")
        let award = try #require(campaign.plan.awards.first { $0.recipients.contains(.collective) } ?? campaign.plan.awards.first)
        let members = InputFile(
            name: "thanh-vien.csv", bytes: Array("Họ và tên,Chức vụ trong Hội đồng\nNguyễn Văn An,Chủ tịch Hội đồng\nTrần Thị Bình,Ủy viên\n".utf8))
        let nominees = InputFile(name: "de-cu.csv", bytes: Array("Đối tượng,Hình thức\nVăn phòng HĐND và UBND,\(award.id)\n".utf8))
        _ = try office.openReview("phuong-6-cchc-2023", period: "2023", members: members, nominees: nominees, meetingDate: nil, place: nil, as: context)
        func attach(_ campaign: String, _ unit: String, _ name: String, _ bytes: [UInt8]) throws -> Int {
            let result = try office.attachEvidence(campaign, EvidenceRequest(unit: unit, file: InputFile(name: name, bytes: bytes)), as: context)
            return result.record.seq
        }
        let vanPhong = try attach("phu-ly-cqtt-2024", "van-phong", "Biên bản họp.pdf", pdf)
        let kinhTe = try attach("phu-ly-cqtt-2024", "phong-kinh-te", "Ảnh kinh tế.png", png)
        let nominee = try attach("phuong-6-cchc-2023", "van-phong", "Hồ sơ văn phòng.pdf", pdf)
        let notNominee = try attach("phuong-6-cchc-2023", "phong-kinh-te", "Ảnh.jpg", jpeg)
        let seeded = Seeded(vanPhong: vanPhong, kinhTe: kinhTe, nominee: nominee, notNominee: notNominee)
        return (ward, seeded)
    }

    static func signedIn(_ ward: TestWard, _ login: String) throws -> TestBrowser {
        let browser = TestBrowser(ward.app)
        try browser.logIn(login)
        return browser
    }

    /// The journal and the evidence folder, to show a refusal changed nothing.
    static func snapshot(_ ward: TestWard) -> [String: Data] {
        var out: [String: Data] = [:]
        for folder in ["data", "data/minh-chung"] {
            let url = ward.root.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasSuffix(".lock") {
                out[folder + "/" + name] = FileManager.default.contents(atPath: url.appendingPathComponent(name).path)
            }
        }
        return out
    }

    @Test func unitHeadUploadsSeesItsListAndDownloads() throws {
        let (ward, _) = try Self.ward()
        let browser = try Self.signedIn(ward, "vanphong")
        let page = try browser.get(Self.unitPage)
        #expect(page.status.code == 200)
        #expect(page.bodyText.contains("enctype=\"multipart/form-data\""))
        #expect(page.bodyText.contains("Biên bản họp.pdf"))
        #expect(!page.bodyText.contains("Ảnh kinh tế.png"))
        #expect(try browser.get("/don-vi/phong-trao/phu-ly-cqtt-2024").bodyText.contains("href=\"\(Self.unitPage)\""))
        let token = try #require(TestBrowser.csrf(in: page))
        let posted = try browser.upload(
            Self.unitPage, token: token,
            [
                UploadPart(name: "tep", filename: "C:\\Ảnh\\Lễ ra quân.png", data: Self.png), .field("bieu-mau", ""), .field("chi-tieu", ""),
                .field("mo-ta", "Ảnh lễ ra quân"),
            ])
        #expect(posted.status.code == 303)
        let location = try #require(posted.headers["Location"])
        #expect(location.hasPrefix(Self.unitPage + "?da-gui="))
        let after = try browser.get(location)
        #expect(after.bodyText.contains("Đã nhận minh chứng «Lễ ra quân.png»"))
        #expect(after.bodyText.contains("Ảnh lễ ra quân"))
        let seq = try #require(try BackOffice(workspace: ward.workspace, registry: ward.site.registry).open("phu-ly-cqtt-2024").state.evidence.last?.seq)
        let download = try browser.get(Self.unitPage + "/\(seq)")
        #expect(download.status.code == 200)
        #expect(download.body == Self.png)
        #expect(download.headers["Content-Type"] == "image/png")
        #expect(download.headers["Content-Disposition"] == "attachment; filename=\"le-ra-quan.png\"")
        #expect(download.headers["X-Content-Type-Options"] == "nosniff")
        #expect(download.headers["Content-Security-Policy"]?.contains("default-src 'none'") == true)
    }

    @Test func refusedUploadsComeBackOnTheFieldAndChangeNothing() throws {
        let (ward, _) = try Self.ward()
        let browser = try Self.signedIn(ward, "vanphong")
        let token = try #require(TestBrowser.csrf(in: try browser.get(Self.unitPage)))
        let before = Self.snapshot(ward)
        let cases: [([UploadPart], String)] = [
            ([UploadPart(name: "tep", filename: "", data: [])], "Chọn tệp minh chứng cần gửi"),
            ([UploadPart(name: "tep", filename: "trong.pdf", data: [])], "Tệp «trong.pdf» trống (0 byte)"),
            ([UploadPart(name: "tep", filename: "bao-cao.pdf", data: Array("<html><script>x</script>".utf8))], "không phải loại tệp được nhận"),
            ([UploadPart(name: "tep", filename: "anh.pdf", data: Self.png)], "có đuôi của PDF nhưng nội dung là ảnh PNG"),
            ([UploadPart(name: "tep", filename: "lon.pdf", data: Self.pdf + Array(repeating: 0x20, count: 10 << 20))], "vượt giới hạn 10 MB"),
            ([UploadPart(name: "tep", filename: "Biên bản họp.pdf", data: Self.pdf)], "giống hệt minh chứng «Biên bản họp.pdf»"),
            ([UploadPart(name: "tep", filename: "b.pdf", data: Self.pdf + [0x20]), .field("bieu-mau", "khong-co")], "Biểu mẫu «khong-co»"),
            ([UploadPart(name: "tep", filename: "b.pdf", data: Self.pdf + [0x20]), .field("chi-tieu", "khong-co")], "Chỉ tiêu «khong-co»"),
            ([UploadPart(name: "tep", filename: "b.pdf", data: Self.pdf + [0x20]), .field("mo-ta", String(repeating: "â", count: 501))], "Mô tả minh chứng"),
        ]
        for (parts, message) in cases {
            let response = try browser.upload(Self.unitPage, token: token, parts)
            #expect(response.status.code == 422, "\(message)")
            let html = response.bodyText
            #expect(html.contains("<title>Lỗi: "), "\(message)")
            #expect(html.contains("class=\"error-summary\""), "\(message)")
            #expect(html.contains(message), "\(message): \(html)")
            #expect(html.contains("class=\"error-message\""), "\(message)")
        }
        // The field the refusal concerns carries it, and the values are kept.
        let note = try browser.upload(
            Self.unitPage, token: token,
            [UploadPart(name: "tep", filename: "b.pdf", data: Self.pdf + [0x21]), .field("mo-ta", String(repeating: "â", count: 501))])
        #expect(note.bodyText.contains("href=\"#mo-ta\""))
        #expect(note.bodyText.contains(String(repeating: "â", count: 501) + "</textarea>"))
        #expect(Self.snapshot(ward) == before)
        // A cross-unit attempt and a campaign the unit is not in are refused, nothing written.
        let other = try browser.upload(
            Self.unitPage, token: token, [UploadPart(name: "tep", filename: "c.pdf", data: Self.pdf + [0x22]), .field("don-vi", "phong-kinh-te")])
        #expect(other.status.code == 403)
        let notEnrolled = try browser.upload(
            "/don-vi/phong-trao/khong-co/minh-chung", token: token, [UploadPart(name: "tep", filename: "c.pdf", data: Self.pdf + [0x22])])
        #expect(notEnrolled.status.code == 404)
        // Without the CSRF token nothing is read.
        #expect(try browser.upload(Self.unitPage, token: "sai", [UploadPart(name: "tep", filename: "c.pdf", data: Self.pdf + [0x22])]).status.code == 403)
        #expect(Self.snapshot(ward) == before)
    }

    @Test func councilSeesOnlyNomineesEvidenceAndOfficeSeesAll() throws {
        let (ward, seeded) = try Self.ward()
        let member = try Self.signedIn(ward, "hoidong")
        let page = try member.get(Self.councilPage)
        #expect(page.status.code == 200)
        #expect(page.bodyText.contains("Hồ sơ văn phòng.pdf"))
        #expect(!page.bodyText.contains("Ảnh.jpg"))
        #expect(try member.get("/hoi-dong/phong-trao/phuong-6-cchc-2023").bodyText.contains("href=\"\(Self.councilPage)\""))
        #expect(try member.get(Self.councilPage + "/\(seeded.nominee)").body == Self.pdf)
        #expect(try member.get(Self.councilPage + "/\(seeded.notNominee)").status.code == 404)
        // No review open in phu-ly: nothing to see there.
        let noReview = "/hoi-dong/phong-trao/phu-ly-cqtt-2024/minh-chung"
        #expect(try member.get(noReview).bodyText.contains("chưa có phiên bình xét nào đang mở"))
        #expect(try member.get(noReview + "/\(seeded.vanPhong)").status.code == 404)
        let clerk = try Self.signedIn(ward, "canbo")
        let all = try clerk.get(Self.officePage)
        #expect(all.bodyText.contains("Biên bản họp.pdf") && all.bodyText.contains("Ảnh kinh tế.png") && all.bodyText.contains("Phòng Kinh tế"))
        let image = try clerk.get(Self.officePage + "/\(seeded.kinhTe)")
        #expect(image.body == Self.png && image.headers["Content-Type"] == "image/png")
        #expect(image.headers["Content-Disposition"] == "attachment; filename=\"anh-kinh-te.png\"")
        #expect(try clerk.get(Self.officePage + "/999").status.code == 404)
        #expect(try clerk.get(Self.officePage + "/abc").status.code == 404)
        #expect(try clerk.get(Self.officePage + "/1").status.code == 404)  // a line that is not evidence (the enrolment)
        #expect(try clerk.get("/can-bo/phong-trao/phu-ly-cqtt-2024/tai-lieu").bodyText.contains("href=\"\(Self.officePage)\""))
    }

    /// The ballot page lists each nominee's evidence beside it, each a link the member may
    /// follow; a unit that is not nominated shows nothing there.
    @Test func ballotPageListsEachNomineesEvidence() throws {
        let (ward, seeded) = try Self.ward()
        let member = try Self.signedIn(ward, "hoidong")
        let page = try member.get("/hoi-dong/phong-trao/phuong-6-cchc-2023").bodyText
        #expect(page.contains("<th scope=\"col\">Minh chứng</th>"))
        let link = Self.councilPage + "/\(seeded.nominee)"
        #expect(page.contains("<li><a href=\"\(link)\" download>Hồ sơ văn phòng.pdf</a> (PDF, "))
        #expect(page.contains("ngày 20/10/2023)</li>"))
        #expect(!page.contains("Ảnh.jpg") && !page.contains(Self.councilPage + "/\(seeded.notNominee)"))
        #expect(try member.get(link).body == Self.pdf)
        // The same read in Core: only the nominee's unit, keyed by nominee id.
        let office = BackOffice(workspace: ward.workspace, registry: ward.site.registry)
        let byNominee = office.nomineeEvidence(in: try office.open("phuong-6-cchc-2023"))
        #expect(byNominee.mapValues { $0.map(\.seq) } == ["1": [seeded.nominee]])
        #expect(office.nomineeEvidence(in: try office.open("phu-ly-cqtt-2024")).isEmpty)
    }

    /// Every evidence route × every role, signed out included: the status each must get.
    @Test func evidenceRoutesByRole() throws {
        let (ward, seeded) = try Self.ward()
        let logins = ["", "quantri", "canbo", "vanphong", "kinhte", "hoidong", "xem"]
        let gets: [(String, [Int])] = [
            (Self.unitPage, [303, 403, 403, 200, 200, 403, 403]),
            (Self.unitPage + "/\(seeded.vanPhong)", [303, 403, 403, 200, 404, 403, 403]),
            (Self.unitPage + "/\(seeded.kinhTe)", [303, 403, 403, 404, 200, 403, 403]),
            (Self.councilPage, [303, 403, 403, 403, 403, 200, 403]),
            (Self.councilPage + "/\(seeded.nominee)", [303, 403, 403, 403, 403, 200, 403]),
            (Self.councilPage + "/\(seeded.notNominee)", [303, 403, 403, 403, 403, 404, 403]),
            (Self.officePage, [303, 200, 200, 403, 403, 403, 403]),
            (Self.officePage + "/\(seeded.vanPhong)", [303, 200, 200, 403, 403, 403, 403]),
        ]
        for (index, login) in logins.enumerated() {
            let browser = TestBrowser(ward.app)
            if !login.isEmpty { try browser.logIn(login) }
            for (path, codes) in gets {
                #expect(try browser.get(path).status.code == codes[index], "\(login.isEmpty ? "khách" : login) GET \(path)")
            }
            // The upload: a token of this browser's session (the login page's pre-session when signed out).
            let token = TestBrowser.csrf(in: try browser.get(login.isEmpty ? "/dang-nhap" : "/")) ?? ""
            let post = try browser.upload(Self.unitPage, token: token, [UploadPart(name: "tep", filename: "\(login).pdf", data: Self.pdf + Array(login.utf8))])
            let expected = [303, 403, 403, 303, 303, 403, 403][index]
            #expect(post.status.code == expected, "\(login.isEmpty ? "khách" : login) POST \(Self.unitPage)")
            if login.isEmpty { #expect(post.headers["Location"] == "/dang-nhap") }
        }
        // Exactly the two unit heads' uploads were recorded, each for its own unit.
        let evidence = try BackOffice(workspace: ward.workspace, registry: ward.site.registry).open("phu-ly-cqtt-2024").state.evidence
        #expect(evidence.suffix(2).map(\.unit) == ["van-phong", "phong-kinh-te"])
        #expect(evidence.count == 4)
    }

    /// The new pages (and those that gained links) through html5lib and the lint.
    @Test(.enabled(if: HTMLValidationTests.enabled)) func pagesAreValidMarkup() throws {
        let (ward, _) = try Self.ward()
        var pages: [(String, String)] = []
        let unit = try Self.signedIn(ward, "vanphong")
        pages.append(("minh-chung-don-vi", try unit.get(Self.unitPage).bodyText))
        pages.append(("minh-chung-da-gui", try unit.get(Self.unitPage + "?da-gui=a.pdf").bodyText))
        pages.append(("don-vi-phong-trao", try unit.get("/don-vi/phong-trao/phu-ly-cqtt-2024").bodyText))
        let token = TestBrowser.csrf(in: try unit.get(Self.unitPage)) ?? ""
        pages.append(("minh-chung-loi", try unit.upload(Self.unitPage, token: token, [UploadPart(name: "tep", filename: "x.pdf", data: [1, 2])]).bodyText))
        pages.append(("minh-chung-chua-chon", try unit.upload(Self.unitPage, token: token, [UploadPart(name: "tep", filename: "", data: [])]).bodyText))
        let member = try Self.signedIn(ward, "hoidong")
        pages.append(("minh-chung-hoi-dong", try member.get(Self.councilPage).bodyText))
        pages.append(("minh-chung-hoi-dong-chua-mo", try member.get("/hoi-dong/phong-trao/phu-ly-cqtt-2024/minh-chung").bodyText))
        pages.append(("hoi-dong", try member.get("/hoi-dong/phong-trao/phuong-6-cchc-2023").bodyText))
        let clerk = try Self.signedIn(ward, "canbo")
        pages.append(("minh-chung-can-bo", try clerk.get(Self.officePage).bodyText))
        pages.append(("tai-lieu", try clerk.get("/can-bo/phong-trao/phu-ly-cqtt-2024/tai-lieu").bodyText))
        pages.append(("bang-theo-doi", try clerk.get("/bang-theo-doi").bodyText))
        pages.append(("bang-tinh", try clerk.get("/bang-tinh").bodyText))
        pages.append(("bang-tinh-loi", try clerk.get("/bang-tinh/qua-trinh?doi-tuong=").bodyText))
        pages.append(("bang-tinh-khong-co", try clerk.get("/bang-tinh/phong-trao/khong-co/danh-gia").bodyText))
        try HTMLValidationTests.validate(pages)
    }
}
