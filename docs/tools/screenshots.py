"""Takes the guide's screenshots from a running `thidua serve` (see screenshots.sh).

Drives headless Chromium over --remote-debugging-pipe with the standard library only: signs in
as each role, opens its pages, saves PNG files 1280 px wide (whole viewport, or one chart), and
recompresses them with zlib level 9 to keep the repository small.

    python3 screenshots.py <chromium> <base url> <output folder> [--grey]

With --grey the pages are rendered for print and without colour (Chromium's achromatopsia
emulation), to check that every chart still reads in black and white.
"""

import base64
import json
import os
import struct
import subprocess
import sys
import time
import zlib

chromium, base, out = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3]
grey = "--grey" in sys.argv[4:]
r_in, w_in = os.pipe()
r_out, w_out = os.pipe()


def child_fds():
    os.dup2(r_in, 3)
    os.dup2(w_out, 4)


args = [chromium, "--headless", "--disable-gpu", "--hide-scrollbars", "--remote-debugging-pipe", "about:blank"]
if os.geteuid() == 0:
    args.insert(1, "--no-sandbox")
browser = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(r_in)
os.close(w_out)
buffer = b""
last_id = 0


def call(method, params=None, session=None):
    global buffer, last_id
    last_id += 1
    message = {"id": last_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(w_in, json.dumps(message).encode() + b"\0")
    while True:
        while b"\0" in buffer:
            raw, buffer = buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == last_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
        chunk = os.read(r_out, 1 << 16)
        if not chunk:
            raise SystemExit("chromium closed the pipe")
        buffer += chunk


target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
page = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, page)
if grey:
    call("Emulation.setEmulatedMedia", {"media": "print"}, page)
    call("Emulation.setEmulatedVisionDeficiency", {"type": "achromatopsia"}, page)


def js(expression):
    result = call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, page)
    return result.get("result", {}).get("value")


