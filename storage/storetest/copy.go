package storetest

import (
	"errors"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
)

// Fill gives a store something of everything a copy must move: people, a
// story with quotes, corrections and several revisions of several kinds,
// a draft, and a site page with two revisions.
func Fill(t *testing.T, db storage.Store) {
	t.Helper()
	p := &editor.Person{Name: "James Cleverly", Honorific: "Mr", Role: "Foreign Secretary"}
	if err := db.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	s := &editor.Story{Headline: "Minister replies", Body: "Mr Cleverly replied: “He will understand.”", Tags: []string{"China"},
		Quotes: []editor.Quote{{Speaker: "James Cleverly", Text: "He will understand.", Verb: "replied"}}}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport, Note: "as filed"}); err != nil {
		t.Fatal(err)
	}
	s.Body += "\n\nA second paragraph."
	if _, err := db.SaveStory(ctx, s, 1, editor.RevisionMeta{Note: "subbed"}); err != nil {
		t.Fatal(err)
	}
	s, err := db.SetStatus(ctx, s.ID, 2, editor.StatusPublished, editor.RevisionMeta{})
	if err != nil {
		t.Fatal(err)
	}
	s.Body += " Corrected."
	if _, err := db.SaveStory(ctx, s, s.Revision, editor.RevisionMeta{Note: "A word was missing."}); err != nil {
		t.Fatal(err)
	}
	addNote(t, db, s, "He will understand.", "Check the words with the Hansard")
	resolved := addNote(t, db, s, "A second paragraph.", "Needed?")
	if _, err := db.ResolveNote(ctx, s.ID, resolved.ID, true, noteAuthor(db, "Ann")); err != nil {
		t.Fatal(err)
	}
	newStory(t, db, "", "A draft with no headline yet.")
	page := &editor.Page{Title: "Comments: Our rules", Summary: "Be civil.", Body: "The rules."}
	if err := db.CreatePage(ctx, page, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	page.Body = "The rules, revised."
	if _, err := db.SavePage(ctx, page, 1, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
}

// SameContent reports the first way two stores differ in what a copy moves:
// stories and pages as they stand, every revision with its hash, the people.
func SameContent(t *testing.T, a, b storage.Store) {
	t.Helper()
	as, err := a.StoriesWithStatus(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range as {
		got, err := b.Story(ctx, s.ID)
		if err != nil {
			t.Fatalf("story %s after the copy: %v", s.ID, err)
		}
		if string(got.Content()) != string(s.Content()) || got.Revision != s.Revision || !got.CreatedAt.Equal(s.CreatedAt) ||
			!got.UpdatedAt.Equal(s.UpdatedAt) || (got.PublishedAt == nil) != (s.PublishedAt == nil) || len(got.Corrections) != len(s.Corrections) {
			t.Errorf("story %s after the copy = %+v, want %+v", s.ID, got, s)
		}
		sameRevisions(t, a, b, s.ID)
		sameNotes(t, a, b, s.ID)
	}
	if n, _ := b.CountStories(ctx, ""); n != len(as) {
		t.Errorf("%d stories after the copy, want %d", n, len(as))
	}
	ap, _ := a.Pages(ctx)
	bp, _ := b.Pages(ctx)
	if len(ap) != len(bp) {
		t.Fatalf("%d pages after the copy, want %d", len(bp), len(ap))
	}
	for i := range ap {
		if string(ap[i].Content()) != string(bp[i].Content()) || ap[i].Revision != bp[i].Revision {
			t.Errorf("page %s after the copy = %+v, want %+v", ap[i].ID, bp[i], ap[i])
		}
		sameRevisions(t, a, b, ap[i].ID)
	}
	apeople, _ := a.People(ctx)
	bpeople, _ := b.People(ctx)
	if len(apeople) != len(bpeople) || (len(apeople) > 0 && apeople[0] != bpeople[0]) {
		t.Errorf("people after the copy = %+v, want %+v", bpeople, apeople)
	}
}

func sameRevisions(t *testing.T, a, b storage.Store, id string) {
	t.Helper()
	ar, _ := a.Revisions(ctx, id)
	br, err := b.Revisions(ctx, id)
	if err != nil || len(ar) != len(br) {
		t.Fatalf("revisions of %s after the copy: %d, %v; want %d", id, len(br), err, len(ar))
	}
	for i := range ar {
		if ar[i] != br[i] && !(ar[i].CreatedAt.Equal(br[i].CreatedAt) && ar[i].SHA256 == br[i].SHA256 && ar[i].Author == br[i].Author && ar[i].Kind == br[i].Kind) {
			t.Errorf("revision %d of %s after the copy = %+v, want %+v", i+1, id, br[i], ar[i])
		}
	}
}

func testCopy(t *testing.T, open Opener) {
	src, dst := openStore(t, open), openStore(t, open)
	Fill(t, src)
	var done []int
	report, err := storage.Copy(ctx, src, dst, func(n, total int) { done = append(done, n) })
	if err != nil {
		t.Fatalf("Copy() = %v", err)
	}
	if report.Stories != 2 || report.Pages != 1 || report.People != 1 || report.Revisions != 7 || report.Notes != 2 || len(done) != 3 {
		t.Errorf("Copy() = %+v, progress %v", report, done)
	}
	SameContent(t, src, dst)
	if hits, err := dst.Search(ctx, "understand", 10); err != nil || len(hits) != 2 {
		t.Errorf("search in the copy = %+v, %v; want the story and its quote", hits, err)
	}
	// The copy saves on as the original would.
	s, _ := dst.FindStory(ctx, "minister-replies")
	s.Body += " Again."
	if _, err := dst.SaveStory(ctx, s, s.Revision, editor.RevisionMeta{Note: "Another correction."}); err != nil {
		t.Errorf("saving in the copy: %v", err)
	}
	if _, err := storage.Copy(ctx, src, dst, nil); !errors.Is(err, storage.ErrNotEmpty) {
		t.Errorf("Copy(into a store with content) = %v, want ErrNotEmpty", err)
	}
}

// sameNotes checks a story's notes after a copy: each as it was.
func sameNotes(t *testing.T, a, b storage.Store, id string) {
	t.Helper()
	want, err := a.Notes(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	got, err := b.Notes(ctx, id)
	if err != nil || len(got) != len(want) {
		t.Fatalf("notes on %s after the copy = %+v, %v; want %+v", id, got, err, want)
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.ID || g.Text != w.Text || g.Author != w.Author || !g.CreatedAt.Equal(w.CreatedAt) || g.Anchor != w.Anchor ||
			g.Resolved != w.Resolved || g.ResolvedBy != w.ResolvedBy || (g.ResolvedAt == nil) != (w.ResolvedAt == nil) || g.Detached != w.Detached {
			t.Errorf("note %s after the copy = %+v, want %+v", w.ID, g, w)
		}
	}
}
