#!/usr/bin/env bash
# Measures start-up of the real binary on a database of 10,000 stories: from
# just before exec to the moment the window is usable (story list counted, its
# first page loaded, the newest story open in the editor), as the app reports
# it through COPYDESK_READY_FILE. Runs under Xvfb. `make startup` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/bin/copydesk
runs=${RUNS:-5}
work=$(mktemp -d)
disp=:$(( 500 + RANDOM % 400 ))
Xvfb "$disp" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
go run -tags sqlite_fts5 ./scripts/seed -n 10000 -db "$work/big.db"
# The app runs with a fresh home, so no preference of the person running this applies.
export DISPLAY=$disp HOME=$work/home XDG_CONFIG_HOME=$work/home/config
mkdir -p "$HOME"
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
times=()
for i in $(seq "$runs"); do
  rm -f "$work/ready"
  start=$(date +%s%N)
  COPYDESK_READY_FILE=$work/ready "$bin" --db "$work/big.db" >"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1000); do [ -s "$work/ready" ] && break; sleep 0.005; done
  [ -s "$work/ready" ] || { echo "startup: the window never became ready; see the log:"; cat "$work/app.log"; kill "$app"; exit 1; }
  ms=$(( ($(cat "$work/ready") - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: usable after $ms ms"
  kill "$app"; wait "$app" 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "startup on 10,000 stories: median ${sorted[$(( runs / 2 ))]} ms over $runs runs (target < 500 ms)"
