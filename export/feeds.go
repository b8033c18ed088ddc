package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"hash"
	"html"
	"strings"
	"time"

	"github.com/zeebo/xxh3"

	"copydesk/editor"
)

// The feeds carry the latest stories in full. Their dates come from the
// stories, never from the clock, so the same stories give the same bytes.

func (b *build) feedStories() []*storyInfo { return b.stories[:min(feedSize, len(b.stories))] }

func (b *build) feedKey(h hash.Hash) {
	fs := b.feedStories()
	writeInt(h, len(fs))
	for _, si := range fs {
		h.Write(si.hash[:])
		if si.section != nil {
			writeStrings(h, si.section.name)
		}
	}
	writeTime(h, b.newest)
}

type feedItem struct {
	si          *storyInfo
	url         string
	id          string
	headline    string
	summary     string
	author      string
	section     string
	tags        []string
	contentHTML string
}

func (w *worker) feedItems() ([]feedItem, error) {
	b := w.b
	if err := w.feedBodies(); err != nil {
		return nil, err
	}
	var items []feedItem
	for _, si := range b.feedStories() {
		s := si.s
		it := feedItem{si: si, url: b.site.BaseURL + si.href, id: b.storyURI(si), headline: cleanText(s.Title()),
			summary: cleanText(s.Standfirst), author: authorName(s.Byline), contentHTML: si.html}
		if si.section != nil {
			it.section = si.section.name
		}
		for _, t := range s.Tags {
			if t = strings.TrimSpace(cleanText(t)); t != "" {
				it.tags = append(it.tags, t)
			}
		}
		items = append(items, it)
	}
	return items, nil
}

