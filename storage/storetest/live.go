package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// The live desk: working copies by owner, presence, the change feed.

// ownerOn is the owner a store records for user on client: on a shared desk
// the database user, whatever is given.
func ownerOn(db storage.Store, user, client string) editor.Owner {
	if desk, ok := db.(storage.Desk); ok {
		user = desk.User()
	}
	return editor.Owner{User: user, Client: client}
}

// manualClock is a store clock that ticks a second on every call and jumps
// when told.
type manualClock struct {
	mu  sync.Mutex
	now time.Time
}

func newManualClock() *manualClock {
	return &manualClock{now: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(time.Second)
	return c.now
}

func (c *manualClock) jump(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func saveWC(t *testing.T, db storage.Store, id string, who editor.Owner, body string) {
	t.Helper()
	s := editor.Story{ID: id, Body: body}
	wc := &editor.WorkingCopy{DocID: id, DocKind: "story", Base: 1, Content: s.Content(), User: who.User, Client: who.Client}
	if err := db.SaveWorkingCopy(ctx, wc); err != nil {
		t.Fatalf("SaveWorkingCopy(%+v) = %v", who, err)
	}
	if wc.User != who.User || wc.Client != who.Client {
		t.Errorf("SaveWorkingCopy kept it as %s/%s, want %s/%s", wc.User, wc.Client, who.User, who.Client)
	}
}

func wcBody(t *testing.T, db storage.Store, id string, who editor.Owner) string {
	t.Helper()
	wc, err := db.WorkingCopy(ctx, id, who)
	if err != nil {
		return "(" + err.Error() + ")"
	}
	var s editor.Story
	if err := s.ApplyContent(wc.Content); err != nil {
		t.Fatal(err)
	}
	if wc.User != who.User || wc.Client != who.Client {
		t.Errorf("WorkingCopy(%+v) is %s/%s's", who, wc.User, wc.Client)
	}
	return s.Body
}

// testWorkingCopiesByOwner: two copies of the app (and, where the store
// takes the user given, two people) on one story each keep their own
// working copy; dropping one leaves the other's.
func testWorkingCopiesByOwner(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "Council sets budget", "First words.")
	_, shared := db.(storage.Desk)
	ann := ownerOn(db, "ann", "laptop")
	annDesk := ownerOn(db, "ann", "desktop")
	bob := ownerOn(db, "bob", "laptop")
	saveWC(t, db, s.ID, ann, "Ann's laptop.")
	saveWC(t, db, s.ID, annDesk, "Ann's desktop.")
	owners := []editor.Owner{ann, annDesk}
	want := map[editor.Owner]string{ann: "Ann's laptop.", annDesk: "Ann's desktop."}
	if !shared {
		saveWC(t, db, s.ID, bob, "Bob's.")
		owners = append(owners, bob)
		want[bob] = "Bob's."
	}
	for _, who := range owners {
		if got := wcBody(t, db, s.ID, who); got != want[who] {
			t.Errorf("WorkingCopy(%+v) = %q, want %q", who, got, want[who])
		}
		all, err := db.WorkingCopies(ctx, who)
		if err != nil || len(all) != 1 || all[0].Client != who.Client || all[0].User != who.User {
			t.Errorf("WorkingCopies(%+v) = %+v, %v; want only their own", who, all, err)
		}
	}
	if err := db.DropWorkingCopy(ctx, s.ID, ann); err != nil {
		t.Fatal(err)
	}
	if _, err := db.WorkingCopy(ctx, s.ID, ann); err == nil {
		t.Errorf("DropWorkingCopy left the dropper's own working copy")
	}
	for _, who := range owners[1:] {
		if got := wcBody(t, db, s.ID, who); got != want[who] {
			t.Errorf("after ann's drop, WorkingCopy(%+v) = %q, want %q kept", who, got, want[who])
		}
	}
	if stranger := ownerOn(db, "carol", "tablet"); shared {
		if all, _ := db.WorkingCopies(ctx, stranger); len(all) != 0 {
			t.Errorf("another client sees %d working copies, want none", len(all))
		}
	} else if all, _ := db.WorkingCopies(ctx, stranger); len(all) != 0 {
		t.Errorf("another user sees %d working copies, want none", len(all))
	}
}

func presentAs(ps []editor.Presence) map[string]editor.Presence {
	out := map[string]editor.Presence{}
	for _, p := range ps {
		out[p.User+"/"+p.Client] = p
	}
	return out
}

// testPresence: heartbeats say who has what open and who types; a copy
// that stops beating disappears after editor.PresenceTTL, one that leaves
// at once.
func testPresence(t *testing.T, open Opener) {
	clock := newManualClock()
	db := open(t, Fixture{Now: clock.Now})
	s := newStory(t, db, "Council sets budget", "First words.")
	other := newStory(t, db, "Flood warning", "Rain.")
	a, b, c := ownerOn(db, "ann", "a"), ownerOn(db, "bob", "b"), ownerOn(db, "carl", "c")
	key := func(o editor.Owner) string { return o.User + "/" + o.Client }
	beat := func(doc string, who editor.Owner, typing bool) {
		t.Helper()
		if err := db.Heartbeat(ctx, doc, who, typing); err != nil {
			t.Fatalf("Heartbeat(%s, %+v) = %v", doc, who, err)
		}
	}
	present := func(doc string) map[string]editor.Presence {
		t.Helper()
		ps, err := db.Present(ctx, doc)
		if err != nil {
			t.Fatalf("Present(%q) = %v", doc, err)
		}
		return presentAs(ps)
	}
	beat(s.ID, a, true)
	beat(s.ID, b, false)
	beat(other.ID, c, false)
	on := present(s.ID)
	if len(on) != 2 || !on[key(a)].Typing || on[key(b)].Typing || on[key(a)].DocID != s.ID || on[key(a)].SeenAt.IsZero() {
		t.Errorf("Present(story) = %+v, want ann typing and bob reading", on)
	}
	if all := present(""); len(all) != 3 || all[key(c)].DocID != other.ID {
		t.Errorf("Present(all) = %+v, want three, carl on the other story", all)
	}
	if others := editor.Others(mapValues(on), a); len(others) != 1 || others[0].Client != b.Client {
		t.Errorf("Others(as ann) = %+v, want bob", others)
	}
	beat(other.ID, a, false) // ann moves to the other story
	if on := present(s.ID); len(on) != 1 || on[key(b)].Client != b.Client {
		t.Errorf("after ann moved, Present(story) = %+v, want bob alone", on)
	}
	clock.jump(editor.PresenceTTL)
	beat(s.ID, b, true) // only bob still beats
	if all := present(""); len(all) != 1 || !all[key(b)].Typing {
		t.Errorf("after the others stopped beating, Present = %+v, want bob alone", all)
	}
	if err := db.Leave(ctx, b); err != nil {
		t.Fatal(err)
	}
	if all := present(""); len(all) != 0 {
		t.Errorf("after bob left, Present = %+v, want nobody", all)
	}
}

func mapValues(m map[string]editor.Presence) []editor.Presence {
	var out []editor.Presence
	for _, p := range m {
		out = append(out, p)
	}
	return out
}

// testChanges: every new revision of a story or page is in the feed, in
// order, with who made it; CursorNow starts after the newest.
func testChanges(t *testing.T, open Opener) {
	db := openStore(t, open)
	author := ownerOn(db, "ann", "").User
	_, start, err := db.Changes(ctx, editor.CursorNow)
	if err != nil {
		t.Fatalf("Changes(now) = %v", err)
	}
	s := &editor.Story{Headline: "Council sets budget", Body: "First words."}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: author}); err != nil {
		t.Fatal(err)
	}
	edit := *s
	edit.Body = "Second words."
	if _, err := db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: author}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetStatus(ctx, s.ID, 2, editor.StatusSubbing, editor.RevisionMeta{Author: author}); err != nil {
		t.Fatal(err)
	}
	p := &editor.Page{Title: "Rules"}
	if err := db.CreatePage(ctx, p, editor.RevisionMeta{Author: author}); err != nil {
		t.Fatal(err)
	}
	got, next := changesAfter(t, db, start, 4)
	want := []editor.Change{
		{DocID: s.ID, DocKind: "story", Revision: 1, Kind: editor.RevisionCheckpoint},
		{DocID: s.ID, DocKind: "story", Revision: 2, Kind: editor.RevisionCheckpoint},
		{DocID: s.ID, DocKind: "story", Revision: 3, Kind: editor.RevisionStatus},
		{DocID: p.ID, DocKind: "page", Revision: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("Changes = %+v, want %d", got, len(want))
	}
	last := start
	for i, c := range got {
		w := want[i]
		if c.DocID != w.DocID || c.DocKind != w.DocKind || c.Revision != w.Revision || (w.Kind != "" && c.Kind != w.Kind) ||
			c.Author != author || c.At.IsZero() || c.Cursor < last {
			t.Errorf("change %d = %+v, want %+v by %q at a cursor from %d", i, c, w, author, last)
		}
		last = c.Cursor
	}
	if next < last {
		t.Errorf("Changes cursor = %d, before the last change's %d", next, last)
	}
	if more, again, err := db.Changes(ctx, next); err != nil || len(more) != 0 || again < next {
		t.Errorf("Changes(after the last) = %+v, %d, %v; want none and a cursor from %d", more, again, err, next)
	}
	if more, head, err := db.Changes(ctx, editor.CursorNow); err != nil || len(more) != 0 || head < next {
		t.Errorf("Changes(now) = %+v, %d, %v; want none and a cursor from %d", more, head, err, next)
	}
}

