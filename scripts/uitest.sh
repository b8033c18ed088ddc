#!/usr/bin/env bash
# The keyboard in the real window (issue 12, defect 1): after Insert quote
# (Ctrl+Shift+Q) and Escape, a click in the third paragraph and a few typed
# letters must land at the click, and every paragraph must still be there.
# Under Xvfb with xdotool (../shared/tools/screenshot); the typed text is
# read back from the working copy autosave writes a second later. Run
# through `make uitest`; BIN=path runs another build.
set -euo pipefail
# The author is known, so the first start does not stop to ask for it.
export COPYDESK_AUTHOR="Jane Sub"
cd "$(dirname "$0")/.."
# The screenshot tool lives beside the checkout (../shared), or beside the
# worktrees' folder when this is a git worktree.
shot=""
for s in ../shared/tools/screenshot ../../shared/tools/screenshot; do [ -x "$s" ] && { shot=$s; break; }; done
[ -n "$shot" ] || { echo "uitest: ../shared/tools/screenshot not found" >&2; exit 1; }
bin=${BIN:-$PWD/bin/copydesk}
work=$(mktemp -d)
trap 'rm -rf "$work" 2>/dev/null || true' EXIT
mkdir -p "$work/home"
db=$work/desk.db
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
marker=ZQXJ

# The window sits at 0,0 (1360×840). The sample story opens with the body's
# first paragraph at y≈345 and its third at y≈470 (under the kicker row).
cat > "$work/drive.sh" <<DRIVE
xdotool mousemove 700 345 click 1
sleep 0.3
xdotool key ctrl+shift+q
sleep 1
xdotool key Escape
sleep 0.5
xdotool mousemove 420 470 click 1
sleep 0.3
xdotool type --delay 30 "$marker"
sleep 2.5
DRIVE
ran=""
for try in 1 2 3; do
  rm -f "$db" "$db"-wal "$db"-shm
  "$shot" "$work/after.png" --wait 3 --drive "$work/drive.sh" -- "$bin" --db "$db" && { ran=1; break; }
  echo "uitest: Xvfb or the window did not start (attempt $try); trying again" >&2
done
[ -n "$ran" ] || { echo "uitest: FAILED: the window never came up" >&2; exit 1; }
[ -n "${UITEST_SHOT:-}" ] && cp "$work/after.png" "$UITEST_SHOT"

python3 - "$db" "$marker" <<'PY'
import json, sqlite3, sys
db, marker = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
saved = con.execute("SELECT id, body FROM stories").fetchall()
copies = {r[0]: json.loads(r[1])["body"] for r in con.execute("SELECT doc_id, content FROM working_copies")}
for sid, body in saved:
    if sid not in copies:
        continue
    typed = copies[sid]
    paras, now = body.split("\n\n"), typed.split("\n\n")
    if len(now) != len(paras):
        sys.exit(f"uitest: FAILED: the body had {len(paras)} paragraphs and now has {len(now)}")
    changed = [i for i, (a, b) in enumerate(zip(paras, now)) if a != b]
    if changed != [2] or now[2].replace(marker, "", 1) != paras[2]:
        sys.exit(f"uitest: FAILED: the typing should have gone into the third paragraph only; paragraphs changed: {[i + 1 for i in changed]}")
    print(f"uitest: ok: all {len(paras)} paragraphs are there and “{marker}” went into the third")
    sys.exit(0)
sys.exit("uitest: FAILED: nothing typed reached the body (no working copy)")
PY
