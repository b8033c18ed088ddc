#!/usr/bin/env bash
# Proves that nothing typed is lost: types into the body of the real window
# under Xvfb, kills the process with SIGKILL two seconds later, starts it again
# and checks that the words come back. Leaves docs/screenshots/recovered.png.
# Run through `make crashtest`.
set -euo pipefail
cd "$(dirname "$0")/.."
shot=../shared/tools/screenshot
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
echo "crashtest: see docs/screenshots/recovered.png for the recovered text"
