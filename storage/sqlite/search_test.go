package sqlite_test

import (
	"database/sql"
	"fmt"
	"slices"
	"testing"

	"copydesk/editor"
	"copydesk/storage/sqlite"
)

// openRaw opens the database file as a plain SQLite connection, for what the
// store does not offer: checks of the index, writes behind its back.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

// checkSearchIndex runs FTS5's integrity check with the content: it fails
// when the index holds words the stories, quotes, pages or people no longer
// have, or lacks words they have.
func checkSearchIndex(t *testing.T, raw *sql.DB, after string) {
	t.Helper()
	if _, err := raw.Exec(`INSERT INTO search (search, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("after %s, the search index does not match its content: %v", after, err)
	}
}

// found lists "kind:ref" of what Search finds for query, sorted.
func found(t *testing.T, db *sqlite.DB, query string) []string {
	t.Helper()
	hits, err := db.Search(ctx, query, 50)
	if err != nil {
		t.Fatalf("Search(%q) = %v", query, err)
	}
	got := []string{}
	for _, h := range hits {
		got = append(got, h.Kind+":"+h.ID)
	}
	slices.Sort(got)
	return got
}

// TestSearchIndexFollowsEveryWrite: after each write, through the store or
// behind its back, the words written are found, the words replaced are not,
// and the index matches what the tables hold.
func TestSearchIndexFollowsEveryWrite(t *testing.T) {
	db, path := openDB(t)
	raw := openRaw(t, path)
	person := &editor.Person{Name: "Ada Birdseye", Honorific: "Captain", Role: "harbourmaster"}
	if err := db.SavePerson(ctx, person); err != nil {
		t.Fatal(err)
	}
	s := &editor.Story{Headline: "Ferry sinks in harbour", Standfirst: "All safe", Body: "The ferry sank at dawn.",
		Credit: "Photo: Coastguard", Tags: []string{"shipping news", "weather"},
		Quotes: []editor.Quote{{Speaker: "Ada Birdseye", Text: "Everyone swam ashore."}}}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	page := &editor.Page{Title: "Corrections policy", Kind: editor.PagePolicy, Summary: "How we correct", Body: "We say so plainly."}
	if err := db.CreatePage(ctx, page, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	story, quote := "story:"+s.ID, "quote:"+s.Quotes[0].ID
	pageHit, personHit := "page:"+page.ID, "person:"+person.ID

	edit := func(change func(s *editor.Story)) func() error {
		return func() error {
			cur, err := db.Story(ctx, s.ID)
			if err != nil {
				return err
			}
			change(cur)
			_, err = db.SaveStory(ctx, cur, cur.Revision, editor.RevisionMeta{})
			return err
		}
	}
	exec := func(q string, args ...any) func() error {
		return func() error { _, err := raw.Exec(q, args...); return err }
	}
	steps := []struct {
		name  string
		write func() error
		find  map[string][]string
	}{
		{"creating them", func() error { return nil }, map[string][]string{
			"ferry": {story}, "safe": {story}, "coastguard": {story}, "shipping": {story}, "weather": {story},
			"swam": {quote}, "birdseye": {personHit, quote}, "captain": {personHit}, "harbourmaster": {personHit},
			"plainly": {pageHit}, "corrections": {pageHit}}},
		{"a new body and headline", edit(func(s *editor.Story) { s.Headline, s.Body = "Lifeboat rescue", "The lifeboat came." }), map[string][]string{
			"ferry": {}, "dawn": {}, "lifeboat": {story}, "rescue": {story}, "safe": {story}}},
		{"new tags", edit(func(s *editor.Story) { s.Tags = []string{"rescue"} }), map[string][]string{
			"shipping": {}, "weather": {}, "rescue": {story}}},
		{"a quote reworded", edit(func(s *editor.Story) { s.Quotes[0].Text = "Nobody was hurt." }), map[string][]string{
			"swam": {}, "hurt": {quote}}},
		{"the quote removed", edit(func(s *editor.Story) { s.Quotes = nil }), map[string][]string{
			"hurt": {}, "birdseye": {personHit}}},
		{"a status change", func() error {
			cur, err := db.Story(ctx, s.ID)
			if err == nil {
				_, err = db.SetStatus(ctx, s.ID, cur.Revision, editor.StatusSubbing, editor.RevisionMeta{})
			}
			return err
		}, map[string][]string{"lifeboat": {story}}},
		{"a page saved", func() error {
			page.Body = "We say so at the top."
			_, err := db.SavePage(ctx, page, page.Revision, editor.RevisionMeta{})
			return err
		}, map[string][]string{"plainly": {}, "top": {pageHit}}},
		{"a person saved", func() error {
			person.Role = "pilot"
			return db.SavePerson(ctx, person)
		}, map[string][]string{"harbourmaster": {}, "pilot": {personHit}}},
		{"an update behind the store's back", exec(`UPDATE stories SET body = 'Gulls watched.' WHERE id = ?`, s.ID), map[string][]string{
			"came": {}, "gulls": {story}, "lifeboat": {story}}},
		{"a story deleted behind the store's back", exec(`DELETE FROM stories WHERE id = ?`, s.ID), map[string][]string{
			"gulls": {}, "rescue": {}}},
	}
	for _, step := range steps {
		if err := step.write(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		checkSearchIndex(t, raw, step.name)
		for query, want := range step.find {
			slices.Sort(want)
			if got := found(t, db, query); !slices.Equal(got, want) {
				t.Errorf("after %s, Search(%q) = %v, want %v", step.name, query, got, want)
			}
		}
	}
	var left int
	if err := raw.QueryRow(`SELECT count(*) FROM search_docs WHERE story = ?`, s.ID).Scan(&left); err != nil || left != 0 {
		t.Errorf("after the story is deleted, %d search_docs rows (%v) name it, want none", left, err)
	}
}

// TestSearchKeepsNoCopyOfTheWords: the index reads its rows' words from the
// tables they belong to, through the view search_source; FTS5 has no content
// table of its own (it would be search_content).
func TestSearchKeepsNoCopyOfTheWords(t *testing.T) {
	_, path := openDB(t)
	raw := openRaw(t, path)
	var kind string
	if err := raw.QueryRow(`SELECT type FROM sqlite_master WHERE name = 'search_source'`).Scan(&kind); err != nil || kind != "view" {
		t.Errorf("search_source is a %q (%v), want a view", kind, err)
	}
	var copies int
	if err := raw.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'search_content'`).Scan(&copies); err != nil || copies != 0 {
		t.Errorf("the database has %d tables search_content (%v), want none", copies, err)
	}
}