def wait_for(expression, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        try:
            if js(expression):
                return
        except RuntimeError:
            pass  # the page is being replaced
        time.sleep(0.1)
    problem = js("(() => { const e = document.querySelector('[role=alert], .error-summary'); return e ? e.innerText : ''; })()")
    raise SystemExit(f"timed out waiting for {expression} on {js('location.href')} {problem or ''}")


def open_page(path):
    call("Page.navigate", {"url": base + path}, page)
    wait_for(f"document.readyState == 'complete' && location.pathname == {json.dumps(path.split('?')[0])}")


def smaller_png(data):
    """The same image with its pixel data recompressed at zlib's highest level."""
    chunks, position, idat = [], 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IDAT":
            idat += body
        else:
            chunks.append((kind, body))
    packed = zlib.compress(zlib.decompress(idat), 9)
    result = data[:8]
    for kind, body in chunks:
        if kind == b"IEND":
            result += struct.pack(">I", len(packed)) + b"IDAT" + packed + struct.pack(">I", zlib.crc32(b"IDAT" + packed))
        result += struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return result


def top_of(selector):
    """The page y of the first element matching `selector`."""
    y = js(f"(() => {{ const e = document.querySelector({json.dumps(selector, ensure_ascii=False)}); return e ? e.getBoundingClientRect().top + scrollY : null; }})()")
    if y is None:
        raise SystemExit(f"no element {selector} on {js('location.href')}")
    return y


def shot(name, selector=None, height=900, pad=12, start=None):
    """The viewport's top `height` pixels, or the box of the first element matching `selector`,
    or `height` pixels from the top of the element matching `start`."""
    if start:
        y = max(0, top_of(start) - pad)
        full = js("document.documentElement.scrollHeight")
        clip = {"x": 0, "y": y, "width": 1280, "height": min(full - y, height), "scale": 1}
    elif selector:
        box = js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector, ensure_ascii=False)}); if (!e) return null;"
            " const r = e.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()"
        )
        if box is None:
            raise SystemExit(f"{name}: no element {selector} on {js('location.href')}")
        x, y, w, h = box
        clip = {"x": max(0, x - pad), "y": max(0, y - pad), "width": min(1280, w + 2 * pad), "height": h + 2 * pad, "scale": 1}
    else:
        full = js("document.documentElement.scrollHeight")
        clip = {"x": 0, "y": 0, "width": 1280, "height": min(full, height), "scale": 1}
    data = call("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True}, page)["data"]
    png = smaller_png(base64.b64decode(data))
    with open(os.path.join(out, name), "wb") as file:
        file.write(png)
    print(f"{name}: {int(clip['width'])}×{int(clip['height'])}, {len(png) // 1024} KB")


def sign_in(login):
    open_page("/dang-nhap")
    js(f"document.querySelector('#ten-dang-nhap').value = {json.dumps(login)}")
    js(f"document.querySelector('#mat-khau').value = {json.dumps('mật khẩu ' + login)}")
    js("document.querySelector('form[action$=\"dang-nhap\"] button').click()")
    wait_for("document.readyState == 'complete' && document.title.startsWith('Trang chính')")


def submit(button_selector, done):
    """Clicks the button and waits for the next page, on which `done` (JavaScript) must be true."""
    js("window.__before = true")
    js(f"document.querySelector({json.dumps(button_selector, ensure_ascii=False)}).click()")
    wait_for(f"!window.__before && document.readyState == 'complete' && ({done})")


def fill(selector, value):
    js(f"document.querySelector({json.dumps(selector, ensure_ascii=False)}).value = {json.dumps(value, ensure_ascii=False)}")


def sign_out():
    js("document.querySelector('form[action$=\"dang-xuat\"] button').click()")
    wait_for("document.readyState == 'complete' && location.search.indexOf('da-dang-xuat') >= 0")


def figure_with(label_start):
    """A selector for the chart whose accessible name starts with `label_start`."""
    return f"figure.chart:has(svg[aria-label^={json.dumps(label_start, ensure_ascii=False)}])"


campaign = "nam-gia-nghia-cchc-2026"
villages = "thon-xa-mau-dinh-danh-2026"

open_page("/dang-nhap")
shot("dang-nhap.png", height=620)

sign_in("quantri")
shot("quan-tri-trang-chinh.png", height=700)
open_page("/quan-tri/tai-khoan")
shot("quan-tri-tai-khoan.png", height=700)
sign_out()

sign_in("canbo")
shot("can-bo-trang-chinh.png", height=760)
open_page("/bang-theo-doi")
shot("bang-theo-doi.png", height=900)
shot("bang-theo-doi-thoi-han.png", figure_with("Các thời hạn của mọi phong trào"))
shot("bang-theo-doi-chi-tieu.png", figure_with("Tỷ lệ người trưởng thành trên địa bàn xã"))
shot("bang-theo-doi-chi-tieu-chung.png", figure_with("Chỉ tiêu chung so với kế hoạch – Cải cách hành chính 2026"))
shot("bang-theo-doi-xep-hang.png", figure_with("Xếp hạng các đơn vị năm 2026 – Cải cách hành chính 2026"))
open_page(f"/can-bo/phong-trao/{campaign}/tai-lieu")
shot("can-bo-tai-lieu.png", height=900)
sign_out()

sign_in("vanphong")
shot("don-vi-trang-chinh.png", height=640)
open_page(f"/don-vi/phong-trao/{campaign}")
shot("don-vi-phong-trao.png", height=900)
first_form = js("document.querySelector('main table a').getAttribute('href')")
open_page(first_form)
shot("don-vi-bieu-mau.png", height=900)
js("document.querySelector('main form button[type=submit]').click()")
wait_for("document.readyState == 'complete' && document.title.startsWith('Lỗi: ')")
shot("don-vi-bieu-mau-loi.png", height=900)
# Withdrawing a file sent by mistake: the reason forgotten first, then given.
open_page(f"/don-vi/phong-trao/{campaign}/minh-chung")
mistake = js(
    "(() => { const row = [...document.querySelectorAll('main table tr')].find(r => r.textContent.includes('Báo cáo năm 2025'));"
    " const a = row && [...row.querySelectorAll('a')].find(a => a.textContent.startsWith('Rút tệp này')); return a ? a.getAttribute('href') : null; })()"
)
if mistake is None:
    raise SystemExit("no evidence file to withdraw")
open_page(mistake)
submit("main form[method=post] button[type=submit]", "document.title.startsWith('Lỗi: ')")
shot("don-vi-rut-minh-chung-loi.png", height=760)
fill("#ly-do", "Gửi nhầm báo cáo của năm 2025")
submit("main form[method=post] button[type=submit]", "location.search.indexOf('da-rut') >= 0")
shot("don-vi-minh-chung-da-rut.png", height=900)
sign_out()

sign_in("thonmot")
open_page(f"/don-vi/phong-trao/{villages}")
shot("don-vi-thoi-han.png", figure_with("Thời hạn nộp hồ sơ của"))
shot("don-vi-ket-qua.png", figure_with("Tỷ lệ người trưởng thành trên địa bàn xã"))
sign_out()

# The clerk's cycle on one campaign (section 15 of the guide): appraisal, council review opened
# in the browser, the members vote on their own pages, close, decision, number, downloads.
clerk = f"/can-bo/phong-trao/{campaign}"
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "examples", "huong-dan", "hoi-dong.csv"), encoding="utf-8") as file:
    members_sheet = file.read().strip()
