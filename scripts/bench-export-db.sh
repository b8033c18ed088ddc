#!/usr/bin/env bash
# The website export measured end to end, as desk staff run it, against
# Hugo building the same stories in the same run: 10,000 published stories
# of about 800 words are imported into a new database and written as a Hugo
# site; then, three times in turn, the real binary exports them to an empty
# folder (`copydesk export`) and Hugo builds its site. Then the export is
# run again with nothing changed, and after one story is changed. Prints
# each command's wall time, pages per second, peak memory (GNU time's
# maximum resident set), the ratios, and the database's size against the
# Markdown it holds. `make bench-export` runs it after the Go benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/bin/copydesk
n=${N:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/bench.db
seed=$(go run -tags sqlite_fts5 ./scripts/seed -n "$n" -status published -words 800 -db "$db" -hugo "$work/hugo")
echo "$seed"
md_bytes=$(echo "$seed" | grep -o '[0-9]* bytes of Markdown' | grep -o '^[0-9]*')

# timed NAME CMD...: runs CMD, sets ms (wall) and mb (peak RSS).
timed() {
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err"; exit 1; }
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  mb=$(( $(tail -1 "$work/time") / 1024 ))
}

export_site() { timed "$bin" --db "$db" export --out "$work/site" --base-url https://news.example.com/ --json; }


cd_ms=() cd_mb=() hugo_ms=() hugo_mb=()
for round in 1 2 3; do
  rm -rf "$work/site" "$work/public"
  export_site
  cd_pages=$(find "$work/site" -name '*.html' | wc -l)
  cd_ms+=("$ms") cd_mb+=("$mb")
  echo "round $round: copydesk full export to an empty folder: $cd_pages HTML pages in $ms ms, $(( cd_pages * 1000 / ms )) pages/s, peak $mb MB"
  timed hugo --source "$work/hugo" --destination "$work/public" --quiet
  hugo_pages=$(find "$work/public" -name '*.html' | wc -l)
  hugo_ms+=("$ms") hugo_mb+=("$mb")
  echo "round $round: hugo build to an empty folder:            $hugo_pages HTML pages in $ms ms, $(( hugo_pages * 1000 / ms )) pages/s, peak $mb MB"
done
cdm=$(printf '%s\n' "${cd_ms[@]}" | sort -n | sed -n 2p)
hm=$(printf '%s\n' "${hugo_ms[@]}" | sort -n | sed -n 2p)
cd_rate=$(( cd_pages * 1000 / cdm ))
hugo_rate=$(( hugo_pages * 1000 / hm ))
cd_peak=$(printf '%s\n' "${cd_mb[@]}" | sort -n | tail -1)
hugo_peak=$(printf '%s\n' "${hugo_mb[@]}" | sort -n | tail -1)

export_site
nochange_ms=$ms nochange_mb=$mb
written=$(grep -c '"state": "written"' "$work/out" || true)
echo "export with nothing changed: $written files written in $ms ms, peak $mb MB"

"$bin" --db "$db" stories --json > "$work/stories.json"
id=$(grep -m1 '"id"' "$work/stories.json" | cut -d'"' -f4)
"$bin" --db "$db" show "$id" --format md | sed 's/budget for story/budget, as amended, for story/' > "$work/edit.md"
"$bin" --db "$db" update "$id" "$work/edit.md" --note "Amended the budget figures." >/dev/null
export_site
one_ms=$ms one_mb=$mb
written=$(grep -c '"state": "written"' "$work/out" || true)
echo "export after one change: $written files written in $ms ms, peak $mb MB"

"$bin" --db "$db" backup "$work/size.db" >/dev/null
db_bytes=$(stat -c %s "$work/size.db")

echo
echo "summary ($n articles; medians of 3 interleaved rounds):"
echo "  full export: copydesk $cd_rate pages/s, hugo $hugo_rate pages/s: $(awk -v a="$cd_rate" -v b="$hugo_rate" 'BEGIN { printf "%.2f", a / b }')x hugo (target 3x)"
echo "  peak memory of a full export: copydesk $cd_peak MB (target 150 MB), hugo $hugo_peak MB"
echo "  whole command after one change: $one_ms ms (target 150 ms); with nothing changed: $nochange_ms ms (target 100 ms)"
echo "  database $(( db_bytes / 1048576 )) MB for $(( md_bytes / 1048576 )) MB of Markdown: $(awk -v a="$db_bytes" -v b="$md_bytes" 'BEGIN { printf "%.2f", a / b }')x (target 1.5x)"
