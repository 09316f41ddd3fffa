#!/usr/bin/env bash
# Runs every test project (unit, integration against the dev broker, browser) and ends with the line
# "N passed, N failed" summed over all of them. Exit code 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")"
source build/prerequisites.sh
signups_require_dotnet || exit 1
signups_require_chromium || exit 1

results=TestResults
screenshots=Tests/BrowserTests/bin/Release/net10.0/artifacts
rm -rf "$results" "$screenshots"
if ! signups_build Release; then
  echo "0 passed, 1 failed"
  exit 1
fi

projects=$(find Tests -name '*.csproj' | sort)
dotnet test Signups.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 5m -- RunConfiguration.TestSessionTimeout=840000
status=$?

# Totals from each project's TRX file; a project without one (it crashed) counts as one failure.
passed=0; failed=0
for project in $projects; do
  name=$(basename "$project" .csproj)
  trx=$(grep -l "$name" "$results"/*.trx 2>/dev/null | head -n 1)
  if [ -z "$trx" ]; then
    echo "no results from $name" >&2; failed=$((failed + 1)); continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')))
  failed=$((failed + $(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# The browser tests keep what Chromium showed.
for shot in "$screenshots"/*.png; do
  [ -e "$shot" ] && echo "screenshot: $shot"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
