#!/usr/bin/env python3
"""The tile URLs OpenSeadragon 6 asks for when it walks a IIIF image's whole zoom pyramid.

usage: tile_urls.py (INFO_URL | --info-file FILE --base URL) [--tile N] [--format jpg] [-o FILE]

Follows OpenSeadragon's IIIFTileSource (the version the viewer page ships, see package.json): levels 0..maxLevel with
maxLevel = log2 of the largest scale factor, level L drawn at scale 2^(L - maxLevel), the "sizes" list used as the
exact level sizes when it has one entry per level, a level smaller than one tile asked for as region "full", and
tiles row by row, lowest level first. Writes one path per line (scheme and host left off: the wrk script adds them)
built under the info.json address rather than its id, because a server behind a proxy may report another host.
A one-line JSON summary goes to stderr: version, tile size, levels, tile count, output pixels (for MPix/s).
Python 3 standard library only.
"""
import argparse
import json
import math
import sys
import urllib.parse
import urllib.request


def iiif_version(info):
    contexts = info.get("@context")
    for context in contexts if isinstance(contexts, list) else [contexts]:
        if isinstance(context, str) and "/image/3/" in context:
            return 3
        if isinstance(context, str) and "/image/2/" in context:
            return 2
    return 3 if info.get("type") == "ImageService3" else 2


def is_level0(info):
    profile = info.get("profile")
    first = profile[0] if isinstance(profile, list) and profile else profile
    return isinstance(first, str) and "level0" in first


class Pyramid:
    """The tile grid OpenSeadragon derives from one info.json."""

    def __init__(self, info, forced_tile=None):
        self.version = iiif_version(info)
        self.width, self.height = int(info["width"]), int(info["height"])
        self.level0 = is_level0(info)
        self.tile_by_factor = {}
        tiles = info.get("tiles") or []
        factors = None
        if forced_tile:
            self.tile_w = self.tile_h = int(forced_tile)
            factors = [f for t in tiles for f in t.get("scaleFactors", [])] or None
        elif len(tiles) == 1:
            self.tile_w = int(tiles[0]["width"])
            self.tile_h = int(tiles[0].get("height") or self.tile_w)
            factors = tiles[0].get("scaleFactors")
        elif tiles:
            factors = []
            for t in tiles:
                for f in t["scaleFactors"]:
                    factors.append(f)
                    self.tile_by_factor[f] = (int(t["width"]), int(t.get("height") or t["width"]))
            self.tile_w, self.tile_h = self.tile_by_factor[min(factors)]
        else:
            short = min(self.width, self.height)
            self.tile_w = self.tile_h = max([s for s in (256, 512, 1024) if s <= short], default=short)
        if factors:
            self.max_level = round(math.log2(max(factors)))
        else:
            self.max_level = round(math.log(max(self.width, self.height)))  # OpenSeadragon's own fallback
        self.level_sizes = self._level_sizes(info.get("sizes") or [], factors)

    def _level_sizes(self, sizes, factors):
        if not sizes:
            return None
        ordered = sorted(({"width": s["width"], "height": s["height"]} for s in sizes), key=lambda s: s["width"])
        if ordered[-1]["width"] < self.width and ordered[-1]["height"] < self.height:
            ordered.append({"width": self.width, "height": self.height})
        if len(ordered) != self.max_level + 1:
            return None
        if factors and len(factors) == len(ordered):
            for i, size in enumerate(ordered):
                factor = factors[len(ordered) - i - 1]
                if round(self.width / size["width"]) != factor or round(self.height / size["height"]) != factor:
                    return None
        return ordered

    def tile_size(self, level):
        return self.tile_by_factor.get(2 ** (self.max_level - level), (self.tile_w, self.tile_h))

    def tiles(self):
        """Yields (level, region, size, output width, output height) in the order OpenSeadragon loads a walk."""
        for level in range(self.max_level + 1):
            scale = 0.5 ** (self.max_level - level)
            tile_w, tile_h = self.tile_size(level)
            if self.level_sizes:
                level_w, level_h = self.level_sizes[level]["width"], self.level_sizes[level]["height"]
                columns, rows = math.ceil(level_w / tile_w), math.ceil(level_h / tile_h)
            else:
                level_w, level_h = math.ceil(self.width * scale), math.ceil(self.height * scale)
                columns, rows = math.ceil(scale * self.width / tile_w), math.ceil(scale * self.height / tile_h)
            for y in range(rows):
                for x in range(columns):
                    yield (level, *self._tile(x, y, scale, level_w, level_h, tile_w, tile_h))

    def _tile(self, x, y, scale, level_w, level_h, tile_w, tile_h):
        if level_w < tile_w and level_h < tile_h:
            return "full", self._size(level_w, level_h, whole_level=True), level_w, level_h
        span_w, span_h = round(tile_w / scale), round(tile_h / scale)
        left, top = x * span_w, y * span_h
        region_w, region_h = min(span_w, self.width - left), min(span_h, self.height - top)
        whole = x == 0 and y == 0 and region_w == self.width and region_h == self.height
        region = "full" if whole else f"{left},{top},{region_w},{region_h}"
        out_w, out_h = min(tile_w, level_w - x * tile_w), min(tile_h, level_h - y * tile_h)
        return region, self._size(out_w, out_h, whole_level=False), out_w, out_h

    def _size(self, w, h, whole_level):
        if self.version == 2 and w == self.width:
            return "full"
        if self.version == 3 and w == self.width and h == self.height:
            return "max"
        if self.version == 2 and (whole_level or self.level0):
            return f"{w},"
        return f"{w},{h}"


