package postgres_test

import (
	"context"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/internal/pgtest"
	"copydesk/storage/postgres"
)

// TestLiveDeskAsItsPeople: two editors on a desk set up by desk init. Each
// sees the other's presence and saves, keeps working copies the other
// cannot see or drop, and cannot touch the other's presence or the feed
// with plain SQL; a working copy kept before clients had IDs is found by
// its owner's new client and adopted.
func TestLiveDeskAsItsPeople(t *testing.T) {
	ctx := context.Background()
	owner, srv, name := openDesk(t)
	if err := owner.Init(ctx); err != nil {
		t.Fatal(err)
	}
	as := map[string]*postgres.DB{}
	for _, who := range []string{"ann", "bob"} {
		user := who + "_" + name
		if err := owner.AddMember(ctx, user, editor.RoleEditor, ""); err != nil {
			t.Fatal(err)
		}
		db, err := postgres.Open(ctx, srv.URL(name, user), postgres.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		as[who] = db
	}
	ann, bob := as["ann"], as["bob"]
	annOn := editor.Owner{User: ann.User(), Client: "ann-laptop"}
	bobOn := editor.Owner{User: "ann", Client: "bob-laptop"} // a user given is not the one recorded

	s := &editor.Story{Headline: "Council sets budget", Body: "First words."}
	if err := ann.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionCheckpoint}); err != nil {
		t.Fatal(err)
	}
	// Presence: each sees the other; neither can change the other's.
	if err := ann.Heartbeat(ctx, s.ID, annOn, true); err != nil {
		t.Fatalf("Heartbeat as an editor = %v", err)
	}
	if err := bob.Heartbeat(ctx, s.ID, bobOn, false); err != nil {
		t.Fatalf("Heartbeat as an editor = %v", err)
	}
	ps, err := bob.Present(ctx, s.ID)
	if err != nil || len(ps) != 2 {
		t.Fatalf("Present as bob = %+v, %v; want ann and bob", ps, err)
	}
	for _, p := range ps {
		if p.Client == "bob-laptop" && p.User != bob.User() || p.Client == "ann-laptop" && (p.User != ann.User() || !p.Typing) {
			t.Errorf("presence %+v: recorded as the wrong user", p)
		}
	}
	if err := srv.Exec(ctx, name, bob.User(), `UPDATE presence SET typing = false, doc_id = ''`, `DELETE FROM presence`); err != nil {
		t.Fatalf("bob's plain SQL on presence = %v", err)
	}
	if ps, _ := ann.Present(ctx, s.ID); len(ps) != 1 || ps[0].User != ann.User() || !ps[0].Typing {
		t.Errorf("after bob's UPDATE and DELETE, Present = %+v, want ann's untouched", ps)
	}

	// Working copies: each only their own.
	edit := *s
	edit.Body = "Ann's words."
	if err := ann.SaveWorkingCopy(ctx, &editor.WorkingCopy{DocID: s.ID, DocKind: "story", Base: 1, Content: edit.Content(), Client: annOn.Client}); err != nil {
		t.Fatal(err)
	}
	if all, err := bob.WorkingCopies(ctx, editor.Owner{Client: annOn.Client}); err != nil || len(all) != 0 {
		t.Errorf("bob's WorkingCopies on ann's client = %+v, %v; want none", all, err)
	}
	if err := bob.DropWorkingCopy(ctx, s.ID, annOn); err != nil {
		t.Fatal(err)
	}
	if _, err := ann.WorkingCopy(ctx, s.ID, annOn); err != nil {
		t.Errorf("bob's DropWorkingCopy dropped ann's: %v", err)
	}

	// A working copy from before clients: ann's new client finds it, and
	// its autosave adopts it.
	if err := srv.Exec(ctx, name, ann.User(), `DELETE FROM working_copies`,
		`INSERT INTO working_copies (doc_id, doc_kind, base, content, saved_at) VALUES ('`+s.ID+`', 'story', 1, '\x7b7d', now())`); err != nil {
		t.Fatal(err)
	}
	newClient := editor.Owner{Client: editor.NewClientID()}
	if wc, err := ann.WorkingCopy(ctx, s.ID, newClient); err != nil || wc.Client != "" || wc.User != ann.User() {
		t.Errorf("ann's old working copy from a new client = %+v, %v", wc, err)
	}
	if err := ann.SaveWorkingCopy(ctx, &editor.WorkingCopy{DocID: s.ID, DocKind: "story", Base: 1, Content: edit.Content(), Client: newClient.Client}); err != nil {
		t.Fatal(err)
	}
	if all, _ := ann.WorkingCopies(ctx, newClient); len(all) != 1 || all[0].Client != newClient.Client {
		t.Errorf("after the autosave, WorkingCopies = %+v, want the adopted one alone", all)
	}

	// The feed: bob's watch sees ann's save; nobody rewrites the feed.
	_, start, err := bob.Changes(ctx, editor.CursorNow)
	if err != nil {
		t.Fatalf("Changes as an editor = %v", err)
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	changes := bob.Watch(wctx, start)
	if _, err := ann.SaveStory(ctx, &edit, 1, editor.RevisionMeta{Kind: editor.RevisionCheckpoint}); err != nil {
		t.Fatal(err)
	}
	guard := time.NewTimer(30 * time.Second) // a failure guard only
	defer guard.Stop()
	select {
	case c := <-changes:
		if c.DocID != s.ID || c.Revision != 2 || c.Author != ann.User() {
			t.Errorf("bob's Watch sent %+v, want ann's revision 2", c)
		}
	case <-guard.C:
		t.Fatal("bob's Watch never sent ann's save")
	}
	for _, q := range []string{`DELETE FROM changes`, `UPDATE changes SET author = 'x'`, `TRUNCATE changes`, `INSERT INTO changes (doc_id, doc_kind, seq, kind, author, at) VALUES ('x', 'story', 1, 'import', 'x', now())`} {
		if err := srv.Exec(ctx, name, bob.User(), q); err == nil {
			t.Errorf("%s as an editor: allowed", q)
		}
	}
	if got, _, err := ann.Changes(ctx, 0); err != nil || len(got) != 2 {
		// Bob's Watch has had revision 2, so the feed's horizon is past it.
		t.Errorf("the feed after bob's attempts = %d changes, %v; want 2", len(got), err)
	}
}

// TestPresenceKeepsTheServersTime: a copy of the app on a computer whose
// clock is a minute slow is still present for the others, and one whose
// clock is a minute fast does not linger: heartbeats are timed by the
// server's clock (the skew Open measures).
func TestPresenceKeepsTheServersTime(t *testing.T) {
	ctx := context.Background()
	first, srv, name := openDesk(t)
	second, err := postgres.Open(ctx, srv.URL(name, pgtest.Superuser), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	for _, off := range []time.Duration{-time.Minute, time.Minute} {
		first.Now = func() time.Time { return time.Now().Add(off) }
		postgres.SetSkew(first, -off) // what Open measures on such a computer
		if err := first.Heartbeat(ctx, "", editor.Owner{Client: "off"}, false); err != nil {
			t.Fatal(err)
		}
		ps, err := second.Present(ctx, "")
		if err != nil || len(ps) != 1 {
			t.Errorf("with the clock %v off, Present = %+v, %v; want the copy there", off, ps, err)
		}
		if len(ps) == 1 {
			if d := time.Since(ps[0].SeenAt); d < -5*time.Second || d > 5*time.Second {
				t.Errorf("with the clock %v off, seen %v ago, want about now", off, d)
			}
		}
	}
}
