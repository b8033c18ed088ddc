#!/usr/bin/env bash
# The live desk end to end (issue 10, item 6): two real copies of
# bin/copydesk, alice's and bob's, each in an X display of its own (Xvfb,
# driven with xdotool), on one story of a private PostgreSQL this script
# starts and stops itself. It checks, and prints the figures of:
#   a. presence: alice's copy shows in bob's (the presence table, and bob's
#      window saying "Alice is editing");
#   b. a save in alice's copy reaches bob's within 2 s (SAVES times): from
#      the moment alice's save returned to bob's window showing it, both
#      read from the copies' event lines (COPYDESK_LIVE_LOG=1, app/livelog.go);
#   c. edits typed in different paragraphs in both copies, saved at once,
#      end in one revision holding both, with no clash;
#   d. the server stopped with pg_ctl -m immediate while alice types, her
#      copy killed with SIGKILL one second after the last key, the server
#      and her copy started again: every word is back (from the local
#      journal), and a save then lands on the server and reaches bob;
#   e. her copy started while the server is stopped opens offline on the
#      story its journal holds, typing goes on, and once the server is back
#      the window moves onto the desk and a save lands with all the typing.
# Exits 1 when a check fails. Screenshots go to $LIVETEST_SHOTS when set
# (make livetest LIVETEST_SHOTS=docs/screenshots retakes the README's).
# Run through `make livetest`; BIN=path runs another build, KEEP=1 keeps
# the work folder (logs, screenshots, the server's data).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-$PWD/bin/copydesk}
saves=${SAVES:-5}
shots=${LIVETEST_SHOTS:-}
limit_ms=2000
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || { echo "livetest: no PostgreSQL under /usr/lib/postgresql/*/bin (make pg-deps)" >&2; exit 3; }
[ -x "$bin" ] || { echo "livetest: no $bin (make build)" >&2; exit 3; }

work=$(mktemp -d /tmp/copydesk-livetest-XXXXXX)
chmod 755 "$work"
pg=$work/pg
mkdir -p "$pg" "$work/shots"
pids=() xvfbs=()
finish() {
  exec 2>/dev/null # not "Killed" for each copy
  for p in "${pids[@]}" "${xvfbs[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  as_pg "$pgbin/pg_ctl" -D "$pg/data" -m immediate stop >/dev/null 2>&1 || true
  if [ -n "${KEEP:-}" ]; then echo "livetest: kept $work"; else rm -rf "$work"; fi
}
trap finish EXIT
trap 'exit 130' INT TERM

# The server runs as the postgres user when this runs as root (initdb
# refuses root), who then owns its folder.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" != 0 ] || chown postgres: "$pg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$pgbin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 3; }
# Durable (PostgreSQL's defaults): an immediate stop must not lose a commit.
pg_start() {
  as_pg "$pgbin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
    -o "-k $pg -p $port -c listen_addresses=''" start >/dev/null
}
pg_start
url() { echo "postgres://$1@/desk?host=$pg&port=$port"; }
sql() { psql -X -q -At -h "$pg" -p "$port" -U postgres -d desk -c "$1"; }
psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -c 'CREATE DATABASE desk'
export HOME=$work/admin
mkdir -p "$HOME"
"$bin" --db "$(url postgres)" desk init >/dev/null
for who in alice bob; do "$bin" --db "$(url postgres)" desk add "$who" editor >/dev/null; done
"$bin" --db "$(url postgres)" import scripts/testdata/council.md >/dev/null
doc=$(sql "SELECT id FROM stories")
rev() { sql "SELECT revision FROM stories WHERE id = '$doc'"; }
body() { sql "SELECT body FROM stories WHERE id = '$doc'"; }

failed=0 rows=()
fail() { echo "livetest: FAILED: $*" >&2; failed=1; }
row() { rows+=("$(printf '%-44s %-14s %s' "$1" "$2" "$3")"); }
now_ms() { date +%s%3N; }

