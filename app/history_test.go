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

// TestFirstStartAsksForTheAuthor: with no name in Preferences the window
// asks for one, and revisions carry it; never the system's "root".
func TestFirstStartAsksForTheAuthor(t *testing.T) {
	t.Setenv("COPYDESK_AUTHOR", "")
	ctx := context.Background()
	s := &editor.Story{Headline: "Council sets its budget", Body: "The council met."}
	db := openSQLite(t, func(ctx context.Context, db storage.Store) {
		if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
	})
	test.NewTempApp(t)
	g, w := openWindow(t, db)
	box := g.topDialog()
	if box == nil || box.title != "Welcome to copydesk" {
		t.Fatalf("first start shows %+v, want the question of the author's name", box)
	}
	found := false
	for _, o := range objects(w) {
		if f, ok := o.(*widget.Form); ok && len(f.Items) == 1 && f.Items[0].HintText == "Your name, as it appears in the revision history" {
			found = true
		}
	}
	if !found {
		t.Errorf("the question does not say where the name appears")
	}
	name := focusedText(t, w)
	if name.Text == "root" {
		t.Errorf("the name offered is root")
	}
	name.SetText("")
	box.submit()
	if g.topDialog() != box {
		t.Fatalf("an empty name closed the question")
	}
	test.Type(name, "Jane Sub")
	box.submit()
	if g.prefs.author() != "Jane Sub" || g.prefs.needsAuthor() {
		t.Errorf("author after the question = %q", g.prefs.author())
	}
	typeAtEnd(g.story.body, " It set the budget.")
	g.story.sess.save("subbed")
	revs, err := db.Revisions(ctx, s.ID)
	if err != nil || revs[len(revs)-1].Author != "Jane Sub" {
		t.Errorf("the revision's author = %+v, %v", revs, err)
	}
	// The next start does not ask again.
	g2, _ := openTestGUI(t, db)
	if g2.topDialog() != nil {
		t.Errorf("the second start asks %q", g2.topDialog().title)
	}
}

// TestHistorySaysWhatHappened: a status move's note names the move, a
// long note is shown whole, and the word count is the body's words in the
// editor, the History and the store alike.
func TestHistorySaysWhatHappened(t *testing.T) {
	var id string
	g, _, db := openSQLiteGUI(t, func(ctx context.Context, db storage.Store) {
		s := &editor.Story{Headline: "A headline of six words here", Standfirst: "Four words of standfirst.", Body: "Five words in the body."}
		if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
		id = s.ID
	})
	g.win.Resize(fyne.NewSize(1300, 800))
	g.story.move(editor.StatusSubbing, "", 0, func() {})
	long := strings.Repeat("The second paragraph was rewritten to take in the council's answer. ", 4) + "END"
	typeAtEnd(g.story.body, " Two more.")
	g.story.sess.save(long)
	revs, err := db.Revisions(context.Background(), id)
	if err != nil || len(revs) != 3 {
		t.Fatalf("Revisions() = %+v, %v", revs, err)
	}
	if revs[1].Kind != editor.RevisionStatus || revs[1].Note != "draft → subbing" {
		t.Errorf("the status revision reads %s %q, want status %q", revs[1].Kind, revs[1].Note, "draft → subbing")
	}
	if revs[0].Words != 5 || revs[2].Words != 7 {
		t.Errorf("revision words = %d, %d; want the body's 5 and 7", revs[0].Words, revs[2].Words)
	}
	if g.story.bodyCount.Text != "7 words" {
		t.Errorf("the editor counts %q, want the body's 7 words", g.story.bodyCount.Text)
	}
	h := g.story.sess.history
	if len(h.revs) != 3 || h.revs[0].Note != long {
		t.Fatalf("History lists %+v", h.revs)
	}
	h.list.Resize(fyne.NewSize(320, 500)) // the History tab's width
	row := h.list.CreateItem()
	h.list.UpdateItem(0, row)
	meta := row.(*fyne.Container).Objects[1].(*widget.Label)
	if !strings.Contains(meta.Text, long) || meta.Truncation != fyne.TextTruncateOff || meta.Wrapping != fyne.TextWrapWord {
		t.Errorf("the History row shows %q (truncation %v), want the note whole and wrapped", meta.Text, meta.Truncation)
	}
	short := h.list.CreateItem()
	h.list.UpdateItem(2, short)
	if row.MinSize().Height <= short.MinSize().Height {
		t.Errorf("the row with a long note is %v high, one with none %v: the note does not wrap", row.MinSize().Height, short.MinSize().Height)
	}
}
