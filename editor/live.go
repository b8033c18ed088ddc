package editor

import (
	"crypto/rand"
	"time"
)

// The live desk: whose a working copy is, who else has a document open,
// and the feed of saves that tells every open copy of the app about the
// others'.

// Owner is whose a working copy or a heartbeat is: a person, and one
// running copy of the app (its client ID). On a shared desk the store takes
// the user from the database session, whatever User says.
type Owner struct {
	User   string `json:"user"`
	Client string `json:"client"`
}

// NewClientID makes the random ID of one copy of the app, which the app
// keeps in its preferences: 26 random base32 characters.
func NewClientID() string { return rand.Text() }

// PresenceTTL is how long a heartbeat counts: a copy of the app that has
// not beaten for longer (killed, unplugged) is no longer present. The app
// beats every few seconds, well inside it.
const PresenceTTL = 15 * time.Second

// Presence is one copy of the app on the desk, as its last heartbeat said.
type Presence struct {
	// DocID is the story or page it has open; empty when none.
	DocID  string    `json:"doc_id"`
	User   string    `json:"user"`
	Client string    `json:"client"`
	Typing bool      `json:"typing"`
	SeenAt time.Time `json:"seen_at"`
}

// Others is the presences that are not the given copy of the app (the
// caller's own client), in the order given.
func Others(ps []Presence, me Owner) []Presence {
	var out []Presence
	for _, p := range ps {
		if p.Client != me.Client || p.User != me.User {
			out = append(out, p)
		}
	}
	return out
}

// Cursor is a position in a store's change feed: Changes returns what came
// after it, and the cursor to ask from next. Cursors never go back. A
// change's own Cursor orders it among the others; ask for more with the
// cursor Changes returned, not a change's.
type Cursor int64

// CursorNow asks Changes and Watch to start from the present: no past
// changes, only the cursor of the newest.
const CursorNow Cursor = -1

// Change is one new revision of a story or page, by anyone, in the order
// the store committed them.
type Change struct {
	Cursor   Cursor       `json:"cursor"`
	DocID    string       `json:"doc_id"`
	DocKind  string       `json:"doc_kind"` // story or page
	Revision int          `json:"revision"`
	Kind     RevisionKind `json:"kind"`
	Author   string       `json:"author"`
	At       time.Time    `json:"at"`
}
