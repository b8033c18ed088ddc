package journal_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage/journal"
)

var ctx = context.Background()

const desk = "postgres://ann@desk.example.org/news"

var (
	ann       = editor.Owner{User: "ann", Client: "laptop"}
	annOther  = editor.Owner{User: "ann", Client: "desktop"}
	bob       = editor.Owner{User: "bob", Client: "laptop"}
	otherDesk = "/home/ann/copydesk.db"
)

func open(t *testing.T, path string) *journal.Journal {
	t.Helper()
	j, err := journal.Open(path)
	if err != nil {
		t.Fatalf("Open(%s) = %v", path, err)
	}
	var mu sync.Mutex
	clock := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	j.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		clock = clock.Add(time.Second)
		return clock
	}
	t.Cleanup(func() { j.Close() })
	return j
}

func story(body string) []byte {
	s := editor.Story{Headline: "Council sets budget", Body: body}
	return s.Content()
}

func keep(t *testing.T, j *journal.Journal, desk, doc string, who editor.Owner, body string) *editor.WorkingCopy {
	t.Helper()
	wc := &editor.WorkingCopy{DocID: doc, DocKind: "story", Base: 3, Content: story(body), User: who.User, Client: who.Client}
	if err := j.Keep(ctx, desk, wc); err != nil {
		t.Fatalf("Keep(%s, %+v) = %v", doc, who, err)
	}
	if wc.SavedAt.IsZero() {
		t.Errorf("Keep left SavedAt zero")
	}
	return wc
}

func body(t *testing.T, wc editor.WorkingCopy) string {
	t.Helper()
	var s editor.Story
	if err := s.ApplyContent(wc.Content); err != nil {
		t.Fatal(err)
	}
	return s.Body
}

// TestWorkingCopiesSurviveAReopen: what Keep wrote is read back after the
// file is closed and opened again (as after a kill), each owner's own on
// each desk, the newest first; keeping again replaces; Forget drops only
// the one asked for.
func TestWorkingCopiesSurviveAReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prefs", journal.FileName)
	j := open(t, path)
	keep(t, j, desk, "s1", ann, "first draft")
	keep(t, j, desk, "s1", ann, "second draft") // replaces
	keep(t, j, desk, "s2", ann, "other story")
	keep(t, j, desk, "s1", annOther, "ann on the desktop")
	keep(t, j, desk, "s1", bob, "bob's words")
	keep(t, j, otherDesk, "s1", ann, "on another desk")
	j.Close()

	j = open(t, path)
	tests := []struct {
		desk string
		who  editor.Owner
		want []string // doc:body, newest first
	}{
		{desk, ann, []string{"s2:other story", "s1:second draft"}},
		{desk, annOther, []string{"s1:ann on the desktop"}},
		{desk, bob, []string{"s1:bob's words"}},
		{otherDesk, ann, []string{"s1:on another desk"}},
		{otherDesk, bob, nil},
	}
	for _, tt := range tests {
		all, err := j.WorkingCopies(ctx, tt.desk, tt.who)
		if err != nil {
			t.Fatalf("WorkingCopies(%s, %+v) = %v", tt.desk, tt.who, err)
		}
		var got []string
		for _, wc := range all {
			if wc.User != tt.who.User || wc.Client != tt.who.Client || wc.Base != 3 || wc.DocKind != "story" {
				t.Errorf("WorkingCopies(%s, %+v) gave %+v", tt.desk, tt.who, wc)
			}
			got = append(got, wc.DocID+":"+body(t, wc))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("WorkingCopies(%s, %+v) = %q, want %q", tt.desk, tt.who, got, tt.want)
		}
	}
	wc, err := j.WorkingCopy(ctx, desk, "s1", ann)
	if err != nil || body(t, *wc) != "second draft" {
		t.Fatalf("WorkingCopy(s1, ann) = %+v, %v", wc, err)
	}
	if err := j.Forget(ctx, desk, "s1", ann); err != nil {
		t.Fatal(err)
	}
	if _, err := j.WorkingCopy(ctx, desk, "s1", ann); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("WorkingCopy after Forget = %v, want ErrNotFound", err)
	}
	for _, who := range []editor.Owner{annOther, bob} {
		if _, err := j.WorkingCopy(ctx, desk, "s1", who); err != nil {
			t.Errorf("ann's Forget dropped %+v's working copy: %v", who, err)
		}
	}
	if _, err := j.WorkingCopy(ctx, desk, "s2", ann); err != nil {
		t.Errorf("Forget(s1) dropped s2: %v", err)
	}
}