# An X display of its own for each copy (no window manager: the window sits
# at 0,0, 1360×840, and the keyboard follows the pointer).
declare -A disp
new_display() {
  local d
  for _ in 1 2 3 4 5; do
    d=:$(( 100 + RANDOM % 400 ))
    [ -e "/tmp/.X11-unix/X${d#:}" ] && continue
    Xvfb "$d" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    local x=$!
    for _ in $(seq 100); do DISPLAY=$d xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
    if DISPLAY=$d xdpyinfo >/dev/null 2>&1; then xvfbs+=("$x"); disp[$1]=$d; return 0; fi
    kill "$x" 2>/dev/null || true
  done
  echo "livetest: Xvfb would not start" >&2; exit 3
}
declare -A pid
# start NAME: NAME's copy of the app, its home in $work/NAME, its output in
# $work/NAME.log; waits for the window.
start() {
  local h=$work/$1
  mkdir -p "$h"
  HOME=$h XDG_CONFIG_HOME=$h/config XDG_DATA_HOME=$h/data DISPLAY=${disp[$1]} FYNE_THEME=light \
    COPYDESK_LIVE_LOG=1 LANG=en_GB.UTF-8 "$bin" --db "$(url "$1")" >>"$work/$1.log" 2>&1 &
  pid[$1]=$!
  pids+=("$!")
  for _ in $(seq 600); do
    [ -n "$(DISPLAY=${disp[$1]} xdotool search --onlyvisible --pid "${pid[$1]}" 2>/dev/null | head -1)" ] && return 0
    kill -0 "${pid[$1]}" 2>/dev/null || { echo "livetest: $1's copy exited; see its log:" >&2; tail "$work/$1.log" >&2; exit 3; }
    sleep 0.05
  done
  echo "livetest: $1's window did not appear" >&2; exit 3
}
xd() { local who=$1; shift; DISPLAY=${disp[$who]} xdotool "$@"; }
shot() { DISPLAY=${disp[$1]} import -window root "$work/shots/$2.png"; }
lines() { wc -l < "$work/$1.log"; }
# event NAME FROM REGEX: the time (ms) of the first event line of NAME's
# copy after line FROM that matches REGEX; empty when none yet.
event() { tail -n +"$(( $2 + 1 ))" "$work/$1.log" | grep -E "^live [0-9]+ $3" | head -1 | cut -d' ' -f2; }
# await NAME FROM REGEX SECONDS: event, waiting for it up to SECONDS.
await() {
  local t end=$(( $(date +%s) + $4 ))
  while :; do
    t=$(event "$1" "$2" "$3")
    [ -n "$t" ] && { echo "$t"; return 0; }
    [ "$(date +%s)" -ge "$end" ] && return 1
    sleep 0.1
  done
}
# The body is the big field: a click well inside it, then Ctrl+Home or
# Ctrl+End, puts the cursor at its start (paragraph 1) or end (paragraph 3).
in_body() { xd "$1" mousemove 700 630 click 1; sleep 0.3; xd "$1" key "$2"; }
# save NAME: Save revision (Ctrl+S), and Return on its note.
save() { xd "$1" key ctrl+s; sleep 1; xd "$1" key Return; }

new_display alice
new_display bob
start alice
start bob
a0=$(await alice 0 "opened doc=$doc" 30) || { fail "alice's copy did not open the story"; exit 1; }
await bob 0 "opened doc=$doc" 30 >/dev/null || { fail "bob's copy did not open the story"; exit 1; }

# a. Presence.
if t=$(await bob 0 "present doc=$doc text=\"Alice is" 20); then
  row "a. alice shown in bob's window" "$(( t - a0 )) ms" "after alice's window opened the story (beats every 3 s)"
else
  fail "bob's window never showed alice on the story"
fi
# Each copy's first beat may be from before it opened the story: the next
# comes 3 s later.
for _ in $(seq 50); do
  present=$(sql "SELECT string_agg(user_name, ',' ORDER BY user_name) FROM presence WHERE doc_id = '$doc'")
  [ "$present" = "alice,bob" ] && break
  sleep 0.2
done
row "a. presence table on the story" "$present" ""
[ "$present" = "alice,bob" ] || fail "the presence table has \"$present\" on the story, want alice,bob"
shot bob presence-bob

# b. Saves arriving: alice types a word at the start of paragraph 1 and
# saves; bob's window, with no edits of its own, reloads.
worst=0 all=""
for i in $(seq "$saves"); do
  fa=$(lines alice) fb=$(lines bob)
  in_body alice ctrl+Home
  xd alice type --delay 30 "Arrival$i "
  sleep 0.5
  save alice
  ts=$(await alice "$fa" "saved doc=$doc" 20) || { fail "alice's save $i did not land"; continue; }
  r=$(tail -n +"$(( fa + 1 ))" "$work/alice.log" | grep -E "^live [0-9]+ saved doc=$doc" | head -1 | sed 's/.*rev=//')
  if tb=$(await bob "$fb" "arrived doc=$doc rev=$r by=alice how=reloaded" 20); then
    d=$(( tb - ts ))
    tf=$(event bob "$fb" "change doc=$doc rev=$r ")
    all+="$d ($(( tf - ts ))+$(( tb - tf ))) "
    [ "$d" -gt "$worst" ] && worst=$d
    [ "$d" -le "$limit_ms" ] || fail "alice's revision $r took $d ms to reach bob's window (limit $limit_ms)"
  else
    fail "alice's revision $r never reached bob's window"
  fi
  sleep 1.5
