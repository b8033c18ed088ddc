package storetest

import (
	"errors"
	"fmt"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
)

func testCreateAndSaveStory(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "Sir Iain: ‘direct threat’ from China", "First.\n\nSecond.")
	if s.Slug != "sir-iain-direct-threat-from-china" || s.Revision != 1 || s.Status != editor.StatusDraft || len(s.ID) != 36 {
		t.Fatalf("CreateStory() gave %+v", s)
	}
	if !db.Created() {
		t.Errorf("Created() = false for a new store")
	}

	// Saving the same content makes no revision.
	same := *s
	saved, err := db.SaveStory(ctx, &same, 1, editor.RevisionMeta{})
	if err != nil || saved {
		t.Errorf("SaveStory(unchanged) = %v, %v, want false, nil", saved, err)
	}

	edit := *s
	edit.Body = "First, tightened.\n\nSecond."
	edit.Tags = []string{"China"}
	saved, err = db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{Note: "subbed"})
	if err != nil || !saved || edit.Revision != 2 {
		t.Fatalf("SaveStory(edit) = %v, %v, revision %d, want true, nil, 2", saved, err, edit.Revision)
	}
	got := mustStory(t, db, s.ID)
	if got.Body != edit.Body || got.Revision != 2 || len(got.Tags) != 1 || got.Tags[0] != "China" || !got.UpdatedAt.Equal(edit.UpdatedAt) || !got.CreatedAt.Equal(s.CreatedAt) {
		t.Errorf("Story() = %+v, want the body, tags and times of revision 2", got)
	}
	revs, err := db.Revisions(ctx, s.ID)
	if err != nil || len(revs) != 2 || revs[0].Kind != editor.RevisionImport || revs[1].Note != "subbed" {
		t.Fatalf("Revisions() = %+v, %v", revs, err)
	}
	old, rev, err := db.StoryRevision(ctx, s.ID, 1)
	if err != nil || old.Body != "First.\n\nSecond." || rev.Seq != 1 || rev.SHA256 != editor.ContentHash(old.Content()) || old.Revision != 1 {
		t.Errorf("StoryRevision(1) = %q, %+v, %v", old.Body, rev, err)
	}
	if _, _, err := db.StoryRevision(ctx, s.ID, 9); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("StoryRevision(9) = %v, want ErrNotFound", err)
	}
	if _, err := db.Story(ctx, "no-such-story"); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("Story(unknown) = %v, want ErrNotFound", err)
	}
	if _, err := db.Revisions(ctx, "no-such-story"); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("Revisions(unknown) = %v, want ErrNotFound", err)
	}
}

func testStaleBase(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "H", "One.")
	edit := *s
	edit.Body = "Two."
	if _, err := db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	stale := *s
	stale.Body = "Stale."
	_, err := db.SaveStory(ctx, &stale, 1, editor.RevisionMeta{})
	var ce *editor.ConflictError
	if !errors.Is(err, editor.ErrConflict) || !errors.As(err, &ce) || ce.Kind != editor.ConflictRevision || ce.Current != 2 || ce.Base != 1 {
		t.Errorf("SaveStory(based on 1 at 2) = %v, want a revision conflict", err)
	}
	if got := mustStory(t, db, s.ID); got.Body != "Two." || got.Revision != 2 {
		t.Errorf("after a stale save: %q at %d", got.Body, got.Revision)
	}
}

func testRefusedSaves(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "One", "Body.")
	other := newStory(t, db, "Two", "Body.")
	tests := []struct {
		name     string
		edit     func(*editor.Story)
		want     error
		wantKind editor.ConflictKind
	}{
		{"bad status", func(s *editor.Story) { s.Status = "live" }, nil, ""},
		{"slug of another story", func(s *editor.Story) { s.Slug = other.Slug }, editor.ErrConflict, editor.ConflictSlug},
		{"unknown id", func(s *editor.Story) { s.ID = "00000000-0000-4000-8000-000000000000" }, editor.ErrNotFound, ""},
	}
	for _, tt := range tests {
		edit := *s
		edit.Body = "Changed."
		tt.edit(&edit)
		_, err := db.SaveStory(ctx, &edit, s.Revision, editor.RevisionMeta{})
		var ce *editor.ConflictError
		if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) || (tt.wantKind != "" && (!errors.As(err, &ce) || ce.Kind != tt.wantKind)) {
			t.Errorf("%s: SaveStory() = %v, want %v %s", tt.name, err, tt.want, tt.wantKind)
		}
	}
	if got := mustStory(t, db, s.ID); got.Body != "Body." || got.Revision != 1 {
		t.Errorf("after refused saves: body %q revision %d, want Body. and 1", got.Body, got.Revision)
	}
}

