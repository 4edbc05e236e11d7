#!/usr/bin/env bash
# Runs the whole test suite and ends with one line: "N passed, N failed".
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter TestCategory!=Integration]
set -uo pipefail
cd "$(dirname "$0")"

# chromium: the viewer's browser test; nodejs/npm: the viewer's OpenSeadragon assets (only when npm is missing).
# nginx, redis-server, openssl: the scale-out test (Iiif.Tests/Deploy); ansible, systemd (systemd-analyze): the
# deploy/ checks in the same category. libvips-tools (vips), libtiff-tools (tiffcp, tiffset, tiff2rgba): the TIFF
# pyramids the TIFF tests make and libtiff's own reading of them, and the 30000x20000 JPEG test file; openjph-tools
# (ojph_compress): HTJ2K test files; libopenjp2-tools (opj_compress), with vips's noise: the 10000x7500
# JPEG 2000 with TLM and PLT markers of the remote-source tests; python3: the load benchmark's tile list
# (benchmarks/load/tile_urls.py). djpeg (libjpeg-turbo-progs, decoding stored tiles) is a runtime package.
./scripts/install-deps.sh chromium nginx redis-server openssl ansible systemd openjph-tools libvips-tools libtiff-tools libopenjp2-tools python3 || exit 1
command -v npm >/dev/null 2>&1 || ./scripts/install-deps.sh nodejs npm || exit 1
# s3rver: the S3-protocol server the s3 source tests start (not packaged in Debian); kept apart from the viewer's assets.
[ -f .ci/tools/node_modules/s3rver/bin/s3rver.js ] \
    || npm install --prefix .ci/tools --no-audit --no-fund --no-save --loglevel=error s3rver@3.7.1 >/dev/null || exit 1
./scripts/build-viewer-assets.sh || exit 1

results_dir="$(pwd)/.ci/results"
rm -rf "$results_dir"
mkdir -p "$results_dir"

dotnet test Iiif.sln --configuration Release --logger "trx;LogFileName=tests.trx" --results-directory "$results_dir" "$@"
status=$?

passed=0
failed=0
for trx in "$results_dir"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1  # the build or the runner failed before any test could report
fi
echo "$passed passed, $failed failed"
exit "$status"
