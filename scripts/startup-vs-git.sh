#!/usr/bin/env bash
# Times headless commands of the real binary next to git doing the same work
# on the same story: the sample story saved EDITS times by copydesk and
# committed as many times to git. Runs alternate between the two tools so a
# busy machine slows both alike; the figure is the median of RUNS runs, and
# the ratio copydesk/git. `make startup-vs-git` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-$PWD/bin/copydesk}
runs=${RUNS:-21}
edits=${EDITS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export COPYDESK_AUTHOR=bench HOME=$work/home GIT_CONFIG_GLOBAL=/dev/null
mkdir -p "$HOME"
db=$work/desk.db
id=$("$bin" --db "$db" sample | head -1 | cut -f1)
repo=$work/git
git init -q "$repo"
git -C "$repo" config user.name bench
git -C "$repo" config user.email bench@example.invalid
# Each edit inserts a word at a later place in the body, in both tools.
for i in $(seq "$edits"); do
  "$bin" --db "$db" show "$id" --format md >"$work/story.md"
  total=$(awk '/^---$/ { fm++ } fm >= 2 { n += gsub(/ the /, " the ") } END { print n }' "$work/story.md")
  awk -v n="$(( (i * 3 - 1) % total + 1 ))" '/^---$/ { fm++ } { if (fm >= 2 && !done) { k = gsub(/ the /, " the "); if (seen + k >= n) { line = $0; out = ""; while (match(line, / the /)) { seen++; out = out substr(line, 1, RSTART - 1) (seen == n ? " the edited " : " the "); line = substr(line, RSTART + RLENGTH) } $0 = out line; done = 1 } else seen += k } print }' "$work/story.md" >"$work/edited.md"
  "$bin" --db "$db" update "$id" "$work/edited.md" --note "edit $i" >/dev/null
  cp "$work/edited.md" "$repo/story.md"
  git -C "$repo" add story.md && git -C "$repo" commit -q -m "edit $i"
done
last=$("$bin" --db "$db" revisions "$id" --json | grep -c '"seq"')
mid=$(( last / 2 ))
back=$(( last - mid ))
pairs=(
  "--version|$bin --version|git --version"
  "revisions|$bin --db $db revisions $id|git -C $repo log"
  "show --rev|$bin --db $db show $id --rev $mid|git -C $repo show HEAD~$back:story.md"
  "diff|$bin --db $db diff $id|git -C $repo diff --word-diff HEAD~1 HEAD"
)
ms() { local t0=$EPOCHREALTIME; $1 >/dev/null; local t1=$EPOCHREALTIME; echo "$t0 $t1" | awk '{printf "%.2f\n", ($2-$1)*1000}'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-12s %12s %10s %7s   (median of %d interleaved runs; %d revisions)\n' command copydesk git ratio "$runs" "$last"
for p in "${pairs[@]}"; do
  IFS='|' read -r name cd gt <<<"$p"
  : >"$work/t.cd"; : >"$work/t.git"
  for _ in $(seq "$runs"); do ms "$cd" >>"$work/t.cd"; ms "$gt" >>"$work/t.git"; done
  c=$(median <"$work/t.cd"); g=$(median <"$work/t.git")
  printf '%-12s %9s ms %7s ms %6.1f×\n' "$name" "$c" "$g" "$(awk -v c="$c" -v g="$g" 'BEGIN{print c/g}')"
done
