package app

import (
	"runtime"
	"testing"
)

// openCounts is what an open story could leave behind once another story
// replaces it: goroutines, dialogs, the registry of documents with unsaved
// changes, the body's undo history, the side panels' cards and the canvas's
// overlays.
type openCounts struct {
	goroutines, dialogs, unsaved, undo, quoteCards, noteCards, checkCards, overlays int
}

func countOpen(g *gui) openCounts {
	runtime.GC()
	return openCounts{
		goroutines: runtime.NumGoroutine(),
		dialogs:    len(g.dialogs),
		unsaved:    len(g.unsaved),
		undo:       len(g.story.body.replaced) + len(g.story.body.undone),
		quoteCards: len(g.story.quotes.box.Objects),
		noteCards:  len(g.story.notes.box.Objects),
		checkCards: len(g.story.checks.box.Objects),
		overlays:   len(g.win.Canvas().Overlays().List()),
	}
}

// TestOpeningAndClosingStoriesKeepsNothing opens 100 stories one after the
// other, each closing the one before, then the first again: everything the
// window holds for an open story is back where it was (issue 16, item 5).
// Counts, not memory or time: `make window-rss` measures the real window.
func TestOpeningAndClosingStoriesKeepsNothing(t *testing.T) {
	store := newFakeStore(101)
	g, _ := newTestGUI(t, store)
	first := store.stories[100].ID
	g.openStory(first)
	base := countOpen(g)
	for i := 0; i < 100; i++ {
		g.openStory(store.stories[i].ID)
		typeAtEnd(g.story.body, " An edit.")
		g.story.runChecks()
	}
	g.openStory(first)
	if g.story.loaded.ID != first {
		t.Fatalf("the story open is %s, want %s", g.story.loaded.ID, first)
	}
	// The 100 stories were each left with a typed change: each keeps a
	// working copy in the database, and the window knows which.
	got := countOpen(g)
	want := base
	want.unsaved = base.unsaved + 100
	if got != want {
		t.Errorf("after opening and closing 100 stories: %+v, want %+v (as after opening the first)", got, want)
	}
}
