#!/usr/bin/env bash
# Starts the whole Signups graph: the dev Kafka broker, the stores, StreamWorker, BatchWorker, the
# Producer, a demo load and the dashboard. Ctrl+C stops it in order. Options: ./start.sh --help
set -euo pipefail
cd "$(dirname "$0")"
source build/prerequisites.sh
signups_require_dotnet
signups_build Release
exec dotnet AppHost/bin/Release/net10.0/Signups.AppHost.dll "$@"
