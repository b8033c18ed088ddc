package wire

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"copydesk/editor"
)

// archiveKeys are the front matter keys a post may carry, copydesk's own
// (`show --format md`) and Hugo's, Jekyll's and Zola's, each with what it sets.
var archiveKeys = map[string]string{
	"headline": "headline", "title": "headline",
	"standfirst": "standfirst", "description": "standfirst", "summary": "standfirst", "excerpt": "standfirst", "subtitle": "standfirst",
	"byline": "byline", "author": "byline", "authors": "byline",
	"dateline": "dateline", "credit": "credit", "section": "section", "categories": "section", "category": "section",
	"tags": "tags", "taxonomies": "taxonomies", "status": "status", "draft": "status", "published": "status",
	"slug": "slug", "rules_page": "rules_page", "revision": "revision",
	"date": "date", "publishdate": "published", "pubdate": "published", "published_at": "published",
	"lastmod": "updated", "last_modified_at": "updated", "updated": "updated", "modified": "updated",
	"expirydate": "expires", "expires": "expires",
	"aliases": "aliases", "redirect_from": "aliases", "url": "aliases", "permalink": "aliases",
	"lang": "language", "language": "language",
	// The newsroom fields `show --format md` writes.
	"slugline": "slugline", "genre": "genre", "ed_note": "ed_note", "rights": "rights", "source": "source",
	"feed_id": "feed_id", "urgency": "urgency", "embargo": "embargo",
	"subjects": "subjects", "media": "media",
}

// isArchiveKey says whether a post's front matter key is one copydesk reads:
// one of archiveKeys, or a text field's key or alias in the one field table.
func isArchiveKey(key string) bool {
	if _, ok := archiveKeys[key]; ok {
		return true
	}
	for _, f := range editor.StoryFields() {
		if slices.Contains(f.FrontMatterKeys(), key) {
			return true
		}
	}
	return false
}

// readTextFields reads each text field of the one field table
// (editor.StoryFields) from its own key or the first of its aliases the
// front matter gives; a list is made one value where the field says how
// (Jekyll's authors), and refused otherwise.
func readTextFields(fm *frontMatter, t *editor.Story) error {
	for _, f := range editor.StoryFields() {
		for _, key := range f.FrontMatterKeys() {
			if !fm.has(key) {
				continue
			}
			var v string
			var err error
			if _, isList := fm.values[key].([]any); isList && f.FromList != nil {
				var items []string
				items, err = fm.list(key)
				v = f.FromList(items)
			} else {
				v, err = fm.str(key)
			}
			if err != nil {
				return err
			}
			f.Set(t, v)
			break
		}
	}
	return nil
}

// jekyllName is a Jekyll post's file name: its date, then its slug.
var jekyllName = lazyRegexp(`^(\d{4}-\d{2}-\d{2})-(.+)$`)

// parseMarkdown reads a post of a Hugo, Jekyll or Zola archive, or a story
// as `copydesk show --format md` prints it: Markdown with YAML, TOML or JSON
// front matter. Its dates are kept (date as created, publishDate as
// published, lastmod as updated, Jekyll's file-name date when it gives none);
// a site's post that its site would publish (no draft: true, no
// published: false) is published; a slug copydesk would not make is made
// into one, with a warning; old addresses (aliases, redirect_from, url,
// permalink) are kept; Hugo's shortcodes become Markdown or are reported;
// raw HTML is kept to bodyhtml.Policy.
func parseMarkdown(name, text string) (*Result, error) {
	fm, body, err := splitFrontMatter(name, text)
	if err != nil {
		return nil, err
	}
	if len(body) > editor.BodyMax {
		// Name the line where the limit is passed, as the other readers do.
		line := strings.Count(body[:editor.BodyMax], "\n") + 1
		if strings.HasSuffix(text, body) {
			line += strings.Count(text[:len(text)-len(body)], "\n")
		}
		return nil, &editor.FileError{Name: name, Line: line, Err: fmt.Errorf("story text passes %d bytes on this line; split it into several stories", editor.BodyMax)}
	}
	r := &Result{Format: FormatMarkdown, Boilerplate: []Boilerplate{}, Warnings: []string{}}
	if err := readArchiveFields(fm, r); err != nil {
		return nil, err
	}
	if err := readArchiveDates(name, fm, r); err != nil {
		return nil, err
	}
	body, notes := shortcodes(body)
	for _, n := range notes {
		r.Warnings = append(r.Warnings, name+": "+n)
	}
	body, dropped := cleanRawHTML(body)
	if len(dropped) > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: raw HTML in the body was cleaned: %s dropped, as copydesk keeps no active content", name, strings.Join(dropped, ", ")))
	}
	r.Story.Body = body
	return r, nil
}

