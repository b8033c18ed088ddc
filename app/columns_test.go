package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"copydesk/editor"
)

// TestColumnsKeepTheirWidth is issue 12's third defect: the middle column
// changed width whenever the quote cards changed length.
func TestColumnsKeepTheirWidth(t *testing.T) {
	store := newFakeStore(2)
	quoteStory(store)
	store.stories[0].Body = strings.Replace(quotedBody, "extremely", "very", 1)
	g, w := newTestGUI(t, store)
	w.Resize(fyne.NewSize(1400, 900))
	centre := g.center.Size().Width
	if centre < minCentre {
		t.Fatalf("the editor is %v wide", centre)
	}
	// Edits that change the quote cards' alert from "1 missing" to "1
	// changed, 2 missing" (with a Split the editor lost 76 px), a long card
	// and a long status line: none moves the columns.
	g.story.body.SetText(strings.Replace(g.story.body.Text, "“direct threat”", "a direct threat", 1))
	g.story.body.SetText(strings.Replace(g.story.body.Text, "take these matters very", "take these matters extremely", 1))
	g.story.quotes.add(editor.Quote{ID: "q-long", Speaker: strings.Repeat("Someone With A Very Long Name ", 4),
		Text: strings.Repeat("words nobody said ", 40)})
	g.saveState.SetText(strings.Repeat("A long status line. ", 20))
	w.Resize(fyne.NewSize(1400, 901)) // lays the window out again, as the driver does when a size changes
	if got := g.center.Size().Width; got != centre {
		t.Errorf("the editor went from %v to %v wide as the quote cards changed (alert %q)", centre, got, g.story.quotes.alert.Text)
	}

	// Dragging a divider changes a width, which the next window keeps.
	left := g.cols.left
	g.cols.div[0].Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 60}})
	g.cols.div[0].DragEnd()
	if g.cols.left != left+60 || g.center.Size().Width != centre-60 {
		t.Fatalf("after dragging 60 px the left column is %v (was %v), the editor %v", g.cols.left, left, g.center.Size().Width)
	}
	g2, w2 := openTestGUI(t, store)
	w2.Resize(fyne.NewSize(1400, 901))
	if g2.cols.left != left+60 {
		t.Errorf("a new window's left column is %v, want the %v dragged to", g2.cols.left, left+60)
	}
}

func TestNarrowWindowFoldsThePanelsIntoTabs(t *testing.T) {
	g, w := newTestGUI(t, newFakeStore(3))
	w.Resize(fyne.NewSize(1000, 700))
	if !g.cols.narrow || !g.center.Visible() || g.cols.panes[paneLeft].Visible() {
		t.Fatalf("at 1000 px: narrow %v, editor shown %v, lists shown %v", g.cols.narrow, g.center.Visible(), g.cols.panes[paneLeft].Visible())
	}
	if got := g.center.Size().Width; got < 990 {
		t.Errorf("the editor is %v wide in a 1000 px window", got)
	}
	g.focusFind()
	if !g.cols.panes[paneLeft].Visible() || g.center.Visible() {
		t.Errorf("Ctrl+F did not bring the lists forward")
	}
	g.list.list.Select(2)
	if !g.center.Visible() || g.story.loaded.ID != "id-00002" {
		t.Errorf("opening a story from the list did not bring the editor forward")
	}
	g.showChecks()
	if !g.cols.panes[paneRight].Visible() {
		t.Errorf("Ctrl+K did not bring the checks forward")
	}
	w.Resize(fyne.NewSize(1400, 900))
	for i, p := range g.cols.panes {
		if !p.Visible() {
			t.Errorf("at 1400 px pane %d is hidden", i)
		}
	}
}
