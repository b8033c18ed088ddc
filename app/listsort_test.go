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

// TestListRowsKeepTheirHeadlinesWhileReloading: while the list loads again
// after others' saves arrive, its rows show the stories they showed, not
// "…"; a change of filter starts afresh.
func TestListRowsKeepTheirHeadlinesWhileReloading(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	var queued []func() func()
	g.run = func(work func() func()) { queued = append(queued, work) }
	row := newStoryRow()
	title := func() string {
		g.list.updateRow(0, row)
		return row.(*fyne.Container).Objects[0].(*widget.Label).Text
	}
	before := title()
	if before == "…" || before == "" {
		t.Fatalf("row 0 reads %q before the reload, want a headline", before)
	}
	g.list.reloadKeeping(g.list.selected) // as live.go does when a save arrives
	for len(queued) > 0 {
		if got := title(); got != before {
			t.Errorf("row 0 reads %q while the list reloads, want %q", got, before)
		}
		work := queued[0]
		queued = queued[1:]
		if ui := work(); ui != nil {
			ui()
		}
	}
	if got := title(); got != before {
		t.Errorf("row 0 reads %q after the reload, want %q", got, before)
	}
	g.list.reload() // a new filter or order: nothing old is shown
	if got := title(); got != "…" {
		t.Errorf("row 0 reads %q while a new filter loads, want …", got)
	}
}
