#!/usr/bin/env python3
"""Shares of a server profile by stage: reads `perf script` output (perf record -g of the server with
DOTNET_PerfMapEnabled=1, so managed frames have names) and charges every sample to the stage of the innermost frame
that belongs to one, e.g. a memcpy inside OpenJPEG counts as JPEG 2000 decode, a kernel write under the disk cache as
cache work.

  perf script -i cold.perf.data | perf_shares.py [--title T] [--unclassified N]
"""
import argparse
import collections
import re
import sys

# Innermost match wins, so the order here only matters for frames that match two patterns.
STAGES = [
    ("JPEG 2000 decode (OpenJPEG)", r"libopenjp2"),
    ("JPEG encode (TurboJPEG)", r"libturbojpeg|TurboJpeg|JpegCompressor"),
    ("resize (ImageSharp)", r"Resiz|ResamplingKernel|Processors\.Transforms"),
    ("copy / crop / pixel conversion", r"DecodedImageConverter|ComponentSampler|RegionCopier|Jpeg2000Block\b|CopyTo|"
                                       r"PixelOperations|Crop"),
    ("source file reads", r"StreamCallbacks|Iiif\.Imaging\.Sources"),
    ("derivative cache (memory, disk, Redis)", r"Iiif\.Caching"),
    ("file system calls, caller lost (cache files, source reads)", r"ext4_|vfs_|path_openat|filemap_|do_renameat|"
                                                                  r"do_unlinkat|do_mkdirat|ksys_(read|write|pread)"),
    ("logging (NLog)", r"NLog|Microsoft\.Extensions\.Logging"),
    ("HTTP (Kestrel, sockets, kernel TCP)", r"Kestrel|AspNetCore\.Server|System\.Net\.Sockets|System\.IO\.Pipelines|"
                                            r"\b(tcp|inet|sock|ip)_|__sys_(sendto|recvfrom|sendmsg|recvmsg)"),
    ("ASP.NET Core routing, MVC, our request code", r"Microsoft\.AspNetCore|Iiif\.Web"),
    ("other imaging (ours, ImageSharp)", r"Iiif\.Imaging|SixLabors"),
    ("garbage collector", r"gc_heap|WKS::|SVR::|GCHeap|libclrgc|GarbageCollect"),
    ("JIT and type loading", r"libclrjit|MethodDesc|ClassLoader|TieredCompilation|PreStub"),
]
COMPILED = [(name, re.compile(pattern)) for name, pattern in STAGES]


def samples(lines):
    """Yields (thread name, weight, frames innermost first) for each sample of perf script's default output."""
    header, frames = None, []
    for line in lines:
        if not line.strip():
            if header:
                yield header[0], header[1], frames
            header, frames = None, []
        elif line[0] not in " \t":
            parts = line.split()
            period = next((p for p in parts if p.isdigit() and parts.index(p) > 0), "1")
            header = (re.split(r"\s+\d+[/ ]", line.strip(), maxsplit=1)[0], int(period))
        else:
            frames.append(line.strip().split(None, 1)[-1])
    if header:
        yield header[0], header[1], frames


def stage_of(frames):
    for frame in frames:
        for name, pattern in COMPILED:
            if pattern.search(frame):
                return name
    if frames and all("[kernel" in f for f in frames):
        return "kernel, no user frame (scheduler, page faults, idle)"
    return "other (runtime, libc, unresolved)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--title", default="profile")
    parser.add_argument("--unclassified", type=int, default=0, help="also print the N commonest unclassified leaves")
    args = parser.parse_args()
    totals, leaves = collections.Counter(), collections.Counter()
    for _thread, weight, frames in samples(sys.stdin):
        stage = stage_of(frames)
        totals[stage] += 1
        if stage.startswith("other") and frames:
            leaves[" <- ".join(frames[:4])] += 1
    count = sum(totals.values())
    print(f"{args.title}: {count} samples")
    for stage, n in totals.most_common():
        print(f"  {100 * n / count:5.1f}%  {stage}")
    for leaf, n in leaves.most_common(args.unclassified):
        print(f"  other {n:6d}  {leaf}")


if __name__ == "__main__":
    main()
