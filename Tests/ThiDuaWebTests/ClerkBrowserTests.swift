import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

/// Headless Chromium, driven over the DevTools pipe (the helpers of `BrowserTests.driver`), as a
/// council member who votes and as the clerk who downloads the signed decision. Screenshots of the
/// pages go to `.build/screenshots/` (kept by CI as artefacts, not committed). Skipped without Chromium.
@Suite(.serialized) struct ClerkBrowserTests {
    static let signIn = #"""
        import base64
        base, login, password, shots = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
        def shot(name):
            data = call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, s)["result"]["data"]
            open(os.path.join(shots, name), "wb").write(base64.b64decode(data))
        def goto(path, title):
            call("Page.navigate", {"url": base + path}, s)
            return wait_for("location.pathname + location.search == " + json.dumps(path) + " && document.readyState == 'complete' && document.title.startsWith(" + json.dumps(title) + ")")
        out = {}
        goto("/dang-nhap", "Đăng nhập")
        ev("document.querySelector('#ten-dang-nhap').value = " + json.dumps(login))
        ev("document.querySelector('#mat-khau').value = " + json.dumps(password))
        ev("document.querySelector('form[action$=\"dang-nhap\"] button').click()")
        wait_for("document.title.startsWith('Trang chính')")
        """#

    static let vote = #"""
        page = sys.argv[6]
        out["page"] = goto(page, "Bình xét")
        shot("hoi-dong-bo-phieu.png")
        out["selects"] = ev("document.querySelectorAll('main select').length")
        ev("document.querySelectorAll('main select').forEach(function (s) { s.value = 'dong-y'; })")
        ev("document.querySelector('main form button[type=submit]').click()")
        out["voted"] = wait_for("location.search.indexOf('da-bo-phieu') >= 0 && document.readyState == 'complete'")
        out["mine"] = ev("document.querySelector('main table').textContent")
        shot("hoi-dong-da-bo-phieu.png")
        call("Browser.close"); p.wait(timeout=10)
        print(json.dumps(out, ensure_ascii=False))
        """#

    static let download = #"""
        base_path, downloads = sys.argv[6], sys.argv[7]
        for path, title, name in [(base_path, "", "can-bo-phong-trao.png"), (base_path + "/tham-dinh?ky=2026", "Thẩm định", "can-bo-tham-dinh.png"),
                                  (base_path + "/binh-xet", "Bình xét", "can-bo-binh-xet.png")]:
            goto(path, title)
            shot(name)
        # An appraisal without its reason: the GOV.UK summary takes focus, the choice is kept.
        goto(base_path + "/tham-dinh?ky=2026", "Thẩm định")
        item = ev("document.querySelector('a[href*=\"/tham-dinh/muc?\"]').getAttribute('href')")
        call("Page.navigate", {"url": base + item}, s)
        wait_for("location.pathname.endsWith('/tham-dinh/muc') && document.readyState == 'complete' && document.title.startsWith('Thẩm định')")
        ev("document.querySelector('#ket-qua-dat').checked = true")
        ev("document.querySelector('main form button[type=submit]').click()")
        out["appraisal_error"] = wait_for("document.title.startsWith('Lỗi: ') && document.readyState == 'complete'")
        # autofocus is applied once the page has settled: wait for it, a loaded machine is slow.
        wait_for("document.activeElement && document.activeElement.className == 'error-summary'", 20)
        out["focused"] = ev("document.activeElement.className")
        out["kept"] = ev("document.querySelector('#ket-qua-dat').checked")
        shot("can-bo-tham-dinh-loi.png")
        out["page"] = goto(base_path + "/quyet-dinh", "Quyết định khen thưởng")
        shot("can-bo-quyet-dinh.png")
        call("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        out["link"] = ev("document.querySelector('a[href$=\"/quyet-dinh/0/docx\"]') !== null")
        ev("document.querySelector('a[href$=\"/quyet-dinh/0/docx\"]').click()")
        end = time.time() + 60
        files = []
        while time.time() < end:
            files = [f for f in os.listdir(downloads) if not f.endswith(".crdownload")]
            if files: break
            time.sleep(0.2)
        time.sleep(0.5)
        out["files"] = sorted(files)
        call("Browser.close"); p.wait(timeout=10)
        print(json.dumps(out, ensure_ascii=False))
        """#

    /// Starts the ward on a free port, runs the driver with `steps` and `extra` arguments, returns its JSON.
    static func drive(_ ward: TestWard, login: String, steps: String, extra: [String]) throws -> [String: Any] {
        let (server, port) = try ward.serve()
        defer { server.stop() }
        let script = ward.root.appendingPathComponent("driver-\(login).py")
        try Data([UnitBrowserTests.prelude, signIn, steps].joined(separator: "\n").utf8).write(to: script)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shots = repository.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let output = try python(
            [script.path, BrowserTests.chromium!, "http://127.0.0.1:\(port)", login, TestWard.password(login), shots.path] + extra)
        return try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
    }

    @Test(.enabled(if: BrowserTests.chromium != nil)) func aCouncilMemberVotes() throws {
        let ward = try CouncilPagesTests.ward()
        let result = try Self.drive(ward, login: "hoidong", steps: Self.vote, extra: [CouncilPagesTests.page])
        #expect(result["page"] as? Bool == true)
        #expect(result["selects"] as? Int == 1)
        #expect(result["voted"] as? Bool == true)
        #expect((result["mine"] as? String)?.contains("Bạn đã chọn: đồng ý") == true)
        let last = try #require(try ward.workspace.journal(for: "phuong-6-cchc-2023").read().events.last)
        #expect(last.kind == .ballot && last.actor == "hoidong")
        #expect(last.payload["member"]?.string == "Nguyễn Văn An")
    }

    @Test(.enabled(if: BrowserTests.chromium != nil)) func theClerkDownloadsTheDecision() throws {
        let ward = try ClerkFixture.decided()
        let downloads = ward.root.appendingPathComponent("tai-ve")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let result = try Self.drive(ward, login: "canbo", steps: Self.download, extra: [ClerkFixture.base, downloads.path])
        #expect(result["page"] as? Bool == true)
        #expect(result["link"] as? Bool == true)
        #expect(result["appraisal_error"] as? Bool == true)
        #expect(result["focused"] as? String == "error-summary")
        #expect(result["kept"] as? Bool == true)
        #expect(result["files"] as? [String] == ["minh-xuan-cds-2026-quyet-dinh.docx"])
        let bytes = try Data(contentsOf: downloads.appendingPathComponent("minh-xuan-cds-2026-quyet-dinh.docx"))
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        // The file is the numbered decision: its document part names the number.
        #expect(bytes.count > 1000)
    }
}
