#!/usr/bin/env bash
# Import speed measured end to end, as desk staff run it: the real binary
# imports 2,000 plain-text wire stories and then 1,000 NITF files (each about
# 600 words, with quotes, a dateline and a credit) into a new database, once
# file by file (each in its own transaction, the default) and once with
# --all-or-nothing (one transaction). Prints the seconds each took, files per
# second, the CPU time it used (user + system: steadier than the wall clock
# when other work shares the machine; the difference is mostly the fsync of
# each commit) and its peak memory (GNU time's maximum resident set).
# Then a generated Hugo archive of 1,000 posts (dates, lastmod, aliases,
# tags, a figure shortcode) is imported and the site exported from it twice:
# the first export writes every file, the second finds nothing changed.
# `make bench-import` runs it; TEXT=…, NITF=… and HUGO=… change the counts.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/bin/copydesk
ntext=${TEXT:-2000}
nnitf=${NITF:-1000}
nhugo=${HUGO:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/text" "$work/nitf" "$work/hugo"

para() { # one paragraph of about 60 words, with a quote, varied by $1
  printf '%s' "The council said on Tuesday that spending on roads in ward $1 would rise by a tenth next year, after residents complained about potholes. “We have listened and we will act,” said Councillor Jane Doe, who chairs the transport committee. Opposition members said the rise was too small and came too late for the winter."
}

for i in $(seq 1 "$ntext"); do
  {
    echo "Council raises road budget in ward $i"
    echo "By Sam Writer"
    echo "LEWES (PA) — $(para "$i")"
    for k in 1 2 3 4 5 6 7 8 9; do para "$i.$k"; echo; done
    echo "Reporting by Press Association."
  } > "$work/text/story-$i.txt"
done
for i in $(seq 1 "$nnitf"); do
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo "<nitf><head><title>Roads $i</title><docdata><doc-id id-string=\"XNW-$i\"/><urgency ed-urg=\"4\"/><du-key key=\"ROADS-$i\"/><date.issue norm=\"20261203T0900Z\"/></docdata><pubdata position.section=\"Local\"/></head>"
    echo "<body><body.head><hedline><hl1>Council raises road budget in ward $i</hl1><hl2>Spending rises by a tenth</hl2></hedline><byline>By <person>SAM WRITER</person><byttl>Staff Writer</byttl></byline><dateline><location>LEWES</location></dateline></body.head><body.content>"
    for k in 1 2 3 4 5 6 7 8 9 10; do echo "<p>$(para "$i.$k")</p>"; done
    echo "<hl2>What happens next</hl2><ul><li>Work starts in April</li><li>Roads close at night</li></ul>"
    echo "</body.content><body.end><tagline>Reporting by Sam Writer</tagline></body.end></body></nitf>"
  } > "$work/nitf/story-$i.xml"
done

for i in $(seq 1 "$nhugo"); do
  d=$(( i % 28 + 1 ))
  {
    echo '---'
    echo "title: \"Archive post $i: the council and the roads\""
    printf 'date: 2019-03-%02dT08:00:00Z\n' "$d"
    printf 'lastmod: 2020-06-%02dT09:30:00Z\n' "$d"
    echo "draft: $([ $(( i % 20 )) -eq 0 ] && echo true || echo false)"
    echo "tags: [roads, council, ward-$(( i % 40 ))]"
    echo "categories: [Local]"
    echo "aliases: [/2019/03/post-$i/]"
    echo '---'
    echo
    echo '{{< figure src="https://img.example.com/roads.jpg" alt="A road" caption="Roadworks" >}}'
    echo
    for k in 1 2 3 4 5 6 7 8; do para "$i.$k"; echo; echo; done
  } > "$work/hugo/post-$i.md"
done

run() { # label, extra flags, directory
  rm -f "$work/bench.db"*
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$bin" --db "$work/bench.db" import $2 "$work/$3"/* > /dev/null
  read -r secs user sys kb < "$work/time"
  n=$(ls "$work/$3" | wc -l)
  rate=$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? n / s : n) }')
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  echo "$1: $n files in $secs s ($rate files/s), CPU $cpu s, peak $((kb / 1024)) MB"
}

run "plain text, file by file" "" text
run "plain text, --all-or-nothing" "--all-or-nothing" text
run "NITF, file by file" "" nitf
run "NITF, --all-or-nothing" "--all-or-nothing" nitf

# The Hugo archive: imported file by file, then exported twice.
rm -f "$work/bench.db"*
/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$bin" --db "$work/bench.db" import "$work/hugo"/* > /dev/null
read -r secs user sys kb < "$work/time"
n=$(ls "$work/hugo" | wc -l)
cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
echo "Hugo archive, file by file: $n posts in $secs s, CPU $cpu s, peak $((kb / 1024)) MB"
export_run() { # label
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$bin" --db "$work/bench.db" export --out "$work/site" --json > "$work/export.json"
  read -r secs user sys kb < "$work/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  written=$(grep -c '"state": "written"' "$work/export.json" || true)
  redirects=$(grep -c '"kind": "redirect"' "$work/export.json" || true)
  echo "$1 of the $n-post Hugo archive: $written files written ($redirects redirects) in $secs s, CPU $cpu s, peak $((kb / 1024)) MB"
}
export_run "export"
export_run "second export"
