package export_test

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/export"
)

// TestLineSeparatorsKeepWordsApart: U+2028 and U+2029 that reach the export
// (the standfirst keeps them as typed; a site name) part words in every
// file, instead of being dropped and joining them (issue 13, item 3).
func TestLineSeparatorsKeepWordsApart(t *testing.T) {
	pub := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	s := editor.Story{ID: "s1", Slug: "minister", Headline: "Headline", Standfirst: "Minister\u2028resigns\u2029today",
		Body: "Body\u2028text.", Status: editor.StatusPublished, CreatedAt: pub, UpdatedAt: pub, PublishedAt: &pub}
	site := testSite
	site.Name = "The\u2028Gazette"
	dir := t.TempDir()
	if _, err := export.Export(t.Context(), dir, site, []editor.Story{s}, nil, nil); err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, dir)
	for _, name := range []string{"articles/minister.html", "ninjs/minister.json", "rss.xml", "atom.xml", "feed.json"} {
		data := tree[filepath.ToSlash(name)]
		if bytes.Contains(data, []byte("Ministerresigns")) || bytes.Contains(data, []byte("resignstoday")) || bytes.Contains(data, []byte("TheGazette")) {
			t.Errorf("%s joins words a line separator parted", name)
		}
	}
	if !bytes.Contains(tree["articles/minister.html"], []byte("Minister resigns today")) {
		t.Errorf("the article lacks the standfirst as words")
	}
}
