#!/usr/bin/env python3
"""Memory soak and burst client for a running IIIF server (stdlib only).

soak:  CLIENTS threads send random uncached image requests for DURATION seconds: regions anywhere, output 64-2000 px
       wide, rotations 0/90/33.3, qualities color/gray/bitonal, formats jpg/png/webp, over every identifier given.
burst: COUNT requests of full/max in each format given, all sent at once.

Both sample the server's resident set size (VmRSS of --pid, from /proc) every --every seconds while they run and
print it as a table, then the memory series of /metrics. See benchmarks/README.md for how the figures were taken.
"""
import argparse
import collections
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse

ROTATIONS = ["0", "90", "33.3"]
QUALITIES = ["color", "gray", "bitonal"]
FORMATS = ["jpg", "png", "webp"]


def rss_mb(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Client:
    """One keep-alive connection; reconnects after a failure."""

    def __init__(self, base):
        self.url = urllib.parse.urlsplit(base)
        self.connection = None
        self.retry_after = 0.0

    def get(self, path):
        for attempt in (1, 2):
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=300)
                self.connection.request("GET", self.url.path.rstrip("/") + path)
                response = self.connection.getresponse()
                body = response.read()
                self.retry_after = float(response.getheader("Retry-After") or 0)
                return response.status, body
            except (OSError, http.client.HTTPException):
                self.connection = None
                if attempt == 2:
                    return 0, b""
        return 0, b""


def random_path(rng, identifier, width, height):
    out = rng.randint(64, 2000)
    # A region at least as wide as the output (no upscaling), anywhere in the image, of any aspect from 1:2 to 2:1.
    region_w = rng.randint(min(out, width), width)
    region_h = max(1, min(height, int(region_w * rng.uniform(0.5, 2.0))))
    x = rng.randint(0, width - region_w)
    y = rng.randint(0, height - region_h)
    rotation, quality, fmt = rng.choice(ROTATIONS), rng.choice(QUALITIES), rng.choice(FORMATS)
    return f"/{urllib.parse.quote(identifier, safe='')}/{x},{y},{region_w},{region_h}/{out},/{rotation}/{quality}.{fmt}"


class Sampler(threading.Thread):
    def __init__(self, pid, every):
        super().__init__(daemon=True)
        self.pid, self.every, self.samples, self.stopped = pid, every, [], threading.Event()
        self.started = time.monotonic()

    def run(self):
        while not self.stopped.is_set():
            self.samples.append((time.monotonic() - self.started, rss_mb(self.pid)))
            self.stopped.wait(self.every)

    def stop(self):
        self.stopped.set()
        self.join()
        self.samples.append((time.monotonic() - self.started, rss_mb(self.pid)))


def sizes(base, identifiers):
    client = Client(base)
    result = {}
    for identifier in identifiers:
        status, body = client.get(f"/{urllib.parse.quote(identifier, safe='')}/info.json")
        if status != 200:
            sys.exit(f"info.json of {identifier}: HTTP {status}")
        info = json.loads(body)
        result[identifier] = (info["width"], info["height"])
    return result


def run_clients(count, work):
    statuses, latencies, lock = collections.Counter(), [], threading.Lock()

    def loop(index):
        client = Client(args.base)
        for path in work(index):
            started = time.monotonic()
            status, _ = client.get(path)
            with lock:
                statuses[status] += 1
                latencies.append(time.monotonic() - started)
            if status == 503:
                # A polite client waits as told; retrying at once only measures how fast 503s are written.
                time.sleep(min(client.retry_after, 5))

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, sorted(latencies)


def soak():
    dims = sizes(args.base, args.ids)
    deadline = time.monotonic() + args.duration

    def work(index):
        rng = random.Random(args.seed * 1000 + index)
        while time.monotonic() < deadline:
            identifier = rng.choice(args.ids)
            yield random_path(rng, identifier, *dims[identifier])

    return run_clients(args.clients, work)


def burst():
    sizes(args.base, args.ids)
    jobs = [(identifier, fmt) for identifier in args.ids for fmt in args.formats for _ in range(args.count)]

    def work(index):
        identifier, fmt = jobs[index]
        yield f"/{urllib.parse.quote(identifier, safe='')}/full/max/0/default.{fmt}"

    return run_clients(len(jobs), work)


def report(statuses, latencies, sampler):
    print(f"requests={len(latencies)} statuses={dict(sorted(statuses.items()))}")
    if latencies:
        pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
        print(f"latency_s p50={pick(0.5):.3f} p99={pick(0.99):.3f} max={latencies[-1]:.3f}")
    print("t_s    rss_mb")
    step = max(1, len(sampler.samples) // args.rows)
    rows = sampler.samples[::step]
    if rows[-1] is not sampler.samples[-1]:
        rows.append(sampler.samples[-1])
    for elapsed, rss in rows:
        print(f"{elapsed:5.0f}  {rss:7.0f}")
    peak = max(rss for _, rss in sampler.samples)
    tail = [rss for elapsed, rss in sampler.samples if elapsed >= sampler.samples[-1][0] - args.tail]
    print(f"rss_mb peak={peak:.0f} last={sampler.samples[-1][1]:.0f} "
          f"last_{args.tail}s: min={min(tail):.0f} max={max(tail):.0f}")


def metrics():
    status, body = Client(args.metrics).get("")
    if status != 200:
        print(f"/metrics: HTTP {status}")
        return
    wanted = ("iiif_memory", "iiif_cache_bytes", "process_working_set", "dotnet_gc_heap", "process_resident")
    for line in body.decode().splitlines():
        if line.startswith(wanted):
            print(line)


parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("mode", choices=["soak", "burst"])
parser.add_argument("--base", required=True, help="IIIF base URL, e.g. http://127.0.0.1:8200/iiif/3")
parser.add_argument("--ids", required=True, type=lambda s: s.split(","), help="identifiers, comma separated")
parser.add_argument("--pid", required=True, type=int, help="server process id (RSS from /proc/PID/status)")
parser.add_argument("--metrics", help="metrics URL (default: BASE's host + /metrics)")
parser.add_argument("--clients", type=int, default=8)
parser.add_argument("--duration", type=float, default=600, help="soak seconds")
parser.add_argument("--count", type=int, default=10, help="burst: requests per identifier and format")
parser.add_argument("--formats", type=lambda s: s.split(","), default=["png", "tif"], help="burst formats")
parser.add_argument("--every", type=float, default=5, help="seconds between RSS samples")
parser.add_argument("--idle", type=float, default=0, help="seconds to keep sampling after the load stops")
parser.add_argument("--rows", type=int, default=25, help="rows of the RSS table")
parser.add_argument("--tail", type=float, default=300, help="seconds at the end summarised as min/max")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
if args.metrics is None:
    parts = urllib.parse.urlsplit(args.base)
    args.metrics = f"{parts.scheme}://{parts.netloc}/metrics"

sampler = Sampler(args.pid, args.every)
sampler.start()
statuses, latencies = soak() if args.mode == "soak" else burst()
if args.idle > 0:
    time.sleep(args.idle)
sampler.stop()
report(statuses, latencies, sampler)
metrics()
