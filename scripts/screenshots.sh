#!/usr/bin/env bash
# Saves PNGs of copydesk's main screens under docs/screenshots, from the real
# binary in an X window under Xvfb (../shared/tools/screenshot). Run through
# `make screenshots`, which builds bin/copydesk and installs Xvfb and xdotool.
set -euo pipefail
cd "$(dirname "$0")/.."
shot=../shared/tools/screenshot
out=docs/screenshots
bin=$PWD/bin/copydesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# Every shot starts from a fresh home, so the app runs as on first start.
n=0
fresh() { n=$((n + 1)); home=$work/home$n; mkdir -p "$home"; }
run() { HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config "$shot" "$@"; }

# The main window on a new database, with the sample story and rules page.
fresh
run "$out/main.png" -- "$bin"

# Searching: type a name into the search box.
fresh
cat > "$work/search.sh" <<'DRIVE'
xdotool mousemove 150 20 click 1
sleep 0.3
xdotool type --delay 40 "Cleverly"
sleep 1
DRIVE
run "$out/search.png" --drive "$work/search.sh" -- "$bin"

# A database that cannot be opened is explained, with a way out.
fresh
head -c 4096 /dev/urandom > "$work/not-a-database.db"
run "$out/error-database.png" -- "$bin" --db "$work/not-a-database.db"

rm -f "$out"/*.log
echo "screenshots in $out:"; ls "$out"
