import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaCLI
@testable import ThiDuaWeb

@Suite struct ClerkPagesTests {
    static let base = ClerkFixture.base

    /// Posts `form` with the CSRF token of the page at `page`.
    static func post(_ browser: TestBrowser, _ path: String, from page: String, _ form: [(String, String)]) throws -> Response {
        let token = TestBrowser.csrf(in: try browser.get(page)) ?? ""
        return try browser.request("POST", path, form: [("_csrf", token)] + form)
    }

    static func signedIn(_ ward: TestWard, _ login: String) throws -> TestBrowser {
        let browser = TestBrowser(ward.app)
        try browser.logIn(login)
        return browser
    }

    @Test func theWholeClerkCycleThroughTheWebHandlersAlone() throws {
        let ward = try ClerkFixture.ward(roster: false)
        var clerk = try Self.signedIn(ward, "canbo")
        #expect(try clerk.get("/").bodyText.contains("href=\"/can-bo/phong-trao\""))
        #expect(try clerk.get("/can-bo/phong-trao").bodyText.contains("href=\"\(Self.base)\""))
        // Roster upload (CSV, multipart).
        let token = TestBrowser.csrf(in: try clerk.get("/can-bo/danh-sach")) ?? ""
        let imported = try clerk.upload(
            "/can-bo/danh-sach", token: token,
            files: [("tep", "don-vi.csv", Array(SampleWard.units.utf8)), ("tep", "ca-nhan.csv", Array(SampleWard.people.utf8))])
        #expect(imported.status.code == 303)
        #expect(try ClerkFixture.office(ward).roster().units.count == 13)
        // Enrol by the plan's groups with their people, then launch.
        #expect(try Self.post(clerk, Self.base + "/ghi-danh", from: Self.base, [("ghi-danh-ca-nhan", "co")]).status.code == 303)
        #expect(try Self.post(clerk, Self.base + "/phat-dong", from: Self.base, []).status.code == 303)
        let overview = try clerk.get(Self.base + "?da=phat-dong").bodyText
        #expect(overview.contains("Đã ghi nhận phát động phong trào."))
        #expect(try ClerkFixture.events(ward).map(\.kind) == [.enrolment, .launch])
        try ClerkFixture.unitsSend(ward)
        ward.clock.advance(ClerkFixture.toMeetingDay)
        clerk = try Self.signedIn(ward, "canbo")

        // Appraisal: the list, a missing reason refused with the GOV.UK summary, then recorded.
        let list = try clerk.get(Self.base + "/tham-dinh?ky=2026")
        #expect(list.status.code == 200)
        #expect(list.bodyText.contains("Chờ thẩm định"))
        let itemLink = try #require(Self.firstLink(list.bodyText, containing: "/tham-dinh/muc?"))
        let itemPage = try clerk.get(itemLink)
        #expect(itemPage.status.code == 200)
        let itemQuery = try #require(itemLink.split(separator: "?").last.map(String.init))
        let hidden = try FormData(urlencoded: Array(itemQuery.utf8)).fields.map { ($0.name, $0.value) }
        let before = try ClerkFixture.events(ward).count
        let missing = try Self.post(clerk, Self.base + "/tham-dinh/muc", from: itemLink, hidden + [("ket-qua", "dat")])
        #expect(missing.status.code == 422)
        #expect(missing.bodyText.contains("<title>Lỗi: "))
        #expect(missing.bodyText.contains("<a href=\"#ly-do\">Nhập lý do thẩm định"))
        #expect(missing.bodyText.contains("value=\"dat\" checked"))
        #expect(try ClerkFixture.events(ward).count == before)
        let appraised = try Self.post(
            clerk, Self.base + "/tham-dinh/muc", from: itemLink, hidden + [("ket-qua", "dat"), ("ly-do", "Đã đối chiếu minh chứng")])
        #expect(appraised.status.code == 303)
        let appraisal = try #require(try ClerkFixture.events(ward).last)
        #expect(appraisal.kind == .appraisal && appraisal.actor == "canbo")

        // Council review: open with the nominees the back office proposes; the members sheet
        // arrives with CR LF line breaks, as a browser sends a textarea.
        let reviewPage = try clerk.get(Self.base + "/binh-xet?ky=2026").bodyText
        #expect(reviewPage.contains("Đề cử theo kết quả đánh giá năm 2026"))
        let typedSheet = ClerkFixture.membersSheet.replacingOccurrences(of: "\n", with: "\r\n")
        let opened = try Self.post(
            clerk, Self.base + "/binh-xet/mo", from: Self.base + "/binh-xet",
            [("ky", "2026"), ("thanh-vien", typedSheet), ("dia-diem", "Hội trường UBND")])
        #expect(opened.status.code == 303)
        let review = try #require(try ClerkFixture.office(ward).open(ClerkFixture.campaign).state.openReview)
        #expect(review.members.count == 3 && !review.nominees.isEmpty && !review.secret)
        // Each council member votes on his own page; the clerk sees who voted, never how.
        for (login, _, _) in ClerkFixture.members {
            let member = try Self.signedIn(ward, login)
            let page = "/hoi-dong/phong-trao/\(ClerkFixture.campaign)"
            let cast = try Self.post(member, page, from: page, review.nominees.map { ("phieu-\($0.id)", "dong-y") })
            #expect(cast.status.code == 303, "\(login)")
            let progress = try clerk.get(Self.base + "/binh-xet").bodyText
            #expect(!progress.contains("đồng ý</td>") && !progress.contains("Bạn đã chọn"))
        }
        let progress = try clerk.get(Self.base + "/binh-xet").bodyText
        #expect(progress.contains("3/3 đã bỏ phiếu"))
        #expect(progress.contains("<td>Phan Văn Quốc</td><td>Chủ tịch Hội đồng</td><td>Đã bỏ phiếu</td>"))
        // Closed the next day with the meeting day left empty: the meeting is the day given at opening.
        ward.clock.advance(86_400)
        clerk = try Self.signedIn(ward, "canbo")
        #expect(try Self.post(clerk, Self.base + "/binh-xet/dong", from: Self.base + "/binh-xet", []).status.code == 303)
        #expect(try clerk.get(Self.base + "/binh-xet").bodyText.contains("Được đề nghị"))
        let closed = try #require(try ClerkFixture.office(ward).open(ClerkFixture.campaign).state.reviews.last?.closed)
        #expect(closed.date == review.date)

        // Decision: the draft, then a bad number and date refused with nothing written, then numbered.
        let decisionPage = try clerk.get(Self.base + "/quyet-dinh").bodyText
        #expect(decisionPage.contains("Dự thảo quyết định theo phiên bình xét"))
        let repeats = decisionPage.contains("id=\"xac-nhan-trung\"")
        let drafted = try Self.post(clerk, Self.base + "/quyet-dinh", from: Self.base + "/quyet-dinh", repeats ? [("xac-nhan-trung", "khong")] : [])
        #expect(drafted.status.code == 303)
        let state = try ClerkFixture.office(ward).open(ClerkFixture.campaign).state
        let seq = try #require(state.decisionSeqs.first)
        let count = try ClerkFixture.events(ward).count
        let bad = try Self.post(
            clerk, Self.base + "/quyet-dinh/so", from: Self.base + "/quyet-dinh", [("dong", "\(seq)"), ("so-\(seq)", ""), ("ngay-ky-\(seq)", "31/02/2026")])
        #expect(bad.status.code == 422)
        #expect(bad.bodyText.contains("<a href=\"#so-\(seq)\">Nhập số quyết định"))
        #expect(bad.bodyText.contains("<a href=\"#ngay-ky-\(seq)\">Ngày ký «31/02/2026» không phải ngày hợp lệ"))
        #expect(bad.bodyText.contains("value=\"31/02/2026\""))
        #expect(try ClerkFixture.events(ward).count == count)
        let early = try Self.post(
            clerk, Self.base + "/quyet-dinh/so", from: Self.base + "/quyet-dinh",
            [("dong", "\(seq)"), ("so-\(seq)", "45/QĐ-UBND"), ("ngay-ky-\(seq)", "01/01/2026")])
        #expect(early.status.code == 422)
        #expect(early.bodyText.contains("trước ngày họp Hội đồng"))
        #expect(try ClerkFixture.events(ward).count == count)
        let numbered = try Self.post(
            clerk, Self.base + "/quyet-dinh/so", from: Self.base + "/quyet-dinh",
            [("dong", "\(seq)"), ("so-\(seq)", "45/QĐ-UBND"), ("ngay-ky-\(seq)", "25/11/2026")])
        #expect(numbered.status.code == 303)
        let done = try clerk.get(Self.base + "/quyet-dinh?da=so-quyet-dinh").bodyText
        #expect(done.contains("<td>45/QĐ-UBND</td><td>25/11/2026</td>"))
        // Download: the links of the page lead to the DOCX and HTML of the numbered decision.
        let docxLink = try #require(Self.firstLink(done, containing: "/quyet-dinh/0/docx"))
        let docx = try clerk.get(docxLink)
        #expect(docx.status.code == 200)
        #expect(Array(docx.body.prefix(2)) == [0x50, 0x4B])
        #expect(docx.headers["Content-Disposition"] == "attachment; filename=\"minh-xuan-cds-2026-quyet-dinh.docx\"")
        let html = try clerk.get(try #require(Self.firstLink(done, containing: "/quyet-dinh/0/html")))
        #expect(html.bodyText.contains("45/QĐ-UBND"))
        // Lock, then close the campaign; every step is in the journal under the clerk's account.
        #expect(try Self.post(clerk, Self.base + "/khoa", from: Self.base, [("khoa-ky", "2026"), ("khoa-ly-do", "Đã tổng kết")]).status.code == 303)
        #expect(try Self.post(clerk, Self.base + "/ket-thuc", from: Self.base, []).status.code == 303)
        let kinds = try ClerkFixture.events(ward).filter { $0.actor == "canbo" }.map(\.kind)
        #expect(
            kinds == [.enrolment, .launch, .appraisal, .reviewOpened, .reviewClosed] + Array(repeating: .decision, count: state.decisions.count)
                + [.decisionNumbered, .lock, .close])
        #expect(try ward.workspace.journal(for: ClerkFixture.campaign).verify().isValid)
    }

