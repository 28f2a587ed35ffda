#!/usr/bin/env bash
# Builds the API documentation of every target that has a DocC catalogue
# (Sources/<Module>/<Module>.docc) without the swift-docc-plugin, which would be a package
# dependency: SwiftPM dumps the symbol graphs of the debug build, and the toolchain's `docc`
# converts each catalogue with its module's graphs into .build/docc/<Module>.doccarchive.
#
#   docs/tools/docc.sh                     # every catalogue, from the repository's root
#   docs/tools/docc.sh ThiDuaCore          # one module
#   STATIC=1 docs/tools/docc.sh            # archives a static web server can serve from their root
#   STRICT=1 docs/tools/docc.sh            # fail on any docc warning, doc comments included
#   docs/tools/docc.sh --preview ThiDuaCore  # docc preview on http://localhost:8080 (one module)
#
# Fails when docc reports an error, and (always) when a warning comes from a catalogue file:
# the catalogues' symbol links must resolve. Warnings from `///` comments in the sources are
# counted and listed in .build/docc/<Module>.warnings.txt (needs python3 to read docc's
# diagnostics file).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
docc=${DOCC:-$(command -v docc || true)}
[ -n "$docc" ] || docc=$(xcrun --find docc 2>/dev/null || echo "$(dirname "$(command -v swift)")/docc")
[ -x "$docc" ] || { echo "docc not found: set DOCC=/path/to/docc" >&2; exit 1; }

preview=0
if [ "${1:-}" = "--preview" ]; then preview=1; shift; fi
modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
    for catalogue in Sources/*/*.docc; do
        [ -d "$catalogue" ] && modules+=("$(basename "$(dirname "$catalogue")")")
    done
fi
[ ${#modules[@]} -gt 0 ] || { echo "no DocC catalogue under Sources/*/" >&2; exit 1; }

echo "== symbol graphs (swift package dump-symbol-graph)"
dump=$(swift package dump-symbol-graph --minimum-access-level public 2>&1) || { echo "$dump" >&2; exit 1; }
graphs=$(printf '%s\n' "$dump" | sed -n 's/^Files written to //p' | tail -n 1)
[ -d "$graphs" ] || { echo "$dump" >&2; echo "symbol graph folder not found" >&2; exit 1; }

out=$root/.build/docc
mkdir -p "$out"
failed=0
for module in "${modules[@]}"; do
    catalogue=Sources/$module/$module.docc
    [ -d "$catalogue" ] || { echo "no catalogue $catalogue" >&2; failed=1; continue; }
    # Only this module's graphs (its own and its extensions of other modules), so each archive
    # documents one module.
    moduleGraphs=$out/$module.symbolgraphs
    rm -rf "$moduleGraphs"
    mkdir -p "$moduleGraphs"
    cp "$graphs/$module".symbols.json "$moduleGraphs/"
    for extension in "$graphs/$module"@*.symbols.json; do
        [ -e "$extension" ] && cp "$extension" "$moduleGraphs/"
    done
    archive=$out/$module.doccarchive
    log=$out/$module.warnings.txt
    options=(--additional-symbol-graph-dir "$moduleGraphs" --output-path "$archive"
        --fallback-display-name "$module" --fallback-bundle-identifier "org.thidua.$module")
    [ "${STATIC:-0}" = 1 ] && options+=(--transform-for-static-hosting)
    [ "${STRICT:-0}" = 1 ] && options+=(--warnings-as-errors)
    if [ $preview = 1 ]; then
        exec "$docc" preview "$catalogue" "${options[@]}"
    fi
    echo "== $module"
    status=0
    "$docc" convert "$catalogue" "${options[@]}" --diagnostics-file "$log.json" >"$log.full" 2>&1 || status=$?
    # One line per diagnostic: severity, file:line, summary; then the three counts.
    counts=$(python3 - "$log.json" "$root/$catalogue/" "$log" <<'PY'
import json, sys
path, catalogue, listing = sys.argv[1:4]
try:
    diagnostics = json.load(open(path)).get("diagnostics", [])
except (OSError, ValueError):
    diagnostics = []
errors = inside = outside = 0
with open(listing, "w") as out:
    for d in diagnostics:
        source = (d.get("source") or "").removeprefix("file://")
        line = ((d.get("range") or {}).get("start") or {}).get("line", 0)
        out.write(f"{d.get('severity')}: {source}:{line}: {d.get('summary')}\n")
        if d.get("severity") == "error":
            errors += 1
        elif d.get("severity") == "warning":
            if source.startswith(catalogue):
                inside += 1
            else:
                outside += 1
print(errors, inside, outside)
PY
)
    read -r errors inCatalogue fromSources <<<"$counts"
    echo "   $errors error(s), $inCatalogue warning(s) in the catalogue, $fromSources warning(s) from doc comments ($log)"
    if [ $status -ne 0 ] || [ "$errors" -ne 0 ] || [ "$inCatalogue" -ne 0 ]; then
        grep -E "^error:|^warning: $root/$catalogue/" "$log" >&2 || tail -n 20 "$log.full" >&2
        failed=1
    else
        echo "   $archive"
    fi
done
[ $failed = 0 ] || { echo "docc failed" >&2; exit 1; }
echo "Preview one module: docs/tools/docc.sh --preview <Module> (http://localhost:8080/documentation/<module>)."
echo "Built with STATIC=1: python3 -m http.server -d .build/docc/<Module>.doccarchive, then /documentation/<module>/."
