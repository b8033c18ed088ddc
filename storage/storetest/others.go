package storetest

import (
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"sync"
	"testing"

	"copydesk/editor"
)

func testQuotesPeopleSearch(t *testing.T, open Opener) {
	db := openStore(t, open)
	p := &editor.Person{Name: "James Cleverly", ShortName: "Mr Cleverly"}
	if err := db.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	s := &editor.Story{Headline: "Minister replies on café hack", Body: "Mr Cleverly replied: “He will understand.”",
		Quotes: []editor.Quote{{Speaker: "James Cleverly", Text: "He will understand.", Verb: "replied"}}}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	if s.Quotes[0].ID == "" || s.Quotes[0].PersonID != p.ID {
		t.Errorf("quote = %+v, want an ID and person %s", s.Quotes[0], p.ID)
	}
	if got := mustStory(t, db, s.ID); len(got.Quotes) != 1 || got.Quotes[0] != s.Quotes[0] {
		t.Errorf("Story().Quotes = %+v, want %+v", got.Quotes, s.Quotes)
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
		kinds := []string{}
		for _, h := range hits {
			kinds = append(kinds, h.Kind)
		}
		slices.Sort(kinds)
		if !slices.Equal(kinds, tt.kinds) {
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
		if h.Kind == "story" && (h.ID != s.ID || h.Title != s.Headline || strings.ContainsAny(h.Snippet, "\n\x01\x02")) {
			t.Errorf("story hit = %+v", h)
		}
	}
	untitled := newStory(t, db, "", "Zebras crossed the\n\nroad today")
	if hits, _ := db.Search(ctx, "zebras", 10); len(hits) != 1 || hits[0].ID != untitled.ID || hits[0].Title != "Zebras crossed the road today" || hits[0].Snippet != "Zebras crossed the road today" {
		t.Errorf("Search(zebras) = %+v, want the untitled story named by its words, its snippet on one line", hits)
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

func testPeopleMerge(t *testing.T, open Opener) {
	db := openStore(t, open)
	p := &editor.Person{Name: "James Cleverly", ShortName: "Mr Cleverly"}
	if err := db.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	again := &editor.Person{Name: "james cleverly", Role: "Foreign Office minister"}
	if err := db.SavePerson(ctx, again); err != nil || again.ID != p.ID || again.ShortName != "Mr Cleverly" || again.Role != "Foreign Office minister" {
		t.Errorf("SavePerson(same name) = %+v, %v, want a merge into %s", again, err, p.ID)
	}
	other := &editor.Person{Name: "Iain Duncan Smith"}
	if err := db.SavePerson(ctx, other); err != nil {
		t.Fatal(err)
	}
	people, _ := db.People(ctx)
	if len(people) != 2 || people[0].Name != "Iain Duncan Smith" {
		t.Errorf("People() = %+v, want two by name", people)
	}
	rename := *other
	rename.Name = "JAMES CLEVERLY"
	err := db.SavePerson(ctx, &rename)
	var ce *editor.ConflictError
	if !errors.As(err, &ce) || ce.Kind != editor.ConflictName {
		t.Errorf("SavePerson(renamed to a name taken) = %v, want a name conflict", err)
	}
	if got, err := db.Person(ctx, other.ID); err != nil || got.Name != "Iain Duncan Smith" {
		t.Errorf("Person() after a refused rename = %+v, %v", got, err)
	}
	if _, err := db.Person(ctx, "nobody"); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("Person(unknown) = %v, want ErrNotFound", err)
	}
	if err := db.SavePerson(ctx, &editor.Person{ID: "nobody", Name: "X"}); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("SavePerson(unknown ID) = %v, want ErrNotFound", err)
	}
}

func testPages(t *testing.T, open Opener) {
	db := openStore(t, open)
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
	if byID, err := db.Page(ctx, p.ID); err != nil || byID.Revision != 2 || !byID.CreatedAt.Equal(p.CreatedAt) {
		t.Errorf("Page() = %+v, %v", byID, err)
	}
	old, rev, err := db.PageRevision(ctx, p.ID, 1)
	if err != nil || old.Body != "B" || old.Revision != 1 || rev.SHA256 != editor.ContentHash(old.Content()) {
		t.Errorf("PageRevision(1) = %+v, %v", old, err)
	}
	second := &editor.Page{Title: "About us", Kind: editor.PageAbout}
	if err := db.CreatePage(ctx, second, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	pages, _ := db.Pages(ctx)
	if len(pages) != 2 || pages[0].Title != "About us" {
		t.Errorf("Pages() = %+v, want two by title", pages)
	}
	taken := *second
	taken.Slug = p.Slug
	var ce *editor.ConflictError
	if _, err := db.SavePage(ctx, &taken, 1, editor.RevisionMeta{}); !errors.As(err, &ce) || ce.Kind != editor.ConflictSlug {
		t.Errorf("SavePage(slug of another page) = %v, want a slug conflict", err)
	}
	if _, err := db.FindPage(ctx, "no-such-page"); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("FindPage(unknown) = %v, want ErrNotFound", err)
	}
}

func testRestorePage(t *testing.T, open Opener) {
	db := openStore(t, open)
	p := &editor.Page{Title: "Rules", Body: "One."}
	if err := db.CreatePage(ctx, p, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	edit := *p
	edit.Body = "Two."
	if _, err := db.SavePage(ctx, &edit, 1, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	got, saved, err := db.RestorePage(ctx, p.ID, 1, editor.RevisionMeta{})
	if err != nil || !saved || got.Body != "One." || got.Revision != 3 {
		t.Fatalf("RestorePage(1) = %+v, %v, %v", got, saved, err)
	}
	if revs, _ := db.Revisions(ctx, p.ID); len(revs) != 3 || revs[2].Kind != editor.RevisionRestore || revs[2].Note != "restored revision 1" {
		t.Errorf("revisions = %+v", revs)
	}
}

// EditBody makes a realistic edit: a word changed, a sentence added, or a
// paragraph moved.
func EditBody(r *rand.Rand, body string, i int) string {
	paras := strings.Split(body, "\n\n")
	p := r.Intn(len(paras))
	switch i % 3 {
	case 0:
		words := strings.Fields(paras[p])
		words[r.Intn(len(words))] = fmt.Sprintf("changed%d", i)
		paras[p] = strings.Join(words, " ")
	case 1:
		paras[p] += fmt.Sprintf(" A sentence added in edit %d, with “curly quotes” and café.", i)
	default:
		q := r.Intn(len(paras))
		paras[p], paras[q] = paras[q], paras[p]
	}
	return strings.Join(paras, "\n\n")
}

// LongBody is a story body of thirty paragraphs, for tests of many revisions.
func LongBody() string {
	var paras []string
	for i := 0; i < 30; i++ {
		paras = append(paras, fmt.Sprintf("Paragraph %d says the council will set its budget next month, after a consultation that drew %d replies from residents across the borough.", i, i*37))
	}
	return strings.Join(paras, "\n\n")
}

func testRevisionsRebuild(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "Budget", LongBody())
	r := rand.New(rand.NewSource(1))
	want := map[int]string{1: string(s.Content())}
	for i := 0; i < 60; i++ {
		cur := mustStory(t, db, s.ID)
		cur.Body = EditBody(r, cur.Body, i)
		if i%25 == 0 {
			cur.Headline = fmt.Sprintf("Budget, take %d", i)
		}
		if _, err := db.SaveStory(ctx, cur, cur.Revision, editor.RevisionMeta{}); err != nil {
			t.Fatal(err)
		}
		want[cur.Revision] = string(cur.Content())
	}
	for seq, content := range want {
		got, rev, err := db.StoryRevision(ctx, s.ID, seq)
		if err != nil {
			t.Fatalf("StoryRevision(%d) = %v", seq, err)
		}
		if string(got.Content()) != content || rev.SHA256 != editor.ContentHash([]byte(content)) {
			t.Fatalf("revision %d rebuilt differently", seq)
		}
	}
}

func testStoryHistory(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "H", LongBody())
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 30; i++ {
		cur := mustStory(t, db, s.ID)
		cur.Body = EditBody(r, cur.Body, i)
		if _, err := db.SaveStory(ctx, cur, cur.Revision, editor.RevisionMeta{}); err != nil {
			t.Fatal(err)
		}
	}
	stories, revs, err := db.StoryHistory(ctx, s.ID)
	if err != nil || len(stories) != len(revs) || len(revs) < 25 {
		t.Fatalf("StoryHistory() = %d stories, %d revisions, %v", len(stories), len(revs), err)
	}
	for i, st := range stories {
		one, _, err := db.StoryRevision(ctx, s.ID, revs[i].Seq)
		if err != nil || string(one.Content()) != string(st.Content()) || st.Revision != revs[i].Seq {
			t.Fatalf("StoryHistory()[%d] differs from StoryRevision(%d): %v", i, revs[i].Seq, err)
		}
	}
}

func testWorkingCopies(t *testing.T, open Opener) {
	db := openStore(t, open)
	me := ownerOn(db, "ann", "client-a")
	s := newStory(t, db, "Council sets budget", "First words.")
	if _, err := db.WorkingCopy(ctx, s.ID, me); !errors.Is(err, editor.ErrNotFound) {
		t.Fatalf("WorkingCopy of a story never edited = %v, want ErrNotFound", err)
	}
	edited := *s
	edited.Body = "First words. And the words typed since."
	wc := &editor.WorkingCopy{DocID: s.ID, DocKind: "story", Base: s.Revision, Content: edited.Content(), User: me.User, Client: me.Client}
	if err := db.SaveWorkingCopy(ctx, wc); err != nil {
		t.Fatalf("SaveWorkingCopy = %v", err)
	}
	if wc.SavedAt.IsZero() {
		t.Errorf("SaveWorkingCopy left SavedAt zero")
	}
	edited.Body += " More."
	wc.Content = edited.Content()
	if err := db.SaveWorkingCopy(ctx, wc); err != nil {
		t.Fatalf("second SaveWorkingCopy = %v", err)
	}
	if revs, _ := db.Revisions(ctx, s.ID); len(revs) != 1 {
		t.Errorf("working copies made revisions: %d, want 1", len(revs))
	}
	if cur := mustStory(t, db, s.ID); cur.Body != "First words." {
		t.Errorf("working copy changed the story: body %q", cur.Body)
	}
	got, err := db.WorkingCopy(ctx, s.ID, me)
	if err != nil {
		t.Fatalf("WorkingCopy = %v", err)
	}
	var back editor.Story
	if err := back.ApplyContent(got.Content); err != nil {
		t.Fatal(err)
	}
	if back.Body != edited.Body || got.Base != s.Revision || got.DocKind != "story" || !got.SavedAt.Equal(wc.SavedAt) {
		t.Errorf("WorkingCopy = base %d kind %s body %q, want base %d story %q", got.Base, got.DocKind, back.Body, s.Revision, edited.Body)
	}
	p := &editor.Page{Title: "Rules"}
	if err := db.CreatePage(ctx, p, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveWorkingCopy(ctx, &editor.WorkingCopy{DocID: p.ID, DocKind: "page", Base: 1, Content: p.Content(), User: me.User, Client: me.Client}); err != nil {
		t.Fatal(err)
	}
	all, err := db.WorkingCopies(ctx, me)
	if err != nil || len(all) != 2 || all[0].DocID != p.ID {
		t.Errorf("WorkingCopies = %+v, %v, want the page then the story", all, err)
	}
	if err := db.DropWorkingCopy(ctx, s.ID, me); err != nil {
		t.Fatalf("DropWorkingCopy = %v", err)
	}
	if _, err := db.WorkingCopy(ctx, s.ID, me); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("WorkingCopy after drop = %v, want ErrNotFound", err)
	}
}

func testWorkingCopyUnknown(t *testing.T, open Opener) {
	db := openStore(t, open)
	err := db.SaveWorkingCopy(ctx, &editor.WorkingCopy{DocID: "00000000-0000-4000-8000-000000000000", DocKind: "story", Base: 1, Content: []byte("{}")})
	if !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("SaveWorkingCopy of a missing story = %v, want ErrNotFound", err)
	}
	var ve *editor.ValidationError
	if err := db.SaveWorkingCopy(ctx, &editor.WorkingCopy{DocID: "x", DocKind: "poem"}); !errors.As(err, &ve) {
		t.Errorf("SaveWorkingCopy of kind poem = %v, want a ValidationError", err)
	}
	if all, err := db.WorkingCopies(ctx, editor.Owner{}); err != nil || len(all) != 0 {
		t.Errorf("WorkingCopies = %v, %v, want none", all, err)
	}
}

