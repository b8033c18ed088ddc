package app

import (
	"strings"
	"testing"
	"time"
)

// TestWireSectionShowsAndEditsTheNewsroomFields: the Wire section is closed
// at first but names the urgency and slugline; it shows what the feed said
// beside the fields, and a new urgency chosen there is the story's.
func TestWireSectionShowsAndEditsTheNewsroomFields(t *testing.T) {
	store := newFakeStore(1)
	s := store.stories[0]
	embargo := time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC)
	s.Urgency, s.Slugline, s.Embargo, s.Aliases = 3, "BC-HARBOUR-TOLLS", &embargo, []string{"/2019/03/tolls/"}
	g, _ := newTestGUI(t, store)
	w := g.story.wire
	if w.item.Open || w.item.Title != "Wire · Urgency 3 · BC-HARBOUR-TOLLS" {
		t.Errorf("Wire section open %v, title %q; want closed, naming the urgency and slugline", w.item.Open, w.item.Title)
	}
	if facts := w.facts.Text; !strings.Contains(facts, "Embargoed until") || !strings.Contains(facts, "1 old path redirected") {
		t.Errorf("Wire facts = %q, want the embargo and the old path", facts)
	}
	if got := g.story.widgets["slugline"]; entryOf(got) == nil || entryOf(got).Text != "BC-HARBOUR-TOLLS" {
		t.Errorf("the slugline entry does not show the story's slugline")
	}
	w.urgency.SetSelectedIndex(1)
	if got := g.story.story(); got.Urgency != 1 || got.Slugline != "BC-HARBOUR-TOLLS" || len(got.Aliases) != 1 {
		t.Errorf("after choosing urgency 1: urgency %d, slugline %q, aliases %q", got.Urgency, got.Slugline, got.Aliases)
	}
}
