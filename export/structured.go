package export

import (
	"bytes"
	"strings"
	"time"

	"github.com/google/uuid"

	"copydesk/editor"
)

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
	ID   string `json:"@id,omitempty"`
}

type ldCorrection struct {
	Type          string `json:"@type"`
	Text          string `json:"text"`
	DatePublished string `json:"datePublished"`
}

// ldNewsArticle is schema.org's NewsArticle as JSON-LD.
type ldNewsArticle struct {
	Context             string         `json:"@context"`
	Type                string         `json:"@type"`
	Headline            string         `json:"headline"`
	Description         string         `json:"description,omitempty"`
	URL                 string         `json:"url"`
	MainEntityOfPage    ldThing        `json:"mainEntityOfPage"`
	DatePublished       string         `json:"datePublished"`
	DateModified        string         `json:"dateModified"`
	Author              []ldThing      `json:"author"`
	Publisher           ldThing        `json:"publisher"`
	ArticleSection      string         `json:"articleSection,omitempty"`
	Keywords            []string       `json:"keywords,omitempty"`
	InLanguage          string         `json:"inLanguage"`
	WordCount           int            `json:"wordCount"`
	CreditText          string         `json:"creditText,omitempty"`
	LocationCreated     *ldThing       `json:"locationCreated,omitempty"`
	Correction          []ldCorrection `json:"correction,omitempty"`
	IsAccessibleForFree bool           `json:"isAccessibleForFree"`
}

// newsArticle is the schema.org NewsArticle JSON-LD for a story.
func (b *build) newsArticle(si *storyInfo, headline string, words int) ldNewsArticle {
	s := si.s
	url := b.site.BaseURL + si.href
	ld := ldNewsArticle{
		Context:             "https://schema.org",
		Type:                "NewsArticle",
		Headline:            headline,
		Description:         cleanText(s.Standfirst),
		URL:                 url,
		MainEntityOfPage:    ldThing{Type: "WebPage", ID: url},
		DatePublished:       si.published.Format(time.RFC3339),
		DateModified:        si.updated.Format(time.RFC3339),
		Publisher:           ldThing{Type: "NewsMediaOrganization", Name: b.site.Name, URL: b.site.BaseURL},
		InLanguage:          b.site.Language,
		WordCount:           words,
		CreditText:          cleanText(s.Credit),
		IsAccessibleForFree: true,
	}
	if name := authorName(s.Byline); name != "" {
		ld.Author = []ldThing{{Type: "Person", Name: name}}
	} else {
		ld.Author = []ldThing{{Type: "Organization", Name: b.site.Name}}
	}
	if si.section != nil {
		ld.ArticleSection = si.section.name
	}
	for _, t := range s.Tags {
		ld.Keywords = append(ld.Keywords, cleanText(t))
	}
	if v := cleanText(s.Dateline); v != "" {
		ld.LocationCreated = &ldThing{Type: "Place", Name: v}
	}
	for _, c := range s.Corrections {
		if c.Kind == editor.ChangeUpdate {
			continue
		}
		ld.Correction = append(ld.Correction, ldCorrection{Type: "CorrectionComment", Text: cleanText(c.Note), DatePublished: c.At.UTC().Format(time.RFC3339)})
	}
	return ld
}

// authorName is a byline without its leading "By".
func authorName(byline string) string {
	name := strings.TrimSpace(cleanText(byline))
	if len(name) > 3 && strings.EqualFold(name[:3], "by ") {
		name = strings.TrimSpace(name[3:])
	}
	return name
}

// storyURI is a story's permanent identifier: a urn:uuid when its ID is a
// UUID, else its address.
func (b *build) storyURI(si *storyInfo) string {
	if id, err := uuid.Parse(si.s.ID); err == nil {
		return id.URN()
	}
	return b.site.BaseURL + si.href
}

type ninjsText struct {
	Role        string `json:"role,omitempty"`
	ContentType string `json:"contentType,omitempty"`
	WordCount   int    `json:"wordCount,omitempty"`
	Value       string `json:"value"`
}

type ninjsName struct {
	Name string `json:"name"`
	Rel  string `json:"rel,omitempty"`
	Role string `json:"role,omitempty"`
}

type ninjsRendition struct {
	Name        string `json:"name"`
	Href        string `json:"href"`
	ContentType string `json:"contentType"`
}

