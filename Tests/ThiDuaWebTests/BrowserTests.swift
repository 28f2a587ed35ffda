import Foundation
import Testing

@testable import ThiDuaWeb

/// A real Chromium (headless, driven over the DevTools pipe with Python's standard library) signs in
/// through the live server: its Origin and Sec-Fetch-Site pass the CSRF checks, the error summary
/// takes focus without JavaScript, and logout returns to the login page. Skipped without Chromium.
@Suite(.serialized) struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let driver = #"""
        import base64, json, os, subprocess, sys, time
        r_in, w_in = os.pipe(); r_out, w_out = os.pipe()
        def pre(): os.dup2(r_in, 3); os.dup2(w_out, 4)
        p = subprocess.Popen([sys.argv[1], "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "about:blank"],
                             pass_fds=(3, 4), preexec_fn=pre, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(r_in); os.close(w_out); buf = b""; mid = 0
        def call(method, params=None, session=None):
            global buf, mid; mid += 1
            m = {"id": mid, "method": method, "params": params or {}}
            if session: m["sessionId"] = session
            os.write(w_in, json.dumps(m).encode() + b"\0")
            while True:
                while b"\0" in buf:
                    raw, buf = buf.split(b"\0", 1); msg = json.loads(raw)
                    if msg.get("id") == mid: return msg
                chunk = os.read(r_out, 65536)
                if not chunk: raise SystemExit("chromium closed the pipe")
                buf += chunk
        target = call("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
        s = call("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
        def ev(js): return call("Runtime.evaluate", {"expression": js, "returnByValue": True}, s)["result"]["result"].get("value")
        def wait_for(js, seconds=60):
            # A page being replaced by the next one cannot be evaluated: try again (a loaded CI
            # machine can take seconds to navigate).
            end = time.time() + seconds
            while time.time() < end:
                try:
                    if ev(js): return True
                except Exception:
                    pass
                time.sleep(0.1)
            return False
        def wait_for_error_page():
            # The error page, rendered; autofocus moves to the summary a moment after (seconds on
            # a loaded CI machine), so the focus is awaited, bounded, and then read by the test.
            wait_for("document.title.startsWith('Lỗi: ') && document.readyState == 'complete'")
            wait_for("document.activeElement && document.activeElement.className == 'error-summary'", seconds=20)
        def sign_in(base, login, password):
            # The login form, filled and sent; returns on the home page.
            call("Page.navigate", {"url": base + "/dang-nhap"}, s)
            wait_for("document.readyState == 'complete' && document.title.startsWith('Đăng nhập')")
            ev("document.querySelector('#ten-dang-nhap').value = " + json.dumps(login))
            ev("document.querySelector('#mat-khau').value = " + json.dumps(password))
            ev("document.querySelector('form[action$=\"dang-nhap\"] button').click()")
            wait_for("document.title.startsWith('Trang chính')")
        base, login, password = sys.argv[2], sys.argv[3], sys.argv[4]
        out = {}
        call("Page.navigate", {"url": base + "/dang-nhap"}, s)
        wait_for("document.readyState == 'complete' && document.title.startsWith('Đăng nhập')")
        out["title"] = ev("document.title")
        ev("document.querySelector('#ten-dang-nhap').value = " + json.dumps(login))
        ev("document.querySelector('button[type=submit]').click()")
        wait_for_error_page()
        out["error_title"] = ev("document.title")
        out["focused"] = ev("document.activeElement.className")
        out["kept"] = ev("document.querySelector('#ten-dang-nhap').value")
        ev("document.querySelector('#mat-khau').value = " + json.dumps(password))
        ev("document.querySelector('form[action$=\"dang-nhap\"] button').click()")
        wait_for("document.title.startsWith('Trang chính')")
        out["home"] = ev("document.title")
        out["who"] = ev("document.querySelector('.account strong') && document.querySelector('.account strong').textContent")
        ev("document.querySelector('form[action$=\"dang-xuat\"] button').click()")
        wait_for("location.search.indexOf('da-dang-xuat') >= 0")
        out["after_logout"] = ev("document.querySelector('.notice') && document.querySelector('.notice').textContent")
        call("Browser.close"); p.wait(timeout=10)
        print(json.dumps(out, ensure_ascii=False))
        """#

    @Test(.enabled(if: chromium != nil)) func chromiumSignsInAndOut() throws {
        let ward = try TestWard()
        let (server, port) = try ward.serve()
        defer { server.stop() }
        let script = ward.root.appendingPathComponent("driver.py")
        try Data(Self.driver.utf8).write(to: script)
        let output = try python([script.path, Self.chromium!, "http://127.0.0.1:\(port)", "canbo", TestWard.password("canbo")])
        let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: String] ?? [:]
        #expect(result["title"] == "Đăng nhập – ThiDua")
        #expect(result["error_title"] == "Lỗi: Đăng nhập – ThiDua")
        #expect(result["focused"] == "error-summary")
        #expect(result["kept"] == "canbo")
        #expect(result["home"] == "Trang chính – ThiDua")
        #expect(result["who"] == "canbo")
        #expect(result["after_logout"] == "Bạn đã đăng xuất.")
        #expect(try ward.site.accessLog.store.read().events.map(\.kind) == [AccessLog.login, AccessLog.logout])
    }
}
