package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

var ctx = context.Background()

// openDB opens a database in a new temporary folder with a clock that ticks a
// second on every call.
func openDB(t *testing.T) (*storage.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "copydesk.db")
	db := openAt(t, path)
	return db, path
}

func openBenchDB(b *testing.B) (*storage.DB, string) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.db")
	db, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db, path
}

func openAt(t *testing.T, path string) *storage.DB {
	t.Helper()
	db, err := storage.Open(path)
	if err != nil {
		t.Fatalf("Open(%q) = %v", path, err)
	}
	clock := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	t.Cleanup(func() { db.Close() })
	return db
}

func newStory(t *testing.T, db *storage.DB, headline, body string) *editor.Story {
	t.Helper()
	s := &editor.Story{Headline: headline, Body: body}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport, Author: "test"}); err != nil {
		t.Fatalf("CreateStory(%q) = %v", headline, err)
	}
	return s
}

func TestOpenCreatesFolderAndMigratesOnce(t *testing.T) {
	db, path := openDB(t)
	if !db.Created() {
		t.Errorf("Created() = false for a new database")
	}
	v, err := db.SchemaVersion(ctx)
	if err != nil || v < 1 {
		t.Fatalf("SchemaVersion() = %d, %v, want ≥ 1", v, err)
	}
	newStory(t, db, "Kept across a reopen", "Body.")
	db.Close()

	again := openAt(t, path)
	if again.Created() {
		t.Errorf("Created() = true when reopening %s", path)
	}
	if v2, _ := again.SchemaVersion(ctx); v2 != v {
		t.Errorf("SchemaVersion() after reopen = %d, want %d", v2, v)
	}
	if n, err := again.CountStories(ctx, ""); err != nil || n != 1 {
		t.Errorf("CountStories() after reopen = %d, %v, want 1", n, err)
	}
}

func TestOpenExplainsBadFiles(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte(strings.Repeat("this is not a database\n", 200)), 0o644)
	if _, err := storage.Open(notDB); err == nil || !strings.Contains(err.Error(), "is not a copydesk database") {
		t.Errorf("Open(text file) = %v, want 'is not a copydesk database'", err)
	}
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o644)
	if _, err := storage.Open(filepath.Join(blocker, "x.db")); err == nil {
		t.Errorf("Open(path under a file) = nil error, want one")
	}
}

// TestDatabaseFileIsInWALMode checks what the DSN's pragmas leave in the file
// itself: WAL is recorded there, so a connection opened without them sees it.
// (The per-connection pragmas are not visible from outside storage.)
func TestDatabaseFileIsInWALMode(t *testing.T) {
	_, path := openDB(t)
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var mode string
	if err := raw.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v, want wal", mode, err)
	}
}

func TestCreateAndSaveStory(t *testing.T) {
	db, _ := openDB(t)
	s := newStory(t, db, "Sir Iain: ‘direct threat’ from China", "First.\n\nSecond.")
	if s.Slug != "sir-iain-direct-threat-from-china" || s.Revision != 1 || s.Status != editor.StatusDraft || len(s.ID) != 36 {
		t.Fatalf("CreateStory() gave %+v", s)
	}

	// Saving the same content makes no revision.
	same := *s
	saved, err := db.SaveStory(ctx, &same, 1, editor.RevisionMeta{Author: "sub"})
	if err != nil || saved {
		t.Errorf("SaveStory(unchanged) = %v, %v, want false, nil", saved, err)
	}

	edit := *s
	edit.Body = "First, tightened.\n\nSecond."
	edit.Tags = []string{"China"}
	saved, err = db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{Author: "sub", Note: "subbed"})
	if err != nil || !saved || edit.Revision != 2 {
		t.Fatalf("SaveStory(edit) = %v, %v, revision %d, want true, nil, 2", saved, err, edit.Revision)
	}

	// A save based on revision 1 now conflicts and writes nothing.
	stale := *s
	stale.Body = "Stale."
	if _, err := db.SaveStory(ctx, &stale, 1, editor.RevisionMeta{}); !errors.Is(err, editor.ErrConflict) {
		t.Errorf("SaveStory(based on 1 at 2) = %v, want ErrConflict", err)
	}
	got, err := db.Story(ctx, s.ID)
	if err != nil || got.Body != edit.Body || got.Revision != 2 || got.Tags[0] != "China" {
		t.Errorf("Story() = %+v, %v, want the body of revision 2", got, err)
	}

	revs, err := db.Revisions(ctx, s.ID)
	if err != nil || len(revs) != 2 || revs[0].Kind != editor.RevisionImport || revs[1].Note != "subbed" || revs[1].Author != "sub" {
		t.Fatalf("Revisions() = %+v, %v", revs, err)
	}
	old, rev, err := db.StoryRevision(ctx, s.ID, 1)
	if err != nil || old.Body != "First.\n\nSecond." || rev.Seq != 1 || rev.SHA256 != editor.ContentHash(old.Content()) {
		t.Errorf("StoryRevision(1) = %q, %+v, %v", old.Body, rev, err)
	}
	if _, _, err := db.StoryRevision(ctx, s.ID, 9); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("StoryRevision(9) = %v, want ErrNotFound", err)
	}
}