// changesAfter reads the feed from since until it has given n changes: on a
// shared desk a transaction elsewhere on the server may hold the newest
// back for a moment. The time limit is a failure guard only.
func changesAfter(t *testing.T, db storage.Store, since editor.Cursor, n int) ([]editor.Change, editor.Cursor) {
	t.Helper()
	var got []editor.Change
	for deadline := time.Now().Add(30 * time.Second); len(got) < n && time.Now().Before(deadline); {
		more, next, err := db.Changes(ctx, since)
		if err != nil {
			t.Fatalf("Changes(%d) = %v", since, err)
		}
		if next < since {
			t.Fatalf("Changes(%d) went back to cursor %d", since, next)
		}
		got, since = append(got, more...), next
		if len(more) == 0 && len(got) < n {
			time.Sleep(10 * time.Millisecond)
		}
	}
	return got, since
}

// testLiveAcrossHandles: two handles on one database, as two copies of the
// app: one sees the other's presence, and a save through one arrives on the
// other's Watch.
func testLiveAcrossHandles(t *testing.T, open Opener) {
	first := openStore(t, open)
	second := open(t, Fixture{Now: tickingClock(), Share: first})
	s := newStory(t, first, "Council sets budget", "First words.")
	me := ownerOn(first, "ann", "first")
	if err := first.Heartbeat(ctx, s.ID, me, true); err != nil {
		t.Fatal(err)
	}
	if ps, err := second.Present(ctx, s.ID); err != nil || len(ps) != 1 || ps[0].Client != "first" || !ps[0].Typing {
		t.Errorf("the other handle's Present = %+v, %v; want the first typing", ps, err)
	}
	_, start, err := second.Changes(ctx, editor.CursorNow)
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	changes := second.Watch(wctx, start)
	edit := *s
	edit.Body = "Second words."
	if _, err := first.SaveStory(ctx, &edit, 1, editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: me.User}); err != nil {
		t.Fatal(err)
	}
	guard := time.NewTimer(30 * time.Second) // only a failure guard: the change arrives far sooner
	defer guard.Stop()
	select {
	case c, ok := <-changes:
		if !ok || c.DocID != s.ID || c.Revision != 2 || c.Author != me.User {
			t.Errorf("Watch sent %+v (open %v), want revision 2 of the story by %q", c, ok, me.User)
		}
	case <-guard.C:
		t.Fatal("Watch on the other handle never sent the save")
	}
	cancel()
	for range changes { // the channel closes when its context ends
	}
}
