#!/usr/bin/env bash
# Saves PNGs of copydesk's main screens under docs/screenshots, from the real
# binary in an X window under Xvfb (../shared/tools/screenshot). Run through
# `make screenshots`, which builds bin/copydesk and installs Xvfb and xdotool.
# No window manager runs: the window sits at 0,0 and the clicks below are in
# its coordinates (1360×840).
set -euo pipefail
# The author is known, so the first start does not stop to ask for it.
export COPYDESK_AUTHOR="Jane Sub"
# The light theme unless a shot says otherwise (the app follows the system
# theme, which under Xvfb is dark).
export FYNE_THEME=${FYNE_THEME:-light}
cd "$(dirname "$0")/.."
# The screenshot tool sits in the shared folder beside the checkout (or
# beside the folder of worktrees); $SCREENSHOT names another.
shot=${SCREENSHOT:-}
for t in ../shared/tools/screenshot ../../shared/tools/screenshot; do
  [ -n "$shot" ] || [ ! -x "$t" ] || shot=$PWD/$t
done
[ -n "$shot" ] || { echo "screenshots: no ../shared/tools/screenshot (set SCREENSHOT)" >&2; exit 2; }
out=docs/screenshots
bin=$PWD/bin/copydesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# Every shot starts from a fresh home, so the app runs as on first start.
n=0
# prep is what a shot's home needs before the app starts (publish, below);
# a retry runs it again on the new home.
fresh() { n=$((n + 1)); home=$work/home$n; mkdir -p "$home"; prep=:; }
# run takes a shot, trying again when Xvfb fails to start (its display number
# is random and may clash with another one on the machine).
run() {
  for try in 1 2 3; do
    HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config "$shot" "$@" && return 0
    echo "screenshots: attempt $try failed, trying again" >&2
    rm -rf "$home" && mkdir -p "$home" && $prep
  done
  return 1
}
drive() { printf '%s\n' "$@" > "$work/drive$n.sh"; echo "$work/drive$n.sh"; }

# Fields are reached from the keyboard wherever the app allows: one click
# puts the cursor in the headline (the one coordinate the drives rely on),
# and Tab goes on headline → standfirst → byline → dateline → section → tags
# → body. The rest are the menus' shortcuts.
headline='xdotool mousemove 680 132 click 1'
tabs() { printf 'xdotool key --delay 80'; for _ in $(seq "$1"); do printf ' Tab'; done; }
body="$(tabs 6)"
# win WIDTH HEIGHT resizes the window (no window manager: it stays at 0,0).
win() { printf 'w=$(xdotool search --onlyvisible --name copydesk | head -1); xdotool windowsize "$w" %s %s; sleep 1.5' "$1" "$2"; }
# crop cuts a shot down to the window's size.
crop() { convert "$1" -crop "$2+0+0" +repage "$1"; }
# The first start seeds a sample story, slower than the tool's 2 s under load.
wait=(--wait 6)

# The main window on a new database, with the sample story, in both themes.
fresh
FYNE_THEME=light run "$out/main-light.png" "${wait[@]}" -- "$bin"
fresh
FYNE_THEME=dark run "$out/main-dark.png" "${wait[@]}" -- "$bin"

# First start without a name known: the app asks for the author's.
fresh
(unset COPYDESK_AUTHOR; FYNE_THEME=light run "$out/welcome.png" "${wait[@]}" -- "$bin")

# The window at 1400×900, 1000×700 and 800×600, in both themes.
for size in 1400x900 1000x700 800x600; do
  for theme in light dark; do
    fresh
    FYNE_THEME=$theme run "$out/size-$size-$theme.png" "${wait[@]}" --drive "$(drive "$(win "${size%x*}" "${size#*x}")")" -- "$bin"
    crop "$out/size-$size-$theme.png" "$size"
  done
done

# One search box across stories, pages, quotes and people (Ctrl+Shift+F).
fresh
run "$out/search.png" "${wait[@]}" --drive "$(drive \
  'xdotool mousemove 700 500' 'xdotool key ctrl+shift+f' 'sleep 0.3' \
  'xdotool type --delay 40 "Cleverly"' 'sleep 1')" -- "$bin"

# The rules page in its editor, with the preview of its summary.
fresh
run "$out/page-editor.png" "${wait[@]}" --drive "$(drive \
  'xdotool mousemove 100 89 click 1' 'sleep 0.5' \
  'xdotool mousemove 150 205 click 1' 'sleep 1')" -- "$bin"