done
row "b. save -> other window, $saves saves (ms)" "max $worst" "each (save -> feed + feed -> window): ${all% }"
shot bob arrived-bob

# c. Different paragraphs, saved at once: alice's paragraph 1, bob's 3.
fa=$(lines alice) fb=$(lines bob)
r0=$(rev)
in_body alice ctrl+Home
xd alice type --delay 30 "Alicewords "
in_body bob ctrl+End
xd bob type --delay 30 " Bobwords"
sleep 1.5
both() { xd alice key "$1" & local k=$!; xd bob key "$1"; wait "$k"; }
both ctrl+s
sleep 1
both Return
await alice "$fa" "saved doc=$doc" 20 >/dev/null || fail "alice's save of her paragraph did not land"
await bob "$fb" "saved doc=$doc" 20 >/dev/null || fail "bob's save of his paragraph did not land"
end=$(( $(date +%s) + 10 ))
while :; do
  final=$(rev) text=$(body)
  [[ "$text" == *Alicewords* && "$text" == *Bobwords* ]] && break
  [ "$(date +%s)" -ge "$end" ] && break
  sleep 0.2
done
both="no"
[[ "$text" == "Alicewords "* && "$text" == *"branch libraries. Bobwords" ]] && both="yes"
row "c. both paragraphs in one revision" "$both" "revision $final (from $r0: $(( final - r0 )) saves, no dialog)"
[ "$both" = yes ] || fail "revision $final does not hold both edits: $text"
# Each window ends on the revision holding both (the later save merged the
# first), and neither met a clash.
for who in alice bob; do
  from=$fa; [ "$who" = bob ] && from=$fb
  ! tail -n +"$(( from + 1 ))" "$work/$who.log" | grep -q "how=clash" || fail "$who's window met a clash"
  t=$(await "$who" "$from" "(arrived doc=$doc rev=$final|saved doc=$doc rev=$final)" 10) \
    || fail "$who's window does not show revision $final"
done
shot alice merged-alice

# d. The server stopped while alice types; her copy killed; both back.
sleep 2
words=(Crashtest words typed while the shared desk went down and came back)
fa=$(lines alice)
in_body alice ctrl+End
xd alice type --delay 40 " ${words[*]:0:5}"
as_pg "$pgbin/pg_ctl" -D "$pg/data" -m immediate stop >/dev/null
stopped=$(now_ms)
xd alice type --delay 40 " ${words[*]:5}"
last_key=$(now_ms)
await alice "$fa" "offline" 10 >/dev/null || fail "alice's window never said it is offline"
sleep 2
shot alice offline-alice
# The last words, typed one second before the kill: the journal takes the
# typing at every autosave (each second), so these are the words most at risk.
late=(Aldwych Kingsway Holborn)
xd alice type --delay 40 " ${late[*]}"
last_key=$(now_ms)
words+=("${late[@]}")
sleep 1
killed=$(now_ms)
{ kill -9 "${pid[alice]}"; wait "${pid[alice]}"; } 2>/dev/null || true
journal=$(find "$work/alice" -name journal.db | head -1)
kept=$(python3 - "$journal" "$doc" "${words[@]}" <<'PY'
import json, sqlite3, sys
path, doc, words = sys.argv[1], sys.argv[2], sys.argv[3:]
row = sqlite3.connect(path).execute("SELECT content FROM working_copies WHERE doc_id = ?", (doc,)).fetchone()
body = json.loads(row[0])["body"] if row else ""
print(sum(1 for w in words if w in body.split()))
PY
)
row "d. words typed / in alice's journal" "${#words[@]} / $kept" "server stopped mid-typing, kill -9 $(( killed - last_key )) ms after the last key"
[ "$kept" = "${#words[@]}" ] || fail "the journal holds $kept of the ${#words[@]} words typed"
pg_start
fa=$(lines alice) fb=$(lines bob)
up=$(now_ms)
start alice
await alice "$fa" "opened doc=$doc rev=$final recovered=true" 30 >/dev/null \
  || fail "alice's copy did not bring the typing back on restart"
