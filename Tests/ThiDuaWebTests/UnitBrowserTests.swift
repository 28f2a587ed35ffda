import Foundation
import Testing

@testable import ThiDuaWeb

/// Headless Chromium as a unit head: signs in, sends the tổng kết report with a wrong number, sees
/// the error summary focused and the value kept, corrects it and sends. Screenshots of both pages
/// go to `.build/screenshots/` (not committed). Skipped without Chromium.
@Suite(.serialized) struct UnitBrowserTests {
    /// The DevTools-pipe helpers of `BrowserTests.driver` (everything before its own steps).
    static var prelude: String {
        let driver = BrowserTests.driver
        return driver.range(of: "base, login, password = ").map { String(driver[..<$0.lowerBound]) } ?? driver
    }

    static let steps = #"""
        import base64
        base, login, password, shots = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
        def shot(name):
            data = call("Page.captureScreenshot", {"format": "png"}, s)["result"]["data"]
            open(os.path.join(shots, name), "wb").write(base64.b64decode(data))
        out = {}
        sign_in(base, login, password)
        call("Page.navigate", {"url": base + "/don-vi/phong-trao/phu-ly-cqtt-2024/bieu-mau/bao-cao-tong-ket"}, s)
        wait_for("document.readyState == 'complete' && document.title.startsWith('Báo cáo')")
        out["form"] = ev("document.title")
        ev("document.querySelector('#truong-so-ky-cam-ket').value = 'mười hai'")
        ev("document.querySelector('#truong-ket-qua').value = 'Tốt'")
        ev("document.querySelector('main form button[type=submit]').click()")
        wait_for_error_page()
        out["error_title"] = ev("document.title")
        out["focused"] = ev("document.activeElement.className")
        out["summary_link"] = ev("document.querySelector('.error-summary a').getAttribute('href')")
        out["kept"] = ev("document.querySelector('#truong-so-ky-cam-ket').value")
        shot("don-vi-loi.png")
        ev("document.querySelector('#truong-so-ky-cam-ket').value = '12'")
        ev("document.querySelector('main form button[type=submit]').click()")
        wait_for("location.search.indexOf('da-nop') >= 0")
        out["notice"] = ev("document.querySelector('.notice') && document.querySelector('.notice').textContent")
        shot("don-vi-da-nop.png")
        call("Browser.close"); p.wait(timeout=10)
        print(json.dumps(out, ensure_ascii=False))
        """#

    @Test(.enabled(if: BrowserTests.chromium != nil)) func unitHeadCorrectsAnErrorAndSends() throws {
        let ward = try TestWard(campaigns: true)
        let (server, port) = try ward.serve()
        defer { server.stop() }
        let script = ward.root.appendingPathComponent("driver.py")
        try Data((Self.prelude + Self.steps).utf8).write(to: script)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shots = repository.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let output = try python([
            script.path, BrowserTests.chromium!, "http://127.0.0.1:\(port)", "vanphong", TestWard.password("vanphong"), shots.path,
        ])
        let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: String] ?? [:]
        #expect(result["form"]?.hasPrefix("Báo cáo kết quả") == true)
        #expect(result["error_title"]?.hasPrefix("Lỗi: ") == true)
        #expect(result["focused"] == "error-summary")
        #expect(result["summary_link"] == "#truong-so-ky-cam-ket")
        #expect(result["kept"] == "mười hai")
        #expect(result["notice"]?.contains("Đã ghi nhận hồ sơ") == true)
        let events = try ward.workspace.journal(for: "phu-ly-cqtt-2024").read().events
        #expect(events.count == 2)
        #expect(events.last?.actor == "vanphong")
    }
}