// TestTwoCopiesOfTheAppShareTheFile: two copies of the app on one
// computer have the journal open at once; each reads only its own.
func TestTwoCopiesOfTheAppShareTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), journal.FileName)
	first, second := open(t, path), open(t, path)
	keep(t, first, desk, "s1", ann, "first copy")
	keep(t, second, desk, "s1", annOther, "second copy")
	for _, tt := range []struct {
		j    *journal.Journal
		who  editor.Owner
		want string
	}{{second, ann, "first copy"}, {first, annOther, "second copy"}} {
		wc, err := tt.j.WorkingCopy(ctx, desk, "s1", tt.who)
		if err != nil || body(t, *wc) != tt.want {
			t.Errorf("WorkingCopy(%+v) through the other handle = %+v, %v; want %q", tt.who, wc, err, tt.want)
		}
	}
}

func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	j := open(t, filepath.Join(dir, journal.FileName))
	var ve *editor.ValidationError
	if err := j.Keep(ctx, desk, &editor.WorkingCopy{DocID: "s1", DocKind: "poem"}); !errors.As(err, &ve) {
		t.Errorf("Keep(poem) = %v, want a ValidationError", err)
	}
	if err := j.Enqueue(ctx, desk, &journal.PendingSave{DocID: "s1", DocKind: "poem"}); !errors.As(err, &ve) {
		t.Errorf("Enqueue(poem) = %v, want a ValidationError", err)
	}
	newer := filepath.Join(dir, "newer.db")
	db, err := sql.Open("sqlite3", newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := journal.Open(newer); err == nil || !strings.Contains(err.Error(), "newer copydesk") {
		t.Errorf("Open(a newer journal) = %v, want it refused", err)
	}
}

// TestQueueDrainsInOrder: saves queued offline come back after a reopen in
// the order they were made, each owner's own; Drain sends them in that
// order, stops at the first that fails and keeps it and the rest.
func TestQueueDrainsInOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), journal.FileName)
	j := open(t, path)
	queue := func(who editor.Owner, doc, note string) {
		t.Helper()
		p := &journal.PendingSave{DocID: doc, DocKind: "story", Base: 2, Content: story(note), User: who.User, Client: who.Client,
			Meta: editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: who.User, Note: note}}
		if err := j.Enqueue(ctx, desk, p); err != nil {
			t.Fatalf("Enqueue(%s) = %v", note, err)
		}
		if p.ID == 0 || p.QueuedAt.IsZero() {
			t.Errorf("Enqueue left ID %d, QueuedAt %v", p.ID, p.QueuedAt)
		}
	}
	queue(ann, "s1", "one")
	queue(bob, "s1", "bob's")
	queue(ann, "s2", "two")
	queue(ann, "s1", "three")
	j.Close()

	j = open(t, path)
	notes := func(ps []journal.PendingSave) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Meta.Note)
		}
		return out
	}
	pending, err := j.Pending(ctx, desk, ann)
	if err != nil || !reflect.DeepEqual(notes(pending), []string{"one", "two", "three"}) {
		t.Fatalf("Pending(ann) = %q, %v; want one, two, three", notes(pending), err)
	}
	if p := pending[0]; p.DocID != "s1" || p.Base != 2 || p.Meta.Kind != editor.RevisionCheckpoint || p.Meta.Author != "ann" || body(t, editor.WorkingCopy{Content: p.Content}) != "one" {
		t.Errorf("pending save read back as %+v", p)
	}
	offline := errors.New("the desk cannot be reached")
	var tried []string
	sent, err := j.Drain(ctx, desk, ann, func(_ context.Context, p journal.PendingSave) error {
		tried = append(tried, p.Meta.Note)
		if p.Meta.Note == "two" {
			return offline
		}
		return nil
	})
	if !errors.Is(err, offline) || !reflect.DeepEqual(notes(sent), []string{"one"}) || !reflect.DeepEqual(tried, []string{"one", "two"}) {
		t.Errorf("Drain with the second failing = sent %q, tried %q, %v", notes(sent), tried, err)
	}
	sent, err = j.Drain(ctx, desk, ann, func(context.Context, journal.PendingSave) error { return nil })
	if err != nil || !reflect.DeepEqual(notes(sent), []string{"two", "three"}) {
		t.Errorf("Drain again = %q, %v; want two, three", notes(sent), err)
	}
	if left, _ := j.Pending(ctx, desk, ann); len(left) != 0 {
		t.Errorf("after the drain, %d pending", len(left))
	}
	if left, _ := j.Pending(ctx, desk, bob); !reflect.DeepEqual(notes(left), []string{"bob's"}) {
		t.Errorf("ann's drain touched bob's queue: %q", notes(left))
	}
}
