package app

import (
	"fmt"
	"os"
	"time"
)

// LiveLogEnv names the variable that makes the window write one line to
// standard error at each live-desk event, stamped with the Unix time in
// milliseconds, so that scripts/livetest.sh can measure from outside two
// running copies how long a save takes to reach the other:
//
//	live 1733280000123 saved doc=ID rev=N
//	live 1733280000234 change doc=ID rev=N by=alice (from the store's feed)
//	live 1733280000456 arrived doc=ID rev=N by=alice how=reloaded|merged|clash
//	live 1733280000789 present doc=ID text="Alice is editing · seen 12:03"
//	live 1733280001000 opened doc=ID rev=N recovered=true|false
//	live 1733280001200 offline | online | queued doc=ID | sent doc=ID rev=N
//	live 1733280001300 reconnected (a window started offline moves onto the desk)
//
// Unset (the default), nothing is written.
const LiveLogEnv = "COPYDESK_LIVE_LOG"

var liveLogOn = os.Getenv(LiveLogEnv) != ""

// liveLog writes one event line when LiveLogEnv is set.
func liveLog(format string, args ...any) {
	if liveLogOn {
		fmt.Fprintf(os.Stderr, "live %d %s\n", time.Now().UnixMilli(), fmt.Sprintf(format, args...))
	}
}
