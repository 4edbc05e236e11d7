#!/usr/bin/env bash
# load.sh: the tile-walk load benchmark. One command, from the repository root:
#
#   benchmarks/load/load.sh
#
# Installs what is missing (wrk, nginx, spawn-fcgi, iipimage-server, vips), publishes the server as installations run
# it (publish-server.sh: ReadyToRun), makes the images when they are missing (make-images.sh), then for each round and
# image starts every server fresh, one after the other (servers alternate, so a noisy neighbour hurts all of them
# alike), and walks the OpenSeadragon tile list that tile_urls.py computes from that server's own info.json:
#   cold       every tile once over CONC connections, right after the start (empty caches; the OS page cache is warm)
#   hot        the same pass again
#   sustained  THREADS threads x CONC connections cycling through the list for DURATION
# Servers (SERVERS, in this order):
#   iiif          this server, Production environment, default configuration, empty derivative cache
#   iiif-nocache  the same with the derivative disk cache off (cache.derivatives.enabled=false)
#   iipimage      Debian's IIPImage (iipsrv 1.1, 2 FastCGI processes, behind nginx; reads JPEG 2000 and TIFF)
#   floor         nginx serving one static tile for every URL: the cost of HTTP and wrk alone
# Prints one RESULT line per walk (kept in OUT/results.txt with the raw wrk output and the lists) and, at the end,
# a Markdown table with each pass's ratio to IIPImage's in the same round (report.py).
#
# Environment (defaults): IMAGES=${TMPDIR:-/tmp}/iiif-load/images  OUT=${TMPDIR:-/tmp}/iiif-load/out
#   SERVERS="iiif iiif-nocache iipimage floor"  IDS=big.jp2  ROUNDS=1  TILE=256 (empty: each server's advertised size)
#   CONC=8  THREADS=2  DURATION=20s  WORKLOADS="cold hot sustained"  PORT=8310 (uses PORT..PORT+3)
#   IIIF_ARGS="" (more switches for this server, e.g. --imaging:tileSize=1024)
#   PROFILE=1: records our server's cold walks with perf (Debian linux-perf) and prints the share of each stage
#   (perf_shares.py); see benchmarks/README.md
# On a shared machine hold the lock other measurements take: flock /tmp/iiif-bench.lock benchmarks/load/load.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/benchmarks/load
# shellcheck source=peers.sh
source "$here/peers.sh"

images=${IMAGES:-${TMPDIR:-/tmp}/iiif-load/images}
out=${OUT:-${TMPDIR:-/tmp}/iiif-load/out}
servers=${SERVERS:-iiif iiif-nocache iipimage floor}
ids=${IDS:-big.jp2}
rounds=${ROUNDS:-1}
tile=${TILE-256}
conc=${CONC:-8}
threads=${THREADS:-2}
duration=${DURATION:-20s}
workloads=${WORKLOADS:-cold hot sustained}
port=${PORT:-8310}

"$repo/scripts/install-deps.sh" wrk nginx spawn-fcgi iipimage-server libvips-tools python3 curl procps ${PROFILE:+linux-perf}
dll=$("$here/publish-server.sh")
[[ -f $images/big.jp2 && -f $images/big.tif && -f $images/floor-tile.jpg ]] || "$here/make-images.sh" "$dll" "$images"
mkdir -p "$out"
: >"$out/results.txt"
server_pid=""

stop_server() { # ours by its process id, peers by the pid files they wrote
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
    peer_stop "$out/run/iipimage"
    peer_stop "$out/run/floor"
}
# Every start gets a new, empty cache folder, and old ones are deleted only at the end: ext4 makes each new file search
# past the inodes freed in the last minutes, so deleting one walk's 1,600 cache files just before the next made that
# search about a tenth of the next walk's CPU (perf), a cost no real server pays on every start.
caches=$out/caches
[[ -d $caches ]] && mv "$caches" "$caches.old.$$"
finish() {
    stop_server
    rm -rf "$caches" "$out"/caches.old.*
}
trap finish EXIT

start_server() { # NAME -> sets base, the server's IIIF base URL
    local name=$1 run=$out/run/$1
    rm -rf "$run"
    mkdir -p "$run"
    case $name in
        iiif | iiif-nocache)
            local extra=()
            [[ $name == iiif-nocache ]] && extra=(--cache:derivatives:enabled=false)
            # shellcheck disable=SC2086 # IIIF_ARGS is a list of switches
            (cd "$run" && exec env ${PROFILE:+DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0} dotnet "$dll" --environment Production --images "$images" --cache "$caches/$name-$(date +%s%N)" \
                --urls "http://127.0.0.1:$port" "${extra[@]}" ${IIIF_ARGS:-} >"$run/console.log" 2>&1) &
            server_pid=$!
            base=http://127.0.0.1:$port/iiif/3 ;;
        iipimage)
            peer_iipimage_start "$images" $((port + 1)) "$run"
            base=http://127.0.0.1:$((port + 1))/iiif ;;
        floor)
            peer_floor_start "$images/floor-tile.jpg" $((port + 3)) "$run" "${BIG_W:-10000}" "${BIG_H:-7500}" "${tile:-256}"
            base=http://127.0.0.1:$((port + 3))/iiif ;;
        *) echo "load.sh: unknown server $name" >&2; exit 2 ;;
    esac
}

