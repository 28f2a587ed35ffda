#!/usr/bin/env bash
# Line coverage per module: runs the whole test suite with coverage (`swift test
# --enable-code-coverage`), then sums llvm-cov's per-file line counts by module (Sources/<Module>,
# Plugins/<Module>). Tests/ and .build/ are left out.
#
#   docs/tools/coverage.sh                  # run the tests, then report (from the repository's root)
#   docs/tools/coverage.sh --reuse          # report on the last coverage run, without testing
#   docs/tools/coverage.sh -- --filter Money  # extra arguments after -- go to swift test
#
# The build with coverage replaces the plain debug build in .build/debug, so the next
# `swift build` compiles everything again. The summary is also written to .build/coverage.txt.
# Exits non-zero when a test failed (the report is printed anyway) or no coverage data is found.
# The processes the tests start (thidua, thidua-bench, built with coverage too) write their own
# profiles into the same folder, so they are counted. FaultTests' EFBIG test limits a child's
# file size; that child writes its profile to /dev/null, so it is not counted.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
reuse=0
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
    --reuse) reuse=1 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown option $1 (use --reuse, or -- <swift test arguments>)" >&2; exit 2 ;;
    esac
    shift
done
# The toolchain's llvm-cov, never an older one on PATH: the profile format follows the compiler.
toolchain=$(dirname "$(command -v swift)")
llvmcov=${LLVM_COV:-$toolchain/llvm-cov}
[ -x "$llvmcov" ] || llvmcov=$(xcrun --find llvm-cov 2>/dev/null || true)
[ -x "$llvmcov" ] || { echo "llvm-cov not found: set LLVM_COV" >&2; exit 1; }

llvmprofdata=$(dirname "$llvmcov")/llvm-profdata
bin=$(swift build --show-bin-path)
codecov=$bin/codecov
profdata=$codecov/default.profdata
testStatus=0
if [ $reuse = 0 ]; then
    # Profiles of an earlier run would be merged into this one.
    rm -f "$codecov"/*.profraw "$profdata"
    swift test --enable-code-coverage ${extra[@]+"${extra[@]}"} || testStatus=$?
fi
# SwiftPM merges the profiles (one per process, the test runner's subprocesses included) only
# when every test passed; merge them here otherwise.
if [ ! -f "$profdata" ] && compgen -G "$codecov/*.profraw" >/dev/null; then
    # Processes the tests kill on purpose (crash tests) leave broken profiles: skip those.
    "$llvmprofdata" merge -sparse --failure-mode=all "$codecov"/*.profraw -o "$profdata" 2>"$codecov/merge.log"
    skipped=$(grep -c 'invalid instrumentation profile' "$codecov/merge.log" || true)
    echo "merged $(compgen -G "$codecov/*.profraw" | wc -l) profiles, $skipped broken ones skipped ($codecov/merge.log)"
fi
[ -f "$profdata" ] || { echo "no coverage data at $profdata: run without --reuse" >&2; exit 1; }
binary=$bin/ThiDuaPackageTests.xctest
[ -d "$binary/Contents/MacOS" ] && binary=$binary/Contents/MacOS/ThiDuaPackageTests
objects=()
for executable in thidua thidua-bench; do
    [ -x "$bin/$executable" ] && objects+=(-object "$bin/$executable")
done

"$llvmcov" export -summary-only -instr-profile "$profdata" "$binary" ${objects[@]+"${objects[@]}"} \
    -ignore-filename-regex '(/Tests/|/\.build/)' >"$bin/codecov/summary.json"
python3 - "$bin/codecov/summary.json" "$root/" "$profdata" <<'PY' | tee "$root/.build/coverage.txt"
import json, os, sys, time
summary, root, profdata = sys.argv[1:4]
modules = {}
for data in json.load(open(summary))["data"]:
    for f in data["files"]:
        name = f["filename"]
        if not name.startswith(root):
            continue
        parts = os.path.relpath(name, root).split("/")
        if parts[0] not in ("Sources", "Plugins") or len(parts) < 3:
            continue
        module = parts[1] if parts[0] == "Sources" else "Plugins/" + parts[1]
        lines = f["summary"]["lines"]
        entry = modules.setdefault(module, [0, 0, 0])
        entry[0] += lines["count"]
        entry[1] += lines["covered"]
        entry[2] += 1
when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(os.path.getmtime(profdata)))
print(f"Line coverage (profile of {when})")
print(f"| module | files | lines | covered | coverage |")
print(f"|---|---:|---:|---:|---:|")
total = [0, 0, 0]
for module in sorted(modules, key=lambda m: (m.startswith("Plugins/"), m.lower())):
    count, covered, files = modules[module]
    total = [total[0] + count, total[1] + covered, total[2] + files]
    print(f"| {module} | {files} | {count} | {covered} | {100 * covered / max(count, 1):.1f} % |")
print(f"| all | {total[2]} | {total[0]} | {total[1]} | {100 * total[1] / max(total[0], 1):.1f} % |")
PY
[ $testStatus = 0 ] || echo "swift test failed (status $testStatus); the figures cover the tests that ran" >&2
exit $testStatus
