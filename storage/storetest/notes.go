package storetest

import (
	"errors"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
)

// noteAuthor is the name a note is written in: the database user on a
// shared desk, which refuses any other.
func noteAuthor(db storage.Store, name string) string {
	if desk, ok := db.(storage.Desk); ok {
		return desk.User()
	}
	return name
}

func addNote(t *testing.T, db storage.Store, s *editor.Story, words, text string) *editor.Note {
	t.Helper()
	a, ok := editor.FindWords(s.Body, words, 0)
	if !ok {
		t.Fatalf("no %q in %q", words, s.Body)
	}
	n := &editor.Note{StoryID: s.ID, Anchor: a, Text: text, Author: noteAuthor(db, "Ann")}
	if err := db.AddNote(ctx, n); err != nil {
		t.Fatalf("AddNote(%q) = %v", text, err)
	}
	return n
}

func testNotes(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "H", "The council said the cost was £4m. The leader disagreed.")
	n := addNote(t, db, s, "£4m", "Check the figure")
	if n.ID == "" || n.CreatedAt.IsZero() || n.Resolved || n.Detached {
		t.Fatalf("AddNote filled in %+v; want an ID, a time, open and attached", n)
	}
	addNote(t, db, s, "The leader", "Which leader?")
	got, err := db.Notes(ctx, s.ID)
	if err != nil || len(got) != 2 || got[0].ID != n.ID || got[0].Text != "Check the figure" ||
		got[0].Author != noteAuthor(db, "Ann") || !got[0].CreatedAt.Equal(n.CreatedAt) || got[0].Anchor != n.Anchor {
		t.Fatalf("Notes = %+v, %v; want the two notes, oldest first, as added (%+v)", got, err, n)
	}
	// A note is no revision: the story is as it was.
	if cur := mustStory(t, db, s.ID); cur.Revision != 1 {
		t.Errorf("after two notes the story is at revision %d, want 1", cur.Revision)
	}

	r, err := db.ResolveNote(ctx, s.ID, n.ID, true, noteAuthor(db, "Bob"))
	if err != nil || !r.Resolved || r.ResolvedBy != noteAuthor(db, "Bob") || r.ResolvedAt == nil {
		t.Fatalf("ResolveNote = %+v, %v; want resolved by %s", r, err, noteAuthor(db, "Bob"))
	}
	got, _ = db.Notes(ctx, s.ID)
	if !got[0].Resolved || got[0].ResolvedAt == nil || !got[0].ResolvedAt.Equal(*r.ResolvedAt) || got[1].Resolved {
		t.Fatalf("Notes after resolving the first = %+v", got)
	}
	if r, err := db.ResolveNote(ctx, s.ID, n.ID, false, ""); err != nil || r.Resolved || r.ResolvedBy != "" || r.ResolvedAt != nil {
		t.Fatalf("reopening = %+v, %v; want open, nobody's", r, err)
	}

	// Refused: nothing is written.
	for _, tc := range []struct {
		name  string
		note  editor.Note
		field string
	}{
		{"no text", editor.Note{StoryID: s.ID, Anchor: n.Anchor, Text: " "}, "text"},
		{"no words", editor.Note{StoryID: s.ID, Text: "x"}, "anchor"},
	} {
		err := db.AddNote(ctx, &tc.note)
		var ve *editor.ValidationError
		if !errors.As(err, &ve) || ve.Field != tc.field {
			t.Errorf("AddNote(%s) = %v, want a validation error for %s", tc.name, err, tc.field)
		}
	}
	if err := db.AddNote(ctx, &editor.Note{StoryID: "no-such-story", Anchor: n.Anchor, Text: "x"}); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("AddNote(unknown story) = %v, want ErrNotFound", err)
	}
	if _, err := db.Notes(ctx, "no-such-story"); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("Notes(unknown story) = %v, want ErrNotFound", err)
	}
	if _, err := db.ResolveNote(ctx, s.ID, "no-such-note", true, ""); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("ResolveNote(unknown note) = %v, want ErrNotFound", err)
	}
	if got, _ := db.Notes(ctx, s.ID); len(got) != 2 {
		t.Errorf("after refused notes there are %d, want 2", len(got))
	}
	if _, shared := db.(storage.Desk); shared {
		var ve *editor.ValidationError
		if err := db.AddNote(ctx, &editor.Note{StoryID: s.ID, Anchor: n.Anchor, Text: "x", Author: "Someone Else"}); !errors.As(err, &ve) || ve.Field != "author" {
			t.Errorf("AddNote(in another's name) on a shared desk = %v, want an author error", err)
		}
	}
}

func testNotesFollowSaves(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "H", "First paragraph.\n\nThe cost was £4m, the council said.\n\nLast paragraph.")
	cost := addNote(t, db, s, "The cost was £4m", "Source?")
	last := addNote(t, db, s, "Last paragraph.", "Cut this?")
	save := func(body string) {
		t.Helper()
		edit := mustStory(t, db, s.ID)
		edit.Body = body
		if _, err := db.SaveStory(ctx, edit, edit.Revision, editor.RevisionMeta{}); err != nil {
			t.Fatalf("SaveStory = %v", err)
		}
	}
	notes := func() map[string]editor.Note {
		t.Helper()
		got, err := db.Notes(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]editor.Note{}
		for _, n := range got {
			m[n.ID] = n
		}
		return m
	}
	// Text added above: both notes follow their words.
	save("A new lead.\n\n" + s.Body)
	body := mustStory(t, db, s.ID).Body
	for _, n := range notes() {
		if n.Detached || body[n.Anchor.Start:n.Anchor.End] != n.Anchor.Exact {
			t.Fatalf("after an edit above, note %q reads %q at %d–%d (detached %v)", n.Text, n.Anchor.Exact, n.Anchor.Start, n.Anchor.End, n.Detached)
		}
	}
	// The last paragraph cut: its note stays, detached; the other is kept.
	save(strings.Replace(body, "\n\nLast paragraph.", "", 1))
	m := notes()
	if len(m) != 2 || !m[last.ID].Detached || m[cost.ID].Detached || m[last.ID].Anchor.Exact != "Last paragraph." {
		t.Fatalf("after the cut, notes = %+v; want the cut one kept, detached, with its words", m)
	}
	// A restore brings the words back and keeps the note made since.
	later := addNote(t, db, mustStory(t, db, s.ID), "council", "Which council?")
	if _, _, err := db.RestoreStory(ctx, s.ID, 1, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	body = mustStory(t, db, s.ID).Body
	m = notes()
	if len(m) != 3 || m[last.ID].Detached || m[later.ID].Detached || body[m[last.ID].Anchor.Start:m[last.ID].Anchor.End] != "Last paragraph." {
		t.Fatalf("after restoring revision 1, notes = %+v; want all three, attached", m)
	}
	// A status move is a save too, and keeps them.
	if _, err := db.SetStatus(ctx, s.ID, mustStory(t, db, s.ID).Revision, editor.StatusSubbing, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	if got := notes(); len(got) != 3 {
		t.Fatalf("after a status move there are %d notes, want 3", len(got))
	}
}