sign_in("canbo")
open_page("/can-bo/phong-trao")
shot("can-bo-phong-trao.png", height=620)
open_page(clerk)
shot("can-bo-tong-quan.png", height=1400)
open_page(clerk + "/tham-dinh")
shot("can-bo-tham-dinh.png", height=900)
item = js(
    "(() => { const links = [...document.querySelectorAll('main table a')];"
    " const a = links.find(a => a.textContent.includes('Lê Thị Mai, sang-kien')) || links[0];"
    " return a ? a.getAttribute('href') : null; })()"
)
if item is None:
    raise SystemExit("nothing to appraise")
open_page(item)
shot("can-bo-tham-dinh-muc.png", height=900)
js("document.querySelector('#ket-qua-dat').checked = true")
fill("#minh-chung", "Quyết định công nhận sáng kiến số 15/QĐ-UBND ngày 20/10/2026")
submit("main form[method=post] button[type=submit]", "document.title.startsWith('Lỗi: ')")
shot("can-bo-tham-dinh-loi.png", height=1250)
fill("#ly-do", "Phòng Văn hóa – Xã hội bổ sung minh chứng")
submit("main form[method=post] button[type=submit]", "location.search.indexOf('da=tham-dinh') >= 0")

open_page(clerk + "/rut-khoi")
shot("can-bo-rut-khoi.png", height=900)
open_page(clerk + "/binh-xet")
fill("#thanh-vien", members_sheet)
fill("#ngay-hop", "20/11/2026")
fill("#dia-diem", "Phòng họp Ủy ban nhân dân phường")
shot("can-bo-binh-xet-mo.png", height=1300)
submit("form[action$='/binh-xet/mo'] button", "location.search.indexOf('da=mo-binh-xet') >= 0")
sign_out()


def vote(login, name, picture=None):
    """The member votes "Đồng ý" on every nominee but himself (conflict of interest)."""
    sign_in(login)
    open_page(f"/hoi-dong/phong-trao/{campaign}")
    if picture:
        shot(picture, height=900)
    js(
        "document.querySelectorAll('select[name^=phieu-]').forEach(s => { s.value ="
        f" s.closest('tr').cells[1].textContent == {json.dumps(name, ensure_ascii=False)} ? 'xung-dot-loi-ich' : 'dong-y'; }})"
    )
    submit("main form[method=post] button[type=submit]", "location.search.indexOf('da-bo-phieu') >= 0")
    sign_out()


vote("phanvanquoc", "Phan Văn Quốc", "hoi-dong-binh-xet.png")
sign_in("canbo")
open_page(clerk + "/binh-xet")
shot("can-bo-binh-xet-tien-do.png", height=760)
sign_out()
for login, name in [("tranvanhung", "Trần Văn Hùng"), ("levancuong", "Lê Văn Cường"), ("phamthidung", "Phạm Thị Dung"), ("hoangvanem", "Hoàng Văn Em")]:
    vote(login, name)
sign_in("canbo")
open_page(clerk + "/binh-xet")
js("document.querySelector('input[name=vang-mat][value=\"Vũ Thị Giang\"]').checked = true")
shot("can-bo-binh-xet-dong.png", height=900, start="main h2", pad=16)
submit("form[action$='/binh-xet/dong'] button", "location.search.indexOf('da=dong-binh-xet') >= 0")
shot("can-bo-binh-xet-ket-qua.png", height=760)

open_page(clerk + "/quyet-dinh")
shot("can-bo-quyet-dinh-du-thao.png", height=1100)
if js("!!document.querySelector('#xac-nhan-trung')"):
    js("document.querySelector('#xac-nhan-trung-khong').checked = true")
fill("#ngay-quyet-dinh", "01/12/2026")
submit("form[action$='/quyet-dinh'] button", "location.search.indexOf('da=du-thao') >= 0")
shot("can-bo-quyet-dinh-so.png", height=900)
fill("form[action$='/quyet-dinh/so'] input[id^='so-']", "35/QĐ-UBND")
fill("form[action$='/quyet-dinh/so'] input[id^='ngay-ky-']", "03/12/2026")
submit("form[action$='/quyet-dinh/so'] button", "location.search.indexOf('da=so-quyet-dinh') >= 0")
shot("can-bo-quyet-dinh-tai-ve.png", height=250, start="main h2", pad=16)
open_page("/can-bo/danh-sach")
shot("can-bo-danh-sach.png", height=900)
sign_out()

sign_in("lanhdao")
open_page("/bang-theo-doi")
shot("lanh-dao-bang-theo-doi.png", height=900)
sign_out()

call("Browser.close")
browser.wait(timeout=10)
