package app

import (
	"context"
	"net"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"copydesk/editor"
	"copydesk/storage/journal"
)

// downStore is a store that, while down is set, fails every call the
// editor makes as a server that cannot be reached does: a refused
// connection.
type downStore struct {
	Store
	down atomic.Bool
}

func (s *downStore) fail() error {
	if s.down.Load() {
		return &net.OpError{Op: "dial", Net: "unix", Err: syscall.ECONNREFUSED}
	}
	return nil
}

func (s *downStore) SaveStory(ctx context.Context, st *editor.Story, base int, meta editor.RevisionMeta) (bool, error) {
	if err := s.fail(); err != nil {
		return false, err
	}
	return s.Store.SaveStory(ctx, st, base, meta)
}

func (s *downStore) Story(ctx context.Context, id string) (*editor.Story, error) {
	if err := s.fail(); err != nil {
		return nil, err
	}
	return s.Store.Story(ctx, id)
}

func (s *downStore) SaveWorkingCopy(ctx context.Context, wc *editor.WorkingCopy) error {
	if err := s.fail(); err != nil {
		return err
	}
	return s.Store.SaveWorkingCopy(ctx, wc)
}

func (s *downStore) WorkingCopy(ctx context.Context, id string, who editor.Owner) (*editor.WorkingCopy, error) {
	if err := s.fail(); err != nil {
		return nil, err
	}
	return s.Store.WorkingCopy(ctx, id, who)
}

func openJournal(t *testing.T) *journal.Journal {
	t.Helper()
	j, err := journal.Open(filepath.Join(t.TempDir(), journal.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return j
}

func TestSavesWaitOfflineAndAreSentMergedWhenTheDeskIsBack(t *testing.T) {
	st, gs, _ := openDesk(t)
	ctx := context.Background()
	j := openJournal(t)
	down := &downStore{Store: st}
	g, _ := openTestGUIWith(t, down, func(g *gui) { g.journal = j })
	other := gs[1]
	g.list.list.Select(0)
	other.list.list.Select(0)
	id := g.story.sess.id()

	down.down.Store(true)
	replaceIn(t, g.story.body, "on Monday", "on Monday night")
	g.autosave()
	if g.dbLabel.Text != offlineText {
		t.Fatalf("with the desk down the status bar says %q, want %q", g.dbLabel.Text, offlineText)
	}
	saveAs(g, "ann")
	replaceIn(t, g.story.body, "council met", "full council met")
	saveAs(g, "ann")
	who := g.prefs.owner()
	pending, err := j.Pending(ctx, st.Path(), who)
	if err != nil || len(pending) != 2 {
		t.Fatalf("the queue holds %d saves (%v), want the two made offline", len(pending), err)
	}
	if !strings.Contains(g.saveState.Text, "2 saves waiting") {
		t.Errorf("the status bar says %q, want the two saves waiting", g.saveState.Text)
	}
	if !strings.Contains(g.story.body.Text, "full council met on Monday night") {
		t.Errorf("offline the body reads %q, want the typing kept", g.story.body.Text)
	}

	// Quitting asks while saves wait.
	closed := false
	g.closeWindow = func() { closed = true }
	g.quit()
	if closed {
		t.Fatal("the window closed with saves waiting, without asking")
	}
	d := openDialog(g, "Saves waiting")
	if d == nil || !strings.Contains(dialogText(g), "2 saves waiting") {
		t.Fatalf("quitting with saves waiting shows %q, want the question naming them", dialogText(g))
	}
	d.cancel()

	// Meanwhile someone else saves the other paragraph on the desk.
	replaceIn(t, other.story.body, "on Tuesday", "on Wednesday")
	saveAs(other, "bob")

	down.down.Store(false)
	g.prefs.p.SetString(prefAuthor, "ann") // the two windows share preferences
	g.sendWaiting()
	if pending, _ := j.Pending(ctx, st.Path(), who); len(pending) != 0 {
		t.Fatalf("after the desk came back %d saves still wait (%s)", len(pending), g.saveState.Text)
	}
	s, err := st.Story(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if want := "The full council met on Monday night.\n\nThe vote is due on Wednesday."; s.Body != want {
		t.Errorf("the desk holds %q, want both saves merged with bob's: %q", s.Body, want)
	}
	if !strings.Contains(g.saveState.Text, "sent") || !strings.Contains(g.saveState.Text, "Council vote due") {
		t.Errorf("after sending the status bar says %q, want what was sent", g.saveState.Text)
	}
	if g.dbLabel.Text == offlineText {
		t.Error("back on the desk the status bar still says offline")
	}
	if g.story.body.Text != s.Body {
		t.Errorf("the editor shows %q, want what landed, %q", g.story.body.Text, s.Body)
	}
	g.quit()
	if !closed {
		t.Error("with nothing waiting quitting did not close the window")
	}
}

func TestARestartSendsTheSavesLeftWaiting(t *testing.T) {
	st, _, _ := openDesk(t)
	ctx := context.Background()
	j := openJournal(t)
	down := &downStore{Store: st}
	g, _ := openTestGUIWith(t, down, func(g *gui) { g.journal = j })
	g.list.list.Select(0)
	id := g.story.sess.id()
	down.down.Store(true)
	replaceIn(t, g.story.body, "on Tuesday", "on Tuesday at noon")
	saveAs(g, "ann")
	replaceIn(t, g.story.body, "at noon", "at noon sharp")
	g.autosave()
	g.stop()

	// Started again with the desk down: the typing is back from the journal.
	g2, _ := openTestGUIWith(t, down, func(g *gui) { g.journal = j })
	down.down.Store(false)
	g2.list.list.Select(0)
	if !strings.Contains(g2.story.body.Text, "at noon sharp") {
		t.Fatalf("after the restart the body is %q, want the journal's typing", g2.story.body.Text)
	}
	g2.startQueue()
	s, err := st.Story(ctx, id)
	if err != nil || !strings.Contains(s.Body, "Tuesday at noon.") {
		t.Fatalf("the desk holds %q (%v), want the save left waiting sent", s.Body, err)
	}
	if !strings.Contains(g2.story.body.Text, "at noon sharp") {
		t.Errorf("after sending the body is %q, want the later typing kept", g2.story.body.Text)
	}
}