# The Checks panel (Ctrl+K) follows the text: a byline removed and a quote's
# words changed ("direct threat" made "grave threat") are reported as typing
# pauses.
fresh
run "$out/checks.png" "${wait[@]}" --drive "$(drive \
  'xdotool mousemove 700 500' 'xdotool key ctrl+k' 'sleep 0.3' \
  "$headline" 'sleep 0.3' "$(tabs 2)" 'xdotool key ctrl+a BackSpace' \
  "$(tabs 4)" 'xdotool key ctrl+Home' 'xdotool key --repeat 57 --delay 5 Right' \
  'xdotool key --repeat 6 --delay 20 Delete' 'xdotool type --delay 20 "grave"' 'sleep 1.5')" -- "$bin"

# Spelling: two slips typed at the start of the body are underlined once
# typing pauses; a right-click on the second offers the dictionary's
# spellings and Add to house words.
fresh
run "$out/spelling.png" "${wait[@]}" --drive "$(drive \
  "$headline" 'sleep 0.3' "$body" 'xdotool key ctrl+Home' \
  'xdotool type --delay 30 "Teh councl "' 'sleep 4' \
  'xdotool mousemove 393 347 click 3' 'sleep 1')" -- "$bin"

# Notes between editor and subeditor: words selected in the body, Add note
# (Ctrl+Alt+M), the note typed and added; that one resolved, then a second
# on the first words of the next paragraph, left open with its words selected.
words() { printf 'xdotool key --delay 50'; for _ in $(seq "$1"); do printf ' ctrl+shift+Right'; done; }
note() { printf '%s\n' 'xdotool key ctrl+alt+m' 'sleep 1' "xdotool type --delay 10 \"$1\"" 'sleep 0.3' 'xdotool mousemove 720 534 click 1' 'sleep 1.5'; }
fresh
run "$out/notes.png" "${wait[@]}" --drive "$(drive \
  "$headline" 'sleep 0.3' "$body" 'xdotool key ctrl+Home' "$(words 3)" 'sleep 0.3' \
  "$(note 'Sir Iain on first mention, house style.')" \
  'xdotool mousemove 1050 249 click 1' 'sleep 1' \
  'xdotool mousemove 660 560 click 1' 'xdotool key ctrl+Home Down Down' "$(words 5)" 'sleep 0.3' \
  "$(note 'Is it the Conservative Party or the Conservatives in the Commons? Check with the desk.')")" -- "$bin"

# A new story (Ctrl+N) before anything is typed: in the list as unsaved,
# with no row in the store until the first keystroke.
fresh
run "$out/new-story.png" "${wait[@]}" --drive "$(drive \
  'xdotool mousemove 700 500' 'xdotool key ctrl+n' 'sleep 1')" -- "$bin"

# Preferences (Ctrl+,).
fresh
run "$out/preferences.png" "${wait[@]}" --drive "$(drive \
  'xdotool mousemove 700 500' 'xdotool key ctrl+comma' 'sleep 1')" -- "$bin"

# Save revision (Ctrl+S) asks for a note.
fresh
run "$out/save-revision.png" "${wait[@]}" --drive "$(drive \
  "$headline" 'sleep 0.3' "$(tabs 3)" \
  'xdotool type --delay 20 "Westminster"' 'sleep 1.5' 'xdotool key ctrl+s' 'sleep 0.5' \
  'xdotool type --delay 20 "subbed"' 'sleep 0.5')" -- "$bin"

# An old revision opened from the History tab (Ctrl+Shift+H).
fresh
run "$out/history.png" "${wait[@]}" --drive "$(drive \
  'xdotool mousemove 700 500' 'xdotool key ctrl+shift+h' 'sleep 0.5' \
  'xdotool mousemove 1100 270' 'sleep 0.3' 'xdotool click 1' 'sleep 2')" -- "$bin"

# A save that cannot be made (a byline too long) is explained, and the text
# stays.
fresh
long=$(printf 'Press Association %.0s' $(seq 12))
run "$out/error-save.png" "${wait[@]}" --drive "$(drive \
  "$headline" 'sleep 0.3' "$(tabs 2)" 'xdotool key End' \
  "xdotool type --delay 2 ' $long'" 'sleep 1.5' 'xdotool key ctrl+s' 'sleep 1' 'xdotool key Return' 'sleep 1.5')" -- "$bin"