func TestSaveStoryRejectsBadInputAndChangesNothing(t *testing.T) {
	db, _ := openDB(t)
	s := newStory(t, db, "One", "Body.")
	other := newStory(t, db, "Two", "Body.")
	tests := []struct {
		name string
		edit func(*editor.Story)
		want error
	}{
		{"bad status", func(s *editor.Story) { s.Status = "live" }, nil},
		{"slug of another story", func(s *editor.Story) { s.Slug = other.Slug }, editor.ErrConflict},
		{"unknown id", func(s *editor.Story) { s.ID = "nope" }, editor.ErrNotFound},
	}
	for _, tt := range tests {
		edit := *s
		edit.Body = "Changed."
		tt.edit(&edit)
		_, err := db.SaveStory(ctx, &edit, s.Revision, editor.RevisionMeta{})
		if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
			t.Errorf("%s: SaveStory() = %v, want %v", tt.name, err, tt.want)
		}
	}
	if got, _ := db.Story(ctx, s.ID); got.Body != "Body." || got.Revision != 1 {
		t.Errorf("after refused saves: body %q revision %d, want Body. and 1", got.Body, got.Revision)
	}
}

func TestSlugsAreUniqueAndRefsResolve(t *testing.T) {
	db, _ := openDB(t)
	a := newStory(t, db, "China threat", "a")
	b := newStory(t, db, "China threat", "b")
	c := newStory(t, db, "", "Words from the body become the slug")
	if a.Slug != "china-threat" || b.Slug != "china-threat-2" || c.Slug != "words-from-the-body-become-the-slug" {
		t.Errorf("slugs = %q, %q, %q", a.Slug, b.Slug, c.Slug)
	}
	for _, ref := range []string{a.ID, a.ID[:8], "china-threat"} {
		got, err := db.FindStory(ctx, ref)
		if err != nil || got.ID != a.ID {
			t.Errorf("FindStory(%q) = %v, %v, want %s", ref, got, err, a.ID)
		}
	}
	for _, ref := range []string{"nope", a.ID[:3], ""} {
		if _, err := db.FindStory(ctx, ref); !errors.Is(err, editor.ErrNotFound) {
			t.Errorf("FindStory(%q) = %v, want ErrNotFound", ref, err)
		}
	}
}

func TestFindStoryAmbiguousPrefix(t *testing.T) {
	db, _ := openDB(t)
	n := 0
	db.NewID = func() string { n++; return fmt.Sprintf("abcdef00-0000-4000-8000-%012d", n) }
	newStory(t, db, "A", "a")
	newStory(t, db, "B", "b")
	if _, err := db.FindStory(ctx, "abcdef"); !errors.Is(err, editor.ErrAmbiguous) {
		t.Errorf("FindStory(shared prefix) = %v, want editor.ErrAmbiguous", err)
	}
}

func TestStatusAndPublishing(t *testing.T) {
	db, _ := openDB(t)
	s := newStory(t, db, "H", "B")
	got, err := db.SetStatus(ctx, s.ID, 1, editor.StatusPublished, editor.RevisionMeta{Author: "desk"})
	if err != nil || got.Status != editor.StatusPublished || got.PublishedAt == nil || got.Revision != 2 {
		t.Fatalf("SetStatus(published) = %+v, %v", got, err)
	}
	revs, _ := db.Revisions(ctx, s.ID)
	if revs[1].Kind != editor.RevisionStatus {
		t.Errorf("revision 2 kind = %q, want status", revs[1].Kind)
	}
	if n, _ := db.CountStories(ctx, editor.StatusPublished); n != 1 {
		t.Errorf("CountStories(published) = %d, want 1", n)
	}
	first := *got.PublishedAt
	if got, err = db.SetStatus(ctx, s.ID, got.Revision, editor.StatusDraft, editor.RevisionMeta{}); err != nil || got.PublishedAt == nil {
		t.Fatalf("SetStatus(draft) = %+v, %v; a withdrawn story keeps when it was first published", got, err)
	}
	got, _ = db.SetStatus(ctx, s.ID, got.Revision, editor.StatusPublished, editor.RevisionMeta{})
	if !got.PublishedAt.Equal(first) {
		t.Errorf("republishing moved published_at from %v to %v", first, got.PublishedAt)
	}
	if _, err := db.SetStatus(ctx, s.ID, got.Revision, "live", editor.RevisionMeta{}); err == nil {
		t.Errorf("SetStatus(live) = nil error")
	}
}

