#!/usr/bin/env bash
# The website export measured end to end, as desk staff run it: 10,000
# published stories of about 800 words are imported into a new database, then
# the real binary exports them (`copydesk export`), then one story is changed
# and the site exported again. Prints the time each export took, pages per
# second, and the process's peak memory (GNU time's maximum resident set).
# `make bench-export` runs it after the in-memory Go benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/bin/copydesk
n=${N:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/bench.db
go run -tags sqlite_fts5 ./scripts/seed -n "$n" -status published -words 800 -db "$db"

export_once() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" --db "$db" export --out "$work/site" --base-url https://news.example.com/ --json > "$work/report.json"
  read -r secs kb < "$work/time"
  written=$(grep -c '"state": "written"' "$work/report.json" || true)
  ms=$(grep -o '"duration_ms": [0-9]*' "$work/report.json" | grep -o '[0-9]*$')
  echo "$1: $written files written, export $ms ms (process $secs s), peak $((kb / 1024)) MB"
}

export_once "full export of $n articles"
pages=$(find "$work/site" -name '*.html' | wc -l)
ms=$(grep -o '"duration_ms": [0-9]*' "$work/report.json" | grep -o '[0-9]*$')
echo "  $pages HTML pages, $(( pages * 1000 / (ms > 0 ? ms : 1) )) pages/s"

"$bin" --db "$db" stories --json > "$work/stories.json"
id=$(grep -m1 '"id"' "$work/stories.json" | cut -d'"' -f4)
"$bin" --db "$db" show "$id" --format md | sed 's/budget for story/budget, as amended, for story/' > "$work/edit.md"
"$bin" --db "$db" update "$id" "$work/edit.md" --note "Amended the budget figures." >/dev/null
export_once "incremental export after one change"
