import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

/// Headless Chromium as a unit head uploading evidence through the real file input: an HTML page
/// named `.pdf` is refused with the error summary focused, then a real PDF is recorded and listed.
/// Screenshots go to `.build/screenshots/`. Skipped without Chromium.
@Suite(.serialized) struct EvidenceBrowserTests {
    static let steps = #"""
        import base64
        base, login, password, shots, wrong, right = sys.argv[2:8]
        def shot(name):
            data = call("Page.captureScreenshot", {"format": "png"}, s)["result"]["data"]
            open(os.path.join(shots, name), "wb").write(base64.b64decode(data))
        def choose(path):
            node = call("Runtime.evaluate", {"expression": "document.querySelector('#tep')"}, s)["result"]["result"]["objectId"]
            call("DOM.setFileInputFiles", {"files": [path], "objectId": node}, s)
        out = {}
        sign_in(base, login, password)
        call("Page.navigate", {"url": base + "/don-vi/phong-trao/phu-ly-cqtt-2024/minh-chung"}, s)
        wait_for("document.readyState == 'complete' && document.title.startsWith('Minh chứng')")
        choose(wrong)
        ev("document.querySelector('#mo-ta').value = 'Thử tệp sai'")
        ev("document.querySelector('main form button[type=submit]').click()")
        wait_for_error_page()
        out["error_title"] = ev("document.title")
        out["focused"] = ev("document.activeElement.className")
        out["summary"] = ev("document.querySelector('.error-summary a').textContent")
        out["summary_link"] = ev("document.querySelector('.error-summary a').getAttribute('href')")
        out["kept"] = ev("document.querySelector('#mo-ta').value")
        shot("minh-chung-loi.png")
        choose(right)
        ev("document.querySelector('main form button[type=submit]').click()")
        wait_for("location.search.indexOf('da-gui') >= 0")
        out["notice"] = ev("document.querySelector('.notice').textContent")
        out["listed"] = ev("document.querySelector('main table a[download]').textContent")
        shot("minh-chung-da-gui.png")
        call("Browser.close"); p.wait(timeout=10)
        print(json.dumps(out, ensure_ascii=False))
        """#

    @Test(.enabled(if: BrowserTests.chromium != nil)) func unitHeadUploadsThroughTheFileInput() throws {
        let ward = try TestWard(campaigns: true)
        let (server, port) = try ward.serve()
        defer { server.stop() }
        let wrong = ward.root.appendingPathComponent("Báo cáo.pdf")
        try Data("<!DOCTYPE html><html><body>không phải PDF</body></html>".utf8).write(to: wrong)
        let right = ward.root.appendingPathComponent("Biên bản họp dân.pdf")
        try Data(EvidencePagesTests.pdf).write(to: right)
        let script = ward.root.appendingPathComponent("driver.py")
        try Data((UnitBrowserTests.prelude + Self.steps).utf8).write(to: script)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shots = repository.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let output = try python([
            script.path, BrowserTests.chromium!, "http://127.0.0.1:\(port)", "vanphong", TestWard.password("vanphong"), shots.path, wrong.path,
            right.path,
        ])
        let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: String] ?? [:]
        #expect(result["error_title"]?.hasPrefix("Lỗi: Minh chứng") == true)
        #expect(result["focused"] == "error-summary")
        #expect(result["summary"]?.contains("Tệp «Báo cáo.pdf» không phải loại tệp được nhận") == true)
        #expect(result["summary_link"] == "#tep")
        #expect(result["kept"] == "Thử tệp sai")
        #expect(result["notice"]?.contains("Đã nhận minh chứng «Biên bản họp dân.pdf»") == true)
        #expect(result["listed"] == "Biên bản họp dân.pdf")
        let evidence = try BackOffice(workspace: ward.workspace, registry: ward.site.registry).open("phu-ly-cqtt-2024").state.evidence
        #expect(evidence.count == 1)
        #expect(evidence.first?.actor == "vanphong" && evidence.first?.unit == "van-phong")
    }
}
