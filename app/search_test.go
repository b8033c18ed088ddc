package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
