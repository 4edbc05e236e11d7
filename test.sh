#!/usr/bin/env bash
# Runs the whole test suite and ends with one line: "N passed, N failed".
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter TestCategory!=Integration]
set -uo pipefail
cd "$(dirname "$0")"

# chromium: the viewer's browser test; nodejs/npm: the viewer's OpenSeadragon assets (only when npm is missing).
# nginx, redis-server, openssl: the scale-out test (Iiif.Tests/Deploy); ansible, systemd (systemd-analyze): the
# deploy/ checks in the same category. libvips-tools (vips), libtiff-tools (tiffcp, tiffset, tiff2rgba): the TIFF
# pyramids the TIFF tests make and libtiff's own reading of them, and the 30000x20000 JPEG test file; openjph-tools
# (ojph_compress): HTJ2K test files. djpeg (libjpeg-turbo-progs, decoding stored tiles) is a runtime package.
./scripts/install-deps.sh chromium nginx redis-server openssl ansible systemd openjph-tools libvips-tools libtiff-tools || exit 1
command -v npm >/dev/null 2>&1 || ./scripts/install-deps.sh nodejs npm || exit 1
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