func TestCorrectionNeedsNote(t *testing.T) {
	db, _ := openDB(t)
	s := newStory(t, db, "H", "B")
	edit := *s
	edit.Body = "B, corrected."
	if _, err := db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{Kind: editor.RevisionCorrection}); err == nil {
		t.Fatalf("SaveStory(correction without note) = nil error")
	}
	edit = *s
	edit.Body = "B, corrected."
	if _, err := db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{Kind: editor.RevisionCorrection, Note: "Name spelt wrongly."}); err != nil {
		t.Fatal(err)
	}
	got, _ := db.Story(ctx, s.ID)
	if len(got.Corrections) != 1 || got.Corrections[0].Note != "Name spelt wrongly." {
		t.Errorf("Corrections = %+v", got.Corrections)
	}
}

func TestListStoriesWindows(t *testing.T) {
	db, _ := openDB(t)
	for i := 0; i < 25; i++ {
		newStory(t, db, fmt.Sprintf("Story %02d", i), "Body")
	}
	page, err := db.ListStories(ctx, editor.StoryFilter{Offset: 20, Limit: 10})
	if err != nil || len(page) != 5 || page[0].Title != "Story 04" || page[4].Title != "Story 00" {
		t.Errorf("ListStories(offset 20) = %+v, %v", page, err)
	}
	all, _ := db.ListStories(ctx, editor.StoryFilter{})
	if len(all) != 25 || all[0].Headline != "Story 24" {
		t.Errorf("ListStories(all) = %d stories, first %+v", len(all), all[0])
	}
	none, _ := db.ListStories(ctx, editor.StoryFilter{Status: editor.StatusSpiked})
	if len(none) != 0 {
		t.Errorf("ListStories(spiked) = %+v, want none", none)
	}
}

func TestQuotesPeopleAndSearch(t *testing.T) {
	db, _ := openDB(t)
	p := &editor.Person{Name: "James Cleverly", ShortName: "Mr Cleverly"}
	if err := db.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	again := &editor.Person{Name: "james cleverly", Role: "Foreign Office minister"}
	if err := db.SavePerson(ctx, again); err != nil || again.ID != p.ID || again.ShortName != "Mr Cleverly" || again.Role != "Foreign Office minister" {
		t.Errorf("SavePerson(same name) = %+v, %v, want a merge into %s", again, err, p.ID)
	}
	people, _ := db.People(ctx)
	if len(people) != 1 {
		t.Errorf("People() = %+v, want one", people)
	}

	s := &editor.Story{Headline: "Minister replies on café hack", Body: "Mr Cleverly replied: “He will understand.”",
		Quotes: []editor.Quote{{Speaker: "James Cleverly", Text: "He will understand.", Verb: "replied"}}}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	if s.Quotes[0].ID == "" || s.Quotes[0].PersonID != p.ID {
		t.Errorf("quote = %+v, want an ID and person %s", s.Quotes[0], p.ID)
	}
	page := &editor.Page{Title: "Comments: Our rules", Kind: editor.PageRules, Summary: "Please report comments."}
	if err := db.CreatePage(ctx, page, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		query string
		kinds []string
	}{
		{"Cleverly", []string{"person", "quote", "story"}},
		{"clever", []string{"person", "quote", "story"}},
		{"understand", []string{"quote", "story"}},
		{"cafe", []string{"story"}},
		{"report comments", []string{"page"}},
		{`"unbalanced (AND`, []string{}},
		{"", []string{}},
	}
	for _, tt := range tests {
		hits, err := db.Search(ctx, tt.query, 10)
		if err != nil {
			t.Errorf("Search(%q) = %v", tt.query, err)
			continue
		}
		var kinds []string
		for _, h := range hits {
			kinds = append(kinds, h.Kind)
		}
		if strings.Join(sorted(kinds), ",") != strings.Join(tt.kinds, ",") {
			t.Errorf("Search(%q) kinds = %v, want %v (%+v)", tt.query, kinds, tt.kinds, hits)
		}
	}
	hits, _ := db.Search(ctx, "understand", 10)
	for _, h := range hits {
		if len(h.Highlights) == 0 || !strings.EqualFold(h.Snippet[h.Highlights[0][0]:h.Highlights[0][1]], "understand") {
			t.Errorf("hit %+v: highlight does not cover 'understand'", h)
		}
		if h.Kind == "quote" && h.StoryID != s.ID {
			t.Errorf("quote hit StoryID = %q, want %q", h.StoryID, s.ID)
		}
	}

	// Editing the story re-indexes it: old words no longer match.
	edit := *s
	edit.Headline, edit.Quotes = "Minister replies", nil
	edit.Body = "Nothing quoted."
	if _, err := db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	if hits, _ := db.Search(ctx, "understand", 10); len(hits) != 0 {
		t.Errorf("Search(understand) after removing the quote = %+v, want none", hits)
	}
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	if out == nil {
		return []string{}
	}
	return out
}

