#!/bin/sh
# Load figure for `thidua serve` (not a test): a unit's form page and a submit with 1, 16, 60 and 64
# keep-alive clients, a burst of 60 single submits released together (ROUNDS=20 rounds), and
# python3 -m http.server on a static file as a yardstick, all on loopback.
# Usage: Bench/web-load.sh [path/to/thidua]   (default .build/release/thidua; DURATION=3 seconds each)
set -eu
BIN=${1:-.build/release/thidua}
DURATION=${DURATION:-3}
PORT=${PORT:-18480}
STATIC_PORT=${STATIC_PORT:-18481}
REPO=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
WORK=$(mktemp -d)
SERVER=""; STATIC=""
cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
    [ -n "$STATIC" ] && kill "$STATIC" 2>/dev/null && wait "$STATIC" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# A generated ward: 60 units (a ward's staff), all enrolled in the Phú Lý campaign.
mkdir -p "$WORK/campaigns" "$WORK/roster" "$WORK/directives" "$WORK/types" "$WORK/data"
cp "$REPO/campaigns/phu-ly-cqtt-2024.json" "$WORK/campaigns/"
cp "$REPO"/directives/*.json "$WORK/directives/" 2>/dev/null || true
cp "$REPO"/types/*.json "$WORK/types/" 2>/dev/null || true
python3 - "$WORK/roster/roster.json" <<'PY'
import json, sys
units = [{"id": "van-phong", "kind": "phong-ban", "name": "Văn phòng HĐND và UBND"}]
units += [{"id": f"don-vi-{i}", "kind": "phong-ban", "name": f"Đơn vị số {i}"} for i in range(1, 60)]
json.dump({"units": units, "people": []}, open(sys.argv[1], "w"), ensure_ascii=False)
PY
"$BIN" enroll phu-ly-cqtt-2024 --unit-kinds phong-ban --workspace "$WORK" --today 05/01/2024 >/dev/null
printf '%s' 'mat-khau-do-tai' | "$BIN" user add vanphong --role unit --unit van-phong --password-stdin --workspace "$WORK" >/dev/null

"$BIN" serve --workspace "$WORK" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
mkdir -p "$WORK/static"; head -c 4096 /dev/zero | tr '\0' 'x' >"$WORK/static/tinh.html"
(cd "$WORK/static" && exec python3 -m http.server "$STATIC_PORT" --bind 127.0.0.1) >/dev/null 2>&1 &
STATIC=$!
sleep 1

# Sign in once; every wrk client shares the session cookie and its CSRF token.
eval "$(python3 - "$PORT" <<'PY'
import http.cookiejar, re, sys, urllib.parse, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
token = lambda html: re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
page = opener.open(base + "/dang-nhap").read().decode()
opener.open(base + "/dang-nhap", urllib.parse.urlencode({"_csrf": token(page), "ten-dang-nhap": "vanphong", "mat-khau": "mat-khau-do-tai"}).encode())
form = opener.open(base + "/don-vi/phong-trao/phu-ly-cqtt-2024/bieu-mau/bao-cao-tong-ket").read().decode()
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
print(f"COOKIE='{cookie}'; TOKEN='{token(form)}'")
PY
)"
FORM=/don-vi/phong-trao/phu-ly-cqtt-2024/bieu-mau/bao-cao-tong-ket
cat >"$WORK/post.lua" <<LUA
local threads = {}
function setup(thread)
    table.insert(threads, thread)
    thread:set("id", os.time() .. "-" .. #threads)
end
statuses = {}
function response(status) statuses[status] = (statuses[status] or 0) + 1 end
function done()
    local total = {}
    for _, thread in ipairs(threads) do
        for code, count in pairs(thread:get("statuses")) do total[code] = (total[code] or 0) + count end
    end
    local parts = {}
    for code, count in pairs(total) do table.insert(parts, "HTTP " .. code .. ": " .. count) end
    table.sort(parts)
    io.write("statuses " .. table.concat(parts, ", ") .. "\\n")
end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$COOKIE"
request = function()
    n = n + 1
    -- A different text each time, so no two submits are the same file (a repeat is refused).
    local body = "_csrf=$TOKEN&so-ky-cam-ket=12&ket-qua=lan-" .. id .. "-" .. n
    return wrk.format(nil, "$FORM", nil, body)
end
LUA

run() { # label, url, clients, extra args
    label=$1; url=$2; clients=$3; shift 3
    threads=$clients; [ "$threads" -gt 2 ] && threads=2
    out=$(wrk -t"$threads" -c"$clients" -d"${DURATION}s" --latency --timeout 10s "$@" "$url")
    rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(printf '%s\n' "$out" | awk '$1 == "50%" {print $2}')
    p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}')
    # wrk counts 3xx as "Non-2xx"; a recorded submit answers 303, a refused one 422/403.
    codes=$(printf '%s\n' "$out" | awk '/^statuses/ {sub(/^statuses /, ""); print} /Non-2xx/ && !/statuses/ {print "not 2xx: " $NF}' | head -n 1)
    printf '%-28s %4s clients  %9s req/s  p50 %8s  p99 %8s  %s\n' "$label" "$clients" "$rps" "$p50" "$p99" "$codes"
}
echo "thidua serve on 127.0.0.1:$PORT, $DURATION s per run, $(nproc) cores"
for c in 1 16 64; do run "form page (GET)" "http://127.0.0.1:$PORT$FORM" "$c" -H "Cookie: $COOKIE"; done
# 60: a ward's whole staff submitting at once (the goal: p99 < 100 ms); 64 must get no 503 either
# (the server admits 256 connections; loopback is not capped per address).
for c in 1 16 60 64; do run "submit (POST, recorded)" "http://127.0.0.1:$PORT$FORM" "$c" -s "$WORK/post.lua"; done
# Burst: 60 users pressing "Gửi" at once. 60 threads each open a connection, wait at a barrier,
# send ONE submit and time it to the full answer; ROUNDS rounds with a pause between. Bounded
# (each request times out after 10 s), loopback only, ends by itself.
python3 - "$PORT" "$FORM" "$COOKIE" "$TOKEN" "${ROUNDS:-20}" "${BURST:-60}" <<'PY'
import socket, sys, threading, time
port, form, cookie, token, rounds, clients = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
latencies, statuses = [], {}
lock = threading.Lock()
def one(barrier, body):
    request = (f"POST {form} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n"
               f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    took, status = None, "none"
    try:
        s = socket.create_connection(("127.0.0.1", int(port)), timeout=10)
    except Exception as error:
        barrier.abort()
        with lock: statuses[type(error).__name__] = statuses.get(type(error).__name__, 0) + 1
        return
    try:
        barrier.wait(timeout=10)
        start = time.perf_counter()
        s.sendall(request)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk: break
            data += chunk
        took = time.perf_counter() - start
        status = data.split(b" ", 2)[1].decode() if data.startswith(b"HTTP/") else "none"
    except Exception as error:
        status = type(error).__name__
    finally:
        s.close()
    with lock:
        statuses[status] = statuses.get(status, 0) + 1
        if took is not None: latencies.append(took * 1000)
for r in range(rounds):
    barrier = threading.Barrier(clients)
    threads = [threading.Thread(target=one, args=(barrier, f"_csrf={token}&so-ky-cam-ket=12&ket-qua=dot-{time.time_ns()}-{r}-{i}".encode())) for i in range(clients)]
    for t in threads: t.start()
    for t in threads: t.join()
    time.sleep(0.3)
latencies.sort()
if not latencies: latencies.append(float("nan"))
pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
codes = ", ".join(f"HTTP {k}: {v}" for k, v in sorted(statuses.items()))
print(f"{'submit burst (all at once)':<28} {clients:4} clients  {rounds:3} rounds  p50 {pick(0.5):6.1f}ms  p99 {pick(0.99):6.1f}ms  max {latencies[-1]:6.1f}ms  {codes}")
PY
for c in 1 16 64; do run "python3 http.server static" "http://127.0.0.1:$STATIC_PORT/tinh.html" "$c"; done
journal=$(find "$WORK/data" -name 'phu-ly-cqtt-2024*.jsonl' | head -n 1)
echo "journal lines after the run (1 = the enrolment): $(cat "$journal" | wc -l)"
"$BIN" verify --workspace "$WORK" >/dev/null 2>&1 && echo "verify: chain valid" || echo "verify: FAILED"
