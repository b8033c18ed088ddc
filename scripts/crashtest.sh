#!/usr/bin/env bash
# Proves that nothing typed is lost: types into the body of the real window
# under Xvfb, kills the process with SIGKILL two seconds later, starts it again
# and checks that the words come back. Leaves docs/screenshots/recovered.png.
# Run through `make crashtest`.
set -euo pipefail
cd "$(dirname "$0")/.."
# The screenshot tool sits in the shared folder beside the checkout (or
# beside the folder of worktrees); $SCREENSHOT names another.
shot=${SCREENSHOT:-}
for t in ../shared/tools/screenshot ../../shared/tools/screenshot; do
  [ -n "$shot" ] || [ ! -x "$t" ] || shot=$PWD/$t
done
[ -n "$shot" ] || { echo "crashtest: no ../shared/tools/screenshot (set SCREENSHOT)" >&2; exit 2; }
bin=$PWD/bin/copydesk
work=$(mktemp -d)
trap 'rm -rf "$work" 2>/dev/null || true' EXIT
mkdir -p "$work/home" docs/screenshots
db=$work/desk.db
words="Kill-test words $(date +%s) typed two seconds before SIGKILL"
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
# The author is known, so the first start does not stop to ask for it.
export COPYDESK_AUTHOR="Jane Sub"

# 1. Type into the body, wait two seconds, kill -9 the app.
cat > "$work/type-and-kill.sh" <<DRIVE
win=\$(xdotool search --onlyvisible --name copydesk | head -1)
pid=\$(xdotool getwindowpid "\$win")
xdotool mousemove 660 470 click 1
sleep 0.3
xdotool key End
xdotool type --delay 15 " $words"
sleep 2
kill -9 "\$pid"
echo "killed \$pid" >&2
DRIVE
# (Tried up to three times: Xvfb's display number is random and may clash.)
for try in 1 2 3; do
  rm -f "$db" "$db"-wal "$db"-shm
  "$shot" "$work/before.png" --wait 3 --drive "$work/type-and-kill.sh" -- "$bin" --db "$db" && break
  echo "crashtest: Xvfb or the window did not start (attempt $try); trying again" >&2
done

# 2. The words are in the database as a working copy, not a revision.
python3 - "$db" "$words" <<'PY'
import json, sqlite3, sys
db, words = sys.argv[1], sys.argv[2]
rows = sqlite3.connect(db).execute("SELECT content FROM working_copies").fetchall()
bodies = [json.loads(r[0])["body"] for r in rows]
if not any(words in b for b in bodies):
    sys.exit("crashtest: FAILED: the words typed are not in the working copy")
print("crashtest: the working copy holds the words typed before the kill")
PY

# 3. Starting again offers them back.
"$shot" docs/screenshots/recovered.png --wait 3 -- "$bin" --db "$db"
rm -f docs/screenshots/recovered.log

# 4. A new story (Ctrl+N) is stored only once typed in: one left untouched
# leaves no row, and one killed a moment after its first keystrokes is in the
# database with them, as a working copy over its first, empty revision.
headline="Kill-test headline $(date +%s)"
cat > "$work/new-and-kill.sh" <<DRIVE
win=\$(xdotool search --onlyvisible --name copydesk | head -1)
pid=\$(xdotool getwindowpid "\$win")
xdotool mousemove 660 470 key ctrl+n
sleep 0.5
xdotool mousemove 160 250 click 1
sleep 0.5
xdotool mousemove 660 470 key ctrl+n
sleep 0.5
xdotool type --delay 15 "$headline"
sleep 0.3
kill -9 "\$pid"
DRIVE
before=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM stories").fetchone()[0])' "$db")
"$shot" "$work/new.png" --wait 3 --drive "$work/new-and-kill.sh" -- "$bin" --db "$db"
python3 - "$db" "$headline" "$before" <<'PY'
import json, sqlite3, sys
db, headline, before = sys.argv[1], sys.argv[2], int(sys.argv[3])
c = sqlite3.connect(db)
n = c.execute("SELECT count(*) FROM stories").fetchone()[0]
if n != before + 1:
    sys.exit(f"crashtest: FAILED: {n} stories after a new story left untouched and another typed in, want {before + 1}")
heads = [json.loads(r[0])["headline"] for r in c.execute("SELECT content FROM working_copies")]
if not any(h and headline.startswith(h) for h in heads):
    sys.exit(f"crashtest: FAILED: the new story's working copy holds {heads!r}, not the first keystrokes of {headline!r}")
got = max((h for h in heads if h and headline.startswith(h)), key=len)
print(f"crashtest: the new story is stored once, its working copy holding {len(got)} of the {len(headline)} characters typed 0.3 s before the kill")
PY
echo "crashtest: see docs/screenshots/recovered.png for the recovered text"