func TestPages(t *testing.T) {
	db, _ := openDB(t)
	p := &editor.Page{Title: "Comments: Our rules", Summary: "S", Body: "B"}
	if err := db.CreatePage(ctx, p, editor.RevisionMeta{}); err != nil || p.Slug != "comments-our-rules" || p.Kind != editor.PageRules {
		t.Fatalf("CreatePage() = %+v, %v", p, err)
	}
	edit := *p
	if saved, err := db.SavePage(ctx, &edit, 1, editor.RevisionMeta{}); saved || err != nil {
		t.Errorf("SavePage(unchanged) = %v, %v", saved, err)
	}
	edit.Body = "B2"
	if saved, err := db.SavePage(ctx, &edit, 1, editor.RevisionMeta{Note: "tightened"}); !saved || err != nil || edit.Revision != 2 {
		t.Errorf("SavePage(edit) = %v, %v, rev %d", saved, err, edit.Revision)
	}
	if _, err := db.SavePage(ctx, &edit, 1, editor.RevisionMeta{}); !errors.Is(err, editor.ErrConflict) {
		t.Errorf("SavePage(stale) = %v, want ErrConflict", err)
	}
	got, err := db.FindPage(ctx, "comments-our-rules")
	if err != nil || got.Body != "B2" {
		t.Errorf("FindPage() = %+v, %v", got, err)
	}
	old, _, err := db.PageRevision(ctx, p.ID, 1)
	if err != nil || old.Body != "B" {
		t.Errorf("PageRevision(1) = %+v, %v", old, err)
	}
	pages, _ := db.Pages(ctx)
	if len(pages) != 1 {
		t.Errorf("Pages() = %+v", pages)
	}
}

func TestBackup(t *testing.T) {
	db, _ := openDB(t)
	for i := 0; i < 50; i++ {
		newStory(t, db, fmt.Sprintf("Story %d", i), strings.Repeat("word ", 200))
	}
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, db.Path()); err == nil {
		t.Errorf("Backup(onto itself) = nil error")
	}
	raw, err := sql.Open("sqlite3", dest)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var check string
	if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	copyDB := openAt(t, dest)
	if n, _ := copyDB.CountStories(ctx, ""); n != 50 {
		t.Errorf("backup holds %d stories, want 50", n)
	}
	if hits, _ := copyDB.Search(ctx, "Story 7", 5); len(hits) == 0 {
		t.Errorf("backup's search index finds nothing")
	}
}

