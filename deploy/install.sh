#!/usr/bin/env bash
# Installs the IIIF server on a Debian/Ubuntu host (as root). Idempotent: run it again to upgrade the application; the
# operator's /etc/iiif/local.yml and the image, cache and log folders are kept.
#
#   deploy/install.sh [--from DIR] [--root DIR] [--user NAME] [--port N] [--base-uri URL] [--no-systemd] [--no-user]
#                     [--deps-only] [--no-deps]
#
#   --from DIR     a published server (dotnet publish output: Iiif.Web, Iiif.Web.dll, config/, wwwroot/) to install.
#                  Without it, the repository this script belongs to is published self-contained for linux-x64,
#                  which needs the .NET 10 SDK on this machine.
#   --root DIR     install under DIR instead of / (DIR/opt/iiif, DIR/etc/iiif, ...): for tests and staging.
#   --user NAME    the service user (default iiif).
#   --port N       the port written into a new local.yml (default 3001).
#   --base-uri URL the public address (https://images.example.org) written into a new local.yml as server.baseUri:
#                  info.json ids are then built from it alone, never from a client's Host header.
#   --no-systemd   do not install or start the systemd unit (containers, CI, a root without systemd).
#   --no-user      do not create the iiif service user or change owners (unprivileged test runs).
#   --deps-only    install the system packages and stop (the Dockerfile's runtime stage).
#   --no-deps      skip the system packages (they are installed already).
# Environment: INSTALL_IIIF_USER, INSTALL_IIIF_PORT and INSTALL_IIIF_BASE_URI, the same as --user, --port and
# --base-uri. (Not IIIF_*: the server reads every IIIF_* variable as one of its settings.)
# Also installs /usr/local/bin/iiif, the server's command-line tools run as the service user with /etc/iiif.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
from="" root="" systemd=1 user_setup=1 deps=1 deps_only=0
for old in IIIF_USER IIIF_PORT; do
    if [ -n "${!old:-}" ]; then
        echo "install.sh: $old is set, but the server reads every IIIF_* variable as a setting and would refuse to start;" \
            "unset it and use INSTALL_$old (or --user / --port)" >&2
        exit 64
    fi
done
service_user="${INSTALL_IIIF_USER:-iiif}"
port="${INSTALL_IIIF_PORT:-3001}"
base_uri="${INSTALL_IIIF_BASE_URI:-}"

while [ $# -gt 0 ]; do
    case "$1" in
        --from) from="$(cd "$2" && pwd)"; shift 2 ;;
        --root) mkdir -p "$2"; root="$(cd "$2" && pwd)"; shift 2 ;;
        --user) service_user="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --base-uri) base_uri="$2"; shift 2 ;;
        --no-systemd) systemd=0; shift ;;
        --no-user) user_setup=0; shift ;;
        --deps-only) deps_only=1; shift ;;
        --no-deps) deps=0; shift ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
    esac
done

app_dir="$root/opt/iiif"
config_dir="$root/etc/iiif"
images_dir="$root/srv/iiif/images"
cache_dir="$root/var/cache/iiif"
log_dir="$root/var/log/iiif"
unit_dir="$root/etc/systemd/system"
bin_dir="$root/usr/local/bin"

# Runtime packages only: libopenjp2-7 (JPEG 2000), libtiff6 (TIFF) and libturbojpeg0 (JPEG) are the codecs loaded
# in-process; libjpeg-turbo-progs gives djpeg, which decodes bands of JPEGs too large to decode whole; ICU, OpenSSL and
# zlib are what a self-contained .NET needs from the system; curl is for health checks by hand and in the container.
install_dependencies() {
    local icu
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    icu="$(apt-cache search --names-only '^libicu[0-9]+$' | awk '{print $1}' | sort -V | tail -n 1)"
    apt-get install -y -qq --no-install-recommends ca-certificates curl libopenjp2-7 libtiff6 libturbojpeg0 libjpeg-turbo-progs libssl3 zlib1g ${icu:+"$icu"} >/dev/null
}

publish_from_source() {
    local out="$1"
    command -v dotnet >/dev/null || { echo "install.sh: no --from folder and no dotnet SDK to publish with" >&2; exit 69; }
    dotnet publish "$here/../Iiif.Web/Iiif.Web.csproj" -c Release -r linux-x64 --self-contained true -o "$out" --nologo -v quiet
}

