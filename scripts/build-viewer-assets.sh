#!/usr/bin/env bash
# Installs the viewer's front-end packages (OpenSeadragon, pinned in package-lock.json) into node_modules. The next
# `dotnet build` of Iiif.Web copies them into Iiif.Web/wwwroot/lib/openseadragon (git-ignored). Without Node.js the
# server still builds and runs; only the viewer page then says its assets are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
    echo "npm not found: the viewer page will say its assets are missing (install Node.js and npm to fix)." >&2
    exit 0
fi

npm ci --no-audit --no-fund --loglevel=error