func testSlugsAndRefs(t *testing.T, open Opener) {
	db := openStore(t, open)
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
	for _, ref := range []string{"nope", a.ID[:3], "", "abc%", "a_c___"} {
		if _, err := db.FindStory(ctx, ref); !errors.Is(err, editor.ErrNotFound) {
			t.Errorf("FindStory(%q) = %v, want ErrNotFound", ref, err)
		}
	}
}

func testAmbiguousPrefix(t *testing.T, open Opener) {
	db := open(t, Fixture{Now: tickingClock(), NewID: prefixIDs()})
	newStory(t, db, "A", "a")
	newStory(t, db, "B", "b")
	if _, err := db.FindStory(ctx, "abcdef"); !errors.Is(err, editor.ErrAmbiguous) {
		t.Errorf("FindStory(shared prefix) = %v, want editor.ErrAmbiguous", err)
	}
}

func testStatusMoves(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "H", "B")
	got, err := db.SetStatus(ctx, s.ID, 1, editor.StatusPublished, editor.RevisionMeta{})
	if err != nil || got.Status != editor.StatusPublished || got.PublishedAt == nil || got.Revision != 2 {
		t.Fatalf("SetStatus(published) = %+v, %v", got, err)
	}
	revs, _ := db.Revisions(ctx, s.ID)
	if len(revs) != 2 || revs[1].Kind != editor.RevisionStatus {
		t.Errorf("revisions = %+v, want the second of kind status", revs)
	}
	if n, _ := db.CountStories(ctx, editor.StatusPublished); n != 1 {
		t.Errorf("CountStories(published) = %d, want 1", n)
	}
	first := *got.PublishedAt
	if got, err = db.SetStatus(ctx, s.ID, got.Revision, editor.StatusDraft, editor.RevisionMeta{}); err != nil || got.PublishedAt == nil {
		t.Fatalf("SetStatus(draft) = %+v, %v; a withdrawn story keeps when it was first published", got, err)
	}
	if got, err = db.SetStatus(ctx, s.ID, got.Revision, editor.StatusPublished, editor.RevisionMeta{}); err != nil || !got.PublishedAt.Equal(first) {
		t.Errorf("republishing: %v, published_at %v, want %v", err, got, first)
	}
	if _, err := db.SetStatus(ctx, s.ID, got.Revision, "live", editor.RevisionMeta{}); err == nil {
		t.Errorf("SetStatus(live) = nil error")
	}
	same, err := db.SetStatus(ctx, s.ID, got.Revision, editor.StatusPublished, editor.RevisionMeta{})
	if err != nil || same.Revision != got.Revision {
		t.Errorf("SetStatus(to the status it has) = %+v, %v, want no new revision", same, err)
	}
}

func testStatusStaleBase(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "H", "B")
	edit := *s
	edit.Body = "B2"
	if _, err := db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetStatus(ctx, s.ID, 1, editor.StatusSubbing, editor.RevisionMeta{}); !errors.Is(err, editor.ErrConflict) {
		t.Errorf("SetStatus(from revision 1 at 2) = %v, want ErrConflict", err)
	}
	if got := mustStory(t, db, s.ID); got.Status != editor.StatusDraft || got.Revision != 2 {
		t.Errorf("after a refused move: %s at %d", got.Status, got.Revision)
	}
}

