#!/usr/bin/env bash
# first-screen.sh: time to a fully drawn first OpenSeadragon screen of the server's viewer page in Debian's headless
# Chromium, for each advertised tile size in SIZES (imaging.tileSize), the server started fresh (empty caches) before
# every view and the sizes alternated round by round. From the repository root:
#
#   benchmarks/load/first-screen.sh
#
# Environment (defaults): IMAGES=${TMPDIR:-/tmp}/iiif-load/images (made by make-images.sh when missing)  ID=big.jp2
#   SIZES="512 1024"  ROUNDS=5  VIEWPORT=1600x900  PORT=8320  OUT=${TMPDIR:-/tmp}/iiif-load/first-screen
#   WARM_ID=small.jp2: viewed once, untimed, before each timed view, so the figure is a running server's first view
#   of an uncached image rather than its start-up (JIT); WARM_ID= (empty) times the first view after a fresh start.
# Prints one line per view and the median per size. Hold /tmp/iiif-bench.lock on a shared machine.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
images=${IMAGES:-${TMPDIR:-/tmp}/iiif-load/images}
out=${OUT:-${TMPDIR:-/tmp}/iiif-load/first-screen}
id=${ID:-big.jp2}
sizes=${SIZES:-512 1024}
rounds=${ROUNDS:-5}
viewport=${VIEWPORT:-1600x900}
port=${PORT:-8320}
bench=$repo/benchmarks/Iiif.Benchmarks/bin/Release/net10.0/Iiif.Benchmarks.dll

"$repo/scripts/install-deps.sh" chromium libvips-tools curl
"$repo/scripts/build-viewer-assets.sh" >/dev/null
dll=$("$repo/benchmarks/load/publish-server.sh")
dotnet build "$repo/benchmarks/Iiif.Benchmarks/Iiif.Benchmarks.csproj" -c Release --nologo -v q >/dev/null
[[ -f $images/$id ]] || "$repo/benchmarks/load/make-images.sh" "$dll" "$images"
mkdir -p "$out"
: >"$out/results.txt"
server_pid=""
trap '[[ -z $server_pid ]] || kill "$server_pid" 2>/dev/null || true' EXIT

for round in $(seq "$rounds"); do
    for size in $sizes; do
        rm -rf "$out/run"
        mkdir -p "$out/run"
        (cd "$out/run" && exec dotnet "$dll" --environment Production --images "$images" --cache "$out/run/cache" \
            --urls "http://127.0.0.1:$port" --imaging:tileSize="$size" >"$out/run/console.log" 2>&1) &
        server_pid=$!
        for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.1; done
        [[ -z ${WARM_ID-small.jp2} ]] || dotnet "$bench" first-screen "http://127.0.0.1:$port" "${WARM_ID-small.jp2}" "$viewport" >/dev/null
        line=$(dotnet "$bench" first-screen "http://127.0.0.1:$port" "$id" "$viewport" | grep '^FIRST_SCREEN')
        echo "round=$round tileSize=$size $line" | tee -a "$out/results.txt"
        kill "$server_pid" && wait "$server_pid" || true
        server_pid=""
    done
done
for size in $sizes; do
    grep " tileSize=$size " "$out/results.txt" | sed 's/.* ms=\([0-9]*\).*/\1/' | sort -n |
        awk -v size="$size" '{ v[NR] = $1 } END { printf "tileSize=%s median %d ms over %d views\n", size, v[int((NR + 1) / 2)], NR }'
done