func readArchiveFields(fm *frontMatter, r *Result) error {
	s, m := &r.Story, &r.Meta
	for _, key := range fm.keys {
		if !isArchiveKey(key) {
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s:%d: %s is not a story field; it was left out", fm.name, fm.lines[key], key))
		}
	}
	for _, f := range []struct {
		keys []string
		dst  *string
	}{
		{[]string{"headline", "title"}, &s.Headline},
		{[]string{"standfirst", "description", "summary", "excerpt", "subtitle"}, &s.Standfirst},
		{[]string{"dateline"}, &s.Dateline},
		{[]string{"credit"}, &s.Credit},
		{[]string{"rules_page"}, &s.RulesPage},
		{[]string{"lang", "language"}, &m.Language},
		{[]string{"slugline"}, &m.Slugline},
		{[]string{"genre"}, &m.Genre},
		{[]string{"ed_note"}, &m.EdNote},
		{[]string{"rights"}, &m.Rights},
		{[]string{"source"}, &m.Source},
		{[]string{"feed_id"}, &m.FeedID},
	} {
		for _, key := range f.keys {
			if fm.has(key) {
				v, err := fm.str(key)
				if err != nil {
					return err
				}
				*f.dst = v
				break
			}
		}
	}
	for _, key := range []string{"byline", "author", "authors"} {
		if !fm.has(key) {
			continue
		}
		var err error
		if key == "byline" {
			s.Byline, err = fm.str(key)
		} else {
			var names []string
			names, err = fm.list(key)
			s.Byline = editor.JoinNames(names)
		}
		if err != nil {
			return err
		}
		break
	}
	if err := readTextFields(fm, &r.text); err != nil {
		return err
	}
	tax, _ := fm.values["taxonomies"].(map[string]any) // Zola
	section, err := firstList(fm, tax, "section", "categories", "category")
	if err != nil {
		return err
	}
	if len(section) > 0 {
		s.Section = section[0]
	}
	if s.Tags, err = firstList(fm, tax, "tags"); err != nil {
		return err
	}
	if err := readArchiveStatus(fm, r); err != nil {
		return err
	}
	if slug, err := fm.str("slug"); err != nil {
		return err
	} else if slug != "" {
		s.Slug = slug
		if editor.ValidateSlug("slug", slug) != nil {
			s.Slug = editor.Slugify(slug)
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s:%d: slug %q is not one copydesk makes; it was imported as %q", fm.name, fm.lines["slug"], slug, s.Slug))
		}
	}
	subjects, err := fm.records("subjects", "code", "name")
	if err != nil {
		return err
	}
	for _, sub := range subjects {
		m.addSubject(sub["code"], sub["name"])
	}
	media, err := fm.records("media", "href", "caption", "credit", "alt")
	if err != nil {
		return err
	}
	for _, x := range media {
		m.Media = append(m.Media, Media{Href: x["href"], Caption: x["caption"], Credit: x["credit"], Alt: x["alt"]})
	}
	for _, key := range []string{"aliases", "redirect_from", "url", "permalink"} {
		paths, err := fm.list(key)
		if err != nil {
			return err
		}
		for _, p := range paths {
			if p = strings.TrimSpace(p); p != "" && !slices.Contains(m.Aliases, p) {
				m.Aliases = append(m.Aliases, p)
			}
		}
	}
	return nil
}