func testCorrections(t *testing.T, open Opener) {
	db := openStore(t, open)
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
	got := mustStory(t, db, s.ID)
	if len(got.Corrections) != 1 || got.Corrections[0].Note != "Name spelt wrongly." || got.Corrections[0].At.IsZero() {
		t.Errorf("Corrections = %+v", got.Corrections)
	}
}

// testChangeKinds saves each kind of change to a published story: the
// public ones are kept, with their kinds, for the story and the export; a
// minor fix is only in its revision's note.
func testChangeKinds(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "H", "One.")
	s, err := db.SetStatus(ctx, s.ID, s.Revision, editor.StatusPublished, editor.RevisionMeta{})
	if err != nil {
		t.Fatal(err)
	}
	changes := []struct {
		kind     editor.ChangeKind
		note     string
		wantNote string
	}{
		{editor.ChangeCorrection, "A name was misspelt.", "A name was misspelt."},
		{editor.ChangeFix, "typo", "Minor fix: typo"},
		{editor.ChangeClarification, "The figure is annual.", "Clarification: The figure is annual."},
		{editor.ChangeUpdate, "Adds the council's reply.", "Update: Adds the council's reply."},
	}
	for i, c := range changes {
		edit := *s
		edit.Body = fmt.Sprintf("One, edit %d.", i)
		if _, err := db.SaveStory(ctx, &edit, s.Revision, editor.RevisionMeta{Note: c.note, Change: c.kind}); err != nil {
			t.Fatalf("SaveStory(%s) = %v", c.kind, err)
		}
		s = mustStory(t, db, s.ID)
	}
	want := []editor.Correction{
		{Kind: editor.ChangeCorrection, Note: "A name was misspelt."},
		{Kind: editor.ChangeClarification, Note: "The figure is annual."},
		{Kind: editor.ChangeUpdate, Note: "Adds the council's reply."},
	}
	published, err := db.StoriesWithStatus(ctx, editor.StatusPublished)
	if err != nil || len(published) != 1 {
		t.Fatalf("StoriesWithStatus(published) = %d, %v", len(published), err)
	}
	for _, got := range [][]editor.Correction{s.Corrections, published[0].Corrections} {
		if len(got) != len(want) {
			t.Fatalf("Corrections = %+v, want %+v", got, want)
		}
		for i := range want {
			if got[i].Kind != want[i].Kind || got[i].Note != want[i].Note || got[i].At.IsZero() {
				t.Errorf("Corrections[%d] = %+v, want %+v", i, got[i], want[i])
			}
		}
	}
	revs, err := db.Revisions(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	revs = revs[len(revs)-len(changes):]
	for i, c := range changes {
		if revs[i].Kind != editor.RevisionCorrection || revs[i].Note != c.wantNote {
			t.Errorf("revision %d = %s %q, want correction %q", revs[i].Seq, revs[i].Kind, revs[i].Note, c.wantNote)
		}
	}
}

// testHideSpiked: a list of every status may leave the spiked out.
func testHideSpiked(t *testing.T, open Opener) {
	db := openStore(t, open)
	newStory(t, db, "Kept", "B")
	gone := newStory(t, db, "Spiked", "B")
	if _, err := db.SetStatus(ctx, gone.ID, gone.Revision, editor.StatusSpiked, editor.RevisionMeta{}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		f    editor.StoryFilter
		want int
	}{
		{editor.StoryFilter{}, 2},
		{editor.StoryFilter{HideSpiked: true}, 1},
		{editor.StoryFilter{Status: editor.StatusSpiked, HideSpiked: true}, 1},
	} {
		got, err := db.ListStories(ctx, tt.f)
		if err != nil || len(got) != tt.want {
			t.Errorf("ListStories(%+v) = %d stories, %v; want %d", tt.f, len(got), err, tt.want)
		}
		if tt.f.HideSpiked && tt.f.Status == "" && len(got) == 1 && got[0].Headline != "Kept" {
			t.Errorf("ListStories(HideSpiked) listed %q", got[0].Headline)
		}
	}
}

