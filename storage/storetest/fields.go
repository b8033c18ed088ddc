package storetest

import (
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
)

// testEveryTextField: each of the story's text fields (editor.StoryFields)
// is written on create and on save and read back by every way a story is
// read, so an engine missing a field's column fails here.
func testEveryTextField(t *testing.T, open Opener) {
	db := openStore(t, open)
	value := func(f editor.StoryField, n int) string {
		if f.Slug {
			return fmt.Sprintf("%s-%d", strings.ReplaceAll(f.Name, "_", "-"), n)
		}
		if f.Count {
			return fmt.Sprint(400 + n)
		}
		return fmt.Sprintf("%s, take %d", f.Label, n)
	}
	s := &editor.Story{}
	for _, f := range editor.StoryFields() {
		f.Set(s, value(f, 1))
	}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
		t.Fatalf("CreateStory(every field set) = %v", err)
	}
	check := func(when string, got *editor.Story, n int) {
		t.Helper()
		for _, f := range editor.StoryFields() {
			if f.Get(got) != value(f, n) {
				t.Errorf("%s: %s = %q, want %q", when, f.Name, f.Get(got), value(f, n))
			}
		}
	}
	check("Story after CreateStory", mustStory(t, db, s.ID), 1)
	edit := *s
	for _, f := range editor.StoryFields() {
		f.Set(&edit, value(f, 2))
	}
	if saved, err := db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{}); err != nil || !saved {
		t.Fatalf("SaveStory(every field changed) = %v, %v", saved, err)
	}
	check("Story after SaveStory", mustStory(t, db, s.ID), 2)
	all, err := db.StoriesWithStatus(ctx, "")
	if err != nil || len(all) != 1 {
		t.Fatalf("StoriesWithStatus() = %d stories, %v", len(all), err)
	}
	check("StoriesWithStatus", &all[0], 2)
	old, _, err := db.StoryRevision(ctx, s.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	check("StoryRevision(1)", old, 1)
}
