package editor

import "time"

// WorkingCopy is the unsaved state of a story or page as the desktop app last
// autosaved it: not a revision, just what was on screen, so that a crash or a
// closed window loses nothing. Content is what Story.Content or Page.Content
// gives; Base is the revision the edit started from. A working copy belongs
// to one person and one copy of the app (User, Client): saving a document
// drops only the saver's own, and nobody is offered another's. One with no
// Client (kept before clients had IDs) is any of its user's clients'.
type WorkingCopy struct {
	DocID   string    `json:"doc_id"`
	DocKind string    `json:"doc_kind"` // story or page
	Base    int       `json:"base"`
	Content []byte    `json:"content"`
	SavedAt time.Time `json:"saved_at"`
	User    string    `json:"user"`
	Client  string    `json:"client"`
}

// Owner is whose the working copy is.
func (wc *WorkingCopy) Owner() Owner { return Owner{User: wc.User, Client: wc.Client} }

// PendingSave is one save waiting for a shared desk that cannot be
// reached: the document's content as saved (Story.Content or
// Page.Content), the revision it was edited from, and what the person said
// about it. The app's local journal keeps them in order and sends them,
// merged, when the desk is back.
type PendingSave struct {
	ID       int64        `json:"id"`
	DocID    string       `json:"doc_id"`
	DocKind  string       `json:"doc_kind"` // story or page
	Base     int          `json:"base"`
	Content  []byte       `json:"content"`
	Meta     RevisionMeta `json:"meta"`
	QueuedAt time.Time    `json:"queued_at"`
	User     string       `json:"user"`
	Client   string       `json:"client"`
}
