#!/bin/sh
# Regenerates the screenshots of the Vietnamese guide (docs/images/*.png) from the real pages:
# builds a workspace from the guide's example files (docs/examples/huong-dan) and the commune
# example (docs/examples/thon-xa-mau-dinh-danh-2026.json), creates one account per role, runs
# `thidua serve` on a free loopback port and drives headless Chromium over the DevTools pipe
# (docs/tools/screenshots.py, Python standard library only).
#
#   swift build && docs/tools/screenshots.sh            # from the repository's root
#   THIDUA=.build/release/thidua docs/tools/screenshots.sh
#   OUT=/tmp/den-trang GREY=1 docs/tools/screenshots.sh   # as printed in black and white, to check
#
# Needs chromium (Debian package `chromium`; run as root it gets --no-sandbox) and python3.
# The server uses the machine's date, so the "Hôm nay" line of the charts is the day it runs.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
thidua=${THIDUA:-$root/.build/debug/thidua}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -x "$thidua" ] || { echo "Không thấy $thidua: chạy swift build trước." >&2; exit 1; }
[ -n "$chromium" ] || { echo "Không thấy chromium." >&2; exit 1; }
work=$(mktemp -d /tmp/thidua-anh-XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM
ws=$work/phuong
t() { (cd "$ws" && "$thidua" --actor "Trần Văn Hùng" "$@" >/dev/null); }

"$thidua" init "$ws" >/dev/null
cp "$root"/campaigns/nam-gia-nghia-cchc-2026.json "$root"/campaigns/minh-xuan-dvk-2026.json "$ws/campaigns/"
cp "$root"/types/chuyen-doi-so.json "$ws/types/"
cp "$root"/directives/minh-xuan-du-cds-2026.json "$root"/directives/tuyen-quang-cds-2026.json "$ws/directives/"
cp -r "$root"/docs/examples/huong-dan/. "$ws/"
# The commune example, measured per village, with two reports to date for the timeline.
sed 's|"indicators":|"milestones": [{"id": "so-lieu-6-thang", "kind": "other", "title": "Các thôn báo cáo số liệu 6 tháng", "form": "ket-qua-chi-tieu", "due": "15/07/2026", "from": "collective"}, {"id": "so-lieu-nam", "kind": "other", "title": "Các thôn báo cáo số liệu cả năm", "form": "ket-qua-chi-tieu", "due": "20/12/2026", "from": "collective"}], "indicators":|' \
    "$root/docs/examples/thon-xa-mau-dinh-danh-2026.json" >"$ws/campaigns/thon-xa-mau-dinh-danh-2026.json"
{
    cat "$ws/units.csv"
    printf '%s\n' "thon-1,Thôn Một,thôn," "thon-2,Thôn Hai,thôn," "thon-3,Thôn Ba,thôn," "thon-4,Thôn Bốn,thôn," "thon-5,Thôn Năm,thôn,"
} >"$ws/don-vi-va-thon.csv"
cat >"$ws/so-lieu-thon.csv" <<'CSV'
"Cơ quan, đơn vị (để trống nếu là số liệu chung)",Cá nhân (nếu chỉ tiêu tính cho cá nhân),Chỉ tiêu,Kết quả,Kết quả năm trước,Năm,"Tài liệu, minh chứng"
Thôn Một,,nguoi-truong-thanh,1200,,2026,
Thôn Một,,ty-le-dinh-danh,90,,2026,
Thôn Hai,,nguoi-truong-thanh,800,,2026,
Thôn Hai,,ty-le-dinh-danh,80,,2026,
Thôn Ba,,nguoi-truong-thanh,1500,,2026,
Thôn Ba,,ty-le-dinh-danh,88,,2026,
Thôn Bốn,,nguoi-truong-thanh,500,,2026,
Thôn Bốn,,ty-le-dinh-danh,96,,2026,
CSV

# The guide's year, up to the reports of the units (sections 4–7 of the guide).
t roster import don-vi-va-thon.csv people.csv
t enroll minh-xuan-dvk-2026 --today 20/05/2026
t enroll nam-gia-nghia-cchc-2026 --units "Văn phòng HĐND và UBND,Phòng Văn hóa – Xã hội" --people-of-units --today 10/03/2026
t enroll thon-xa-mau-dinh-danh-2026 --units "Thôn Một,Thôn Hai,Thôn Ba,Thôn Bốn,Thôn Năm" --today 10/03/2026
t launch nam-gia-nghia-cchc-2026 --today 10/03/2026
t launch minh-xuan-dvk-2026 --today 20/05/2026
t submit minh-xuan-dvk-2026 dang-ky-mo-hinh dang-ky.csv --today 25/05/2026
t submit minh-xuan-dvk-2026 bao-cao-so-ket so-ket-van-phong.csv --today 05/06/2026
t submit nam-gia-nghia-cchc-2026 tu-danh-gia-tap-the tu-danh-gia-tap-the.csv --today 05/11/2026
t submit nam-gia-nghia-cchc-2026 tu-danh-gia-ca-nhan tu-danh-gia-ca-nhan.csv --today 05/11/2026
t submit nam-gia-nghia-cchc-2026 ket-qua-chi-tieu ket-qua-chi-tieu.csv --today 05/11/2026
t submit thon-xa-mau-dinh-danh-2026 ket-qua-chi-tieu so-lieu-thon.csv --today 10/07/2026
# Evidence files of the office (shown beside its nomination on the ballot page); one sent by mistake.
pdf() { printf '%s\n' '%PDF-1.4' "% $1" '1 0 obj << /Type /Catalog >> endobj' 'trailer << /Root 1 0 R >>' '%%EOF' >"$ws/$1"; }
pdf "Biên bản họp dân.pdf"
pdf "Quyết định công nhận sáng kiến.pdf"
pdf "Báo cáo năm 2025.pdf"
t evidence add nam-gia-nghia-cchc-2026 van-phong "Biên bản họp dân.pdf" --note "Biên bản họp dân tháng 10/2026" --today 05/11/2026
t evidence add nam-gia-nghia-cchc-2026 van-phong "Quyết định công nhận sáng kiến.pdf" --today 05/11/2026
t evidence add nam-gia-nghia-cchc-2026 van-phong "Báo cáo năm 2025.pdf" --today 05/11/2026
# The appraisal, council review and decision are then done in the browser (screenshots.py).

# One account per role (passwords only for this throwaway workspace).
add() { printf '%s' "mật khẩu $1" | "$thidua" --workspace "$ws" user add "$@" --password-stdin >/dev/null; }
add quantri --role admin
add canbo --role clerk
add vanphong --role unit --unit van-phong
add thonmot --role unit --unit thon-1
add phanvanquoc --role council --member "Phan Văn Quốc"
add tranvanhung --role council --member "Trần Văn Hùng"
add levancuong --role council --member "Lê Văn Cường"
add phamthidung --role council --member "Phạm Thị Dung"
add hoangvanem --role council --member "Hoàng Văn Em"
add lanhdao --role viewer

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$thidua" --workspace "$ws" serve --port "$port" >"$work/serve.log" 2>&1 &
server=$!
i=0
until grep -q "đang chạy" "$work/serve.log" 2>/dev/null; do
    i=$((i + 1))
    [ $i -lt 100 ] || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
done
out=${OUT:-$root/docs/images}
mkdir -p "$out"
python3 "$root/docs/tools/screenshots.py" "$chromium" "http://127.0.0.1:$port" "$out" ${GREY:+--grey}
