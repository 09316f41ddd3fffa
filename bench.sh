#!/usr/bin/env bash
# Runs the benchmarks (Benchmarks/, one file per scenario) and writes bench/results.json: each scenario at least
# three times, every run with its own dev broker, the table of min/median/max at the end. Installs what is
# missing (wrk), builds Release. Arguments go to the harness: ./bench.sh --help
set -euo pipefail
cd "$(dirname "$0")"
source build/prerequisites.sh
signups_require_dotnet
# The HTTP scenario's keep-alive load comes from Debian's wrk.
if ! command -v wrk >/dev/null 2>&1; then
  signups_install wrk
fi
signups_build Release
exec dotnet Benchmarks/bin/Release/net10.0/Signups.Benchmarks.dll "$@"
