package export_test

import (
	"errors"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/export"
)

// TestMassRemovalRefused: an export that would remove more than half of the
// site's articles (a wrong or emptied database) is refused and changes
// nothing, unless AllowRemoval; removing half or fewer goes ahead.
func TestMassRemovalRefused(t *testing.T) {
	pub := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	var stories []editor.Story
	for i := range 4 {
		stories = append(stories, editor.Story{ID: fmt.Sprint("s", i), Slug: fmt.Sprint("story-", i), Headline: fmt.Sprint("Story ", i),
			Body: "Text.", Status: editor.StatusPublished, CreatedAt: pub, UpdatedAt: pub, PublishedAt: &pub})
	}
	for _, tc := range []struct {
		keep    int
		allow   bool
		refused bool
	}{
		{keep: 4}, {keep: 2}, {keep: 1, refused: true}, {keep: 0, refused: true}, {keep: 1, allow: true}, {keep: 0, allow: true},
	} {
		t.Run(fmt.Sprintf("keep %d allow %v", tc.keep, tc.allow), func(t *testing.T) {
			dir := t.TempDir()
			exportTo(t, dir, stories, nil)
			before := public(t, dir)
			rep, err := export.ExportWith(t.Context(), dir, testSite, stories[:tc.keep], nil, export.Options{AllowRemoval: tc.allow})
			var re *export.RemovalError
			if tc.refused {
				if !errors.As(err, &re) || re.Removed != 4-tc.keep || re.Articles != 4 {
					t.Fatalf("ExportWith keeping %d of 4 = %v, want a RemovalError of %d of 4", tc.keep, err, 4-tc.keep)
				}
				if after := public(t, dir); !maps.EqualFunc(before, after, func(a, b []byte) bool { return string(a) == string(b) }) {
					t.Errorf("the refused export changed the site")
				}
				return
			}
			if err != nil {
				t.Fatalf("ExportWith keeping %d of 4 = %v", tc.keep, err)
			}
			if got := rep.Count(export.StateRemoved); got < 4-tc.keep {
				t.Errorf("removed %d files, want at least %d", got, 4-tc.keep)
			}
		})
	}
}

// TestBaseURLWithAQueryRefused: a base URL's query or fragment cannot be
// kept in the site's addresses, so it is refused rather than dropped.
func TestBaseURLWithAQueryRefused(t *testing.T) {
	for _, base := range []string{"https://news.example.com/?utm=1", "https://news.example.com/#top", "https://news.example.com/?"} {
		if err := (export.Site{BaseURL: base}).Validate(); err == nil || !strings.Contains(err.Error(), "query") {
			t.Errorf("Validate(%q) = %v, want a refusal naming the query", base, err)
		}
	}
}
