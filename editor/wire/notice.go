package wire

import (
	"fmt"
	"strings"
	"time"

	"copydesk/editor"
)

// Notice is a feed's cancellation or withdrawal of an item it sent before:
// not a story, but a mark on the story that item became, found by the
// feed's ID.
type Notice struct {
	FeedID string `json:"feed_id"`
	// Action is PubCanceled or PubWithheld.
	Action string `json:"action"`
	// Note is what the notice says: its editor's note, headline or text.
	Note string `json:"note,omitempty"`
}

// NoticeError is what ParseFile's error for a notice wraps (inside the
// *editor.FileError naming the file): it unwraps to ErrNotice and carries
// the notice, for an import to mark the story it names.
type NoticeError struct {
	Notice Notice
}

func (e *NoticeError) Error() string {
	verb := map[string]string{PubCanceled: "cancels", PubWithheld: "withholds"}[e.Notice.Action]
	return fmt.Sprintf("%v: it %s the story %s", ErrNotice, verb, e.Notice.FeedID)
}

func (e *NoticeError) Unwrap() error { return ErrNotice }

// notice is the notice r is, when the feed marks the item canceled or
// withheld.
func (r *Result) notice() *Notice {
	if r.Meta.PubStatus != PubCanceled && r.Meta.PubStatus != PubWithheld {
		return nil
	}
	note := firstNonEmpty(clean(r.Meta.EdNote), clean(r.Story.Headline))
	if body := clean(r.Story.Body); note == "" && body != "" {
		note = clip(body)
	}
	return &Notice{FeedID: r.Meta.FeedID, Action: r.Meta.PubStatus, Note: note}
}

// Withdraw is the story s as a feed's notice leaves it: spiked, so that no
// export carries it (an export takes a published one down), with the
// notice at the head of its editor's note. The revision's note says the
// same.
func (n *Notice) Withdraw(s *editor.Story, at time.Time) (*editor.Story, editor.RevisionMeta) {
	next := *s
	what := map[string]string{PubCanceled: "Cancelled", PubWithheld: "Withheld"}[n.Action]
	line := fmt.Sprintf("%s by the feed on %s", what, at.UTC().Format("2 Jan 2006 15:04 MST"))
	if n.Note != "" {
		line += ": " + n.Note
	}
	next.EdNote = strings.TrimSpace(line + "\n" + s.EdNote)
	if r := []rune(next.EdNote); len(r) > editor.StandfirstMax {
		next.EdNote = string(r[:editor.StandfirstMax])
	}
	next.Status = editor.StatusSpiked
	return &next, editor.RevisionMeta{Kind: editor.RevisionStatus, Note: line}
}