func testMergeSave(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "H", "One.\n\nTwo.")
	theirs := *s
	theirs.Body = "One.\n\nTwo, theirs."
	if _, err := db.SaveStory(ctx, &theirs, 1, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	ours := *s
	ours.Body = "One, ours.\n\nTwo."
	res, err := db.MergeStory(ctx, &ours, 1, editor.RevisionMeta{Note: "ours"})
	if err != nil || !res.Saved || res.MergedWith != 2 || ours.Revision != 3 || ours.Body != "One, ours.\n\nTwo, theirs." {
		t.Fatalf("MergeStory(from 1 at 2) = %+v, %v, body %q at %d", res, err, ours.Body, ours.Revision)
	}
	if got := mustStory(t, db, s.ID); got.Body != ours.Body {
		t.Errorf("stored body %q, want the merge", got.Body)
	}
	clash := *s
	clash.Body = "One.\n\nTwo, clashing."
	_, err = db.MergeStory(ctx, &clash, 1, editor.RevisionMeta{})
	var ce *editor.ConflictError
	if !errors.As(err, &ce) || ce.Kind != editor.ConflictClash || len(ce.Conflicts) == 0 {
		t.Errorf("MergeStory(clash) = %v, want a clash", err)
	}
	if got := mustStory(t, db, s.ID); got.Revision != 3 {
		t.Errorf("a clash wrote revision %d", got.Revision)
	}
	p := &editor.Page{Title: "Rules", Body: "One.\n\nTwo."}
	if err := db.CreatePage(ctx, p, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	pt := *p
	pt.Body = "One.\n\nTwo, theirs."
	if _, err := db.SavePage(ctx, &pt, 1, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	po := *p
	po.Body = "One, ours.\n\nTwo."
	if res, err := db.MergePage(ctx, &po, 1, editor.RevisionMeta{}); err != nil || !res.Saved || po.Body != "One, ours.\n\nTwo, theirs." {
		t.Errorf("MergePage = %+v, %v, body %q", res, err, po.Body)
	}
}

// testRacingSaves: saves racing from one base give one success and a
// conflict each for the others; merging saves of different paragraphs all
// land; nothing a save reported as saved is lost.
func testRacingSaves(t *testing.T, open Opener) {
	db := openStore(t, open)
	const n = 8
	var paras []string
	for i := 0; i < n; i++ {
		paras = append(paras, fmt.Sprintf("Paragraph %d says what it says.", i))
	}
	s := newStory(t, db, "Race", strings.Join(paras, "\n\n"))
	race := func(merge bool) []error {
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			edit := *s
			edit.Body = strings.Replace(edit.Body, fmt.Sprintf("Paragraph %d says", i), fmt.Sprintf("Paragraph %d now says", i), 1)
			wg.Go(func() {
				if merge {
					_, errs[i] = db.MergeStory(ctx, &edit, s.Revision, editor.RevisionMeta{})
				} else {
					_, errs[i] = db.SaveStory(ctx, &edit, s.Revision, editor.RevisionMeta{})
				}
			})
		}
		wg.Wait()
		return errs
	}
	saved := 0
	for i, err := range race(false) {
		switch {
		case err == nil:
			saved++
		case !errors.Is(err, editor.ErrConflict):
			t.Errorf("racing save %d = %v, want success or ErrConflict", i, err)
		}
	}
	if got := mustStory(t, db, s.ID); saved != 1 || got.Revision != 2 {
		t.Fatalf("%d of %d racing saves from one base succeeded, story at revision %d; want exactly one", saved, n, got.Revision)
	}
	s = mustStory(t, db, s.ID)
	for i, err := range race(true) {
		if err != nil {
			t.Errorf("racing merge %d = %v, want it merged", i, err)
		}
	}
	got := mustStory(t, db, s.ID)
	for i := 0; i < n; i++ {
		if !strings.Contains(got.Body, fmt.Sprintf("Paragraph %d now says", i)) {
			t.Errorf("merged edit of paragraph %d lost: %q", i, got.Body)
		}
	}
	// The paragraph whose racing save landed has nothing left to save.
	if got.Revision != s.Revision+n-1 {
		t.Errorf("after %d merges the story is at %d, want %d", n-1, got.Revision, s.Revision+n-1)
	}
}
