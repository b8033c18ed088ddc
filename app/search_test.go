package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/storage"
)

func TestFindAcrossEverythingAndOpen(t *testing.T) {
	store := newFakeStore(30)
	g, _ := newTestGUI(t, store)
	test.Type(g.find.entry, "number 12")
	g.find.searchNow()
	if len(g.find.hits) != 1 || !g.find.box.Visible() || g.sidebar.Visible() {
		t.Fatalf("find hits = %+v", g.find.hits)
	}
	segs := snippetSegments("Story number 12", [][2]int{{6, 15}})
	if len(segs) != 2 || segs[1].(*widget.TextSegment).Text != "number 12" || !segs[1].(*widget.TextSegment).Style.TextStyle.Bold {
		t.Errorf("snippet segments = %+v", segs)
	}
	g.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.story.loaded.ID != "id-00012" {
		t.Errorf("Enter opened %s, want id-00012", g.story.loaded.ID)
	}
	if g.find.entry.Text != "" || g.find.box.Visible() || !g.sidebar.Visible() {
		t.Errorf("after opening, the search still shows %q", g.find.entry.Text)
	}

	// Down chooses the next result; Enter opens it.
	test.Type(g.find.entry, "number 2")
	g.find.searchNow()
	g.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	g.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.story.loaded.ID != "id-00020" {
		t.Errorf("Down, Enter opened %s, want the second result id-00020", g.story.loaded.ID)
	}

	// Enter before the search has run opens its first result once it answers.
	test.Type(g.find.entry, "clever")
	g.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.current != nil || g.person.name.Text != "James Cleverly" {
		t.Errorf("opening a person result shows %q", g.person.name.Text)
	}
}

// TestOpeningASearchHitSelectsTheMatch: a story found by words deep in its
// body opens with those words selected, the keyboard in the body.
func TestOpeningASearchHitSelectsTheMatch(t *testing.T) {
	body := strings.Repeat("The council met on Monday to set the budget.\n\n", 60) + "A pangolin was seen in the chamber.\n\nThe end."
	g, w, _ := openSQLiteGUI(t, func(ctx context.Context, db storage.Store) {
		s := &editor.Story{Headline: "Council sets its budget", Body: body}
		if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
		// A newer story is the one open when the window starts.
		if err := db.CreateStory(ctx, &editor.Story{Headline: "Roads to close", Body: "The roads close."}, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
	})
	if g.story.loaded == nil || g.story.loaded.Headline != "Roads to close" {
		t.Fatalf("the window opened %+v, want the newer story", g.story.loaded)
	}
	test.Type(g.find.entry, "pangolin")
	g.find.searchNow()
	g.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.story.loaded == nil || g.story.loaded.Headline != "Council sets its budget" {
		t.Fatalf("Enter opened %+v, want the story", g.story.loaded)
	}
	if got := g.story.body.SelectedText(); got != "pangolin" || w.Canvas().Focused() != g.story.body {
		t.Errorf("after opening the hit the body selects %q (focus %T), want \"pangolin\" in the body", got, w.Canvas().Focused())
	}
}
