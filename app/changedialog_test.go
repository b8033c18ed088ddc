package app

// These tests open a real SQLite database, so they import storage; only
// tests do. The app itself knows the store only through Store.

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/storage"
)

// openSQLiteGUI opens the window on a new SQLite database in a temporary
// folder, after setup has put what the test needs in it.
func openSQLiteGUI(t *testing.T, setup func(ctx context.Context, db storage.Store)) (*gui, fyne.Window, storage.Store) {
	t.Helper()
	db := openSQLite(t, setup)
	test.NewTempApp(t)
	fyne.CurrentApp().Preferences().SetString(prefAuthor, "Jane Sub")
	g, w := openTestGUI(t, db)
	return g, w, db
}

// openSQLite opens a new SQLite database in a temporary folder, after setup
// has put what the test needs in it.
func openSQLite(t *testing.T, setup func(ctx context.Context, db storage.Store)) storage.Store {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "desk.db"), storage.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if setup != nil {
		setup(ctx, db)
	}
	return db
}

// publishedStory adds a published story to db.
func publishedStory(t *testing.T, ctx context.Context, db storage.Store, headline, body string) *editor.Story {
	t.Helper()
	s := &editor.Story{Headline: headline, Body: body}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
		t.Fatal(err)
	}
	s, err := db.SetStatus(ctx, s.ID, s.Revision, editor.StatusPublished, editor.RevisionMeta{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestChangeDialogOffersEachKind saves one change of each kind to a
// published story through the dialog: an empty note keeps it open with the
// field marked; the public kinds are kept as notes for readers, a minor fix
// only in the revision's note.
func TestChangeDialogOffersEachKind(t *testing.T) {
	var id string
	g, w, db := openSQLiteGUI(t, func(ctx context.Context, db storage.Store) {
		id = publishedStory(t, ctx, db, "Council sets its budget", "The council set its budget on Monday.").ID
	})
	if g.story.loaded == nil || g.story.loaded.ID != id {
		t.Fatalf("the editor shows %+v, want the published story", g.story.loaded)
	}
	changes := []struct {
		kind     string
		note     string
		wantNote string
	}{
		{"Correction", "An earlier version gave the wrong day.", "An earlier version gave the wrong day."},
		{"Clarification", "The budget is for next year.", "Clarification: The budget is for next year."},
		{"Update", "Adds the vote.", "Update: Adds the vote."},
		{"Minor fix", "typo", "Minor fix: typo"},
	}
	for i, c := range changes {
		typeAtEnd(g.story.body, " More"+strings.Repeat(".", i+1))
		g.saveCurrent()
		box := g.topDialog()
		if box == nil || !strings.Contains(box.title, "Council sets its budget") {
			t.Fatalf("%s: saving a published story showed %+v, want the change dialog", c.kind, box)
		}
		kinds := radioGroup(t, w)
		if strings.Join(kinds.Options, ", ") != "Correction, Clarification, Update, Minor fix" || kinds.Selected != "Correction" {
			t.Errorf("the dialog offers %q with %q chosen, want the four kinds, a correction first", kinds.Options, kinds.Selected)
		}
		kinds.SetSelected(c.kind)
		note := focusedText(t, w)
		if one := g.story.headline.MinSize().Height; !note.MultiLine || note.Size().Height < 2*one {
			t.Errorf("%s: the note is %.0f px high (multi-line %v), want several lines for a sentence or two", c.kind, note.Size().Height, note.MultiLine)
		}
		box.submit()
		if g.topDialog() != box {
			t.Fatalf("%s: an empty note closed the dialog", c.kind)
		}
		if note.Validate() == nil || !labelShown(w, changeText[changeKindLabelled(c.kind)].problem) {
			t.Errorf("%s: an empty note is not marked (error %v)", c.kind, note.Validate())
		}
		test.Type(note, c.note)
		box.submit()
		if g.topDialog() != nil {
			t.Fatalf("%s: the dialog stayed open with a note", c.kind)
		}
	}
	s, err := db.Story(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range s.Corrections {
		got = append(got, string(c.Kind)+": "+c.Note)
	}
	want := "correction: An earlier version gave the wrong day.|clarification: The budget is for next year.|update: Adds the vote."
	if strings.Join(got, "|") != want {
		t.Errorf("the story's public notes = %q, want %q", got, want)
	}
	revs, err := db.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	revs = revs[len(revs)-len(changes):]
	for i, c := range changes {
		if revs[i].Note != c.wantNote || revs[i].Author != "Jane Sub" {
			t.Errorf("revision %d: note %q by %q, want %q by Jane Sub", revs[i].Seq, revs[i].Note, revs[i].Author, c.wantNote)
		}
	}
}

// changeKindLabelled is the kind of change with this label.
func changeKindLabelled(label string) editor.ChangeKind {
	for _, k := range editor.ChangeKinds() {
		if k.Label() == label {
			return k
		}
	}
	return ""
}

func radioGroup(t *testing.T, w fyne.Window) *widget.RadioGroup {
	t.Helper()
	for _, o := range objects(w) {
		if r, ok := o.(*widget.RadioGroup); ok {
			return r
		}
	}
	t.Fatal("no radio group on screen")
	return nil
}

// focusedText is the text entry with the keyboard.
func focusedText(t *testing.T, w fyne.Window) *textEntry {
	t.Helper()
	switch e := w.Canvas().Focused().(type) {
	case *textEntry:
		return e
	case *wrapLine:
		return &e.textEntry
	}
	t.Fatalf("the keyboard is with %T, want a text field", w.Canvas().Focused())
	return nil
}

// labelShown reports whether a visible label on screen reads text.
func labelShown(w fyne.Window, text string) bool {
	for _, o := range objects(w) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text == text {
			return true
		}
	}
	return false
}
