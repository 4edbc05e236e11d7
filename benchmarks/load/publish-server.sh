#!/usr/bin/env bash
# publish-server.sh: publishes the server as an installation runs it (Release, linux-x64, ReadyToRun; framework-
# dependent, so the SDK's runtime runs it) into artifacts/bench-server and prints the path of its Iiif.Web.dll.
# The benchmarks measure that build: a plain `dotnet build` leaves every method to the JIT on first use, which a fresh
# server's cold walk pays for.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
server=$repo/artifacts/bench-server
dotnet publish "$repo/Iiif.Web/Iiif.Web.csproj" -c Release -r linux-x64 --self-contained false -o "$server" --nologo -v q >/dev/null
echo "$server/Iiif.Web.dll"
