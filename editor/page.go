package editor

import (
	"encoding/json"
	"strings"
	"time"
)

// PageKind says what a site page is for.
type PageKind string

// The kinds of site page.
const (
	PageRules  PageKind = "rules"  // e.g. "Comments: Our rules", linked under every article
	PagePolicy PageKind = "policy" // e.g. a corrections policy
	PageAbout  PageKind = "about"
)

// PageKinds lists every page kind.
var PageKinds = []PageKind{PageRules, PagePolicy, PageAbout}

// Validate reports a kind that is not one of PageKinds.
func (k PageKind) Validate() error {
	for _, pk := range PageKinds {
		if k == pk {
			return nil
		}
	}
	return invalid("kind", "%q is not a page kind; use rules, policy or about", string(k))
}

// Page limits.
const (
	TitleMax   = 200
	SummaryMax = 2000
)

// Page is a site page such as "Comments: Our rules". Summary is the short block
// shown under every article that links to it; Body is Markdown.
type Page struct {
	ID        string    `json:"id"`
	Slug      string    `json:"slug"`
	Kind      PageKind  `json:"kind"`
	Title     string    `json:"title"`
	Summary   string    `json:"summary"`
	Body      string    `json:"body"`
	Revision  int       `json:"revision"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate reports the first field that cannot be saved, naming it.
func (p *Page) Validate() error {
	if strings.TrimSpace(p.Title) == "" {
		return invalid("title", "is empty; a page needs a title")
	}
	if err := firstError(
		checkSingleLine("title", p.Title), checkLen("title", p.Title, TitleMax),
		checkLen("summary", p.Summary, SummaryMax),
		checkLen("body", p.Body, BodyMax),
		p.Kind.Validate(),
	); err != nil {
		return err
	}
	if p.Slug != "" {
		return ValidateSlug("slug", p.Slug)
	}
	return nil
}

// Normalize trims the title and slug, makes a line break in the title a
// space, and uses "\n" line endings, as Story.Normalize does for the
// story's fields of the same kinds.
func (p *Page) Normalize() {
	p.Title, p.Slug = OneLine.normalize(p.Title), OneLine.normalize(p.Slug)
	p.Summary = PlainText.normalize(p.Summary)
	p.Body = MarkdownText.normalize(p.Body)
	if p.Kind == "" {
		p.Kind = PageRules
	}
}

// Words counts the words of the title, summary and body.
func (p *Page) Words() int {
	return CountWords(p.Title) + CountWords(p.Summary) + CountWords(p.Body)
}

type pageContent struct {
	Slug    string   `json:"slug"`
	Kind    PageKind `json:"kind"`
	Title   string   `json:"title"`
	Summary string   `json:"summary"`
	Body    string   `json:"body"`
}

// Content is the page's revision content: a canonical JSON encoding of every
// edited field.
func (p *Page) Content() []byte {
	b, err := json.Marshal(pageContent{Slug: p.Slug, Kind: p.Kind, Title: p.Title, Summary: p.Summary, Body: p.Body})
	if err != nil {
		panic("editor: page content does not encode: " + err.Error())
	}
	return b
}

// ApplyContent sets the page's edited fields from revision content made by Content.
func (p *Page) ApplyContent(content []byte) error {
	var c pageContent
	if err := json.Unmarshal(content, &c); err != nil {
		return err
	}
	p.Slug, p.Kind, p.Title, p.Summary, p.Body = c.Slug, c.Kind, c.Title, c.Summary, c.Body
	return nil
}
