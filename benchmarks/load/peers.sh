# Peer servers for load.sh, started from Debian packages on 127.0.0.1 (sourced, not run).
#   peer_iipimage_start IMAGES PORT RUNDIR  IIPImage (iipimage-server's iipsrv.fcgi) as 2 FastCGI processes (spawn-fcgi)
#                                           behind nginx; IIIF 2.1 at http://127.0.0.1:PORT/iiif/<file name>/info.json
#   peer_floor_start TILE PORT RUNDIR W H TILESIZE
#                                           nginx answering every tile URL under /iiif/floor/ with one static JPEG and
#                                           info.json with a WxH image of TILESIZE tiles: HTTP with no image work
#   peer_stop RUNDIR                        stops what either recorded in RUNDIR (nginx, then the iipsrv processes)
# IIPImage tunables: IIP_JPEG_QUALITY (75, its default), IIP_CACHE_MB (256; 0 turns its tile cache off).

iipsrv_binary=/usr/lib/iipimage-server/iipsrv.fcgi

peer_nginx_conf() { # RUNDIR PORT LOCATIONS [WORKERS] -> nginx.conf with the temp paths and pid inside RUNDIR
    cat >"$1/nginx.conf" <<EOF
worker_processes ${4:-1};
pid $1/nginx.pid;
error_log $1/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  sendfile on;
  open_file_cache max=64 inactive=600s;
  client_body_temp_path $1/tmp-body;
  fastcgi_temp_path $1/tmp-fastcgi;
  proxy_temp_path $1/tmp-proxy;
  uwsgi_temp_path $1/tmp-uwsgi;
  scgi_temp_path $1/tmp-scgi;
  server {
    listen 127.0.0.1:$2;
$3
  }
}
EOF
    nginx -c "$1/nginx.conf" -p "$1" -e "$1/nginx-error.log"
}

peer_iipimage_start() {
    local images run=$3 port=$2
    images=$(cd "$1" && pwd)
    mkdir -p "$run"
    # iipsrv takes its settings from the environment; URI_MAP turns /iiif/... into IIIF requests without a rewrite.
    env FILESYSTEM_PREFIX="$images/" URI_MAP="iiif=>IIIF" LOGFILE="$run/iipsrv.log" VERBOSITY=1 \
        JPEG_QUALITY="${IIP_JPEG_QUALITY:-75}" MAX_IMAGE_CACHE_SIZE="${IIP_CACHE_MB:-256}" MAX_CVT=5000 \
        OMP_NUM_THREADS=1 \
        spawn-fcgi -a 127.0.0.1 -p $((port + 1)) -F 2 -P "$run/iipsrv.pid" -- "$iipsrv_binary" >"$run/spawn.log" 2>&1
    peer_nginx_conf "$run" "$port" "    location /iiif/ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param PATH_INFO \$fastcgi_script_name;
      fastcgi_pass 127.0.0.1:$((port + 1));
    }"
}

peer_floor_start() {
    local tile=$1 port=$2 run=$3 width=$4 height=$5 size=$6
    mkdir -p "$run/root"
    cp "$tile" "$run/root/tile.jpg"
    python3 - "$width" "$height" "$size" "$port" >"$run/root/info.json" <<'EOF'
import json, math, sys
width, height, size, port = map(int, sys.argv[1:])
levels = 1 + max(0, math.ceil(math.log2(max(width, height) / size)))
print(json.dumps({"@context": "http://iiif.io/api/image/3/context.json", "type": "ImageService3",
                  "id": f"http://127.0.0.1:{port}/iiif/floor", "protocol": "http://iiif.io/api/image",
                  "profile": "level0", "width": width, "height": height,
                  "tiles": [{"width": size, "height": size, "scaleFactors": [2 ** i for i in range(levels)]}]}))
EOF
    peer_nginx_conf "$run" "$port" "    root $run/root;
    location = /iiif/floor/info.json { default_type application/json; try_files /info.json =404; }
    location /iiif/floor/ { default_type image/jpeg; try_files /tile.jpg =404; }" auto # a worker per core, like our server
}

peer_pids() { # RUNDIR -> the process ids a peer recorded in its pid files, one a line
    local run=$1 pid file
    for file in "$run/nginx.pid" "$run/iipsrv.pid"; do
        [[ -f $file ]] || continue
        while read -r pid || [[ -n $pid ]]; do # spawn-fcgi's last line lacks its newline
            [[ $pid =~ ^[0-9]+$ ]] && echo "$pid"
        done <"$file"
    done
}

peer_stop() {
    local run=$1 pid
    for pid in $(peer_pids "$run"); do
        kill "$pid" 2>/dev/null || continue
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    rm -f "$run/nginx.pid" "$run/iipsrv.pid"
}