sleep 1
shot alice recovered-alice
xd alice mousemove 700 400
save alice
if ts=$(await alice "$fa" "saved doc=$doc" 30); then
  text=$(body) back=0
  for w in "${words[@]}"; do [[ " $text " == *" $w"[\ .]* ]] && back=$((back + 1)); done
  row "d. words on the server after the restart" "$back / ${#words[@]}" "revision $(rev), saved $(( ts - up )) ms after the server and alice's copy were started"
  [ "$back" = "${#words[@]}" ] || fail "the server's revision holds $back of the ${#words[@]} words: $text"
  if tb=$(await bob "$fb" "arrived doc=$doc rev=$(rev) by=alice" 20); then
    row "d. that save -> bob's window (reconnected)" "$(( tb - ts )) ms" ""
  else
    fail "bob's window never got alice's save after the restart"
  fi
else
  fail "alice's save after the restart did not land"
fi

# e. Starting while the desk is down: alice's copy, killed after typing,
# starts while the server is stopped; it opens offline on the story its
# journal holds, typing goes on, and it moves onto the desk once the server
# is back, where a save lands with both the typing before and after.
before="Typed before the stop." during="Typed while the desk was down."
in_body alice ctrl+End
xd alice type --delay 40 " $before"
sleep 2
{ kill -9 "${pid[alice]}"; wait "${pid[alice]}"; } 2>/dev/null || true
as_pg "$pgbin/pg_ctl" -D "$pg/data" -m immediate stop >/dev/null
fa=$(lines alice)
t0=$(now_ms)
start alice
if t=$(await alice "$fa" "opened doc=$doc" 30) && await alice "$fa" "offline" 10 >/dev/null; then
  row "e. started offline: window on the story" "$(( t - t0 )) ms" "from exec, the server stopped"
else
  fail "alice's copy did not open the story offline"
fi
sleep 1
in_body alice ctrl+End
xd alice type --delay 40 " $during"
sleep 2
shot alice offline-start-alice
fa=$(lines alice)
pg_start
up=$(now_ms)
if t=$(await alice "$fa" "reconnected" 30); then
  row "e. offline window -> on the desk" "$(( t - up )) ms" "after the server started (tried every 2 s)"
  await alice "$fa" "opened doc=$doc rev=[0-9]+ recovered=true" 30 >/dev/null \
    || fail "back on the desk, alice's window did not bring the offline typing back"
  sleep 1
  xd alice mousemove 700 400
  save alice
  if await alice "$fa" "saved doc=$doc" 30 >/dev/null; then
    text=$(body) both=no
    [[ "$text" == *"$before $during" ]] && both=yes
    row "e. typing before and while down, saved" "$both" "revision $(rev)"
    [ "$both" = yes ] || fail "the server's revision does not end with both sentences: $text"
  else
    fail "alice's save after going back on the desk did not land"
  fi
else
  fail "alice's offline window never moved onto the desk"
fi

# No window took its own save for someone else's.
for who in alice bob; do
  own=0
  for s in $(grep -oE ' saved doc=[^ ]+ rev=[0-9]+' "$work/$who.log" | sed 's/ saved //; s/ /:/'); do
    grep -q "arrived ${s/:/ } " "$work/$who.log" && { fail "$who's window showed its own save (${s/:/ }) as an arrival"; own=$((own + 1)); }
  done
  row "$who's own saves shown as arrivals" "$own" ""
done

echo
echo "livetest figures (PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}'), load average $(cut -d' ' -f1 /proc/loadavg)):"
printf '%s\n' "${rows[@]}"
if [ -n "$shots" ]; then
  mkdir -p "$shots"
  for f in presence-bob arrived-bob merged-alice offline-alice recovered-alice offline-start-alice; do
    # Cut down to the window (1360×840 at 0,0).
    convert "$work/shots/$f.png" -crop 1360x840+0+0 +repage "$shots/desk-$f.png"
  done
  echo "livetest: screenshots in $shots/desk-*.png"
fi
if [ "$failed" != 0 ]; then
  echo "livetest: FAILED (logs: KEEP=1 keeps $work)" >&2
  exit 1
fi
echo "livetest: ok"
