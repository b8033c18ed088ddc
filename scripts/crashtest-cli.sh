#!/usr/bin/env bash
# Kills the real binary with SIGKILL at random moments during `update` and
# during `export`, and checks after every kill that the database passes
# PRAGMA integrity_check, and at the end that every revision an update
# acknowledged (exit 0, "saved revision N") is there with its words, that
# every revision still rebuilds to its SHA-256 (`copy --to` checks each), and
# that the site, exported once more, is byte-identical to a fresh export of
# the same database with nothing staged left in it.
# Run through `make crashtest-cli`; UPDATE_KILLS and EXPORT_KILLS set how many
# kills of each (default 160 each).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/bin/copydesk
UPDATE_KILLS=${UPDATE_KILLS:-160}
EXPORT_KILLS=${EXPORT_KILLS:-160}
STORIES=${STORIES:-400}
work=$(mktemp -d)
trap 'rm -rf "$work" 2>/dev/null || true' EXIT
db=$work/desk.db
export COPYDESK_AUTHOR="Crash Test"

fail() { echo "crashtest-cli: FAILED: $*" >&2; exit 1; }

integrity() {
	python3 - "$db" <<'PY' || fail "integrity_check after kill $1"
import sqlite3, sys
con = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
res = con.execute("PRAGMA integrity_check").fetchall()
sys.exit(0 if res == [("ok",)] else "integrity_check: %r" % res)
PY
}

# random_ms MAX prints a random number of milliseconds from 0 to MAX.
random_ms() { echo $((RANDOM % ($1 + 1))); }

# kill_after CMD...: runs CMD in the background, SIGKILLs it after $delay ms
# and reports on stdout "killed" or "exited RC" (it finished first).
kill_after() {
	"$@" >"$work/out" 2>"$work/err" &
	local pid=$!
	sleep "$(printf '0.%03d' "$delay")"
	if kill -9 "$pid" 2>/dev/null; then
		wait "$pid" 2>/dev/null || true
		echo killed
	else
		local rc=0
		wait "$pid" || rc=$?
		echo "exited $rc"
	fi
}

# 1. A database of STORIES published wire stories.
mkdir -p "$work/in"
python3 - "$work/in" "$STORIES" <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    with open(f"{d}/s{i:04d}.txt", "w") as f:
        f.write(f"Crash test story {i}\n\nLONDON (PA) - The first paragraph of story {i} sets out what happened.\n\n"
                f"“It is a test,” said Jane Smith, a spokeswoman. The council met on Tuesday to decide.\n\n"
                "Reporting by Press Association.\n")
PY
"$bin" --db "$db" import --status published "$work"/in/*.txt >/dev/null
ids=($("$bin" --db "$db" stories --json | python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)))'))
echo "crashtest-cli: ${#ids[@]} published stories"

# 2. Updates killed 0-50 ms or up to 1 s after they start, bodies of about
# 2.4 KB and 65 KB.
update_kills=0 update_acks=0
: >"$work/acks"
i=0
while [ "$update_kills" -lt "$UPDATE_KILLS" ]; do
	i=$((i + 1))
	id=${ids[$((i % 8))]}
	"$bin" --db "$db" show "$id" --format md >"$work/story.md"
	marker="crashmark-$i-$RANDOM"
	size=2400
	[ $((i % 2)) -eq 0 ] && size=65000
	python3 - "$work/story.md" "$marker" "$size" <<'PY'
import sys
path, marker, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
head, sep, body = open(path).read().partition("\n---\n")
para = f"Paragraph {marker} of the crash test, with words enough to weigh something. "
body = "\n\n".join([para * 4] * max(1, size // (len(para) * 4 + 2)))
open(path, "w").write(head + sep + "\n" + body + "\n")
PY
	if [ $((i % 3)) -eq 0 ]; then delay=$(random_ms 1000); else delay=$(random_ms 50); fi
	case $(kill_after "$bin" --db "$db" update "$id" "$work/story.md" --note "crash test $i") in
	killed) update_kills=$((update_kills + 1)) ;;
	"exited 0")
		rev=$(grep -oE 'saved revision [0-9]+' "$work/out" | grep -oE '[0-9]+$') || fail "update $i said $(cat "$work/out")"
		echo "$id $rev $marker" >>"$work/acks"
		update_acks=$((update_acks + 1))
		;;
	*) fail "update $i exited without a kill: $(cat "$work/err")" ;;
	esac
	integrity "update $i"
done
echo "crashtest-cli: $update_kills updates killed, $update_acks acknowledged; integrity_check ok after every one"

# Every acknowledged revision is there and holds what was saved.
while read -r id rev marker; do
	"$bin" --db "$db" show "$id" --rev "$rev" --format md | grep -q "$marker" || fail "revision $rev of $id lost $marker"
done <"$work/acks"
# Every revision rebuilds to its recorded SHA-256: copy --to checks each one.
"$bin" --db "$db" copy --to "$work/copy.db" >/dev/null || fail "copy --to found a revision that does not rebuild"
revs=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM revisions").fetchone()[0])' "$work/copy.db")
echo "crashtest-cli: all $update_acks acknowledged revisions found; all $revs revisions rebuild to their SHA-256"

# 3. Exports killed at random moments over the length of a whole export.
site=$work/site
start=$(date +%s%N)
"$bin" --db "$db" export --out "$work/ref" >/dev/null
full_ms=$((($(date +%s%N) - start) / 1000000))
rm -rf "$work/ref"
echo "crashtest-cli: a first export takes $full_ms ms"
export_kills=0 export_done=0
i=0
while [ "$export_kills" -lt "$EXPORT_KILLS" ]; do
	i=$((i + 1))
	# Every tenth run starts again from an empty folder (the first export's path).
	[ $((i % 10)) -eq 1 ] && rm -rf "$site"
	delay=$(random_ms $((full_ms + 50)))
	case $(kill_after "$bin" --db "$db" export --out "$site") in
	killed) export_kills=$((export_kills + 1)) ;;
	"exited 0") export_done=$((export_done + 1)) ;;
	*) fail "export $i exited without a kill: $(cat "$work/err")" ;;
	esac
	integrity "export $i"
done
"$bin" --db "$db" export --out "$site" >/dev/null || fail "the export after the kills: $(cat "$work/err")"
"$bin" --db "$db" export --out "$work/fresh" >/dev/null
diff -r -x .copydesk "$site" "$work/fresh" >/dev/null || fail "the site after the kills differs from a fresh export"
left=$(find "$site" -name '.staged-*' -o -name '*.tmp' | wc -l)
[ "$left" -eq 0 ] || fail "$left staged or temporary files left in the site"
echo "crashtest-cli: $export_kills exports killed ($export_done finished first); the site re-exports byte-identical, nothing staged left"
echo "crashtest-cli: ok: $((update_kills + export_kills)) SIGKILLs"