// feedBodies gives every story of the feeds its body's HTML: rendered by
// this export, kept by an earlier one under the same key, or rendered now.
func (w *worker) feedBodies() error {
	b := w.b
	var missing []*storyInfo
	var ids []string
	for _, si := range b.feedStories() {
		if si.html == "" {
			missing = append(missing, si)
			ids = append(ids, si.s.ID)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	kept, err := b.src.ExportHTML(b.ctx, ids)
	if err != nil {
		return fmt.Errorf("reading the feeds' stories: %w", err)
	}
	byID := make(map[string]editor.ExportMemo, len(kept))
	for _, m := range kept {
		byID[m.StoryID] = m
	}
	var read []*storyInfo
	for _, si := range missing {
		m, ok := byID[si.s.ID]
		if key := b.htmlKey(si); ok && m.Revision == si.s.Revision && bytes.Equal(m.HTMLKey, key[:]) {
			si.html = string(m.HTML)
			continue
		}
		read = append(read, si)
	}
	if len(read) == 0 {
		return nil
	}
	if err := b.readWhole(b.ctx, read); err != nil {
		return err
	}
	for _, si := range read {
		s := si.s
		src := blankBadRunes(s.Body)
		w.body.Reset()
		if err := renderMarkdown(b.md, &w.body, src, placeQuotes(string(src), s.Quotes)); err != nil {
			return err
		}
		si.html = w.body.String()
		si.release()
	}
	return nil
}

// htmlKey is the key a story's body HTML is kept under: the code, site and
// templates that rendered it, and the body and quotes it was made from.
func (b *build) htmlKey(si *storyInfo) [16]byte {
	h := xxh3.New128()
	h.Write(b.global[:])
	h.Write(si.sum[:])
	var key [16]byte
	h.Sum(key[:0])
	return key
}

// memos is what this export learned of the stories it read whole, for the
// next one, and the stories whose HTML the feeds need kept.
func (b *build) memos() (learned []editor.ExportMemo, keepHTML []string) {
	for _, si := range b.stories {
		if si.read {
			m := editor.ExportMemo{StoryID: si.s.ID, Revision: si.s.Revision, Sum: bytes.Clone(si.sum[:])}
			if si.feed && si.html != "" {
				key := b.htmlKey(si)
				m.HTMLKey, m.HTML = key[:], []byte(si.html)
			}
			learned = append(learned, m)
		}
	}
	for _, si := range b.feedStories() {
		keepHTML = append(keepHTML, si.s.ID)
	}
	return learned, keepHTML
}

func (b *build) renderFeeds(w *worker) ([][]byte, error) {
	items, err := w.feedItems()
	if err != nil {
		return nil, err
	}
	atom, err := b.atom(items)
	if err != nil {
		return nil, err
	}
	rss, err := b.rss(items)
	if err != nil {
		return nil, err
	}
	js, err := b.jsonFeed(items)
	if err != nil {
		return nil, err
	}
	return [][]byte{atom, rss, js}, nil
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	Title      atomText       `xml:"title"`
	Links      []atomLink     `xml:"link"`
	ID         string         `xml:"id"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary"`
	Content    atomText       `xml:"content"`
}

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	Title    atomText    `xml:"title"`
	Subtitle *atomText   `xml:"subtitle"`
	Links    []atomLink  `xml:"link"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Author   atomPerson  `xml:"author"`
	Gen      string      `xml:"generator"`
	Entries  []atomEntry `xml:"entry"`
}

func (b *build) atom(items []feedItem) ([]byte, error) {
	f := atomFeed{
		Lang:  b.site.Language,
		Title: atomText{Type: "text", Body: b.site.Name},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: b.site.BaseURL + "atom.xml"},
			{Rel: "alternate", Type: "text/html", Href: b.site.BaseURL},
		},
		ID:      b.site.BaseURL,
		Updated: b.newest.UTC().Format(time.RFC3339),
		Author:  atomPerson{Name: b.site.Name},
		Gen:     "copydesk",
	}
	if b.newest.IsZero() {
		f.Updated = time.Unix(0, 0).UTC().Format(time.RFC3339)
	}
	if b.site.Description != "" {
		f.Subtitle = &atomText{Type: "text", Body: b.site.Description}
	}
	for _, it := range items {
		e := atomEntry{
			Title:     atomText{Type: "text", Body: it.headline},
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: it.url}},
			ID:        it.id,
			Published: it.si.published.Format(time.RFC3339),
			Updated:   it.si.updated.Format(time.RFC3339),
			Content:   atomText{Type: "html", Body: it.contentHTML},
		}
		if it.author != "" {
			e.Authors = []atomPerson{{Name: it.author}}
		}
		if it.section != "" {
			e.Categories = append(e.Categories, atomCategory{Term: it.section})
		}
		for _, t := range it.tags {
			e.Categories = append(e.Categories, atomCategory{Term: t})
		}
		if it.summary != "" {
			e.Summary = &atomText{Type: "text", Body: it.summary}
		}
		f.Entries = append(f.Entries, e)
	}
	return marshalXML(f)
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Creator     string   `xml:"dc:creator,omitempty"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description,omitempty"`
	Content     string   `xml:"content:encoded"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Generator     string    `xml:"generator"`
	Self          atomLink  `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type rssFeed struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Content string     `xml:"xmlns:content,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

// rss writes rss.xml. Feed readers render an RSS description as HTML, so
// the plain-text standfirst and site description are escaped for HTML before
// the encoder escapes them again for XML: markup in them shows as text.
func (b *build) rss(items []feedItem) ([]byte, error) {
	desc := b.site.Description
	if desc == "" {
		desc = "The latest stories from " + b.site.Name + "."
	}
	newest := b.newest
	if newest.IsZero() {
		newest = time.Unix(0, 0)
	}
	f := rssFeed{
		Version: "2.0",
		Atom:    "http://www.w3.org/2005/Atom",
		Content: "http://purl.org/rss/1.0/modules/content/",
		DC:      "http://purl.org/dc/elements/1.1/",
		Channel: rssChannel{
			Title: b.site.Name, Link: b.site.BaseURL, Description: html.EscapeString(desc), Language: strings.ToLower(b.site.Language),
			LastBuildDate: newest.UTC().Format(time.RFC1123Z), Generator: "copydesk",
			Self: atomLink{Rel: "self", Type: "application/rss+xml", Href: b.site.BaseURL + "rss.xml"},
		},
	}
	for _, it := range items {
		ri := rssItem{
			Title: it.headline, Link: it.url, GUID: rssGUID{IsPermaLink: "false", Value: it.id},
			PubDate: it.si.published.Format(time.RFC1123Z), Creator: it.author,
			Description: html.EscapeString(it.summary), Content: it.contentHTML,
		}
		if it.section != "" {
			ri.Categories = append(ri.Categories, it.section)
		}
		ri.Categories = append(ri.Categories, it.tags...)
		f.Channel.Items = append(f.Channel.Items, ri)
	}
	return marshalXML(f)
}

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

type jsonFeedAuthor struct {
	Name string `json:"name"`
}

type jsonFeedItem struct {
	ID            string           `json:"id"`
	URL           string           `json:"url"`
	Title         string           `json:"title"`
	Summary       string           `json:"summary,omitempty"`
	ContentHTML   string           `json:"content_html"`
	DatePublished string           `json:"date_published"`
	DateModified  string           `json:"date_modified"`
	Authors       []jsonFeedAuthor `json:"authors,omitempty"`
	Tags          []string         `json:"tags,omitempty"`
	Language      string           `json:"language"`
}

type jsonFeed struct {
	Version     string           `json:"version"`
	Title       string           `json:"title"`
	HomePageURL string           `json:"home_page_url"`
	FeedURL     string           `json:"feed_url"`
	Description string           `json:"description,omitempty"`
	Language    string           `json:"language"`
	Authors     []jsonFeedAuthor `json:"authors"`
	Items       []jsonFeedItem   `json:"items"`
}

func (b *build) jsonFeed(items []feedItem) ([]byte, error) {
	f := jsonFeed{
		Version: "https://jsonfeed.org/version/1.1", Title: b.site.Name, HomePageURL: b.site.BaseURL,
		FeedURL: b.site.BaseURL + "feed.json", Description: b.site.Description, Language: b.site.Language,
		Authors: []jsonFeedAuthor{{Name: b.site.Name}}, Items: []jsonFeedItem{},
	}
	for _, it := range items {
		ji := jsonFeedItem{
			ID: it.id, URL: it.url, Title: it.headline, Summary: it.summary, ContentHTML: it.contentHTML,
			DatePublished: it.si.published.Format(time.RFC3339), DateModified: it.si.updated.Format(time.RFC3339),
			Language: b.site.Language,
		}
		if it.author != "" {
			ji.Authors = []jsonFeedAuthor{{Name: it.author}}
		}
		if it.section != "" {
			ji.Tags = append(ji.Tags, it.section)
		}
		ji.Tags = append(ji.Tags, it.tags...)
		f.Items = append(f.Items, ji)
	}
	return marshalJSONFile(f, true)
}

// marshalJSONFile encodes v as a JSON file, indented when a person may read
// it. Unlike JSON inside a page, a file of its own needs no escaping of <, > and &.
func marshalJSONFile(v any, indent bool) ([]byte, error) {
	var buf bytes.Buffer
	if err := encodeJSON(&buf, v, indent); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func encodeJSON(w *bytes.Buffer, v any, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}
