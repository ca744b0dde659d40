#!/usr/bin/env bash
# Installs what the tests need (Debian packages: the real servers the fixtures start, and Chromium
# for the browser test), then builds and runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || need+=(prometheus-alertmanager)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

dotnet build ChatOps.sln -c Release
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test ChatOps.sln -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# One closing line over all test projects, in the plain form CI reads.
awk '/^ +Passed: +[0-9]+$/ {p += $2} /^ +Failed: +[0-9]+$/ {f += $2} /^ +Skipped: +[0-9]+$/ {s += $2}
     END {printf "%d passed, %d failed, %d skipped\n", p, f, s}' "$log"
exit "$status"
