// Package export writes copydesk's static website: a page per published story
// and per site page, a front page, section pages, Atom, RSS and JSON feeds,
// sitemaps, schema.org JSON-LD and IPTC ninjs, from stories and pages it is
// handed. It never reads the database.
//
// The layout under the output folder:
//
//	index.html                  front page: the latest stories
//	articles/SLUG.html          one page per published story
//	ninjs/SLUG.json             IPTC ninjs 3.1 for the same story
//	sections/SLUG.html          a section's stories, newest first; SLUG-2.html… for older ones
//	pages/SLUG.html             one page per site page ("Comments: Our rules")
//	atom.xml, rss.xml, feed.json the latest stories as Atom 1.0, RSS 2.0 and JSON Feed 1.1
//	sitemap.xml                 every page; news-sitemap.xml the Google News sitemap
//	404.html, style.css, robots.txt
//	.copydesk/manifest.json     what the last export wrote, so the next rewrites only what changed
package export

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"copydesk/editor"
)

// Site is what the exported website says about itself.
type Site struct {
	Name        string // "The Chingford Guardian"; shown in the masthead and feeds
	BaseURL     string // absolute http(s) URL the site is served from; links in feeds and sitemaps start with it
	Language    string // BCP 47 language tag, "en-GB" when empty
	Description string // one line for feeds and the front page's meta description
	// Location is the time zone dates are shown in; UTC when nil. Machine-readable
	// dates are always UTC.
	Location *time.Location
	// Now is the time of the export: a story embargoed until after it, or
	// expired by it, is left out (and taken down if an export put it up).
	// The zero time means the clock's time.
	Now time.Time
}

// DefaultBaseURL is used when Site.BaseURL is empty; feeds and sitemaps need
// absolute URLs, so they will point at the local machine until one is given.
const DefaultBaseURL = "http://localhost/"

// Kind says what an exported file is.
type Kind string

// The kinds of exported file (DESIGN.md, "export --json").
const (
	KindArticle Kind = "article"
	KindPage    Kind = "page"
	KindFront   Kind = "front"
	KindSection Kind = "section"
	KindFeed    Kind = "feed"
	KindSitemap Kind = "sitemap"
	KindNinjs   Kind = "ninjs"
	KindAsset   Kind = "asset"
	// KindRedirect (redirect.go) is a story's old path.
)

// State says what an export did with a file.
type State string

// The states of an exported file.
const (
	StateWritten   State = "written"
	StateUnchanged State = "unchanged"
	StateRemoved   State = "removed"
)

// File is one file of the exported site and what the export did with it.
type File struct {
	Path  string `json:"path"` // relative to the output folder, with forward slashes
	Kind  Kind   `json:"kind"`
	ID    string `json:"id"` // the story's or page's ID; the section's name; empty for site-wide files
	State State  `json:"state"`
}

// Report is what an export did; its JSON is the shape `copydesk export --json` prints.
type Report struct {
	Files      []File `json:"files"`
	DurationMS int64  `json:"duration_ms"`
}

// Count returns how many files the export left in state st.
func (r *Report) Count(st State) int {
	n := 0
	for _, f := range r.Files {
		if f.State == st {
			n++
		}
	}
	return n
}

// Stories is how many stories the site has: its articles.
func (r *Report) Stories() int { return r.countKind(KindArticle) }

// Pages is how many site pages it has ("Comments: Our rules"), without the
// 404 page.
func (r *Report) Pages() int {
	n := r.countKind(KindPage)
	for _, f := range r.Files {
		if f.Kind == KindPage && f.Path == "404.html" && f.State != StateRemoved {
			n--
		}
	}
	return n
}

func (r *Report) countKind(k Kind) int {
	n := 0
	for _, f := range r.Files {
		if f.Kind == k && f.State != StateRemoved {
			n++
		}
	}
	return n
}

