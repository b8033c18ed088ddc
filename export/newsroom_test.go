package export_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/export"
)

// exportAt runs an export as if at now.
func exportAt(t *testing.T, dir string, now time.Time, stories []editor.Story, pages []editor.Page) *export.Report {
	t.Helper()
	site := testSite
	site.Now = now
	rep, err := export.Export(context.Background(), dir, site, stories, pages, nil)
	if err != nil {
		t.Fatalf("Export(%s) = %v", dir, err)
	}
	return rep
}

// TestEmbargoAndExpiry: a published story embargoed until after the export
// is not exported, and goes out at the first export after its time; an
// expired story comes down at the next export.
func TestEmbargoAndExpiry(t *testing.T) {
	stories, pages := sampleSite(t)
	now := at("2026-12-03T12:00:00Z")
	embargo, expires := now.Add(time.Hour), now.Add(time.Hour)
	gone := now.Add(-time.Hour)
	stories[1].Embargo = &embargo // other-story-a
	stories[2].Expires = &expires // other-story-b
	expired := stories[0]
	expired.ID, expired.Slug, expired.Expires = "expired-1", "long-gone", &gone
	stories = append(stories, expired)
	dir := t.TempDir()
	exportAt(t, dir, now, stories, pages)
	tree := readTree(t, dir)
	for path, want := range map[string]bool{
		"articles/" + stories[1].Slug + ".html": false,
		"articles/" + stories[2].Slug + ".html": true,
		"articles/long-gone.html":               false,
	} {
		if _, got := tree[path]; got != want {
			t.Errorf("export at %s: %s exported = %v, want %v", now.Format(time.RFC3339), path, got, want)
		}
	}
	for path, data := range tree {
		if !strings.HasPrefix(path, ".copydesk/") && strings.Contains(string(data), stories[1].Headline) {
			t.Errorf("the embargoed story's headline is in %s", path)
		}
	}
	later := now.Add(2 * time.Hour)
	rep := exportAt(t, dir, later, stories, pages)
	tree = readTree(t, dir)
	if _, ok := tree["articles/"+stories[1].Slug+".html"]; !ok {
		t.Errorf("export at %s: the story whose embargo has passed is not exported", later.Format(time.RFC3339))
	}
	if _, ok := tree["articles/"+stories[2].Slug+".html"]; ok {
		t.Errorf("export at %s: the expired story is still exported", later.Format(time.RFC3339))
	}
	if removed := states(rep, export.StateRemoved); !contains(removed, "articles/"+stories[2].Slug+".html") {
		t.Errorf("export at %s removed %v, want the expired story among them", later.Format(time.RFC3339), removed)
	}
}

// TestEdNoteIsNeverExported: the editor's note is on no page, feed, sitemap
// or ninjs file.
func TestEdNoteIsNeverExported(t *testing.T) {
	stories, pages := sampleSite(t)
	for i := range stories {
		stories[i].EdNote = "EDS: not for publication " + stories[i].ID
	}
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	for path, data := range readTree(t, dir) {
		if strings.Contains(string(data), "not for publication") {
			t.Errorf("%s holds the editor's note", path)
		}
	}
}

// newsroomSite is the sample site with a story that carries pictures and
// old paths: one of them a file the site writes itself, which stays the
// site's.
func newsroomSite(t *testing.T) ([]editor.Story, []editor.Page) {
	t.Helper()
	stories, pages := sampleSite(t)
	s := &stories[1]
	s.Media = []editor.Media{
		{Href: "https://example.com/pictures/storm.jpg", Caption: "Waves break over the sea wall <b>at dawn</b>", Credit: "Jane Photo/PA", Alt: "Waves over a sea wall"},
		{Href: "https://example.com/pictures/bare.jpg"},
	}
	s.Aliases = []string{"/2019/03/old-story/", "/old-story.html", "/index.html", "/articles/" + stories[2].Slug + ".html"}
	return stories, pages
}

// TestMediaAndRedirects: a story's pictures are figures on its article page,
// escaped; each old path is a redirect page to the story (meta refresh and a
// canonical link), except a path the site writes itself.
func TestMediaAndRedirects(t *testing.T) {
	stories, pages := newsroomSite(t)
	dir := t.TempDir()
	rep := exportTo(t, dir, stories, pages)
	tree := readTree(t, dir)
	page := string(tree["articles/"+stories[1].Slug+".html"])
	for _, want := range []string{
		`<img src="https://example.com/pictures/storm.jpg" alt="Waves over a sea wall">`,
		`<figcaption>Waves break over the sea wall &lt;b&gt;at dawn&lt;/b&gt; <span class="media-credit">Jane Photo/PA</span></figcaption>`,
		`<img src="https://example.com/pictures/bare.jpg" alt="">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article lacks %s:\n%s", want, page)
		}
	}
	target := testSite.BaseURL + "articles/" + stories[1].Slug + ".html"
	for _, path := range []string{"2019/03/old-story/index.html", "old-story.html"} {
		r := string(tree[path])
		if !strings.Contains(r, `<meta http-equiv="refresh" content="0; url=`+target+`">`) || !strings.Contains(r, `<link rel="canonical" href="`+target+`">`) {
			t.Errorf("%s is not a redirect to %s:\n%s", path, target, r)
		}
	}
	if strings.Contains(string(tree["index.html"]), "http-equiv") || strings.Contains(string(tree["articles/"+stories[2].Slug+".html"]), "http-equiv") {
		t.Errorf("an old path took the place of a file the site writes")
	}
	var redirects int
	for _, f := range rep.Files {
		if f.Kind == export.KindRedirect {
			redirects++
		}
	}
	if redirects != 2 {
		t.Errorf("export reported %d redirect files, want 2", redirects)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