# The live desk: someone else (bob, here the command line or a second copy)
# saves the story while it is being edited. Each shot has its own database
# holding one three-paragraph story.
# (scripts/testdata/council.md; make livetest edits it too)
cp scripts/testdata/council.md "$work/council.md"
slug=council-vote-on-the-new-library-is-due-next-week
# desk makes the shot's database and names the author of its copy of the app.
desk() {
  db=$home/desk.db
  HOME=$home "$bin" --db "$db" import "$work/council.md" --author wire >/dev/null
  mkdir -p "$home/config/fyne/io.copydesk.desk"
  printf '{"author":"%s"}' "$1" > "$home/config/fyne/io.copydesk.desk/preferences.json"
}
# bobsaves has bob save revision 1 with sed's change made to it.
bobsaves() {
  echo "HOME=$home $bin --db $db show $slug --format md > $work/bob$n.md" \
    "&& sed -i '$1' $work/bob$n.md" \
    "&& HOME=$home $bin --db $db update $slug $work/bob$n.md --author bob >/dev/null"
}
# Bob's save arrives while ann has changed the same word: the clash view.
fresh; desk ann
# It puts the cursor after "Tuesday" from the keyboard (Ctrl+Home, two rows
# down, 43 letters on), so no click depends on where the body's lines fall.
retype='xdotool mousemove 700 630 click 1; sleep 0.3; xdotool key ctrl+Home Down Down Home; xdotool key --repeat 43 --delay 10 Right; xdotool key --delay 40 BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace; xdotool type --delay 30 Wednesday'
run "$out/live-clash.png" --drive "$(drive "$retype" \
  'xdotool mousemove 700 630 click 1' 'sleep 0.3' 'xdotool type --delay 30 " The meeting ran late."' \
  "$(bobsaves 's/due on Tuesday/due on Thursday/; s/branch libraries/branch libraries in Headingley/')" 'sleep 4')" -- "$bin" --db "$db"
# Ann keeps editing instead, then saves: the save merges bob's revision,
# asks at the clash, and says what it merged.
fresh; desk ann
run "$out/live-merge.png" --drive "$(drive "$retype" \
  'xdotool mousemove 700 630 click 1' 'sleep 0.3' 'xdotool type --delay 30 " The meeting ran late."' \
  "$(bobsaves 's/due on Tuesday/due on Thursday/; s/branch libraries/branch libraries in Headingley/')" 'sleep 2.5' \
  'xdotool key Escape' 'sleep 0.5' 'xdotool key ctrl+s' 'sleep 1' 'xdotool key Return' 'sleep 1' 'xdotool key Return' 'sleep 3')" -- "$bin" --db "$db"
# Bob's save arrives while ann types, and merges with her changes.
fresh; desk ann
run "$out/live-arrive.png" --drive "$(drive \
  'xdotool mousemove 700 630 click 1' 'sleep 0.3' 'xdotool type --delay 30 " The meeting ran late."' 'sleep 1.2' \
  "$(bobsaves 's/branch libraries/branch libraries in Headingley and Chapeltown/')" 'sleep 3')" -- "$bin" --db "$db"
# A second copy of the app, bob's, has the story open (its window hidden).
fresh; desk ann
mkdir -p "$home/bob/config/fyne/io.copydesk.desk"
printf '{"author":"bob"}' > "$home/bob/config/fyne/io.copydesk.desk/preferences.json"
run "$out/live-presence.png" --drive "$(drive \
  "HOME=$home/bob XDG_CONFIG_HOME=$home/bob/config $bin --db $db >/dev/null 2>&1 & bob=\$!" \
  'for i in $(seq 100); do w=$(xdotool search --onlyvisible --pid $bob | head -1); [ -n "$w" ] && break; sleep 0.1; done' \
  'sleep 3' 'xdotool windowunmap $w' 'sleep 4' 'kill $bob' 'sleep 1')" -- "$bin" --db "$db"

# Quitting with changes not saved as a revision asks first.
fresh
run "$out/quit.png" "${wait[@]}" --drive "$(drive \
  "$headline" 'sleep 0.3' "$body" 'xdotool key ctrl+Home End' \
  'xdotool type --delay 20 " He spoke for ten minutes."' 'xdotool key ctrl+q' 'sleep 0.6')" -- "$bin"

# A database that cannot be opened is explained, with a way out.
fresh
head -c 4096 /dev/urandom > "$work/not-a-database.db"
run "$out/error-database.png" -- "$bin" --db "$work/not-a-database.db"

# Find and replace in the story (Ctrl+H): "Five Eyes" found in the body,
# its replacement typed (Tab goes from the find field to the replace field).
fresh
run "$out/find-replace.png" "${wait[@]}" --drive "$(drive \
  "$headline" 'sleep 0.3' "$body" 'xdotool key ctrl+h' 'sleep 0.5' \
  'xdotool type --delay 20 "Five Eyes"' 'sleep 0.5' \
  'xdotool key Tab' 'sleep 0.3' 'xdotool type --delay 20 "Five Eyes alliance"' 'sleep 0.8')" -- "$bin"

# publish makes the database $db with the sample story published, from the
# command line, before the window opens (so no notice of the moves shifts the
# fields in it).
publish() {
  HOME=$home "$bin" sample --db "$db" >/dev/null
  for st in subbing ready published; do
    HOME=$home "$bin" status --db "$db" sir-iain-direct-threat-from-china $st >/dev/null
  done
}

