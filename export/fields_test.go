package export_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/export"
)

// notOnTheArticle are the Story fields an article does not show, and why.
var notOnTheArticle = map[string]string{
	"ID":          "who the story is, not what it says",
	"Revision":    "a number for the desk",
	"CreatedAt":   "the article shows when it was published and updated",
	"Status":      "only published stories go out; taking one off the site is tested elsewhere",
	"TargetWords": "the desk's length target, not for readers",
	// The newsroom fields are for the desk (newsroom_test.go tests what the
	// export does with the embargo, the expiry, the media and the old paths).
	"Urgency":  "for the desk's list",
	"Slugline": "the desk's name for the story",
	"Embargo":  "holds the story back; TestEmbargoAndExpiry",
	"Expires":  "takes the story down; TestEmbargoAndExpiry",
	"Subjects": "for the desk and syndication",
	"Genre":    "for the desk and syndication",
	"EdNote":   "never exported; TestEdNoteIsNeverExported",
	"Language": "the site's language is the page's",
	"Rights":   "for the desk and syndication",
	"Source":   "the credit line says who filed it",
	"FeedID":   "the feed's ID, for its notices",
	"Aliases":  "old paths are redirect pages; TestMediaAndRedirects",
}

// TestEveryFieldRewritesTheArticle changes each field of a published story
// in turn and expects the incremental export to rewrite its article: a field
// the export's change detection misses would leave the site stale. A field
// added to Story fails here until it is given a change below or a reason
// in notOnTheArticle.
func TestEveryFieldRewritesTheArticle(t *testing.T) {
	later := func(t0 time.Time) time.Time { return t0.Add(48 * time.Hour) }
	changes := map[string]func(s *editor.Story){
		"Tags": func(s *editor.Story) { s.Tags = append(s.Tags, "A new tag") },
		"Quotes": func(s *editor.Story) {
			s.Quotes = append(s.Quotes, editor.Quote{ID: "q-new", Speaker: "A Spokesman", Text: "emphasis"})
		},
		"Corrections": func(s *editor.Story) {
			s.Corrections = append(s.Corrections, editor.Correction{Note: "A name was misspelt.", At: later(s.UpdatedAt)})
		},
		"UpdatedAt": func(s *editor.Story) { s.UpdatedAt = later(s.UpdatedAt) },
		"Media": func(s *editor.Story) {
			s.Media = append(s.Media, editor.Media{Href: "https://example.com/new.jpg", Alt: "A new picture"})
		},
		"PublishedAt": func(s *editor.Story) { p := later(*s.PublishedAt); s.PublishedAt, s.UpdatedAt = &p, p },
	}
	// The text fields, from the domain's table; the slug fields need a slug.
	slugs := map[string]string{"slug": "a-new-slug", "rules_page": "corrections-policy"}
	for _, f := range editor.StoryFields() {
		value := "Changed " + f.Label
		if f.Slug {
			value = slugs[f.Name]
			if value == "" {
				t.Errorf("%s holds a slug, and this test has none to change it to: add one", f.Name)
			}
		}
		changes[goFieldName(t, f.Name)] = func(s *editor.Story) { f.Set(s, value) }
	}
	for _, field := range reflect.VisibleFields(reflect.TypeFor[editor.Story]()) {
		if notOnTheArticle[field.Name] != "" {
			continue
		}
		change, ok := changes[field.Name]
		if !ok {
			t.Errorf("Story.%s: this test does not know how to change it; give it a change, or say in notOnTheArticle why the article does not show it", field.Name)
			continue
		}
		t.Run(field.Name, func(t *testing.T) {
			stories, pages := sampleSite(t)
			dir := t.TempDir()
			exportTo(t, dir, stories, pages)
			change(&stories[1])
			rep := exportTo(t, dir, stories, pages)
			slug := stories[1].Slug
			var written bool
			for _, f := range rep.Files {
				written = written || (f.Path == "articles/"+slug+".html" && f.State == export.StateWritten)
			}
			if !written {
				t.Errorf("after changing %s, articles/%s.html was not rewritten; written: %v", field.Name, slug, states(rep, export.StateWritten))
			}
		})
	}
}

// goFieldName is the Story field whose JSON name is name.
func goFieldName(t *testing.T, name string) string {
	t.Helper()
	for _, f := range reflect.VisibleFields(reflect.TypeFor[editor.Story]()) {
		if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag == name {
			return f.Name
		}
	}
	t.Fatalf("no Story field has the JSON name %q", name)
	return ""
}

// TestKickerStandsAboveTheHeadline: a story's kicker is printed on its
// article page just above the headline, escaped like everything a person
// typed; a story without one has no empty line there.
func TestKickerStandsAboveTheHeadline(t *testing.T) {
	stories, pages := sampleSite(t)
	stories[1].Kicker = "Exclusive <b>& live</b>"
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	tree := readTree(t, dir)
	page := string(tree["articles/"+stories[1].Slug+".html"])
	kicker := `<p class="story-kicker">Exclusive &lt;b&gt;&amp; live&lt;/b&gt;</p>`
	k, h := strings.Index(page, kicker), strings.Index(page, "<h1>")
	if k < 0 || h < 0 || k > h || strings.TrimSpace(page[k+len(kicker):h]) != "" {
		t.Errorf("the article does not show the kicker just above the headline:\n%s", page)
	}
	if other := string(tree["articles/"+stories[2].Slug+".html"]); strings.Contains(other, "story-kicker") {
		t.Errorf("a story without a kicker shows one:\n%s", other)
	}
}
