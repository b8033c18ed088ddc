package editor

import "time"

// WorkingCopy is the unsaved state of a story or page as the desktop app last
// autosaved it: not a revision, just what was on screen, so that a crash or a
// closed window loses nothing. Content is what Story.Content or Page.Content
// gives; Base is the revision the edit started from.
type WorkingCopy struct {
	DocID   string    `json:"doc_id"`
	DocKind string    `json:"doc_kind"` // story or page
	Base    int       `json:"base"`
	Content []byte    `json:"content"`
	SavedAt time.Time `json:"saved_at"`
}
