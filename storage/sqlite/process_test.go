package sqlite_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage/sqlite"
)

// The other copy of the app, when the test binary runs itself: it opens
// the file, says it has the story open and typing, and saves an edit.
const (
	childFile  = "COPYDESK_TEST_OTHER_COPY_DB"
	childStory = "COPYDESK_TEST_OTHER_COPY_STORY"
)

func TestMain(m *testing.M) {
	if path := os.Getenv(childFile); path != "" {
		os.Exit(otherCopy(path, os.Getenv(childStory)))
	}
	os.Exit(m.Run())
}

func otherCopy(path, id string) int {
	ctx := context.Background()
	db, err := sqlite.Open(path, sqlite.Options{})
	if err != nil {
		return 3
	}
	defer db.Close()
	if err := db.Heartbeat(ctx, id, editor.Owner{User: "bob", Client: "other-process"}, true); err != nil {
		return 4
	}
	s, err := db.Story(ctx, id)
	if err != nil {
		return 5
	}
	s.Body = "Bob's words, from another process."
	if _, err := db.SaveStory(ctx, s, s.Revision, editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: "bob"}); err != nil {
		return 6
	}
	return 0
}

// TestLiveBetweenTwoProcesses: two processes on one file, as two copies
// of the app on one machine: this one sees the other's presence and its
// save arrives on this one's Watch.
func TestLiveBetweenTwoProcesses(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	db, err := sqlite.Open(path, sqlite.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := &editor.Story{Headline: "Council sets budget", Body: "First words."}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport, Author: "ann"}); err != nil {
		t.Fatal(err)
	}
	_, start, err := db.Changes(ctx, editor.CursorNow)
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	changes := db.Watch(wctx, start)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childFile+"="+path, childStory+"="+s.ID)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the other process: %v %s", err, out)
	}
	guard := time.NewTimer(30 * time.Second) // a failure guard only
	defer guard.Stop()
	select {
	case c := <-changes:
		if c.DocID != s.ID || c.Revision != 2 || c.Author != "bob" {
			t.Errorf("Watch sent %+v, want bob's revision 2", c)
		}
	case <-guard.C:
		t.Fatal("the other process's save never arrived on Watch")
	}
	ps, err := db.Present(ctx, s.ID)
	if err != nil || len(ps) != 1 || ps[0].User != "bob" || !ps[0].Typing {
		t.Errorf("Present = %+v, %v; want bob typing, from the other process", ps, err)
	}
}