server_pids() { # the processes that serve: ours, or a peer's recorded processes and their children (nginx workers)
    local pid
    { [[ -n $server_pid ]] && echo "$server_pid"
      peer_pids "$out/run/$1"; } | while read -r pid; do
        echo "$pid"
        pgrep -P "$pid" || true
    done
}

cpu_seconds() { # NAME -> user + system CPU seconds the serving processes have used so far
    local ticks=0 pid fields
    for pid in $(server_pids "$1"); do
        read -ra fields <"/proc/$pid/stat" 2>/dev/null || continue
        ticks=$((ticks + fields[13] + fields[14]))
    done
    awk -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", ticks / hz }'
}

wait_ready() { # URL
    for _ in $(seq 600); do
        curl -sf -o /dev/null "$1" && return 0
        sleep 0.1
    done
    echo "load.sh: $1 did not answer within 60 s" >&2
    return 1
}

walk() { # NAME ID WORKLOAD ORIGIN LIST SUMMARY
    local name=$1 id=$2 workload=$3 origin=$4 list=$5 summary=$6 raw="$out/$1-$2-$3.txt" count cpu_before
    count=$(wc -l <"$list")
    cpu_before=$(cpu_seconds "$name")
    if [[ $workload == sustained ]]; then
        WALK_MODE=cycle wrk -t "$threads" -c "$conc" -d "$duration" --timeout 30s -s "$here/walk.lua" "$origin" \
            -- "$list" "$threads" >"$raw" 2>&1 || true
    else
        local n=$((conc < count ? conc : count)) done_file="$raw.done" wrk_pid
        : >"$done_file"
        WALK_MODE=pass wrk -t "$n" -c "$n" -d 600s --timeout 30s -s "$here/walk.lua" "$origin" \
            -- "$list" "$n" "$done_file" >"$raw" 2>&1 &
        wrk_pid=$!
        # wrk sleeps out its -d; every thread has signed the file once its last response came, so interrupt it then.
        while kill -0 "$wrk_pid" 2>/dev/null && (($(wc -l <"$done_file") < n)); do sleep 0.05; done
        kill -INT "$wrk_pid" 2>/dev/null || true
        wait "$wrk_pid" || true
    fi
    local line
    line=$(grep '^WALK ' "$raw" | tail -1) || { echo "load.sh: no result from wrk, see $raw" >&2; return 1; }
    python3 "$here/report.py" line --server "$name" --id "$id" --workload "$workload" --round "$round" \
        --summary "$summary" --walk "$line" --cpu "$(awk -v a="$(cpu_seconds "$name")" -v b="$cpu_before" 'BEGIN { print a - b }')" \
        | tee -a "$out/results.txt"
}

for round in $(seq "$rounds"); do
    for id in $ids; do
        for name in $servers; do
            start_server "$name"
            image=$id
            [[ $name == floor ]] && image=floor
            wait_ready "$base/$image/info.json"
            list="$out/$name-$id.urls"
            python3 "$here/tile_urls.py" "$base/$image/info.json" ${tile:+--tile "$tile"} -o "$list" 2>"$list.summary"
            origin=${base%/iiif*}
            for workload in $workloads; do
                profiling=""
                if [[ -n ${PROFILE:-} && $workload == cold && -n $server_pid ]]; then
                    profiling="$out/$name-$id-cold.perf"
                    perf record -F 499 -g -p "$server_pid" -o "$profiling.data" >"$profiling.log" 2>&1 &
                    perf_pid=$!
                    sleep 1 # perf attaches to every thread before the walk starts
                fi
                walk "$name" "$id" "$workload" "$origin" "$list" "$(tail -1 "$list.summary")"
                if [[ -n $profiling ]]; then
                    kill -INT "$perf_pid" && wait "$perf_pid" || true
                    perf script -i "$profiling.data" 2>/dev/null | python3 "$here/perf_shares.py" \
                        --title "$name $id cold, tile ${tile:-advertised}" | tee "$profiling.txt"
                fi
            done
            stop_server
        done
    done
done
python3 "$here/report.py" table "$out/results.txt"
