#!/usr/bin/env bash
# make-images.sh SERVER_DLL OUTDIR
#
# The load benchmark's images, the same bytes on every run (fixed noise seeds), made with Debian's vips and the
# project's own converter:
#   big.jp2         10000x7500 lossy JPEG 2000 by `Iiif.Web.dll convert` (its defaults: 1024 px tiles, precincts,
#                   RPCL, PLT/TLM, rate 20)
#   big.tif         the same picture as a pyramidal tiled TIFF, JPEG q85, 256 px tiles (what IIPImage reads best)
#   big.jpg         the same picture as a baseline JPEG q85
#   small.jp2       the picture at a tenth of the size, by the converter (first-screen.sh warms the server with it)
#   floor-tile.jpg  one 256 px tile at q75, the static file the nginx floor answers with
# BIG_W and BIG_H change the size (e.g. BIG_W=2000 BIG_H=1500 for a quick try). Needs about 1 GB free in OUTDIR
# while it runs and a minute or two on 2 cores.
set -euo pipefail

dll=${1:?usage: make-images.sh SERVER_DLL OUTDIR}
out=${2:?usage: make-images.sh SERVER_DLL OUTDIR}
width=${BIG_W:-10000}
height=${BIG_H:-7500}
command -v vips >/dev/null || { echo "make-images.sh: vips is missing (apt-get install libvips-tools)" >&2; exit 1; }

mkdir -p "$out"
work=$(mktemp -d "$out/.make.XXXXXX")
trap 'rm -rf "$work"' EXIT
say() { echo "$(date +%T) make-images: $*" >&2; }

# A picture that compresses like a photographed page: large soft shapes, mid-size cells and edges, and grain.
say "texture ${width}x${height}"
vips perlin "$work/broad.v" "$width" "$height" --cell-size 1200 --seed 101
vips perlin "$work/mid.v" "$width" "$height" --cell-size 150 --seed 102
vips worley "$work/cells.v" "$width" "$height" --cell-size 300 --seed 103
vips gaussnoise "$work/grain.v" "$width" "$height" --sigma 6 --mean 0 --seed 104
vips bandjoin "$work/broad.v $work/mid.v $work/cells.v $work/grain.v" "$work/bands.v"
rm -f "$work/broad.v" "$work/mid.v" "$work/cells.v" "$work/grain.v"
printf '4 3\n110 45 0.35 1\n90 55 0.30 1\n60 70 0.25 1\n' >"$work/mix.mat"
vips recomb "$work/bands.v" "$work/mixed.v" "$work/mix.mat"
rm -f "$work/bands.v"
vips linear "$work/mixed.v" "$work/rgb.v" "1 1 1" "125 115 100" --uchar
rm -f "$work/mixed.v"
vips copy "$work/rgb.v" "$work/big.v" --interpretation srgb
rm -f "$work/rgb.v"

say "big.tif, big.jpg, floor-tile.jpg"
vips tiffsave "$work/big.v" "$out/big.tif" --tile --tile-width 256 --tile-height 256 --pyramid \
    --compression jpeg --Q 85
vips jpegsave "$work/big.v" "$out/big.jpg" --Q 85
vips crop "$work/big.v" "$work/tile.v" $((width / 2)) $((height / 2)) 256 256
vips jpegsave "$work/tile.v" "$out/floor-tile.jpg" --Q 75

say "big.jp2 (the project's converter)"
vips tiffsave "$work/big.v" "$work/big-plain.tif"
dotnet "$dll" convert "$work/big-plain.tif" "$out/big.jp2" >/dev/null
vips resize "$work/big.v" "$work/small-plain.tif" 0.1
dotnet "$dll" convert "$work/small-plain.tif" "$out/small.jp2" >/dev/null
say "done: $(cd "$out" && ls -l big.jp2 big.tif big.jpg small.jp2 floor-tile.jpg | awk '{printf "%s %s  ", $NF, $5}')"