    /// The first `href` of the page that contains `part` (entities decoded as the browser does).
    static func firstLink(_ html: String, containing part: String) -> String? {
        var rest = Substring(html)
        while let start = rest.range(of: "href=\"") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(of: "\"") else { return nil }
            let href = String(tail[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            if href.contains(part) { return href }
            rest = tail[end...]
        }
        return nil
    }

    @Test func badInputGivesTheErrorSummaryAndChangesNothing() throws {
        let ward = try ClerkFixture.ward()
        let clerk = try Self.signedIn(ward, "canbo")
        // Lock without a period, unlock without a reason, a bad meeting day, a members sheet without members.
        let lock = try Self.post(clerk, Self.base + "/khoa", from: Self.base, [("khoa-ky", ""), ("khoa-ly-do", "giữ lại")])
        #expect(lock.status.code == 422)
        #expect(lock.bodyText.contains("<a href=\"#khoa-ky\">Nhập kỳ đánh giá cần khóa"))
        #expect(lock.bodyText.contains("value=\"giữ lại\""))
        let period = try Self.post(clerk, Self.base + "/khoa", from: Self.base, [("khoa-ky", "năm ngoái")])
        #expect(period.status.code == 422)
        #expect(period.bodyText.contains("<a href=\"#khoa-ky\">"))
        let open = try Self.post(
            clerk, Self.base + "/binh-xet/mo", from: Self.base + "/binh-xet",
            [("thanh-vien", "Họ và tên,Chức vụ trong Hội đồng"), ("ngay-hop", "32/13/2026")])
        #expect(open.status.code == 422)
        #expect(open.bodyText.contains("<a href=\"#thanh-vien\">Nhập danh sách thành viên Hội đồng"))
        #expect(open.bodyText.contains("<a href=\"#ngay-hop\">Ngày họp «32/13/2026» không phải ngày hợp lệ"))
        // A members sheet with a row without a name: the back office names the row and column.
        let unnamed = try Self.post(
            clerk, Self.base + "/binh-xet/mo", from: Self.base + "/binh-xet",
            [("ky", "2026"), ("thanh-vien", "Họ và tên,Chức vụ trong Hội đồng\nPhan Văn Quốc,Chủ tịch Hội đồng\n,Ủy viên")])
        #expect(unnamed.status.code == 422)
        #expect(unnamed.bodyText.contains("Danh sách thành viên Hội đồng, dòng 3"))
        // Nothing to decide yet.
        let decide = try Self.post(clerk, Self.base + "/quyet-dinh", from: Self.base + "/quyet-dinh", [])
        #expect(decide.status.code == 422)
        #expect(decide.bodyText.contains("Chưa có phiên bình xét nào đã đóng"))
        #expect(try ClerkFixture.events(ward).isEmpty)
        // Roster uploads: a wrong kind of file, an .xlsx that is not one, a CSV row with an error.
        let token = TestBrowser.csrf(in: try clerk.get("/can-bo/danh-sach")) ?? ""
        let exe = try clerk.upload("/can-bo/danh-sach", token: token, files: [("tep", "virus.exe", [0x4D, 0x5A])])
        #expect(exe.status.code == 422)
        #expect(exe.bodyText.contains("Tệp «virus.exe» không phải CSV, Excel (.xlsx) hay JSON"))
        let fake = try clerk.upload("/can-bo/danh-sach", token: token, files: [("tep", "../../don-vi.xlsx", Array("Mã,Tên".utf8))])
        #expect(fake.bodyText.contains("Tệp «don-vi.xlsx» có đuôi .xlsx nhưng không phải tệp Excel"))
        let rows = "Mã,Tên đơn vị,Loại,Trực thuộc\nto-moi,Tổ mới,không-có-loại-này,\n"
        let refused = try clerk.upload("/can-bo/danh-sach", token: token, files: [("tep", "don-vi-moi.csv", Array(rows.utf8))])
        #expect(refused.status.code == 422)
        #expect(refused.bodyText.contains("don-vi-moi.csv, dòng 2"))
        #expect(try ClerkFixture.office(ward).roster().units.count == 13)
        let big = try clerk.upload(
            "/can-bo/danh-sach", token: token, files: [("tep", "lon.csv", Array(repeating: 0x41, count: ClerkRosterPage.maximumFileSize + 1))])
        #expect(big.bodyText.contains("Tệp «lon.csv» lớn quá 4 MB"))
    }

    /// Every clerk route (and every other route with a role rule) × every role: the roles of the
    /// rule reach it, the others get 403 and a refused POST writes nothing; signed out → login.
    @Test func authorizationMatrixOfEveryRoleRoute() throws {
        let ward = try ClerkFixture.ward()
        let roles: [(String, Role)] = [("quantri", .admin), ("canbo", .clerk), ("vanphong", .unit), ("hoidong", .council), ("xem", .viewer)]
        let browsers = try Dictionary(uniqueKeysWithValues: roles.map { login, _ in (login, try Self.signedIn(ward, login)) })
        let anonymous = TestBrowser(ward.app)
        var clerkRoutes = 0
        for route in ward.app.router.routes {
            guard case .roles(let allowed) = route.access else { continue }
            let path =
                "/"
                + route.pattern.map { segment -> String in
                    switch segment {
                    case .literal(let text): return text
                    case .parameter("campaign"): return ClerkFixture.campaign
                    case .parameter("kind"): return "plan"
                    case .parameter("index"): return "0"
                    case .parameter("format"): return "html"
                    case .parameter(let other): return other
                    }
                }.joined(separator: "/")
            if path.hasPrefix("/can-bo/") {
                clerkRoutes += 1
                #expect(allowed == [.admin, .clerk], "\(path)")
            }
            #expect(try anonymous.request(route.method, path, form: route.method == "POST" ? [] : nil).status.code == (route.method == "POST" ? 403 : 303))
            for (login, role) in roles {
                let browser = try #require(browsers[login])
                if route.method == "GET" {
                    let code = try browser.get(path).status.code
                    if allowed.contains(role) { #expect(code != 403, "\(login) GET \(path)") } else { #expect(code == 403, "\(login) GET \(path)") }
                } else {
                    let before = try ClerkFixture.events(ward).count
                    let token = TestBrowser.csrf(in: try browser.get("/")) ?? ""
                    let code = try browser.request("POST", path, form: [("_csrf", token)]).status.code
                    if allowed.contains(role) {
                        #expect(code != 403, "\(login) POST \(path)")
                    } else {
                        #expect(code == 403, "\(login) POST \(path)")
                        #expect(try ClerkFixture.events(ward).count == before)
                    }
                }
            }
        }
        #expect(clerkRoutes >= 20)
    }

    @Test(.enabled(if: HTMLValidationTests.enabled)) func clerkPagesAreValidMarkup() throws {
        let ward = try ClerkFixture.decided()
        let clerk = try Self.signedIn(ward, "canbo")
        var pages: [(String, String)] = []
        for (name, path) in [
            ("can-bo", "/can-bo/phong-trao"), ("can-bo-phong-trao", Self.base), ("tham-dinh", Self.base + "/tham-dinh?ky=2026"),
            ("binh-xet-ket-qua", Self.base + "/binh-xet"), ("quyet-dinh", Self.base + "/quyet-dinh"), ("danh-sach", "/can-bo/danh-sach"),
        ] {
            let page = try clerk.get(path)
            #expect(page.status.code == 200, "\(path)")
            pages.append((name, page.bodyText))
        }
        let list = try clerk.get(Self.base + "/tham-dinh?ky=2026").bodyText
        let item = try #require(Self.firstLink(list, containing: "/tham-dinh/muc?"))
        pages.append(("tham-dinh-muc", try clerk.get(item).bodyText))
        let query = try FormData(urlencoded: Array((item.split(separator: "?").last.map(String.init) ?? "").utf8)).fields.map { ($0.name, $0.value) }
        pages.append(("tham-dinh-loi", try Self.post(clerk, Self.base + "/tham-dinh/muc", from: item, query).bodyText))
        let badPeriod = try clerk.get(Self.base + "/tham-dinh?ky=m%E1%BB%99t")
        #expect(badPeriod.status.code == 400)
        #expect(badPeriod.bodyText.contains("<a href=\"#ky\">Kỳ đánh giá «một» không đọc được"))
        pages.append(("tham-dinh-ky-loi", badPeriod.bodyText))
        pages.append(("khoa-loi", try Self.post(clerk, Self.base + "/khoa", from: Self.base, [("khoa-ky", "")]).bodyText))
        pages.append(("mo-khoa-chua-khoa", try Self.post(clerk, Self.base + "/mo-khoa", from: Self.base, [("mo-khoa-ky", "2026")]).bodyText))
        #expect(try Self.post(clerk, Self.base + "/khoa", from: Self.base, [("khoa-ky", "2026")]).status.code == 303)
        let unlock = try Self.post(clerk, Self.base + "/mo-khoa", from: Self.base, [("mo-khoa-ky", "2026")])
        #expect(unlock.bodyText.contains("<a href=\"#mo-khoa-ly-do\">Nhập lý do mở khóa"))
        pages.append(("mo-khoa-loi", unlock.bodyText))
        pages.append(("binh-xet-mo-loi", try Self.post(clerk, Self.base + "/binh-xet/mo", from: Self.base + "/binh-xet", [("ngay-hop", "x")]).bodyText))
        let token = TestBrowser.csrf(in: try clerk.get("/can-bo/danh-sach")) ?? ""
        pages.append(("danh-sach-loi", try clerk.upload("/can-bo/danh-sach", token: token, files: [("tep", "a.exe", [1])]).bodyText))
        // A review in progress, with its tally and close forms, and their errors.
        let open = try ClerkFixture.ward()
        let office = ClerkFixture.office(open)
        let day = ActionContext(actor: "canbo", today: ClerkFixture.day(28, 5), now: { "2026-05-28T03:00:00.000Z" })
        _ = try office.enroll(ClerkFixture.campaign, EnrolmentRequest(peopleOfUnits: true), as: day)
        try ClerkFixture.unitsSend(open)
        open.clock.advance(ClerkFixture.toMeetingDay)
        let later = ActionContext(actor: "canbo", today: ClerkFixture.day(20, 11), now: { "2026-11-20T03:00:00.000Z" })
        pages.append(("quyet-dinh-chua-co", try Self.signedIn(open, "canbo").get(Self.base + "/quyet-dinh").bodyText))
        let clerk2 = try Self.signedIn(open, "canbo")
        pages.append(("binh-xet-mo", try clerk2.get(Self.base + "/binh-xet?ky=2026").bodyText))
        // Forms posted from a page that has changed since: the summary links to the main content.
        let stale = try Self.post(clerk2, Self.base + "/quyet-dinh", from: Self.base + "/quyet-dinh", [])
        #expect(stale.bodyText.contains("<a href=\"#noi-dung\">Chưa có phiên bình xét nào đã đóng"))
        pages.append(("quyet-dinh-chua-binh-xet", stale.bodyText))
        pages.append(("dong-chua-mo", try Self.post(clerk2, Self.base + "/binh-xet/dong", from: Self.base + "/binh-xet", []).bodyText))
        _ = try office.openReview(
            ClerkFixture.campaign, period: "2026", members: InputFile(name: "hd.csv", bytes: Array(ClerkFixture.membersSheet.utf8)), nominees: nil,
            meetingDate: nil, place: nil, as: later)
        pages.append(("binh-xet-dang-mo", try clerk2.get(Self.base + "/binh-xet").bodyText))
        pages.append(
            ("kiem-phieu-loi", try Self.post(clerk2, Self.base + "/binh-xet/kiem-phieu", from: Self.base + "/binh-xet", [("dong-y-1", "nhiều")]).bodyText))
        pages.append(("dong-loi", try Self.post(clerk2, Self.base + "/binh-xet/dong", from: Self.base + "/binh-xet", []).bodyText))
        // The draft with the repeats choice, its error, the numbering form and its error.
        let repeats = try ClerkFixture.reviewed(campaign: "phung-chi-kien-dvcq-2024")
        let clerk3 = try Self.signedIn(repeats, "canbo")
        let decision = "/can-bo/phong-trao/phung-chi-kien-dvcq-2024/quyet-dinh"
        pages.append(("quyet-dinh-du-thao", try clerk3.get(decision).bodyText))
        pages.append(("quyet-dinh-trung-loi", try Self.post(clerk3, decision, from: decision, [("ngay-quyet-dinh", "x")]).bodyText))
        #expect(try Self.post(clerk3, decision, from: decision, [("xac-nhan-trung", "co")]).status.code == 303)
        pages.append(("quyet-dinh-ghi-so", try clerk3.get(decision).bodyText))
        let seq = try #require(try ClerkFixture.office(repeats).open("phung-chi-kien-dvcq-2024").state.decisionSeqs.first)
        pages.append(("quyet-dinh-so-loi", try Self.post(clerk3, decision + "/so", from: decision, [("dong", "\(seq)")]).bodyText))
        try HTMLValidationTests.validate(pages)
    }

    @Test func aTallySheetIsEnteredAndItsErrorsNameTheNominee() throws {
        let ward = try ClerkFixture.ward()
        let office = ClerkFixture.office(ward)
        _ = try office.enroll(
            ClerkFixture.campaign, EnrolmentRequest(peopleOfUnits: true),
            as: ActionContext(actor: "canbo", today: ClerkFixture.day(28, 5), now: { "2026-05-28T03:00:00.000Z" }))
        try ClerkFixture.unitsSend(ward)
        ward.clock.advance(ClerkFixture.toMeetingDay)
        let opened = try office.openReview(
            ClerkFixture.campaign, period: "2026", members: InputFile(name: "hd.csv", bytes: Array(ClerkFixture.membersSheet.utf8)), nominees: nil,
            meetingDate: nil, place: nil, as: ActionContext(actor: "canbo", today: ClerkFixture.day(20, 11), now: { "2026-11-20T03:00:00.000Z" }))
        let clerk = try Self.signedIn(ward, "canbo")
        let page = Self.base + "/binh-xet"
        let count = try ClerkFixture.events(ward).count
        let tooMany = try Self.post(clerk, page + "/kiem-phieu", from: page, [("dong-y-1", "5"), ("khong-dong-y-1", "0")])
        #expect(tooMany.status.code == 422)
        #expect(tooMany.bodyText.contains("<a href=\"#dong-y-1\">Đề cử 1, cột «Đồng ý»: «5» nhiều hơn số thành viên Hội đồng (3)"))
        #expect(tooMany.bodyText.contains("aria-describedby=\"dong-y-1-loi\""))
        #expect(tooMany.bodyText.contains("value=\"5\""))
        let empty = try Self.post(clerk, page + "/kiem-phieu", from: page, [])
        #expect(empty.bodyText.contains("Nhập số phiếu của ít nhất một đề cử"))
        #expect(try ClerkFixture.events(ward).count == count)
        let counts = opened.nominees.flatMap { [("dong-y-\($0.id)", "3"), ("khong-dong-y-\($0.id)", "0"), ("khong-bieu-quyet-\($0.id)", "0")] }
        #expect(try Self.post(clerk, page + "/kiem-phieu", from: page, counts).status.code == 303)
        #expect(try ClerkFixture.events(ward).last?.kind == .tally)
        // One member absent: 2/3 present is not enough for 3 votes counted, and nothing is written.
        let absent = try Self.post(clerk, page + "/dong", from: page, [("vang-mat", "Ngô Thanh Bình")])
        #expect(absent.status.code == 422)
        #expect(absent.bodyText.contains("value=\"Ngô Thanh Bình\" checked"))
        #expect(try ClerkFixture.events(ward).last?.kind == .tally)
        #expect(try Self.post(clerk, page + "/dong", from: page, []).status.code == 303)
    }

    /// phung-chi-kien-dvcq-2024 gives units a yearly and an end-of-period Giấy khen: the draft
    /// shows who would be left out, the choice is required, and confirming records both.
    @Test func aRepeatAwardNeedsTheSignersConfirmation() throws {
        let id = "phung-chi-kien-dvcq-2024"
        let ward = try ClerkFixture.reviewed(campaign: id)
        let clerk = try Self.signedIn(ward, "canbo")
        let page = "/can-bo/phong-trao/\(id)/quyet-dinh"
        let draft = try clerk.get(page).bodyText
        #expect(draft.contains("id=\"xac-nhan-trung\""))
        #expect(draft.contains("đã được tặng cùng hình thức trong quyết định này"))
        let count = try ClerkFixture.events(ward, campaign: id).count
        let unanswered = try Self.post(clerk, page, from: page, [])
        #expect(unanswered.status.code == 422)
        #expect(unanswered.bodyText.contains("<a href=\"#xac-nhan-trung\">Chọn có tặng trùng hình thức hay không</a>"))
        #expect(try ClerkFixture.events(ward, campaign: id).count == count)
        let preview = try ClerkFixture.office(ward).draftDecision(id, date: WebClock.civilDate(ward.clock.now), confirmRepeats: true)
        #expect(!preview.repeatsLeftOut)
        #expect(try Self.post(clerk, page, from: page, [("xac-nhan-trung", "co")]).status.code == 303)
        let recorded = try ClerkFixture.office(ward).open(id).state.decisions
        #expect(recorded == preview.records)
        #expect(recorded.allSatisfy { $0.leftOut.allSatisfy { !$0.contains("cùng hình thức") } })
    }

    /// Workbooks saved by LibreOffice Calc import through the upload as the command line imports them.
    @Test func rosterUploadReadsExcelWorkbooks() throws {
        let ward = try ClerkFixture.ward(roster: false)
        let clerk = try Self.signedIn(ward, "canbo")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ThiDuaCoreTests/Fixtures/spreadsheet")
        let files = try ["libreoffice-people.xlsx", "libreoffice-units.xlsx"].map { name in
            (field: "tep", name: name, bytes: Array(try Data(contentsOf: fixtures.appendingPathComponent(name))))
        }
        let token = TestBrowser.csrf(in: try clerk.get("/can-bo/danh-sach")) ?? ""
        let uploaded = try clerk.upload("/can-bo/danh-sach", token: token, files: files)
        #expect(uploaded.status.code == 303)
        let roster = try ClerkFixture.office(ward).roster()
        #expect(roster.units.count == 6 && roster.people.count == 5)
        let page = try clerk.get("/can-bo/danh-sach?da=nhap-danh-sach").bodyText
        #expect(page.contains("Đã nhập danh sách đơn vị, cá nhân."))
        #expect(page.contains("Danh sách có 6 đơn vị và 5 cá nhân."))
        // The same files again: every row is already there, and the refusal names them.
        let again = try clerk.upload("/can-bo/danh-sach", token: TestBrowser.csrf(in: try clerk.get("/can-bo/danh-sach")) ?? "", files: files)
        #expect(again.status.code == 422)
        #expect(again.bodyText.contains("libreoffice-units.xlsx"))
        #expect(try ClerkFixture.office(ward).roster().units.count == 6)
    }

    /// A plan whose awards are voted in secret: the clerk's page and the member's page show no
    /// ballot by name, a ballot by name is refused, and the paper tally carries the review.
    @Test func aSecretBallotIsTalliedOnPaperAndNothingIsShownByName() throws {
        let ward = try ClerkFixture.ward()
        let file = ward.root.appendingPathComponent("campaigns/\(ClerkFixture.campaign).json")
        // The plan file has comments, so the council rule goes in as text after each award's recurrence.
        let text = try String(contentsOf: file, encoding: .utf8)
        let secret = text.replacingOccurrences(of: "\"recurrence\": \"annual\",", with: "\"recurrence\": \"annual\", \"council\": {\"secret\": true},")
        #expect(secret != text)
        try Data(secret.utf8).write(to: file)
        let office = ClerkFixture.office(ward)
        _ = try office.enroll(
            ClerkFixture.campaign, EnrolmentRequest(peopleOfUnits: true),
            as: ActionContext(actor: "canbo", today: ClerkFixture.day(28, 5), now: { "2026-05-28T03:00:00.000Z" }))
        try ClerkFixture.unitsSend(ward)
        ward.clock.advance(ClerkFixture.toMeetingDay)
        let clerk = try Self.signedIn(ward, "canbo")
        let page = Self.base + "/binh-xet"
        // The members pasted from a spreadsheet: cells separated by tabs.
        let pasted = ClerkFixture.membersSheet.replacingOccurrences(of: ",", with: "\t") + "\r\n"
        let opened = try Self.post(clerk, page + "/mo", from: page, [("ky", "2026"), ("thanh-vien", pasted)])
        #expect(opened.status.code == 303)
        let review = try #require(try office.open(ClerkFixture.campaign).state.openReview)
        #expect(review.secret)
        #expect(review.members.map(\.role) == ["Chủ tịch Hội đồng", "Thư ký", "Ủy viên"])
        let progress = try clerk.get(page).bodyText
        #expect(progress.contains("Phiên này bỏ phiếu kín"))
        #expect(progress.contains("<td>Phan Văn Quốc</td><td>Chủ tịch Hội đồng</td><td>Bỏ phiếu kín (không ghi theo tên)</td>"))
        #expect(!progress.contains("Đã bỏ phiếu"))
        // The member's page has no ballot, and a ballot by name is refused with nothing written.
        let member = try Self.signedIn(ward, "hoidong")
        let councilPage = "/hoi-dong/phong-trao/\(ClerkFixture.campaign)"
        let memberPage = try member.get(councilPage).bodyText
        #expect(memberPage.contains("bỏ phiếu kín") && !memberPage.contains("<select"))
        let count = try ClerkFixture.events(ward).count
        #expect(try Self.post(member, councilPage, from: councilPage, [("phieu-1", "dong-y")]).status.code == 422)
        #expect(try ClerkFixture.events(ward).count == count)
        // The paper tally, then close: the nominees are approved on the counts alone.
        let counts = review.nominees.flatMap { [("dong-y-\($0.id)", "3"), ("khong-dong-y-\($0.id)", "0")] }
        #expect(try Self.post(clerk, page + "/kiem-phieu", from: page, counts).status.code == 303)
        #expect(try Self.post(clerk, page + "/dong", from: page, []).status.code == 303)
        let closed = try clerk.get(page).bodyText
        #expect(closed.contains("Được đề nghị") && !closed.contains("Không được đề nghị"))
    }

    /// A plan file changed after a lock stops every action until the change is recorded with a reason.
    @Test func aPlanChangedAfterALockIsRecordedWithAReason() throws {
        let ward = try ClerkFixture.ward()
        let clerk = try Self.signedIn(ward, "canbo")
        #expect(try Self.post(clerk, Self.base + "/khoa", from: Self.base, [("khoa-ky", "2025")]).status.code == 303)
        let file = ward.root.appendingPathComponent("campaigns/\(ClerkFixture.campaign).json")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\n// Sửa lỗi chính tả.\n").utf8).write(to: file)
        let page = try clerk.get(Self.base).bodyText
        #expect(page.contains("Kế hoạch đã sửa sau khi khóa kết quả"))
        let refused = try Self.post(clerk, Self.base + "/ket-thuc", from: Self.base, [])
        #expect(refused.status.code == 422)
        #expect(refused.bodyText.contains("đã thay đổi sau khi khóa kết quả"))
        let count = try ClerkFixture.events(ward).count
        let empty = try Self.post(clerk, Self.base + "/sua-ke-hoach", from: Self.base, [("sua-ke-hoach-ly-do", " ")])
        #expect(empty.status.code == 422)
        #expect(empty.bodyText.contains("<a href=\"#sua-ke-hoach-ly-do\">Nhập lý do sửa kế hoạch đã ban hành</a>"))
        #expect(try ClerkFixture.events(ward).count == count)
        let amended = try Self.post(clerk, Self.base + "/sua-ke-hoach", from: Self.base, [("sua-ke-hoach-ly-do", "Sửa lỗi chính tả trong kế hoạch")])
        #expect(amended.status.code == 303)
        #expect(try ClerkFixture.events(ward).last?.kind == .planAmended)
        #expect(!(try clerk.get(Self.base).bodyText.contains("Kế hoạch đã sửa sau khi khóa kết quả")))
        if HTMLValidationTests.enabled { try HTMLValidationTests.validate([("sua-ke-hoach-loi", empty.bodyText)]) }
    }
}
