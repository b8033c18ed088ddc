package export

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
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
	ContentType string `json:"contentType,omitempty"`
}

// ninjsSubject is a subject of the story: a section or tag by name, or a
// feed's subject code as a uri (IPTC codes written out in full) and as the
// literal code, with its name where it has one.
type ninjsSubject struct {
	Name    string `json:"name,omitempty"`
	Rel     string `json:"rel,omitempty"`
	URI     string `json:"uri,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// ninjsAssociation is a picture (or video) the story carries: its address
// as uri and as its one rendition, its caption and alternative text as
// descriptions with the roles "caption" and "alt", its credit line as the
// copyright holder.
type ninjsAssociation struct {
	Name            string           `json:"name"`
	URI             string           `json:"uri"`
	Type            string           `json:"type"`
	Descriptions    []ninjsText      `json:"descriptions,omitempty"`
	CopyrightHolder string           `json:"copyrightHolder,omitempty"`
	Renditions      []ninjsRendition `json:"renditions"`
}

type ninjsStandard struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Schema  string `json:"schema"`
}

// ninjsDoc is an IPTC ninjs 3.1 news item. Field names are 3.x camelCase.
type ninjsDoc struct {
	URI                string             `json:"uri"`
	Standard           ninjsStandard      `json:"standard"`
	Type               string             `json:"type"`
	RepresentationType string             `json:"representationType"`
	FirstCreated       string             `json:"firstCreated"`
	VersionCreated     string             `json:"versionCreated"`
	PubStatus          string             `json:"pubStatus"`
	Language           string             `json:"language"`
	Slugline           string             `json:"slugline"`
	Headlines          []ninjsText        `json:"headlines"`
	Descriptions       []ninjsText        `json:"descriptions,omitempty"`
	Bodies             []ninjsText        `json:"bodies"`
	By                 string             `json:"by,omitempty"`
	Located            string             `json:"located,omitempty"`
	People             []ninjsName        `json:"people,omitempty"`
	Subjects           []ninjsSubject     `json:"subjects,omitempty"`
	InfoSources        []ninjsName        `json:"infoSources,omitempty"`
	CopyrightHolder    string             `json:"copyrightHolder"`
	Renditions         []ninjsRendition   `json:"renditions"`
	Associations       []ninjsAssociation `json:"associations,omitempty"`
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
		d.Subjects = append(d.Subjects, ninjsSubject{Name: si.section.name, Rel: "section"})
	}
	for _, t := range s.Tags {
		if t = cleanText(strings.TrimSpace(t)); t != "" {
			d.Subjects = append(d.Subjects, ninjsSubject{Name: t, Rel: "tag"})
		}
	}
	for _, sub := range s.Subjects {
		if v, ok := ninjsSubjectOf(sub); ok {
			d.Subjects = append(d.Subjects, v)
		}
	}
	d.Associations = b.ninjsAssociations(s.Media)
	if v := cleanText(s.Credit); v != "" {
		d.InfoSources = append(d.InfoSources, ninjsName{Name: v, Role: "credit"})
	}
	w.Reset()
	if err := encodeJSON(w, d, false); err != nil {
		return nil, err
	}
	return w.Bytes(), nil
}

// iptcSchemes are the IPTC NewsCodes schemes whose codes ("medtop:20000763")
// a subject's uri writes out in full.
var iptcSchemes = map[string]string{
	"medtop": "http://cv.iptc.org/newscodes/mediatopic/",
	"subj":   "http://cv.iptc.org/newscodes/subjectcode/",
}

// ninjsSubjectOf is a feed's subject as ninjs: its code as the literal, and
// as the uri when the code is an absolute http(s) address or an IPTC code.
func ninjsSubjectOf(sub editor.Subject) (ninjsSubject, bool) {
	code, name := cleanText(strings.TrimSpace(sub.Code)), cleanText(strings.TrimSpace(sub.Name))
	if code == "" && name == "" {
		return ninjsSubject{}, false
	}
	v := ninjsSubject{Name: name, Literal: code}
	if scheme, rest, ok := strings.Cut(code, ":"); ok && rest != "" {
		if base, known := iptcSchemes[strings.ToLower(scheme)]; known && !strings.ContainsAny(rest, "/?#% ") {
			v.URI = base + rest
		} else if u, err := url.Parse(code); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			v.URI = u.String()
		}
	}
	return v, true
}

// mediaTypes are the IANA media types of the pictures and videos a story
// may carry, by file extension: a table of its own, so that the export does
// not depend on the machine's.
var mediaTypes = map[string]string{
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
	".webp": "image/webp", ".avif": "image/avif", ".svg": "image/svg+xml",
	".mp4": "video/mp4", ".webm": "video/webm", ".mov": "video/quicktime",
}

// ninjsAssociations are the story's pictures as ninjs associations, each
// address made absolute against the site's address; an address the export
// would not show is left out.
func (b *build) ninjsAssociations(media []editor.Media) []ninjsAssociation {
	base, err := url.Parse(b.site.BaseURL)
	if err != nil {
		return nil
	}
	var out []ninjsAssociation
	for _, m := range media {
		if !editor.MediaHref(m.Href) {
			continue
		}
		ref, err := url.Parse(strings.TrimSpace(m.Href))
		if err != nil {
			continue
		}
		href := base.ResolveReference(ref).String()
		ctype := mediaTypes[strings.ToLower(path.Ext(ref.Path))]
		kind := "picture"
		if strings.HasPrefix(ctype, "video/") {
			kind = "video"
		}
		a := ninjsAssociation{
			Name:            fmt.Sprintf("%s %d", kind, len(out)+1),
			URI:             href,
			Type:            kind,
			CopyrightHolder: cleanText(strings.TrimSpace(m.Credit)),
			Renditions:      []ninjsRendition{{Name: "original", Href: href, ContentType: ctype}},
		}
		if v := cleanText(strings.TrimSpace(m.Caption)); v != "" {
			a.Descriptions = append(a.Descriptions, ninjsText{Role: "caption", ContentType: "text/plain", Value: v})
		}
		if v := cleanText(strings.TrimSpace(m.Alt)); v != "" {
			a.Descriptions = append(a.Descriptions, ninjsText{Role: "alt", ContentType: "text/plain", Value: v})
		}
		out = append(out, a)
	}
	return out
}

// parseDay formats a YYYY-MM-DD date for people, reporting whether it is one.
func parseDay(s string) (string, bool) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return "", false
	}
	return t.Format("2 January 2006"), true
}
