package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"copydesk/editor"
	"copydesk/internal/pgtest"
	"copydesk/storage"
)

// crashableDesk starts a private PostgreSQL of the test's own (durable: a
// crash of a server without fsync may lose what it committed) with a desk
// holding one story, and returns the server, alice's URL and the story.
func crashableDesk(t *testing.T) (*pgtest.Server, string, *editor.Story) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a server of its own")
	}
	srv, err := pgtest.StartServer(true)
	if err != nil {
		if pgtest.Required() {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	t.Cleanup(srv.Stop)
	ctx := context.Background()
	name := srv.NewDatabase(t)
	owner, err := storage.Open(ctx, srv.URL(name, pgtest.Superuser), storage.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	desk := owner.(storage.Desk)
	if err := desk.Init(ctx); err != nil {
		t.Fatal(err)
	}
	if err := desk.AddMember(ctx, "alice", editor.RoleEditor, ""); err != nil {
		t.Fatal(err)
	}
	story := &editor.Story{Headline: "Council vote due", Body: twoParagraphs, Status: editor.StatusDraft}
	if err := owner.CreateStory(ctx, story, editor.RevisionMeta{Kind: editor.RevisionCheckpoint}); err != nil {
		t.Fatal(err)
	}
	return srv, srv.URL(name, "alice"), story
}

// TestAStoppedServerQueuesTheSaveAndARestartSendsIt stops a private
// PostgreSQL of its own as pg_ctl stop -m immediate does, while a story is
// being edited, and starts it again.
func TestAStoppedServerQueuesTheSaveAndARestartSendsIt(t *testing.T) {
	srv, url, story := crashableDesk(t)
	ctx := context.Background()
	st, err := storage.Open(ctx, url, storage.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	newTestApp(t)
	j := openJournal(t)
	g, _ := openTestGUIWith(t, st, func(g *gui) { g.journal = j })
	g.list.list.Select(0)

	srv.Crash()
	replaceIn(t, g.story.body, "on Tuesday", "on Tuesday at noon")
	g.autosave()
	if g.dbLabel.Text != offlineText {
		t.Fatalf("with the server stopped the status bar says %q (%s), want %q", g.dbLabel.Text, g.saveState.Text, offlineText)
	}
	saveAs(g, "alice")
	if g.waiting != 1 {
		t.Fatalf("%d saves wait after saving offline (%s), want 1", g.waiting, g.saveState.Text)
	}
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	// The pool may hand out a connection the crash killed before a new one.
	for end := time.Now().Add(30 * time.Second); g.waiting > 0 && time.Now().Before(end); {
		g.sendWaiting()
		if g.waiting > 0 {
			time.Sleep(200 * time.Millisecond)
		}
	}
	if g.waiting > 0 {
		t.Fatalf("%d saves still wait after the restart: %s", g.waiting, g.saveState.Text)
	}
	// As above, a connection the crash killed may be handed out first.
	s, err := st.Story(ctx, story.ID)
	for try := 0; unreachable(err) && try < 5; try++ {
		s, err = st.Story(ctx, story.ID)
	}
	if err != nil {
		t.Fatalf("reading the story after the restart: %v (%s)", err, g.saveState.Text)
	}
	if !strings.Contains(s.Body, "on Tuesday at noon.") || s.Revision != 2 {
		t.Fatalf("after the restart the desk holds revision %d %q (%s), want the waiting save sent", s.Revision, s.Body, g.saveState.Text)
	}
	if g.dbLabel.Text == offlineText || !strings.Contains(g.saveState.Text, "sent “Council vote due” as revision 2") {
		t.Errorf("after sending the status bar says %q · %q", g.dbLabel.Text, g.saveState.Text)
	}
}

// TestStartingWhileTheServerIsDownOpensOffline starts the window while
// its private PostgreSQL is stopped: it opens offline on the story the
// journal holds, typing and saving go on, and once the server is back the
// window moves onto it and the waiting save lands.
func TestStartingWhileTheServerIsDownOpensOffline(t *testing.T) {
	srv, url, story := crashableDesk(t)
	ctx := context.Background()
	open := func() (Store, error) { return storage.Open(ctx, url, storage.OpenExisting) }
	newTestApp(t)
	j := openJournal(t)

	// The last run: alice types, autosave keeps it, the app goes.
	st, err := open()
	if err != nil {
		t.Fatal(err)
	}
	first, _ := openTestGUIWith(t, st, func(g *gui) { g.journal = j })
	first.list.list.Select(0)
	replaceIn(t, first.story.body, "on Tuesday", "on Tuesday at noon")
	first.autosave()
	first.stop()
	st.Close()

	srv.Crash()
	_, err = open()
	if !unreachable(err) {
		t.Fatalf("opening the stopped desk: %v (%T), want an error that says it cannot be reached", err, err)
	}
	js, ok := offlineStore(j, storage.DeskPath, newPrefs(fyne.CurrentApp().Preferences()), url, err)
	if !ok {
		t.Fatalf("no offline store for %s", url)
	}
	var back *gui
	install := func(st Store) {
		back, _ = openTestGUIWith(t, st, func(g *gui) { g.journal = j })
		t.Cleanup(func() { st.Close() })
		back.startQueue()
	}
	g, _ := openTestGUIWith(t, js, func(g *gui) { g.journal = j })
	g.startedOffline(open, install)
	if g.dbLabel.Text != offlineText {
		t.Errorf("started offline, the status bar says %q, want %q", g.dbLabel.Text, offlineText)
	}
	if r, ok := g.list.item(0); !ok || r.Headline != story.Headline || r.UpdatedAt.IsZero() {
		t.Errorf("offline, the story list shows %+v, want the story the journal holds", r)
	}
	if !strings.Contains(g.story.body.Text, "on Tuesday at noon") {
		t.Fatalf("offline, the body reads %q, want the typing the journal kept", g.story.body.Text)
	}
	// The journal's store says not found as well as unreachable: trying the
	// empty queue must not take that for the desk answering.
	g.sendWaiting()
	if !g.offline || g.dbLabel.Text != offlineText {
		t.Fatalf("after trying the desk with nothing waiting the window is not offline: %q", g.dbLabel.Text)
	}
	replaceIn(t, g.story.body, "on Monday", "on Monday night")
	g.autosave()
	saveAs(g, "alice")
	if g.waiting != 1 || g.dbLabel.Text != offlineText {
		t.Fatalf("saved offline: %d saves wait (%s), status bar %q; want 1, offline", g.waiting, g.saveState.Text, g.dbLabel.Text)
	}
	if err := g.tryDesk(open, install); err == nil || back != nil {
		t.Fatalf("the stopped desk answered (%v)", err)
	}

	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	if err := g.tryDesk(open, install); err != nil || back == nil {
		t.Fatalf("the desk is back but the window did not move onto it: %v", err)
	}
	// As in the test above, a connection the crash killed may come first.
	for end := time.Now().Add(30 * time.Second); back.waiting > 0 && time.Now().Before(end); {
		back.sendWaiting()
		if back.waiting > 0 {
			time.Sleep(200 * time.Millisecond)
		}
	}
	s, err := back.store.Story(ctx, story.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := "The council met on Monday night.\n\nThe vote is due on Tuesday at noon."
	if s.Revision != 2 || s.Body != want {
		t.Fatalf("after the desk came back it holds revision %d %q (%s), want 2 %q", s.Revision, s.Body, back.saveState.Text, want)
	}
	if back.dbLabel.Text == offlineText {
		t.Errorf("back on the desk the status bar still says %q", back.dbLabel.Text)
	}
}