# A change to a published story: Save revision asks which kind of change it
# is. A correction, and a correction saved with no note (Return: the dialog
# stays open and says what to write), then a clarification, an update and a
# minor fix, each with its note. Shift+Tab from the note goes back through
# the kinds (Minor fix, Update, Clarification, Correction), Space picks one.
for kind in correction:0:"An earlier version gave the wrong date for the vote." \
            correction-empty:0: \
            clarification:3:"This story has been amended to make clear the threat was reported to the co-chairs." \
            update:2:"Adds the Foreign Office minister's reply." \
            minor-fix:1:"typo in the first paragraph"; do
  name=${kind%%:*} rest=${kind#*:} back=${rest%%:*} note=${rest#*:}
  fresh
  db=$home/desk.db prep=publish
  publish
  pick=()
  if [ "$back" -gt 0 ]; then
    pick=("xdotool key --delay 100 $(printf 'shift+Tab %.0s' $(seq "$back"))" 'xdotool key space' 'sleep 0.3')
  fi
  if [ -n "$note" ]; then write="xdotool type --delay 10 \"$note\""; else write='xdotool key Return'; fi
  run "$out/change-$name.png" "${wait[@]}" --drive "$(drive \
    "$headline" 'sleep 0.3' "$(tabs 3)" 'xdotool type --delay 20 "Westminster"' 'sleep 1.5' \
    'xdotool key ctrl+s' 'sleep 1' "$write" "${pick[@]}" 'sleep 0.8')" -- "$bin" --db "$db"
done

# --- Quotes, compare and export (the panels branch) ---------------------------

# Insert quote (Ctrl+Shift+Q) at the end of the first paragraph: James Cleverly
# chosen from the directory, the words typed, the house-style preview below.
fresh
run "$out/quote-dialog.png" "${wait[@]}" --drive "$(drive \
  "$headline" 'sleep 0.3' "$body" 'xdotool key ctrl+Home End' 'sleep 0.3' \
  'xdotool key ctrl+shift+q' 'sleep 1' \
  'xdotool mousemove 714 148 click 1' 'sleep 0.7' 'xdotool mousemove 557 220 click 1' 'sleep 0.4' \
  'xdotool mousemove 730 255 click 1' 'xdotool type --delay 5 "We take these matters extremely seriously."' \
  'xdotool mousemove 730 440 click 1' 'xdotool type --delay 5 "Hansard, 28 Nov 2026"' 'sleep 0.5')" -- "$bin"

# Compare revisions (Ctrl+D): the sample story as filed against as subbed,
# side by side, in both themes.
fresh
FYNE_THEME=light run "$out/compare-light.png" "${wait[@]}" --drive "$(drive \
  'xdotool mousemove 700 500' 'xdotool key ctrl+d' 'sleep 1.5' \
  'xdotool mousemove 972 114 click 1' 'sleep 0.5')" -- "$bin"
fresh
FYNE_THEME=dark run "$out/compare-dark.png" "${wait[@]}" --drive "$(drive \
  'xdotool mousemove 700 500' 'xdotool key ctrl+d' 'sleep 1.5')" -- "$bin"

# Export website (Ctrl+E), run into a folder once the sample story is
# published (publish, above): the summary and the button that
# opens the site.
fresh
db=$home/desk.db prep=publish
publish
run "$out/export-dialog.png" "${wait[@]}" --drive "$(drive \
  'xdotool mousemove 700 500' 'xdotool key ctrl+e' 'sleep 1' \
  'xdotool mousemove 690 347 click 1' "xdotool type --delay 5 '$work/site'" \
  'xdotool mousemove 690 386 click 1' 'xdotool type --delay 5 "https://news.example.org/"' \
  'xdotool mousemove 712 527 click 1' 'sleep 8')" -- "$bin" --db "$db"

# --- A day on the desk (issue 12) ---------------------------------------------

# A length target of 400 words on the 321-word sample: the count turns amber.
fresh
run "$out/length-target.png" "${wait[@]}" --drive "$(drive \
  'xdotool mousemove 496 730 mousedown 1' 'sleep 0.1' 'xdotool mouseup 1' 'sleep 0.3' \
  'xdotool type --delay 30 "400"' 'sleep 1.5')" -- "$bin"

# The exported article page with its "Quoted in this story" box (issue 14),
# as a reader's browser shows it: headless Chromium on the exported file.
fresh
db=$home/desk.db
publish
HOME=$home "$bin" export --db "$db" --out "$work/quoted-site" --base-url https://news.example.org/ >/dev/null
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,2100 \
  --screenshot="$out/quoted-in-this-story.png" \
  "file://$work/quoted-site/articles/sir-iain-direct-threat-from-china.html" 2>/dev/null

rm -f "$out"/*.log
echo "screenshots in $out:"; ls "$out"