// Export writes the website for the published stories among stories, and for
// every page, into outDir, creating it if need be. Stories in any other status
// are left out of every page, feed and sitemap, and files a previous export
// wrote for them are removed.
//
// Only files whose content changed are rewritten. Every new file is written
// aside first and renamed into place once all of them are ready, so an export
// that fails or is cancelled through ctx leaves the previous site as it was.
// The same input always produces byte-identical files.
//
// progress, when not nil, is called as files are prepared, with done rising
// to total; it is called from one goroutine at a time, not necessarily the
// caller's. One export writes to a folder at a time: another one started
// into the same folder meanwhile fails with ErrBusy.
//
// An export that would remove more than half of the articles the folder's
// site has is refused with a *RemovalError, changing nothing (a wrong
// database, or one emptied by mistake, must not empty the live site); use
// ExportWith and Options.AllowRemoval to make it anyway.
func Export(ctx context.Context, outDir string, site Site, stories []editor.Story, pages []editor.Page, progress func(done, total int)) (*Report, error) {
	return ExportWith(ctx, outDir, site, stories, pages, Options{Progress: progress})
}

// Options are the less common settings of an export.
type Options struct {
	// Progress, when not nil, is called as files are prepared (see Export).
	Progress func(done, total int)
	// AllowRemoval lets the export remove more than half of the site's articles.
	AllowRemoval bool
	// Verify reads back every file the last export wrote into the folder and
	// rewrites each one that was changed or removed since. Without it, a
	// file removed or added by hand is noticed (its folder's time changes),
	// but one edited in place stays as it is until its content changes.
	Verify bool
}

// RemovalError is the refusal of an export that would remove more than half
// of the articles of the site in its folder.
type RemovalError struct {
	Removed  int // articles the export would remove
	Articles int // articles the site has now
}

func (e *RemovalError) Error() string {
	return fmt.Sprintf("export: this export would remove %d of the site's %d articles, more than half; nothing was changed", e.Removed, e.Articles)
}

// ExportWith is Export with options.
func ExportWith(ctx context.Context, outDir string, site Site, stories []editor.Story, pages []editor.Page, opt Options) (*Report, error) {
	return ExportFrom(ctx, outDir, site, sliceSource{stories: stories, pages: pages}, opt)
}

// Validate reports a setting that Export would refuse: a base URL that is not
// an absolute http or https address, a language that is not a BCP 47 tag.
func (s Site) Validate() error {
	return s.normalize()
}

// normalize fills in defaults and checks the base URL.
func (s *Site) normalize() error {
	s.Name = strings.TrimSpace(cleanText(s.Name))
	if s.Name == "" {
		s.Name = "News"
	}
	s.Language = strings.TrimSpace(s.Language)
	if s.Language == "" {
		s.Language = "en-GB"
	}
	if !validLanguageTag(s.Language) {
		return fmt.Errorf("export: language %q is not a BCP 47 tag such as en-GB", s.Language)
	}
	s.Description = strings.TrimSpace(cleanText(s.Description))
	if s.Location == nil {
		s.Location = time.UTC
	}
	if s.Now.IsZero() {
		s.Now = time.Now()
	}
	base := strings.TrimSpace(s.BaseURL)
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return fmt.Errorf("export: base URL %q must be an absolute http or https address such as https://news.example.com/", s.BaseURL)
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return fmt.Errorf("export: base URL %q has a query (?…) or a fragment (#…), which the addresses of a site's pages cannot carry; give it without, such as %s://%s%s", s.BaseURL, u.Scheme, u.Host, u.Path)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	s.BaseURL = u.String()
	return nil
}

// validLanguageTag accepts the letters, digits and hyphens of a BCP 47 tag.
func validLanguageTag(tag string) bool {
	for _, part := range strings.Split(tag, "-") {
		if part == "" || len(part) > 8 {
			return false
		}
		for _, r := range part {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}

// cleanText drops the control characters that HTML and XML forbid, keeping tab
// and newline, makes U+2028 and U+2029 (which JavaScript and some readers
// take for line ends) spaces, and replaces invalid UTF-8.
func cleanText(s string) string {
	clean := true
	for _, r := range s {
		if badRune(r) {
			clean = false
			break
		}
	}
	if clean && utf8.ValidString(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == 0x2028 || r == 0x2029:
			return ' ' // a line or paragraph separator parts words: keep them apart
		case badRune(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

func badRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r == 0xFFFE || r == 0xFFFF || (r >= 0xFDD0 && r <= 0xFDEF):
		return true
	case r == '\uFFFD':
		return false
	}
	return r == 0x2028 || r == 0x2029
}