type ninjsStandard struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Schema  string `json:"schema"`
}

// ninjsDoc is an IPTC ninjs 3.1 news item. Field names are 3.x camelCase.
type ninjsDoc struct {
	URI                string           `json:"uri"`
	Standard           ninjsStandard    `json:"standard"`
	Type               string           `json:"type"`
	RepresentationType string           `json:"representationType"`
	FirstCreated       string           `json:"firstCreated"`
	VersionCreated     string           `json:"versionCreated"`
	PubStatus          string           `json:"pubStatus"`
	Language           string           `json:"language"`
	Slugline           string           `json:"slugline"`
	Headlines          []ninjsText      `json:"headlines"`
	Descriptions       []ninjsText      `json:"descriptions,omitempty"`
	Bodies             []ninjsText      `json:"bodies"`
	By                 string           `json:"by,omitempty"`
	Located            string           `json:"located,omitempty"`
	People             []ninjsName      `json:"people,omitempty"`
	Subjects           []ninjsName      `json:"subjects,omitempty"`
	InfoSources        []ninjsName      `json:"infoSources,omitempty"`
	CopyrightHolder    string           `json:"copyrightHolder"`
	Renditions         []ninjsRendition `json:"renditions"`
}

// ninjs is the story as IPTC ninjs 3.1, its body the same HTML as its page's.
func (b *build) ninjs(w *bytes.Buffer, si *storyInfo, headline, bodyHTML string, words int) ([]byte, error) {
	s := si.s
	d := ninjsDoc{
		URI:                b.storyURI(si),
		Standard:           ninjsStandard{Name: "ninjs", Version: "3.1", Schema: "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"},
		Type:               "text",
		RepresentationType: "full",
		FirstCreated:       si.published.Format(time.RFC3339),
		VersionCreated:     si.updated.Format(time.RFC3339),
		PubStatus:          "usable",
		Language:           b.site.Language,
		Slugline:           si.slug,
		Headlines:          []ninjsText{{Role: "main", ContentType: "text/plain", Value: headline}},
		Bodies:             []ninjsText{{Role: "main", ContentType: "text/html", WordCount: words, Value: bodyHTML}},
		By:                 cleanText(s.Byline),
		Located:            cleanText(s.Dateline),
		CopyrightHolder:    b.site.Name,
		Renditions:         []ninjsRendition{{Name: "web", Href: b.site.BaseURL + si.href, ContentType: "text/html"}},
	}
	if v := cleanText(s.Standfirst); v != "" {
		d.Descriptions = append(d.Descriptions, ninjsText{Role: "summary", ContentType: "text/plain", Value: v})
	}
	for _, c := range s.Corrections {
		d.Descriptions = append(d.Descriptions, ninjsText{Role: string(c.Kind.Or(editor.ChangeCorrection)), ContentType: "text/plain",
			Value: c.At.UTC().Format(time.RFC3339) + ": " + cleanText(c.Note)})
	}
	if name := authorName(s.Byline); name != "" {
		d.People = append(d.People, ninjsName{Name: name, Rel: "author"})
	}
	seen := map[string]bool{}
	for _, q := range s.Quotes {
		name := cleanText(strings.TrimSpace(q.Speaker))
		if name != "" && !seen[name] && q.SpeakerConfirmed() { // an unconfirmed attribution is a suggestion, not published
			seen[name] = true
			d.People = append(d.People, ninjsName{Name: name, Rel: "quoted"})
		}
	}
	if si.section != nil {
		d.Subjects = append(d.Subjects, ninjsName{Name: si.section.name, Rel: "section"})
	}
	for _, t := range s.Tags {
		if t = cleanText(strings.TrimSpace(t)); t != "" {
			d.Subjects = append(d.Subjects, ninjsName{Name: t, Rel: "tag"})
		}
	}
	if v := cleanText(s.Credit); v != "" {
		d.InfoSources = append(d.InfoSources, ninjsName{Name: v, Role: "credit"})
	}
	w.Reset()
	if err := encodeJSON(w, d, false); err != nil {
		return nil, err
	}
	return w.Bytes(), nil
}

// parseDay formats a YYYY-MM-DD date for people, reporting whether it is one.
func parseDay(s string) (string, bool) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return "", false
	}
	return t.Format("2 January 2006"), true
}
