package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/internal/pgtest"
	"copydesk/storage"
)

// TestAStoppedServerQueuesTheSaveAndARestartSendsIt stops a private
// PostgreSQL of its own as pg_ctl stop -m immediate does, while a story is
// being edited, and starts it again.
func TestAStoppedServerQueuesTheSaveAndARestartSendsIt(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server of its own")
	}
	// Durable: a crash of a server without fsync may lose what it committed.
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
	owner.Close()
	st, err := storage.Open(ctx, srv.URL(name, "alice"), storage.OpenExisting)
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