def tile_paths(info, base_path, forced_tile=None, image_format="jpg"):
    """(paths, summary) for one info.json; base_path is the image's URL path without /info.json."""
    pyramid = Pyramid(info, forced_tile)
    paths, pixels, per_level = [], 0, {}
    for level, region, size, out_w, out_h in pyramid.tiles():
        paths.append(f"{base_path}/{region}/{size}/0/default.{image_format}")
        pixels += out_w * out_h
        per_level[level] = per_level.get(level, 0) + 1
    summary = {
        "version": pyramid.version, "width": pyramid.width, "height": pyramid.height, "tile": pyramid.tile_w,
        "levels": len(per_level), "count": len(paths), "pixels": pixels,
        "mean_pixels": round(pixels / len(paths)) if paths else 0,
    }
    return paths, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("info_url", nargs="?", help="http://127.0.0.1:PORT/iiif/3/ID/info.json")
    parser.add_argument("--info-file", help="read info.json from this file instead (needs --base)")
    parser.add_argument("--base", help="the image's URL (or path) that tiles go under, with --info-file")
    parser.add_argument("--tile", type=int, help="ask for tiles of this size instead of the advertised one")
    parser.add_argument("--format", default="jpg")
    parser.add_argument("-o", "--output", help="write the paths here instead of stdout")
    args = parser.parse_args()
    if args.info_file:
        if not args.base:
            parser.error("--info-file needs --base")
        with open(args.info_file, encoding="utf-8") as f:
            info = json.load(f)
        base = args.base
    elif args.info_url:
        try:
            with urllib.request.urlopen(args.info_url, timeout=60) as response:
                info = json.load(response)
        except (OSError, ValueError) as error:
            sys.exit(f"tile_urls.py: cannot read {args.info_url}: {error}")
        base = args.info_url.removesuffix("/info.json")
    else:
        parser.error("give INFO_URL or --info-file")
    paths, summary = tile_paths(info, urllib.parse.urlsplit(base).path.rstrip("/"), args.tile, args.format)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    with out:
        out.writelines(p + "\n" for p in paths)
    print(json.dumps(summary), file=sys.stderr)


if __name__ == "__main__":
    main()
