import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaCLI
@testable import ThiDuaWeb

/// The charts on the pages, with a commune measured per village (docs/examples/thon-xa-mau-dinh-danh-2026.json):
/// the clerk and the viewer see every village, the commune-wide figure and the timeline with who
/// is missing; a village head sees his own village only.
@Suite struct DashboardChartsTests {
    static let campaign = "thon-xa-mau-dinh-danh-2026"

    /// Five villages enrolled; four report their figures (the test of the example plan's cycle);
    /// accounts for every role and for the head of Thôn Một.
    /// `fifth` names the village that sends nothing (a hostile name shows escaping on every chart).
    static func villages(fifth: String = "Thôn Năm") throws -> TestWard {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-charts-\(UUID().uuidString.prefix(8))")
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        // The example has no dated milestones; two reports and the review are added for the timeline.
        let plan = try String(contentsOf: repository.appendingPathComponent("docs/examples/\(campaign).json"), encoding: .utf8)
        let milestones = """
            "milestones": [
              {"id": "so-lieu-6-thang", "kind": "other", "title": "Các thôn báo cáo số liệu 6 tháng", "form": "ket-qua-chi-tieu", "due": "15/05/2026", "from": "collective"},
              {"id": "so-lieu-nam", "kind": "other", "title": "Các thôn báo cáo số liệu cả năm", "form": "ket-qua-chi-tieu", "due": "15/07/2026", "from": "collective"},
              {"id": "binh-xet", "kind": "review", "title": "Hội đồng bình xét", "due": "30/11/2026"}
            ],
            "indicators":
            """
        let dated = plan.replacingOccurrences(of: "\"indicators\":", with: milestones)
        #expect(dated != plan)
        try Data(dated.utf8).write(to: root.appendingPathComponent("campaigns/\(campaign).json"))
        let units =
            "Mã,Tên đơn vị,Loại,Trực thuộc\nthon-1,Thôn Một,thôn,\nthon-2,Thôn Hai,thôn,\nthon-3,Thôn Ba,thôn,\nthon-4,Thôn Bốn,thôn,\nthon-5,\"\(fifth.replacingOccurrences(of: "\"", with: "\"\""))\",thôn,\n"
        let figures = """
            "Cơ quan, đơn vị (để trống nếu là số liệu chung)",Cá nhân (nếu chỉ tiêu tính cho cá nhân),Chỉ tiêu,Kết quả,Kết quả năm trước,Năm,"Tài liệu, minh chứng"
            Thôn Một,,nguoi-truong-thanh,1200,,2026,
            Thôn Một,,ty-le-dinh-danh,90,,2026,
            Thôn Hai,,nguoi-truong-thanh,800,,2026,
            Thôn Hai,,ty-le-dinh-danh,80,,2026,
            Thôn Ba,,nguoi-truong-thanh,1500,,2026,
            Thôn Ba,,ty-le-dinh-danh,88,,2026,
            Thôn Bốn,,nguoi-truong-thanh,500,,2026,
            Thôn Bốn,,ty-le-dinh-danh,96,,2026,

            """
        try Data(units.utf8).write(to: root.appendingPathComponent("don-vi.csv"))
        try Data(figures.utf8).write(to: root.appendingPathComponent("so-lieu.csv"))
        let log = Locked("")
        let quiet = Console(out: { text in log.withLock { $0 += text } }, err: { text in log.withLock { $0 += text } })
        _ = CLI.run(["init", root.path], console: quiet)
        for command in [
            ["roster", "import", "don-vi.csv"], ["enroll", campaign, "--units", "Thôn Một,Thôn Hai,Thôn Ba,Thôn Bốn,\(fifth)"],
            ["submit", campaign, "ket-qua-chi-tieu", "so-lieu.csv"],
        ] {
            let code = CLI.run(["--today", "20/05/2026", "--actor", "test"] + command, console: quiet, currentDirectory: root.path)
            #expect(code == 0, "\(command): \(log.withLock { $0 })")
        }
        return try TestWard(root: root, accounts: TestWard.defaultAccounts + [("thonmot", .unit, "thon-1")])
    }

    @Test func clerkAndViewerDashboardsDrawIndicatorsStandingsAndTheTimeline() throws {
        let ward = try Self.villages()
        for login in ["canbo", "xem"] {
            let browser = TestBrowser(ward.app)
            try browser.logIn(login)
            let page = try browser.get("/bang-theo-doi")
            #expect(page.status.code == 200)
            let html = page.bodyText
            // The commune-wide figure first (weighted mean 88,0% > 85%), then every village.
            #expect(
                html.contains("aria-label=\"Tỷ lệ người trưởng thành trên địa bàn xã có tài khoản định danh điện tử mức 2 (chỉ tiêu &gt; 85%)\""), "\(login)")
            #expect(html.contains(">88% · đạt</text>"), "\(login)")
            #expect(html.contains(">80% · không đạt</text>"), "\(login)")
            for village in ["Thôn Một", "Thôn Hai", "Thôn Ba", "Thôn Bốn", "Thôn Năm"] { #expect(html.contains(village), "\(login) \(village)") }
            #expect(html.contains("Toàn phường, xã"))
            // Standings and the timeline, each followed by its table.
            #expect(html.contains("Xếp hạng các đơn vị năm 2026"))
            #expect(html.contains(">Hôm nay \(WebClock.civilDate(ward.clock.now).vietnamese)</text>"))
            #expect(html.contains(">Chưa nộp: Thôn Năm</text>"))
            #expect(html.contains("<td>Các thôn báo cáo số liệu 6 tháng</td><td>15/5/2026</td><td>Quá hạn · đã nhận 4/5</td><td>Thôn Năm</td>"))
            #expect(html.components(separatedBy: "<figure class=\"chart\">").count == html.components(separatedBy: "<svg ").count)
            #expect(html.components(separatedBy: "role=\"img\"").count >= 5)
            #expect(html.contains("<caption>Số liệu của biểu đồ: "))
            #expect(!html.contains("<script"))
            #expect(html.contains("Tài liệu của phong trào") == (login == "canbo"))
        }
    }

    @Test func aVillageHeadSeesHisOwnVillageOnlyHighlighted() throws {
        let ward = try Self.villages()
        let browser = TestBrowser(ward.app)
        try browser.logIn("thonmot")
        let page = try browser.get("/don-vi/phong-trao/\(Self.campaign)")
        #expect(page.status.code == 200)
        let html = page.bodyText
        #expect(html.contains("<svg "))
        #expect(html.contains(">90% · đạt</text>"))
        #expect(html.contains("stroke-width=\"3\""))  // his own bar, outlined
        #expect(html.contains("Thời hạn nộp hồ sơ của Thôn Một"))
        #expect(html.contains("class=\"moc-du\""))  // sent, on the timeline
        // No other village, no commune figure, no one else's number.
        for other in ["Thôn Hai", "Thôn Ba", "Thôn Bốn", "Thôn Năm", "Toàn phường, xã", "88%", "80%", "96%"] {
            #expect(!html.contains(other), "\(other)")
        }
        // And the dashboard stays closed to him.
        #expect(try browser.get("/bang-theo-doi").status.code == 403)
    }

    @Test(.enabled(if: HTMLValidationTests.enabled)) func chartPagesAreValidMarkup() throws {
        // The village that sends nothing is named like markup: it is on every chart and table.
        let ward = try Self.villages(fifth: "<script>&\"'Năm")
        var pages: [(String, String)] = []
        for login in ["canbo", "xem", "quantri"] {
            let browser = TestBrowser(ward.app)
            try browser.logIn(login)
            let dashboard = try browser.get("/bang-theo-doi").bodyText
            #expect(dashboard.contains(">Chưa nộp: &lt;script&gt;&amp;&quot;&#39;Năm</text>"), "\(login)")
            #expect(!dashboard.contains("<script"), "\(login)")
            pages.append(("bang-theo-doi-\(login)", dashboard))
            pages.append(("trang-chinh-\(login)", try browser.get("/").bodyText))
        }
        let head = TestBrowser(ward.app)
        try head.logIn("thonmot")
        pages.append(("don-vi-bieu-do", try head.get("/don-vi/phong-trao/\(Self.campaign)").bodyText))
        pages.append(("trang-chinh-thonmot", try head.get("/").bodyText))
        try HTMLValidationTests.validate(pages)
    }

    @Test func homePageReadsThroughTheBackOfficeAndNamesABrokenCampaign() throws {
        let ward = try Self.villages()
        try Data("{ không phải JSON".utf8).write(to: ward.root.appendingPathComponent("campaigns/hong.json"))
        let clerk = TestBrowser(ward.app)
        try clerk.logIn("canbo")
        let page = try clerk.get("/").bodyText
        #expect(page.contains("<td>\(Self.campaign)</td>"))
        #expect(page.contains("Tệp phong trào có lỗi; cán bộ thi đua cần chạy «thidua check hong»."))
        #expect(page.contains("<td>5</td>"))
        let head = TestBrowser(ward.app)
        try head.logIn("thonmot")
        let own = try head.get("/").bodyText
        #expect(own.contains("Thôn Một (thon-1)"))
        #expect(own.contains("href=\"/don-vi/phong-trao/\(Self.campaign)\""))
        #expect(!own.contains("thidua check hong"))
        let office = BackOffice(workspace: ward.workspace, registry: ward.site.registry)
        let summaries = office.summaries(today: CivilDate(year: 2026, month: 5, day: 28)!)
        #expect(summaries.map(\.id) == ["hong", Self.campaign])
        #expect(summaries.last?.units.count == 5)
        #expect(summaries.last?.phase == .running)
    }
}
