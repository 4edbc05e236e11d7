#!/usr/bin/env python3
"""Result lines and the summary table of load.sh.

  report.py line --server S --id I --workload W --round R --summary JSON --walk "WALK ..."  -> one RESULT line
  report.py table results.txt                                                             -> a Markdown table

The table puts every walk beside IIPImage's walk of the same image, workload and round: for a pass the ratio is
IIPImage's pass time over ours (above 1: faster than IIPImage), for sustained load the ratio of requests per second.
MPix/s is output megapixels per second, the fair measure when servers advertise different tile sizes.
"""
import argparse
import json
import math


def fields(line):
    return dict(part.split("=", 1) for part in line.split()[1:])


def result_line(args):
    summary, walk = json.loads(args.summary), fields(args.walk)
    seconds, requests = float(walk["seconds"]), int(walk["requests"])
    if walk["mode"] == "pass":
        complete = walk["complete"] == "1" and int(walk["non2xx"]) == 0 and int(walk["errors"]) == 0
        mpix = summary["pixels"] / seconds / 1e6 if complete else math.nan
        kb = int(walk["body_bytes"]) / max(requests, 1) / 1024
    else:
        mpix = float(walk["rps"]) * summary["mean_pixels"] / 1e6
        kb = math.nan
    return (f"RESULT round={args.round} server={args.server} id={args.id} workload={args.workload} "
            f"tiles={summary['count']} tile={summary['tile']} requests={requests} seconds={seconds:.2f} "
            f"rps={float(walk['rps']):.1f} mpix_s={mpix:.1f} p50_ms={walk['p50_ms']} p99_ms={walk['p99_ms']} "
            f"errors={walk['errors']} non2xx={walk['non2xx']} kb_per_tile={kb:.1f} cpu_s={float(args.cpu):.2f}")


def speed_ratio(row, ref):
    """How many times faster row's walk was than ref's: pass times for passes, requests per second for sustained."""
    if not ref or row is ref:
        return ""
    if row["workload"] == "sustained":
        return f"{float(row['rps']) / float(ref['rps']):.2f}"
    return f"{float(ref['seconds']) / float(row['seconds']):.2f}"


def table(path):
    rows = [fields(line) for line in open(path, encoding="utf-8") if line.startswith("RESULT ")]
    by_server = {(r["server"], r["round"], r["id"], r["workload"]): r for r in rows}
    print("| round | server | image | walk | tiles x px | s | req/s | MPix/s | x IIPImage | x floor | p50/p99 ms"
          " | errors/non-2xx | kB/tile | server CPU s | IIPImage CPU / this |")
    print("| --: | --- | --- | --- | --- | --: | --: | --: | --: | --: | --- | --- | --: | --: | --: |")
    for r in rows:
        key = (r["round"], r["id"], r["workload"])
        to_peer = speed_ratio(r, by_server.get(("iipimage", *key))) if r["server"] != "floor" else ""
        to_floor = speed_ratio(r, by_server.get(("floor", *key)))
        image = "-" if r["server"] == "floor" else r["id"]
        peer = by_server.get(("iipimage", *key))
        comparable = peer and r is not peer and r["server"] != "floor" and r["workload"] != "sustained"  # same work done
        cpu_ratio = f"{float(peer['cpu_s']) / float(r['cpu_s']):.2f}" if comparable and float(r["cpu_s"]) else ""
        print(f"| {r['round']} | {r['server']} | {image} | {r['workload']} | {r['tiles']} x {r['tile']} "
              f"| {r['seconds']} | {r['rps']} | {r['mpix_s']} | {to_peer} | {to_floor} | {r['p50_ms']}/{r['p99_ms']} "
              f"| {r['errors']}/{r['non2xx']} | {r['kb_per_tile']} | {r['cpu_s']} | {cpu_ratio} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    line = commands.add_parser("line")
    for name in ("server", "id", "workload", "round", "summary", "walk", "cpu"):
        line.add_argument("--" + name, required=True)
    commands.add_parser("table").add_argument("results")
    args = parser.parse_args()
    if args.command == "line":
        print(result_line(args))
    else:
        table(args.results)


if __name__ == "__main__":
    main()