func TestDamagedRevisionIsReported(t *testing.T) {
	db, path := openDB(t)
	s := newStory(t, db, "H", "B")
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE revisions SET content = replace(content, '"B"', '"X"')`); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.StoryRevision(ctx, s.ID, 1); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("StoryRevision(damaged) = %v, want 'damaged'", err)
	}
}

func TestPublishedStoryChangesNeedACorrectionNote(t *testing.T) {
	db, _ := openDB(t)
	s := newStory(t, db, "H", "The minister said yes.")
	s, err := db.SetStatus(ctx, s.ID, s.Revision, editor.StatusPublished, editor.RevisionMeta{})
	if err != nil {
		t.Fatal(err)
	}
	edit := *s
	edit.Body = "The minister said no."
	_, err = db.SaveStory(ctx, &edit, s.Revision, editor.RevisionMeta{Author: "sub"})
	var ve *editor.ValidationError
	if !errors.As(err, &ve) || ve.Field != "note" {
		t.Fatalf("SaveStory(published, no note) = %v, want a note error", err)
	}
	if got, _ := db.Story(ctx, s.ID); got.Body != "The minister said yes." {
		t.Errorf("a refused correction changed the body to %q", got.Body)
	}
	edit = *s
	edit.Body = "The minister said no."
	if _, err := db.SaveStory(ctx, &edit, s.Revision, editor.RevisionMeta{Note: "An earlier version misreported the answer."}); err != nil {
		t.Fatal(err)
	}
	revs, _ := db.Revisions(ctx, s.ID)
	if last := revs[len(revs)-1]; last.Kind != editor.RevisionCorrection {
		t.Errorf("last revision kind = %q, want correction", last.Kind)
	}
	got, _ := db.Story(ctx, s.ID)
	if len(got.Corrections) != 1 || got.Corrections[0].At.IsZero() {
		t.Errorf("Corrections = %+v, want one with its date", got.Corrections)
	}
	// Taking a story down needs no note.
	if _, err := db.SetStatus(ctx, s.ID, s.Revision+1, editor.StatusSpiked, editor.RevisionMeta{}); err != nil {
		t.Errorf("SetStatus(spiked) = %v", err)
	}
}

func TestRestoreStory(t *testing.T) {
	db, _ := openDB(t)
	s := newStory(t, db, "H", "One.")
	for _, body := range []string{"Two.", "Three."} {
		edit, _ := db.Story(ctx, s.ID)
		edit.Body = body
		if _, err := db.SaveStory(ctx, edit, edit.Revision, editor.RevisionMeta{}); err != nil {
			t.Fatal(err)
		}
	}
	got, saved, err := db.RestoreStory(ctx, s.ID, 1, editor.RevisionMeta{Author: "sub"})
	if err != nil || !saved || got.Body != "One." || got.Revision != 4 {
		t.Fatalf("RestoreStory(1) = %+v, %v, %v", got, saved, err)
	}
	revs, _ := db.Revisions(ctx, s.ID)
	if len(revs) != 4 || revs[3].Kind != editor.RevisionRestore || revs[3].Note != "restored revision 1" {
		t.Errorf("revisions after restore = %+v", revs)
	}
	if _, saved, _ := db.RestoreStory(ctx, s.ID, 4, editor.RevisionMeta{}); saved {
		t.Errorf("restoring the current revision made a new one")
	}
	if _, _, err := db.RestoreStory(ctx, s.ID, 9, editor.RevisionMeta{}); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("RestoreStory(9) = %v, want ErrNotFound", err)
	}
}

func TestStoriesWithStatusLoadsWholeStories(t *testing.T) {
	db, _ := openDB(t)
	for i := 0; i < 5; i++ {
		s := &editor.Story{Headline: fmt.Sprintf("Story %d", i), Body: "“Quoted words,” he said.",
			Quotes: []editor.Quote{{Text: "Quoted words,", Speaker: fmt.Sprintf("Person %d", i)}}}
		if err := db.CreateStory(ctx, s, editor.RevisionMeta{}); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			s, _ = db.SetStatus(ctx, s.ID, s.Revision, editor.StatusPublished, editor.RevisionMeta{})
			s.Body = "Changed."
			if _, err := db.SaveStory(ctx, s, s.Revision, editor.RevisionMeta{Note: fmt.Sprintf("fix %d", i)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	pub, err := db.StoriesWithStatus(ctx, editor.StatusPublished)
	if err != nil || len(pub) != 3 {
		t.Fatalf("StoriesWithStatus(published) = %d stories, %v, want 3", len(pub), err)
	}
	for _, s := range pub {
		one, _ := db.Story(ctx, s.ID)
		if string(one.Content()) != string(s.Content()) || len(s.Corrections) != 1 || len(s.Quotes) != 1 || s.Corrections[0].Note != one.Corrections[0].Note {
			t.Errorf("StoriesWithStatus gave %+v, Story gives %+v", s, one)
		}
	}
	all, _ := db.StoriesWithStatus(ctx, "")
	if len(all) != 5 {
		t.Errorf("StoriesWithStatus(\"\") = %d stories, want 5", len(all))
	}
}
