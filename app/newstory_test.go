package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/journal"
)

// newStoryDesk is a database holding one story, on one engine; open
// connects to it again as another run of copydesk would, with the journal
// of this computer (nil on a file).
type newStoryDesk struct {
	name string
	open func(t *testing.T) (storage.Store, Journal)
}

// newStoryDesks are a SQLite file and a shared desk on PostgreSQL (when a
// server can be had), each with one story in it.
func newStoryDesks(t *testing.T) []newStoryDesk {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	first, err := storage.Open(ctx, path, storage.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.CreateStory(ctx, &editor.Story{Headline: "Council vote due", Body: twoParagraphs}, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
		t.Fatal(err)
	}
	first.Close()
	desks := []newStoryDesk{{"SQLite", func(t *testing.T) (storage.Store, Journal) {
		return reopen(t, path), nil
	}}}
	if testing.Short() {
		return desks
	}
	_, url, _ := newDesk(t)
	j := filepath.Join(t.TempDir(), journal.FileName)
	return append(desks, newStoryDesk{"PostgreSQL", func(t *testing.T) (storage.Store, Journal) {
		jn, err := journal.Open(j)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { jn.Close() })
		return reopen(t, url("alice")), jn
	}})
}

// reopen opens the database at dsn again, closed when the test ends.
func reopen(t *testing.T, dsn string) storage.Store {
	t.Helper()
	st, err := storage.Open(context.Background(), dsn, storage.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// openOn opens a window on the desk, as copydesk starting does.
func (d newStoryDesk) openOn(t *testing.T) (*gui, fyne.Window, storage.Store) {
	t.Helper()
	st, j := d.open(t)
	g, w := openTestGUIWith(t, st, func(g *gui) { g.journal = j })
	g.closeWindow = func() {} // the test closes it
	return g, w, st
}

func storyCount(t *testing.T, st storage.Store) int {
	t.Helper()
	n, err := st.CountStories(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAnUntouchedNewStoryLeavesNothingBehind(t *testing.T) {
	newTestApp(t)
	for _, d := range newStoryDesks(t) {
		g, w, st := d.openOn(t)
		ctrl := fyne.KeyModifierShortcutDefault
		shortcut(t, g, w, fyne.KeyN, ctrl)
		if g.current != g.story || g.story.sess.fresh == nil || !g.list.newRow.Visible() || w.Canvas().Focused() != g.story.headline {
			t.Fatalf("%s: Ctrl+N shows current %v, fresh %v, the list's new row %v, focus %T; want a new story, its headline focused",
				d.name, g.current != nil, g.story.sess.fresh != nil, g.list.newRow.Visible(), w.Canvas().Focused())
		}
		if n := storyCount(t, st); n != 1 {
			t.Errorf("%s: with a new story open the store holds %d stories, want the 1 it had", d.name, n)
		}
		// Away to the story in the list, then a new one again, and quit.
		g.list.list.Select(0)
		if g.list.newRow.Visible() || g.story.sess.id() == "" || g.story.sess.fresh != nil {
			t.Errorf("%s: after opening a story the editor shows %q, the new row shown %v", d.name, g.story.loaded.Headline, g.list.newRow.Visible())
		}
		shortcut(t, g, w, fyne.KeyN, ctrl)
		g.quit()
		st, _ = d.open(t)
		if n := storyCount(t, st); n != 1 {
			t.Errorf("%s: after leaving two untouched new stories the store holds %d stories, want 1", d.name, n)
		}
		if wcs, err := st.WorkingCopies(context.Background(), g.prefs.owner()); err != nil || len(wcs) != 0 {
			t.Errorf("%s: untouched new stories left working copies %v (%v)", d.name, wcs, err)
		}
	}
}

func TestTypingInANewStoryCreatesItOnce(t *testing.T) {
	newTestApp(t)
	for _, d := range newStoryDesks(t) {
		for i, field := range []string{"headline", "body", "byline", "tags"} {
			g, w, st := d.openOn(t)
			g.newStory()
			in := g.story.widgets[field]
			w.Canvas().Focus(in)
			test.Type(in, "Council tax")
			if n := storyCount(t, st); n != 2+i {
				t.Fatalf("%s: typing in the %s of a new story leaves %d stories, want %d", d.name, field, n, 2+i)
			}
			id := g.story.sess.id()
			revs, err := st.Revisions(context.Background(), id)
			if err != nil || len(revs) != 1 || revs[0].Note != "new story" {
				t.Fatalf("%s: the new story (%q) has revisions %+v (%v), want the one that created it", d.name, id, revs, err)
			}
			if g.list.newRow.Visible() || g.story.sess.fresh != nil || !strings.HasPrefix(g.saveState.Text, "Unsaved changes") {
				t.Errorf("%s: once created the new row shows %v and the status bar says %q", d.name, g.list.newRow.Visible(), g.saveState.Text)
			}
			g.autosave()
			wc, err := st.WorkingCopy(context.Background(), id, g.prefs.owner())
			if err != nil || !strings.Contains(string(wc.Content), "Council tax") || wc.Base != 1 {
				t.Fatalf("%s: after autosave the working copy is %+v (%v), want the typing over revision 1", d.name, wc, err)
			}
			g.story.sess.save("")
			if n := storyCount(t, st); n != 2+i {
				t.Errorf("%s: after saving the %s there are %d stories, want %d", d.name, field, n, 2+i)
			}
			if s, err := st.Story(context.Background(), id); err != nil || s.Revision != 2 || !strings.Contains(string(s.Content()), "Council tax") {
				t.Errorf("%s: the saved story is %+v (%v), want revision 2 with the typing", d.name, s, err)
			}
			g.quit()
		}
	}
}

func TestANewStorysTypingIsRecoveredAfterAKill(t *testing.T) {
	newTestApp(t)
	for _, d := range newStoryDesks(t) {
		g, w, _ := d.openOn(t)
		g.newStory()
		w.Canvas().Focus(g.story.body)
		test.Type(g.story.body, "P")
		id := g.story.sess.id()
		// Killed at once: no autosave ran, no quit. The next run finds the
		// first keystroke.
		g2, _, _ := d.openOn(t)
		if g2.story.sess.id() != id || g2.story.body.Text != "P" || !g2.story.sess.banner.Visible() {
			t.Fatalf("%s: after a kill at the first keystroke the window shows %q with body %q (banner %v), want the new story %q recovered",
				d.name, g2.story.sess.id(), g2.story.body.Text, g2.story.sess.banner.Visible(), id)
		}
		// Typed on, one autosave tick, killed again.
		test.Type(g.story.body, "olice said")
		g.autosave()
		g3, _, st := d.openOn(t)
		if g3.story.sess.id() != id || g3.story.body.Text != "Police said" || !strings.Contains(g3.story.sess.bannerText.Text, "Recovered unsaved changes") {
			t.Errorf("%s: after a kill the window shows %q with body %q, banner %q; want the new story's typing",
				d.name, g3.story.sess.id(), g3.story.body.Text, g3.story.sess.bannerText.Text)
		}
		if g3.journal != nil {
			kept, err := g3.journal.WorkingCopy(context.Background(), st.Path(), id, g3.prefs.owner())
			if err != nil || !strings.Contains(string(kept.Content), "Police said") {
				t.Errorf("%s: the journal holds %+v (%v), want the typing", d.name, kept, err)
			}
		}
		if n := storyCount(t, st); n != 2 {
			t.Errorf("%s: %d stories after the recovery, want 2", d.name, n)
		}
	}
}

// TestANewStoryTheStoreRefusesStaysOnScreen: when creating the new story
// fails the typing stays in the fields, the error is shown, the next
// keystroke tries again, and quitting still quits.
func TestANewStoryTheStoreRefusesStaysOnScreen(t *testing.T) {
	store := newFakeStore(1)
	g, w := newTestGUI(t, store)
	store.createErr = errors.New("disk full")
	g.newStory()
	test.Type(g.story.headline, "Fire")
	if n := store.count("CreateStory"); n != 1 || g.story.headline.Text != "Fire" || g.story.sess.fresh == nil {
		t.Fatalf("a refused creation: %d tries, headline %q, still new %v", n, g.story.headline.Text, g.story.sess.fresh != nil)
	}
	if !strings.Contains(dialogText(g), "disk full") {
		t.Errorf("the error dialog says %q", dialogText(g))
	}
	g.topDialog().submit()
	closed := false
	g.closeWindow = func() { closed = true }
	g.quit()
	tapButton(t, w, "Quit and keep them")
	if !closed || store.count("CreateStory") != 2 {
		t.Errorf("quitting after a refused creation: closed %v after %d tries, want closed after trying again", closed, store.count("CreateStory"))
	}
}

// TestSavingOrMovingAnUntouchedNewStoryStoresIt: Save revision and a
// status chosen are asked for a story in the store, so a new story is
// created for them, once, even with nothing typed.
func TestSavingOrMovingAnUntouchedNewStoryStoresIt(t *testing.T) {
	for _, tt := range []struct {
		name string
		do   func(g *gui)
		want editor.Status
		says string // the status bar, from the start
	}{
		{"save", func(g *gui) { g.saveCurrent() }, editor.StatusDraft, "Saved "},
		{"move to subbing", func(g *gui) { g.story.status.SetSelected(editor.StatusSubbing.Label()) }, editor.StatusSubbing, "Moved draft → subbing"},
	} {
		store := newFakeStore(1)
		g, _ := newTestGUI(t, store)
		g.newStory()
		tt.do(g)
		if n := store.count("CreateStory"); n != 1 || g.story.sess.fresh != nil || g.list.newRow.Visible() {
			t.Fatalf("%s: %d stories created, still new %v; calls %v", tt.name, n, g.story.sess.fresh != nil, store.calls)
		}
		id := g.story.sess.id()
		if s := store.find(id); s == nil || s.Status != tt.want || g.topDialog() != nil {
			t.Errorf("%s: the store holds %+v, dialog %v; want a story %s and no question", tt.name, s, g.topDialog() != nil, tt.want)
		}
		if !strings.HasPrefix(g.saveState.Text, tt.says) {
			t.Errorf("%s: the status bar says %q", tt.name, g.saveState.Text)
		}
	}
}