if [ "$deps" -eq 1 ]; then
    install_dependencies
fi
if [ "$deps_only" -eq 1 ]; then
    exit 0
fi

if [ -z "$from" ]; then
    from="$(mktemp -d)"
    trap 'rm -rf "$from"' EXIT
    publish_from_source "$from"
fi
[ -f "$from/Iiif.Web.dll" ] || { echo "install.sh: $from is not a published server (no Iiif.Web.dll)" >&2; exit 66; }

if [ "$user_setup" -eq 1 ] && ! id -u "$service_user" >/dev/null 2>&1; then
    useradd --system --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin "$service_user"
fi

mkdir -p "$app_dir" "$config_dir" "$images_dir" "$cache_dir" "$log_dir"
# The application folder is replaced as a whole, so files a new version dropped do not linger.
staging="$(mktemp -d "$root/opt/.iiif-new.XXXXXX")"
cp -a "$from/." "$staging/"
rm -f "$staging/config/local.yml"
rm -rf "$app_dir.old"
mv "$app_dir" "$app_dir.old"
mv "$staging" "$app_dir"
rm -rf "$app_dir.old"
chmod 755 "$app_dir"

# default.yml and Production.yml come with each version (links into the application); local.yml is the operator's.
ln -sfn "$app_dir/config/default.yml" "$config_dir/default.yml"
ln -sfn "$app_dir/config/Production.yml" "$config_dir/Production.yml"
if [ ! -f "$config_dir/local.yml" ]; then
    cat > "$config_dir/local.yml" <<YAML
# This server's settings: only the keys that differ from default.yml (see /opt/iiif/config/default.yml).
server:
  urls: http://127.0.0.1:$port
  # The public address clients use (e.g. https://images.example.org): info.json ids are built from it alone. Empty =
  # from the host name nginx forwards (its site refuses other names); set it (install.sh --base-uri does).
  baseUri: "$base_uri"
images:
  root: $images_dir
cache:
  root: $cache_dir
  redis:
    # e.g. "127.0.0.1:6379" (or "redis.internal:6379,password=...") to share rendered images between instances.
    configuration: ""
logging:
  directory: $log_dir
auth:
  # One folder of cookie and token keys for every instance on this host (iiif@PORT units have their own cache
  # folders), so that a login on one instance is valid on the others. Instances on other hosts need the same files.
  keysDirectory: $cache_dir/keys
YAML
fi

if [ "$user_setup" -eq 1 ]; then
    # The service reads the application, configuration and images, and writes only the cache and the logs.
    chown -R root:root "$app_dir"
    chown root:"$service_user" "$config_dir" "$config_dir/local.yml"
    chmod 750 "$config_dir"
    chmod 640 "$config_dir/local.yml"
    chown "$service_user":"$service_user" "$cache_dir" "$log_dir"
    chmod 750 "$cache_dir" "$log_dir"
fi

# The command-line tools as the service runs: its user (files in the cache and logs stay the service's), its
# configuration, and for an iiif@PORT instance its own cache and log folders.
install_command() {
    local run_as="$service_user"
    [ "$user_setup" -eq 1 ] || run_as=""
    mkdir -p "$bin_dir"
    sed -e "s|@RUN_AS@|$run_as|g" -e "s|@CONFIG_DIR@|$config_dir|g" -e "s|@CACHE_DIR@|$cache_dir|g" \
        -e "s|@LOG_DIR@|$log_dir|g" -e "s|@APP_DIR@|$app_dir|g" "$here/bin/iiif.in" > "$bin_dir/iiif"
    chmod 755 "$bin_dir/iiif"
}
install_command

if [ "$systemd" -eq 1 ]; then
    mkdir -p "$unit_dir"
    install -m 644 "$here/systemd/iiif.service" "$unit_dir/iiif.service"
    install -m 644 "$here/systemd/iiif@.service" "$unit_dir/iiif@.service"
    if [ -z "$root" ] && [ -d /run/systemd/system ]; then
        systemctl daemon-reload
        systemctl enable iiif.service >/dev/null
        systemctl restart iiif.service
    fi
fi

echo "Installed in $app_dir; settings in $config_dir/local.yml; images in $images_dir; tools: $bin_dir/iiif --help."
if grep -q '^  baseUri: ""' "$config_dir/local.yml"; then
    echo "Next: set server.baseUri in $config_dir/local.yml to the address clients use (e.g. https://images.example.org)."
fi
