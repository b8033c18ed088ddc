package export_test

import (
	"context"
	"encoding/json"
	"maps"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/wire"
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
		{Href: "/pictures/local.png", Caption: "The pier", Credit: "Staff"},
	}
	s.Subjects = []editor.Subject{
		{Code: "medtop:20000763", Name: "weather"},
		{Code: "subj:15054000"},
		{Code: "https://example.org/topics/coast", Name: "Coast"},
		{Code: "LOCAL-STORM"},
		{Name: "Storms"},
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

// TestNinjsMediaAndSubjects: a story's pictures are ninjs associations of
// type picture, its subjects ninjs subjects with their code as literal and
// (for IPTC codes and http addresses) uri; copydesk reads both back.
func TestNinjsMediaAndSubjects(t *testing.T) {
	stories, pages := newsroomSite(t)
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	data := readTree(t, dir)["ninjs/"+stories[1].Slug+".json"]
	var doc struct {
		Subjects     []map[string]string `json:"subjects"`
		Associations []struct {
			Name, URI, Type, CopyrightHolder string
			Descriptions                     []map[string]string
			Renditions                       []map[string]string
		} `json:"associations"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("ninjs: %v\n%s", err, data)
	}
	var subjects []string
	for _, s := range doc.Subjects {
		if s["rel"] == "" {
			subjects = append(subjects, s["literal"]+"|"+s["uri"]+"|"+s["name"])
		}
	}
	wantSubjects := []string{
		"medtop:20000763|http://cv.iptc.org/newscodes/mediatopic/20000763|weather",
		"subj:15054000|http://cv.iptc.org/newscodes/subjectcode/15054000|",
		"https://example.org/topics/coast|https://example.org/topics/coast|Coast",
		"LOCAL-STORM||",
		"||Storms",
	}
	if strings.Join(subjects, "\n") != strings.Join(wantSubjects, "\n") {
		t.Errorf("ninjs subjects:\n%s\nwant:\n%s", strings.Join(subjects, "\n"), strings.Join(wantSubjects, "\n"))
	}
	for i, tc := range []struct {
		uri, name, credit, caption, alt, contentType string
	}{
		{"https://example.com/pictures/storm.jpg", "picture 1", "Jane Photo/PA", "Waves break over the sea wall <b>at dawn</b>", "Waves over a sea wall", "image/jpeg"},
		{"https://example.com/pictures/bare.jpg", "picture 2", "", "", "", "image/jpeg"},
		{"https://news.example.com/pictures/local.png", "picture 3", "Staff", "The pier", "", "image/png"},
	} {
		if i >= len(doc.Associations) {
			t.Fatalf("ninjs has %d associations, want 3:\n%s", len(doc.Associations), data)
		}
		a := doc.Associations[i]
		roles, want := map[string]string{}, map[string]string{}
		for _, d := range a.Descriptions {
			roles[d["role"]] = d["value"]
		}
		for role, v := range map[string]string{"caption": tc.caption, "alt": tc.alt} {
			if v != "" {
				want[role] = v
			}
		}
		if a.URI != tc.uri || a.Type != "picture" || a.Name != tc.name || a.CopyrightHolder != tc.credit ||
			!maps.Equal(roles, want) {
			t.Errorf("association %d = %+v, want uri %s, name %q, credit %q, caption %q, alt %q", i, a, tc.uri, tc.name, tc.credit, tc.caption, tc.alt)
		}
		if len(a.Renditions) != 1 || a.Renditions[0]["href"] != tc.uri || a.Renditions[0]["name"] != "original" || a.Renditions[0]["contentType"] != tc.contentType {
			t.Errorf("association %d renditions = %v, want one original at %s (%s)", i, a.Renditions, tc.uri, tc.contentType)
		}
	}
	if len(doc.Associations) != 3 {
		t.Errorf("ninjs has %d associations, want 3", len(doc.Associations))
	}

	// copydesk reads its own ninjs back with the same subjects and media.
	r, err := wire.ParseFile("story.json", data)
	if err != nil {
		t.Fatalf("reading the exported ninjs back: %v", err)
	}
	var gotSubjects []string
	for _, s := range r.Meta.Subjects {
		gotSubjects = append(gotSubjects, s.Code+"|"+s.Name)
	}
	if want := "medtop:20000763|weather subj:15054000| https://example.org/topics/coast|Coast LOCAL-STORM| |Storms"; strings.Join(gotSubjects, " ") != want {
		t.Errorf("subjects read back = %q, want %q", strings.Join(gotSubjects, " "), want)
	}
	if len(r.Meta.Media) != 3 || r.Meta.Media[0].Caption != stories[1].Media[0].Caption || r.Meta.Media[0].Credit != "Jane Photo/PA" ||
		r.Meta.Media[0].Alt != "Waves over a sea wall" || r.Meta.Media[2].Href != "https://news.example.com/pictures/local.png" {
		t.Errorf("media read back = %+v", r.Meta.Media)
	}
}