func testPublishedNeedsNote(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "H", "The minister said yes.")
	s, err := db.SetStatus(ctx, s.ID, s.Revision, editor.StatusPublished, editor.RevisionMeta{})
	if err != nil {
		t.Fatal(err)
	}
	edit := *s
	edit.Body = "The minister said no."
	_, err = db.SaveStory(ctx, &edit, s.Revision, editor.RevisionMeta{})
	var ve *editor.ValidationError
	if !errors.As(err, &ve) || ve.Field != "note" {
		t.Fatalf("SaveStory(published, no note) = %v, want a note error", err)
	}
	if got := mustStory(t, db, s.ID); got.Body != "The minister said yes." {
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
	if seq, err := db.PublishedRevision(ctx, s.ID); err != nil || seq != 2 {
		t.Errorf("PublishedRevision() = %d, %v, want 2", seq, err)
	}
	// Taking a story down needs no note.
	if _, err := db.SetStatus(ctx, s.ID, edit.Revision, editor.StatusSpiked, editor.RevisionMeta{}); err != nil {
		t.Errorf("SetStatus(spiked) = %v", err)
	}
	never := newStory(t, db, "Never out", "B")
	if _, err := db.PublishedRevision(ctx, never.ID); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("PublishedRevision(never published) = %v, want ErrNotFound", err)
	}
}

func testListWindows(t *testing.T, open Opener) {
	db := openStore(t, open)
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
	if n, err := db.CountStories(ctx, ""); err != nil || n != 25 {
		t.Errorf("CountStories() = %d, %v, want 25", n, err)
	}
	untitled := newStory(t, db, "", "Words of a story with no headline yet")
	first, _ := db.ListStories(ctx, editor.StoryFilter{Limit: 1})
	if len(first) != 1 || first[0].ID != untitled.ID || first[0].Title != "Words of a story with no headline yet" {
		t.Errorf("ListStories(limit 1) = %+v, want the untitled story named by its words", first)
	}
}

func testListOrders(t *testing.T, open Opener) {
	db := openStore(t, open)
	for _, s := range []editor.Story{
		{Headline: "A", Urgency: 5, Slugline: "beta"},
		{Headline: "B", Urgency: 0, Slugline: "Alpha"},
		{Headline: "C", Urgency: 1, Slugline: ""},
		{Headline: "D", Urgency: 5, Slugline: "gamma"},
		{Headline: "E", Urgency: 0, Slugline: "delta"},
	} {
		if err := db.CreateStory(ctx, &s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
			t.Fatalf("CreateStory(%q) = %v", s.Headline, err)
		}
	}
	for _, c := range []struct {
		order editor.StoryOrder
		want  string
	}{
		{editor.OrderNewest, "EDCBA"},
		{editor.OrderUrgency, "CDAEB"},  // unset last; ties newest first
		{editor.OrderSlugline, "BAEDC"}, // A to Z whatever the case; none last
		{"nonsense", "EDCBA"},
	} {
		var got string
		rows, err := db.ListStories(ctx, editor.StoryFilter{Order: c.order})
		for _, r := range rows {
			got += r.Headline
		}
		if err != nil || got != c.want {
			t.Errorf("ListStories(order %q) = %s, %v, want %s", c.order, got, err, c.want)
		}
		// The order holds across pages.
		var paged string
		for off := 0; off < 5; off += 2 {
			rows, _ := db.ListStories(ctx, editor.StoryFilter{Order: c.order, Offset: off, Limit: 2})
			for _, r := range rows {
				paged += r.Headline
			}
		}
		if paged != c.want {
			t.Errorf("ListStories(order %q) in pages of 2 = %s, want %s", c.order, paged, c.want)
		}
	}
}

