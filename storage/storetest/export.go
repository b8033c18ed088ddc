package storetest

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"copydesk/editor"
)

// testExportReads: the heads of the published stories leave out the body
// (but for a story with no headline), quotes and corrections; StoriesByID
// gives the same stories whole, as Story does.
func testExportReads(t *testing.T, open Opener) {
	db := openStore(t, open)
	var published []string
	for i := 0; i < 4; i++ {
		s := &editor.Story{Headline: fmt.Sprintf("Story %d", i), Body: "“Quoted words,” he said.",
			Quotes: []editor.Quote{{Text: "Quoted words,", Speaker: fmt.Sprintf("Person %d", i)}}}
		if i == 3 {
			s.Headline = ""
		}
		if err := db.CreateStory(ctx, s, editor.RevisionMeta{}); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			continue // stays a draft
		}
		s, err := db.SetStatus(ctx, s.ID, s.Revision, editor.StatusPublished, editor.RevisionMeta{})
		if err != nil {
			t.Fatal(err)
		}
		s.Body = "Changed, “Quoted words,” he said."
		if _, err := db.SaveStory(ctx, s, s.Revision, editor.RevisionMeta{Note: "fixed"}); err != nil {
			t.Fatal(err)
		}
		published = append(published, s.ID)
	}
	heads, err := db.PublishedHeads(ctx)
	if err != nil || len(heads) != 3 {
		t.Fatalf("PublishedHeads() = %d stories, %v, want 3", len(heads), err)
	}
	for _, h := range heads {
		one := mustStory(t, db, h.ID)
		wantBody := ""
		if one.Headline == "" {
			wantBody = one.Body
		}
		if h.Body != wantBody || h.Quotes != nil || h.Corrections != nil || h.Revision != one.Revision || h.Headline != one.Headline ||
			h.Status != editor.StatusPublished || !h.PublishedAt.Equal(*one.PublishedAt) || !h.UpdatedAt.Equal(one.UpdatedAt) {
			t.Errorf("PublishedHeads gave %+v for %+v", h, one)
		}
	}
	versions, err := db.PublishedVersions(ctx)
	if err != nil || len(versions) != 3 {
		t.Fatalf("PublishedVersions() = %d versions, %v, want 3", len(versions), err)
	}
	for _, v := range versions {
		one := mustStory(t, db, v.ID)
		if v.Revision != one.Revision || v.Embargo != nil || v.Expires != nil || one.Status != editor.StatusPublished {
			t.Errorf("PublishedVersions gave %+v for %+v", v, one)
		}
	}
	whole, err := db.StoriesByID(ctx, append(published, "no-such-story"))
	if err != nil || len(whole) != 3 {
		t.Fatalf("StoriesByID(3 and a missing one) = %d stories, %v, want 3", len(whole), err)
	}
	for _, s := range whole {
		one := mustStory(t, db, s.ID)
		if string(one.Content()) != string(s.Content()) || len(s.Corrections) != 1 || len(s.Quotes) != 1 || s.Revision != one.Revision {
			t.Errorf("StoriesByID gave %+v, Story gives %+v", s, one)
		}
	}
	if none, err := db.StoriesByID(ctx, nil); err != nil || len(none) != 0 {
		t.Errorf("StoriesByID(none) = %d stories, %v", len(none), err)
	}
}

// testExportMemos: memos are kept per story and replaced; HTML only for the
// stories the last save keeps it for; a memo of a story that is not there is
// left out.
func testExportMemos(t *testing.T, open Opener) {
	db := openStore(t, open)
	a := newStory(t, db, "A", "Body a.")
	b := newStory(t, db, "B", "Body b.")
	if memos, err := db.ExportMemos(ctx); err != nil || len(memos) != 0 {
		t.Fatalf("ExportMemos() of a new store = %v, %v", memos, err)
	}
	sum := bytes.Repeat([]byte{7}, 16)
	err := db.SaveExportMemos(ctx, []editor.ExportMemo{
		{StoryID: a.ID, Revision: 1, Sum: sum, HTMLKey: []byte("key-a"), HTML: []byte("<p>Body a.</p>")},
		{StoryID: b.ID, Revision: 1, Sum: sum, HTMLKey: []byte("key-b"), HTML: []byte("<p>Body b.</p>")},
		{StoryID: "no-such-story", Revision: 1, Sum: sum},
	}, []string{a.ID, b.ID})
	if err != nil {
		t.Fatal(err)
	}
	memos, err := db.ExportMemos(ctx)
	if err != nil || len(memos) != 2 {
		t.Fatalf("ExportMemos() = %v, %v, want two", memos, err)
	}
	for _, m := range memos {
		if m.HTML != nil || !bytes.Equal(m.Sum, sum) || m.Revision != 1 {
			t.Errorf("ExportMemos() gave %+v, want revision 1, the sum and no HTML", m)
		}
	}
	// A new memo of a replaces its old one; b's HTML is no longer kept.
	if err := db.SaveExportMemos(ctx, []editor.ExportMemo{{StoryID: a.ID, Revision: 2, Sum: []byte("sum-two-sixteen!"), HTMLKey: []byte("key-a2"), HTML: []byte("<p>Two.</p>")}},
		[]string{a.ID}); err != nil {
		t.Fatal(err)
	}
	got, err := db.ExportHTML(ctx, []string{a.ID, b.ID, "no-such-story"})
	if err != nil || len(got) != 2 {
		t.Fatalf("ExportHTML(a, b, missing) = %v, %v, want two", got, err)
	}
	slices.SortFunc(got, func(x, y editor.ExportMemo) int { return trueFirst(x.StoryID == a.ID, y.StoryID == a.ID) })
	if m := got[0]; m.StoryID != a.ID || m.Revision != 2 || string(m.Sum) != "sum-two-sixteen!" || string(m.HTMLKey) != "key-a2" || string(m.HTML) != "<p>Two.</p>" {
		t.Errorf("ExportHTML gave %+v for a, want revision 2 with its new HTML", m)
	}
	if m := got[1]; m.StoryID != b.ID || len(m.HTML) != 0 || len(m.HTMLKey) != 0 || m.Revision != 1 {
		t.Errorf("ExportHTML gave %+v for b, want revision 1 with no HTML", m)
	}
}

// trueFirst orders true before false.
func trueFirst(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return -1
	}
	return 1
}
