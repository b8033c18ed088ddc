#!/usr/bin/env bash
# Measures the real window's memory as stories are opened and closed: the
# binary runs under Xvfb on a database of STORIES generated stories, opens
# the next story OPENS times (Ctrl+Page Down, which closes the one before),
# and prints the process's resident memory (VmRSS) before, after and once
# more after SETTLE seconds. BIN picks another binary to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-$PWD/bin/copydesk}
opens=${OPENS:-100}
settle=${SETTLE:-10}
work=$(mktemp -d)
disp=:$(( 500 + RANDOM % 400 ))
Xvfb "$disp" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "${app:-}" 2>/dev/null && wait "${app:-}" 2>/dev/null; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
go run -tags sqlite_fts5 ./scripts/seed -n "${STORIES:-500}" -db "$work/desk.db" >/dev/null
export DISPLAY=$disp HOME=$work/home XDG_CONFIG_HOME=$work/home/config COPYDESK_AUTHOR=rss
mkdir -p "$HOME"
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
COPYDESK_READY_FILE=$work/ready "$bin" --db "$work/desk.db" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 2000); do [ -s "$work/ready" ] && break; sleep 0.01; done
[ -s "$work/ready" ] || { echo "window-rss: the window never became ready:"; cat "$work/app.log"; exit 1; }
rss() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$app/status"; }
xdotool mousemove 700 450
sleep "$settle"
start=$(rss)
for _ in $(seq "$opens"); do xdotool key ctrl+Next; sleep "${STEP:-0.3}"; done
sleep 2
after=$(rss)
sleep "$settle"
settled=$(rss)
awk -v s="$start" -v a="$after" -v t="$settled" -v n="$opens" -v w="$settle" 'BEGIN {
  printf "window RSS: %.1f MB at start, %.1f MB after opening %d stories (%+.2f MB per story), %.1f MB %d s later (%+.1f MB from the start)\n", s, a, n, (a - s) / n, t, w, t - s }'
