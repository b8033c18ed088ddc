package storetest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

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

// testTypedFields: the newsroom fields that are not text (urgency, embargo,
// expiry, subjects, media, old paths) are stored, read back by every way a
// story is read, and versioned with the revision.
func testTypedFields(t *testing.T, open Opener) {
	db := openStore(t, open)
	embargo := time.Date(2026, 12, 4, 6, 0, 0, 0, time.UTC)
	expires := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	s := &editor.Story{Headline: "Storm", Body: "Winds.", Urgency: 2, Embargo: &embargo, Expires: &expires,
		Subjects: []editor.Subject{{Code: "medtop:20000763", Name: "weather"}},
		Media:    []editor.Media{{Href: "https://example.com/storm.jpg", Caption: "Waves", Credit: "PA", Alt: "Waves over a wall"}},
		Aliases:  []string{"/2019/03/storm/"}}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
		t.Fatalf("CreateStory(typed fields set) = %v", err)
	}
	want := *s
	check := func(when string, got *editor.Story, want *editor.Story) {
		t.Helper()
		if got.Urgency != want.Urgency || diffTime(got.Embargo) != diffTime(want.Embargo) || diffTime(got.Expires) != diffTime(want.Expires) ||
			!sameList(got.Subjects, want.Subjects) || !sameList(got.Media, want.Media) || !sameList(got.Aliases, want.Aliases) {
			t.Errorf("%s: urgency %d embargo %v expires %v subjects %+v media %+v aliases %q; want %d %v %v %+v %+v %q", when,
				got.Urgency, got.Embargo, got.Expires, got.Subjects, got.Media, got.Aliases,
				want.Urgency, want.Embargo, want.Expires, want.Subjects, want.Media, want.Aliases)
		}
	}
	check("Story after CreateStory", mustStory(t, db, s.ID), &want)
	edit := *mustStory(t, db, s.ID)
	edit.Urgency, edit.Embargo, edit.Subjects, edit.Media, edit.Aliases = 5, nil, nil, nil, nil
	if saved, err := db.SaveStory(ctx, &edit, 1, editor.RevisionMeta{}); err != nil || !saved {
		t.Fatalf("SaveStory(typed fields changed) = %v, %v", saved, err)
	}
	check("Story after SaveStory", mustStory(t, db, s.ID), &edit)
	all, err := db.StoriesWithStatus(ctx, "")
	if err != nil || len(all) != 1 {
		t.Fatalf("StoriesWithStatus() = %d stories, %v", len(all), err)
	}
	check("StoriesWithStatus", &all[0], &edit)
	old, _, err := db.StoryRevision(ctx, s.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	check("StoryRevision(1)", old, &want)
	other := &editor.Story{Headline: "Other", Body: "Text.", FeedID: "XNW-1"}
	if err := db.CreateStory(ctx, other, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
		t.Fatal(err)
	}
	for feedID, want := range map[string]int{"XNW-1": 1, "XNW-2": 0, "": 0} {
		if ids, err := db.StoryIDsByFeedID(ctx, feedID); err != nil || len(ids) != want || (want == 1 && ids[0] != other.ID) {
			t.Errorf("StoryIDsByFeedID(%q) = %q, %v; want %d", feedID, ids, err, want)
		}
	}
}

// sameList compares two lists by their items: an empty list is no list.
func sameList[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

func diffTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
