#!/usr/bin/env bash
# Installs the system packages the server and its tests need, when missing (Debian/Ubuntu, as root or with sudo).
#   libopenjp2-7        OpenJPEG, the in-process JPEG 2000 codec (libopenjp2.so.7)
#   libtiff6            libtiff, the in-process TIFF codec (libtiff.so.6)
#   libturbojpeg0       libjpeg-turbo's TurboJPEG, the in-process JPEG codec (libturbojpeg.so.0)
#   libjpeg-turbo-progs djpeg, which decodes bands of JPEG sources too large to decode whole
#   libopenjp2-tools    opj_decompress, used by tests and benchmarks only as an independent cross-check
# Extra packages can be named as arguments (test.sh adds chromium, nginx, redis-server, openssl, ansible, systemd).
set -euo pipefail

wanted=(libopenjp2-7 libtiff6 libturbojpeg0 libjpeg-turbo-progs libopenjp2-tools "$@")
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
echo "Installing: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