func testRestoreStory(t *testing.T, open Opener) {
	db := openStore(t, open)
	s := newStory(t, db, "H", "One.")
	for _, body := range []string{"Two.", "Three."} {
		edit := mustStory(t, db, s.ID)
		edit.Body = body
		if _, err := db.SaveStory(ctx, edit, edit.Revision, editor.RevisionMeta{}); err != nil {
			t.Fatal(err)
		}
	}
	got, saved, err := db.RestoreStory(ctx, s.ID, 1, editor.RevisionMeta{})
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

func testStoriesWithStatus(t *testing.T, open Opener) {
	db := openStore(t, open)
	for i := 0; i < 5; i++ {
		s := &editor.Story{Headline: fmt.Sprintf("Story %d", i), Body: "“Quoted words,” he said.",
			Quotes: []editor.Quote{{Text: "Quoted words,", Speaker: fmt.Sprintf("Person %d", i)}}}
		if err := db.CreateStory(ctx, s, editor.RevisionMeta{}); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			s, _ = db.SetStatus(ctx, s.ID, s.Revision, editor.StatusPublished, editor.RevisionMeta{})
			s.Body = "Changed, “Quoted words,” he said."
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
		one := mustStory(t, db, s.ID)
		if string(one.Content()) != string(s.Content()) || len(s.Corrections) != 1 || len(s.Quotes) != 1 || s.Corrections[0].Note != one.Corrections[0].Note ||
			!s.PublishedAt.Equal(*one.PublishedAt) {
			t.Errorf("StoriesWithStatus gave %+v, Story gives %+v", s, one)
		}
	}
	all, _ := db.StoriesWithStatus(ctx, "")
	if len(all) != 5 {
		t.Errorf("StoriesWithStatus(\"\") = %d stories, want 5", len(all))
	}
}

func testImport(t *testing.T, open Opener) {
	db := openStore(t, open)
	people := []editor.Person{{Name: "James Cleverly", Role: "Foreign Secretary"}}
	stories := []*editor.Story{
		{Headline: "One", Body: "“Yes,” said James Cleverly.", Quotes: []editor.Quote{{Text: "Yes,", Speaker: "James Cleverly"}}},
		{Headline: "Two", Body: "Two.", Status: editor.StatusPublished},
	}
	var done []int
	if err := db.Import(ctx, stories, people, editor.RevisionMeta{Kind: editor.RevisionImport}, func(n, total int) { done = append(done, n) }); err != nil {
		t.Fatal(err)
	}
	if len(done) != 2 || stories[0].Quotes[0].PersonID == "" || stories[1].PublishedAt == nil {
		t.Errorf("Import: progress %v, quote %+v, published %v", done, stories[0].Quotes[0], stories[1].PublishedAt)
	}
	bad := []*editor.Story{{Headline: "Fine"}, {Headline: "Bad", Status: "live"}}
	if err := db.CreateStories(ctx, bad, editor.RevisionMeta{}, nil); err == nil {
		t.Fatalf("CreateStories(one bad) = nil error")
	}
	if n, _ := db.CountStories(ctx, ""); n != 2 {
		t.Errorf("a refused import saved some: %d stories, want 2", n)
	}
}

// testRevisionAuthor: a revision's author is who the person says, on a file
// of one's own; on a shared desk it is the database user, and saving in
// another's name is refused.
func testRevisionAuthor(t *testing.T, open Opener) {
	db := openStore(t, open)
	desk, shared := db.(storage.Desk)
	s := newStory(t, db, "H", "One.")
	edit := *s
	edit.Body = "Two."
	_, err := db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{Author: "Someone Else"})
	revs, _ := db.Revisions(ctx, s.ID)
	if shared {
		var ve *editor.ValidationError
		if !errors.As(err, &ve) || ve.Field != "author" || len(revs) != 1 {
			t.Fatalf("SaveStory(as someone else) on a shared desk = %v, %d revisions; want an author error and nothing saved", err, len(revs))
		}
		if revs[0].Author != desk.User() {
			t.Errorf("revision 1 author = %q, want the database user %q", revs[0].Author, desk.User())
		}
		if _, err := db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{Author: desk.User()}); err != nil {
			t.Errorf("SaveStory(as the database user) = %v", err)
		}
		return
	}
	if err != nil || len(revs) != 2 || revs[1].Author != "Someone Else" {
		t.Errorf("SaveStory(author given) = %v, revisions %+v; want the author kept", err, revs)
	}
}
