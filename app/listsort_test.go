package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/storage/sqlite"
)

// listTitles is the rows the story list shows, top to bottom, as rendered.
func listTitles(t *testing.T, w fyne.Window, g *gui) string {
	t.Helper()
	var titles []string
	for i := 0; i < g.list.list.Length(); i++ {
		g.list.list.ScrollTo(i)
		for _, o := range test.LaidOutObjects(g.list.list) {
			if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold && l.Visible() && !slices.Contains(titles, l.Text) && l.Text != "…" {
				titles = append(titles, l.Text)
			}
		}
	}
	return strings.Join(titles, ",")
}

func TestStoryListSortsInTheStore(t *testing.T) {
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "desk.db"), sqlite.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, s := range []editor.Story{
		{Headline: "Alpha", Urgency: 5, Slugline: "beta"},
		{Headline: "Bravo", Slugline: "Alpha"},
		{Headline: "Charlie", Urgency: 1},
		{Headline: "Delta", Urgency: 3, Slugline: "gamma"},
	} {
		if err := db.CreateStory(t.Context(), &s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
	}
	g, w := newTestGUI(t, db)
	if got := strings.Join(g.list.sort.Options, "|"); got != "Newest|Urgency|Slugline" {
		t.Errorf("sort choices = %q", got)
	}
	for _, c := range []struct {
		choose, want string
	}{
		{"", "Delta,Charlie,Bravo,Alpha"},
		{"Urgency", "Charlie,Delta,Alpha,Bravo"},
		{"Slugline", "Bravo,Alpha,Delta,Charlie"},
		{"Newest", "Delta,Charlie,Bravo,Alpha"},
	} {
		if c.choose != "" {
			g.list.sort.SetSelected(c.choose)
		}
		if got := listTitles(t, w, g); got != c.want {
			t.Errorf("sorted by %q: rows %s, want %s", c.choose, got, c.want)
		}
	}

	// The order is remembered: a new window opens sorted as the last one was.
	g.list.sort.SetSelected("Urgency")
	if got := fyne.CurrentApp().Preferences().String(prefStoryOrder); got != string(editor.OrderUrgency) {
		t.Errorf("preference = %q, want urgency", got)
	}
	g2, w2 := openTestGUI(t, db)
	if g2.list.sort.Selected != "Urgency" {
		t.Errorf("reopened, the sort shows %q, want Urgency", g2.list.sort.Selected)
	}
	if got := listTitles(t, w2, g2); got != "Charlie,Delta,Alpha,Bravo" {
		t.Errorf("reopened: rows %s, want the urgency order", got)
	}
}
