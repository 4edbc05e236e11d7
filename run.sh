#!/usr/bin/env bash
# Quick start: installs what is missing (libopenjp2, libtiff, libturbojpeg, djpeg, Node for the viewer assets), builds, makes
# the sample images with the project's own converter when they are missing, and starts the server on
# http://localhost:3001.
# Extra arguments go to the server, e.g. ./run.sh --port 8080 or ./run.sh --images /data/scans
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install-deps.sh
if ! command -v npm >/dev/null 2>&1; then
    ./scripts/install-deps.sh nodejs npm
fi
./scripts/build-viewer-assets.sh

dotnet build Iiif.Web/Iiif.Web.csproj --configuration Release --nologo --verbosity quiet
server=Iiif.Web/bin/Release/net10.0/Iiif.Web.dll

dotnet "$server" samples samples
# The server prints the addresses it listens on (3001 unless --port or --urls say otherwise).
echo "Viewer: {address}/viewer   IIIF: {address}/iiif/3/{id}/info.json"
exec dotnet "$server" --environment Development --images samples "$@"