// firstList reads the first of keys the front matter has, or Zola's
// [taxonomies] table has.
func firstList(fm *frontMatter, tax map[string]any, keys ...string) ([]string, error) {
	for _, key := range keys {
		if fm.has(key) {
			return fm.list(key)
		}
	}
	for _, key := range keys {
		if v, ok := tax[key]; ok {
			return fm.listOf("taxonomies", v)
		}
	}
	return nil, nil
}

// readArchiveStatus reads status, or Hugo's draft and Jekyll's published
// flags; a site's post (a title or a date in its front matter, or Jekyll's
// dated file name) with neither is one its site publishes.
func readArchiveStatus(fm *frontMatter, r *Result) error {
	s := &r.Story
	switch {
	case fm.has("status"):
		v, err := fm.str("status")
		if err != nil || v == "" {
			return err
		}
		st, err := editor.ParseStatus(v)
		if err != nil {
			return fm.errorAt("status", "%q is not a status; use draft, subbing, ready, published or spiked", v)
		}
		s.Status = st
	case fm.has("draft"):
		draft, err := fm.boolean("draft")
		if err != nil {
			return err
		}
		s.Status = editor.StatusPublished
		if draft {
			s.Status = editor.StatusDraft
		}
	case fm.has("published"):
		published, err := fm.boolean("published")
		if err != nil {
			return err
		}
		s.Status = editor.StatusDraft
		if published {
			s.Status = editor.StatusPublished
		}
	case fm.has("title") || fm.has("date") || jekyllName().MatchString(baseName(fm.name)):
		// A site's post (its title, its date): what the site publishes.
		// A file in copydesk's own form with no status is a draft.
		s.Status = editor.StatusPublished
	default:
		s.Status = editor.StatusDraft
	}
	return nil
}

func baseName(name string) string {
	return strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
}

// readArchiveDates keeps the post's times: date (or the Jekyll file name's)
// as created, publishDate as published (else date), lastmod as updated,
// expiryDate as when it expires.
func readArchiveDates(name string, fm *frontMatter, r *Result) error {
	s := &r.Story
	created, err := fm.date("date")
	if err != nil {
		return err
	}
	if created.IsZero() {
		if m := jekyllName().FindStringSubmatch(baseName(name)); m != nil {
			created, _ = time.Parse("2006-01-02", m[1])
		}
	}
	var published, updated, expires time.Time
	for key, dst := range map[string]*time.Time{"publishdate": &published, "pubdate": &published, "published_at": &published,
		"lastmod": &updated, "last_modified_at": &updated, "updated": &updated, "modified": &updated,
		"expirydate": &expires, "expires": &expires} {
		if !fm.has(key) {
			continue
		}
		t, err := fm.date(key)
		if err != nil {
			return err
		}
		*dst = t
	}
	if published.IsZero() {
		published = created
	}
	s.CreatedAt = timePtr(created)
	if s.Status == editor.StatusPublished {
		s.PublishedAt = timePtr(published)
		if published.IsZero() {
			r.Warnings = append(r.Warnings, name+": a published post with no date; it imports as published now")
		}
	}
	s.UpdatedAt = timePtr(updated)
	r.Meta.Expires = timePtr(expires)
	if fm.has("embargo") {
		t, err := fm.date("embargo")
		if err != nil {
			return err
		}
		r.Meta.Embargo = timePtr(t)
	}
	if fm.has("urgency") {
		v, err := fm.str("urgency")
		if err != nil {
			return err
		}
		r.Meta.setUrgency(v)
	}
	return nil
}