// TestMigrationMovesSearchToExternalContent: a database made before
// migration 14, its index holding a copy of every row's words, finds the
// same things after it, with its index matching the tables and the row of
// what is no longer there gone.
func TestMigrationMovesSearchToExternalContent(t *testing.T) {
	db, path := openDB(t)
	var stories []*editor.Story
	for i := range 5 {
		s := &editor.Story{Headline: fmt.Sprintf("Budget %d", i), Body: fmt.Sprintf("The chancellor spoke for %d minutes.", 10*i),
			Tags:   []string{fmt.Sprintf("tag%d", i)},
			Quotes: []editor.Quote{{Speaker: "Rachel Reeves", Text: fmt.Sprintf("Growth, growth, growth %d.", i)}}}
		if err := db.CreateStory(ctx, s, editor.RevisionMeta{}); err != nil {
			t.Fatal(err)
		}
		stories = append(stories, s)
	}
	if err := db.SavePerson(ctx, &editor.Person{Name: "Rachel Reeves", Role: "chancellor"}); err != nil {
		t.Fatal(err)
	}
	queries := []string{"chancellor", "growth", "budget", "tag3", "reeves", "minutes"}
	before := map[string][]string{}
	for _, q := range queries {
		before[q] = found(t, db, q)
	}
	db.Close()
	raw := openRaw(t, path)
	if err := sqlite.OwnSearchWords(ctx, raw, true); err != nil {
		t.Fatal(err)
	}
	var copies int
	if err := raw.QueryRow(`SELECT count(*) FROM search_content WHERE c1 LIKE '%chancellor%'`).Scan(&copies); err != nil || copies != 6 {
		t.Fatalf("before the migration the index's own table holds %d copies of the words (%v), want 6", copies, err)
	}

	db = openAt(t, path)
	for _, q := range queries {
		if got := found(t, db, q); !slices.Equal(got, before[q]) {
			t.Errorf("after the migration Search(%q) = %v, want %v", q, got, before[q])
		}
	}
	if got := found(t, db, "vanished"); len(got) != 0 {
		t.Errorf("after the migration Search(vanished) = %v, want nothing: the story is not there", got)
	}
	checkSearchIndex(t, raw, "the migration")
	var orphans int
	if err := raw.QueryRow(`SELECT count(*) FROM search_docs WHERE ref = 'gone'`).Scan(&orphans); err != nil || orphans != 0 {
		t.Errorf("after the migration %d search_docs rows name a story that is not there (%v), want none", orphans, err)
	}
	// The triggers the migration made keep the index right from then on.
	cur := stories[2]
	cur.Body = "The chancellor said nothing."
	if _, err := db.SaveStory(ctx, cur, cur.Revision, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	checkSearchIndex(t, raw, "a save after the migration")
	if got := found(t, db, "minutes"); len(got) != len(before["minutes"])-1 {
		t.Errorf("after a save Search(minutes) = %v, want one fewer than %v", got, before["minutes"])
	}
	if v, _ := db.SchemaVersion(ctx); v < 14 {
		t.Errorf("SchemaVersion = %d after the migration, want 14 or more", v)
	}
}

// TestSearchRanksTheNewestMatches: a headline outweighs a body, and of a
// query matching more than a thousand rows the best of the newest thousand
// come first; older matches are not ranked.
func TestSearchRanksTheNewestMatches(t *testing.T) {
	db, _ := openDB(t)
	oldHeadline := newStory(t, db, "Harbour reopens", "Boats are back.")
	inBody := newStory(t, db, "Boats are back", "The harbour reopened.")
	if hits, err := db.Search(ctx, "harbour", 10); err != nil || len(hits) != 2 || hits[0].ID != oldHeadline.ID || hits[1].ID != inBody.ID {
		t.Fatalf("Search(harbour) = %+v, %v, want the headline %s before the body %s", hits, err, oldHeadline.ID, inBody.ID)
	}
	many := make([]*editor.Story, 1000)
	for i := range many {
		many[i] = &editor.Story{Headline: fmt.Sprintf("Tides %d", i), Body: "The harbour was busy."}
	}
	if err := db.CreateStories(ctx, many, editor.RevisionMeta{}, nil); err != nil {
		t.Fatal(err)
	}
	newHeadline := newStory(t, db, "Harbour closes", "Storm due.")
	hits, err := db.Search(ctx, "harbour", 2000)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1000 || hits[0].ID != newHeadline.ID {
		t.Fatalf("Search(harbour) of 1,003 matches = %d hits, the first %+v, want 1,000, the newest headline %s first", len(hits), hits[0], newHeadline.ID)
	}
	for _, h := range hits {
		if h.ID == oldHeadline.ID || h.ID == inBody.ID {
			t.Errorf("Search(harbour) of 1,003 matches found %s, one of the oldest, want the newest 1,000", h.ID)
		}
	}
}
