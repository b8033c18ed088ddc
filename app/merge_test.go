package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"copydesk/editor"
	"copydesk/storage"
)

// These tests run two windows, as two copies of copydesk would, on one
// real SQLite database.

const twoParagraphs = "The council met on Monday.\n\nThe vote is due on Tuesday."

// openDesk creates a SQLite database in a temporary folder holding one
// story and one page, and opens two windows on it.
func openDesk(t *testing.T) (storage.Store, [2]*gui, [2]fyne.Window) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "desk.db"), storage.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	meta := editor.RevisionMeta{Kind: editor.RevisionImport, Author: "wire"}
	if err := db.CreateStory(ctx, &editor.Story{Headline: "Council vote due", Body: twoParagraphs, Status: editor.StatusDraft}, meta); err != nil {
		t.Fatal(err)
	}
	if err := db.CreatePage(ctx, &editor.Page{Kind: editor.PageRules, Title: "Comment rules", Body: "Be civil.\n\nStay on topic."}, meta); err != nil {
		t.Fatal(err)
	}
	newTestApp(t)
	var gs [2]*gui
	var ws [2]fyne.Window
	for i := range gs {
		gs[i], ws[i] = openTestGUI(t, db)
	}
	return db, gs, ws
}

// saveAs saves the open document as author would.
func saveAs(g *gui, author string) {
	g.prefs.p.SetString(prefAuthor, author)
	g.current.session().save("")
}

// replaceIn replaces old with new in an entry's text, as typing would.
func replaceIn(t *testing.T, f fyne.Focusable, old, new string) {
	t.Helper()
	e := entryOf(f)
	if !strings.Contains(e.Text, old) {
		t.Fatalf("%q is not in %q", old, e.Text)
	}
	e.SetText(strings.Replace(e.Text, old, new, 1))
}

func TestSavingFromAStaleBaseMergesWithoutAsking(t *testing.T) {
	tests := []struct {
		name  string
		open  func(g *gui)
		field func(g *gui) fyne.Focusable
		read  func(st storage.Store) (string, int)
		edits [2][2]string // each window's change: old words, new words
	}{
		{
			name:  "story",
			open:  func(g *gui) { g.list.list.Select(0) },
			field: func(g *gui) fyne.Focusable { return g.story.body },
			read: func(st storage.Store) (string, int) {
				ss, _ := st.StoriesWithStatus(context.Background(), editor.StatusDraft)
				return ss[0].Body, ss[0].Revision
			},
			edits: [2][2]string{{"on Monday", "on Monday night"}, {"on Tuesday", "on Friday"}},
		},
		{
			name:  "page",
			open:  func(g *gui) { g.showList(listPages); g.pages.list.Select(0) },
			field: func(g *gui) fyne.Focusable { return g.page.body },
			read: func(st storage.Store) (string, int) {
				ps, _ := st.Pages(context.Background())
				return ps[0].Body, ps[0].Revision
			},
			edits: [2][2]string{{"Be civil.", "Be kind."}, {"on topic.", "on topic, please."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, gs, _ := openDesk(t)
			for i, g := range gs {
				tt.open(g)
				replaceIn(t, tt.field(g), tt.edits[i][0], tt.edits[i][1])
			}
			saveAs(gs[0], "ann")
			saveAs(gs[1], "bob")
			body, rev := tt.read(st)
			for i := range gs {
				if !strings.Contains(body, tt.edits[i][1]) {
					t.Errorf("saved text %q lacks window %d's %q", body, i+1, tt.edits[i][1])
				}
			}
			if rev != 3 {
				t.Errorf("the saves made revision %d, want 3 (one each)", rev)
			}
			g := gs[1]
			if len(g.dialogs) != 0 {
				t.Errorf("the merge asked: dialog %q", g.dialogs[0].title)
			}
			if got := entryOf(tt.field(g)).Text; got != body {
				t.Errorf("the second window shows %q, want the merge %q", got, body)
			}
			if s := g.current.session(); s.base != 3 || s.dirty(g.current.current().content()) {
				t.Errorf("after the merge the second window is based on %d (dirty %v), want 3 and clean", s.base, s.dirty(g.current.current().content()))
			}
			if want := "merged in ann's revision 2, which changed the body"; !strings.Contains(g.saveState.Text, "”") || !strings.Contains(g.saveState.Text, want) || !strings.Contains(g.current.session().noticeText.Text, want) {
				t.Errorf("status %q, notice %q: want both to say %q", g.saveState.Text, g.current.session().noticeText.Text, want)
			}
		})
	}
}

func TestAClashIsShownAndSavesWhatIsChosen(t *testing.T) {
	st, gs, ws := openDesk(t)
	for _, g := range gs {
		g.list.list.Select(0)
	}
	replaceIn(t, gs[0].story.headline, "due", "set")
	replaceIn(t, gs[0].story.body, "on Tuesday", "on Wednesday")
	replaceIn(t, gs[0].story.body, "on Monday", "on Monday night")
	saveAs(gs[0], "ann")
	g := gs[1]
	replaceIn(t, g.story.headline, "due", "looms")
	replaceIn(t, g.story.body, "on Tuesday", "on Thursday")
	saveAs(g, "bob")
	v := g.clashView
	if v == nil || openDialog(g, "You and ann changed the same words") == nil {
		t.Fatalf("no clash view; dialogs %d, status %q, text %q", len(g.dialogs), g.saveState.Text, dialogText(g))
	}
	if c := v.c.conflicts; c[0].Ours != "looms" || c[0].Theirs != "set" || c[1].Ours != "Thursday" || c[1].Theirs != "Wednesday" {
		t.Errorf("clashes = %+v, want looms/set and Thursday/Wednesday", c)
	}
	if s, _ := st.StoriesWithStatus(context.Background(), editor.StatusDraft); s[0].Revision != 2 {
		t.Fatalf("the clash saved revision %d before the choice", s[0].Revision)
	}
	// Save again while the clash is on screen asks nothing more.
	g.saveCurrent()
	if len(g.dialogs) != 1 || !strings.Contains(g.saveState.Text, "clash first") {
		t.Errorf("Save during the clash: %d dialogs, status %q", len(g.dialogs), g.saveState.Text)
	}
	v.picks[0].SetSelected("Take ann's")
	tapButton(t, ws[1], "Save with these choices")
	s, _ := st.StoriesWithStatus(context.Background(), editor.StatusDraft)
	want := "The council met on Monday night.\n\nThe vote is due on Thursday."
	if s[0].Revision != 3 || s[0].Headline != "Council vote set" || s[0].Body != want {
		t.Errorf("saved revision %d: %q / %q, want 3: %q / %q", s[0].Revision, s[0].Headline, s[0].Body, "Council vote set", want)
	}
	if g.story.headline.Text != "Council vote set" || g.story.body.Text != want || unsaved(g.story) {
		t.Errorf("the window shows %q / %q (unsaved %v), want what was saved", g.story.headline.Text, g.story.body.Text, unsaved(g.story))
	}
	if st := g.saveState.Text; !strings.Contains(st, "with your choice at 2 clashes") || strings.Contains(st, "Wednesday") || !strings.Contains(st, "“night”") {
		t.Errorf("status %q, want it to say the choices were saved and name the words that came in (night, not the Wednesday left out)", g.saveState.Text)
	}
}
