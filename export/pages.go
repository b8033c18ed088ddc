package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// layoutView is what every HTML page's head, masthead and footer show.
type layoutView struct {
	Site        *Site
	Title       string
	Description string
	Canonical   string
	Root        string // the way from this page back to the site root: "", "../" or the base path
	JSONLD      template.JS
	Chrome      *chrome
}

// chrome is the head links, masthead and footer, the same on every page in
// one folder with the same current link, so rendered once for all of them.
type chrome struct {
	Links, Masthead, Footer template.HTML
}

type chromeData struct {
	Site     *Site
	Root     string
	Sections []navLink
	Pages    []navLink
}

type navLink struct {
	Name    string
	Href    string
	Current bool
}

type timeView struct {
	ISO   string
	Human string
}

func (b *build) timeView(t time.Time) timeView {
	return timeView{
		ISO:   t.UTC().Format(time.RFC3339),
		Human: t.In(b.site.Location).Format("2 January 2006, 15:04 MST"),
	}
}

// layout is the frame of a page at root whose navigation marks current.
func (b *build) layout(title, description, canonical, root, current string) (layoutView, error) {
	c, err := b.chrome(root, current)
	return layoutView{Site: &b.site, Title: title, Description: description, Canonical: canonical, Root: root, Chrome: c}, err
}

func (b *build) chrome(root, current string) (*chrome, error) {
	key := root + "\x00" + current
	b.chromeMu.Lock()
	defer b.chromeMu.Unlock()
	if c, ok := b.chromes[key]; ok {
		return c, nil
	}
	d := chromeData{Site: &b.site, Root: root}
	for _, s := range b.sections {
		href := s.href(1)
		d.Sections = append(d.Sections, navLink{Name: s.name, Href: href, Current: href == current})
	}
	for _, p := range b.pages {
		d.Pages = append(d.Pages, navLink{Name: cleanText(p.p.Title), Href: p.href, Current: p.href == current})
	}
	var c chrome
	for _, part := range []struct {
		name string
		out  *template.HTML
	}{{"chrome-links", &c.Links}, {"chrome-masthead", &c.Masthead}, {"chrome-footer", &c.Footer}} {
		var buf bytes.Buffer
		if err := b.tmpl.ExecuteTemplate(&buf, part.name, d); err != nil {
			return nil, err
		}
		*part.out = template.HTML(buf.String())
	}
	if b.chromes == nil {
		b.chromes = map[string]*chrome{}
	}
	b.chromes[key] = &c
	return &c, nil
}

// planUnits lists every file of the site and what it depends on.
func (b *build) planUnits() error {
	global := func(hash.Hash) {}
	b.units = append(b.units,
		&unit{files: []unitFile{{"style.css", KindAsset}}, key: global,
			render: func(*worker) ([][]byte, error) { return [][]byte{b.css}, nil }},
		&unit{files: []unitFile{{"robots.txt", KindAsset}}, key: global,
			render: func(*worker) ([][]byte, error) {
				return [][]byte{[]byte("User-agent: *\nAllow: /\n\nSitemap: " + b.site.BaseURL + "sitemap.xml\n")}, nil
			}},
		&unit{files: []unitFile{{"404.html", KindPage}}, key: b.navHash, render: b.renderNotFound},
		&unit{files: []unitFile{{"index.html", KindFront}}, key: b.frontKey, render: b.renderFront},
		&unit{files: []unitFile{{"atom.xml", KindFeed}, {"rss.xml", KindFeed}, {"feed.json", KindFeed}},
			key: b.feedKey, render: b.renderFeeds},
		&unit{files: b.sitemapFiles(), key: b.sitemapKey, render: b.renderSitemap},
		&unit{files: []unitFile{{"news-sitemap.xml", KindSitemap}}, key: b.newsKey, render: b.renderNewsSitemap},
	)
	for _, p := range b.pages {
		b.units = append(b.units, &unit{id: p.p.ID, files: []unitFile{{p.href, KindPage}},
			key: func(h hash.Hash) {
				b.navHash(h)
				h.Write(p.hash[:])
			},
			render: func(w *worker) ([][]byte, error) { return w.renderPage(p) },
		})
	}
	for _, sec := range b.sections {
		pages := (len(sec.stories) + sectionSize - 1) / sectionSize
		for n := 1; n <= pages; n++ {
			lo, hi := (n-1)*sectionSize, min(n*sectionSize, len(sec.stories))
			b.units = append(b.units, &unit{id: sec.name, files: []unitFile{{sec.href(n), KindSection}},
				key: func(h hash.Hash) {
					b.navHash(h)
					writeInt(h, n)
					writeInt(h, pages)
					listKey(h, sec.stories[lo:hi])
				},
				render: func(w *worker) ([][]byte, error) { return w.renderSection(sec, n, pages, sec.stories[lo:hi]) },
			})
		}
	}
	for _, si := range b.stories {
		b.units = append(b.units, &unit{id: si.s.ID, story: si,
			files: []unitFile{{si.href, KindArticle}, {"ninjs/" + si.slug + ".json", KindNinjs}},
			key: func(h hash.Hash) {
				b.navHash(h)
				h.Write(si.hash[:])
				if si.section != nil {
					writeStrings(h, si.section.slug)
				}
			},
			render: func(w *worker) ([][]byte, error) { return w.renderStory(si) },
		})
	}
	// Every path is built from slugs, which hold no dot or slash, and os.Root
	// would refuse one that leaves the folder anyway; this check names the
	// file if that ever changes.
	seen := map[string]bool{}
	for _, u := range b.units {
		for _, f := range u.files {
			if _, err := joinPath(f.path); err != nil {
				return err
			}
			if seen[f.path] {
				return fmt.Errorf("export: two files would be written to %s", f.path)
			}
			seen[f.path] = true
		}
	}
	b.planRedirects(seen)
	return nil
}

func (b *build) navHash(h hash.Hash) { h.Write(b.navKey[:]) }

// listKey writes what a list of teasers shows of each story.
func listKey(h hash.Hash, stories []*storyInfo) {
	writeInt(h, len(stories))
	for _, si := range stories {
		writeStrings(h, si.href, si.s.Title(), si.s.Standfirst)
		writeTime(h, si.published)
		if si.section != nil {
			writeStrings(h, si.section.slug, si.section.name)
		}
	}
}

func (b *build) frontKey(h hash.Hash) {
	b.navHash(h)
	listKey(h, b.stories[:min(frontSize, len(b.stories))])
}

// render executes the named template into the worker's page buffer; the
// result is valid until the worker's next render.
func (w *worker) render(name string, data any) ([]byte, error) {
	w.buf.Reset()
	if err := w.b.tmpl.ExecuteTemplate(&w.buf, name, data); err != nil {
		return nil, err
	}
	return w.buf.Bytes(), nil
}

func (b *build) renderNotFound(w *worker) ([][]byte, error) {
	// A server shows 404.html at any address, so its links start from the
	// site's own path rather than from where the file is.
	root := "/"
	if u, err := url.Parse(b.site.BaseURL); err == nil {
		root = u.EscapedPath()
	}
	l, err := b.layout("Page not found · "+b.site.Name, "", "", root, "")
	if err != nil {
		return nil, err
	}
	out, err := w.render("notfound", l)
	return [][]byte{out}, err
}

type teaser struct {
	Href       string
	Headline   string
	Standfirst string
	Published  timeView
	Section    *navLink
}

type listView struct {
	layoutView
	Heading string
	Lead    bool
	Items   []teaser
	Pager   *pager
}

type pager struct {
	Page, Pages  int
	Newer, Older string
}

func (b *build) teasers(stories []*storyInfo) []teaser {
	out := make([]teaser, len(stories))
	for i, si := range stories {
		out[i] = teaser{Href: si.href, Headline: cleanText(si.s.Headline), Standfirst: cleanText(si.s.Standfirst), Published: b.timeView(si.published)}
		if si.section != nil {
			out[i].Section = &navLink{Name: si.section.name, Href: si.section.href(1)}
		}
	}
	return out
}

func (b *build) renderFront(w *worker) ([][]byte, error) {
	desc := b.site.Description
	if desc == "" {
		desc = "The latest stories from " + b.site.Name + "."
	}
	l, err := b.layout(b.site.Name, desc, b.site.BaseURL, "", "index.html")
	if err != nil {
		return nil, err
	}
	v := listView{
		layoutView: l,
		Heading:    "Latest stories",
		Lead:       true,
		Items:      b.teasers(b.stories[:min(frontSize, len(b.stories))]),
	}
	out, err := w.render("list", v)
	return [][]byte{out}, err
}

func (w *worker) renderSection(sec *sectionInfo, n, pages int, stories []*storyInfo) ([][]byte, error) {
	b := w.b
	title := sec.name + " · " + b.site.Name
	if n > 1 {
		title = sec.name + ", page " + strconv.Itoa(n) + " · " + b.site.Name
	}
	l, err := b.layout(title, "The latest "+sec.name+" stories from "+b.site.Name+".", b.site.BaseURL+sec.href(n), "../", sec.href(1))
	if err != nil {
		return nil, err
	}
	v := listView{
		layoutView: l,
		Heading:    sec.name,
		Items:      b.teasers(stories),
	}
	if pages > 1 {
		v.Pager = &pager{Page: n, Pages: pages}
		if n > 1 {
			v.Pager.Newer = sec.href(n - 1)
		}
		if n < pages {
			v.Pager.Older = sec.href(n + 1)
		}
	}
	out, err := w.render("list", v)
	return [][]byte{out}, err
}

type pageView struct {
	layoutView
	Heading string
	Body    template.HTML
}

func (w *worker) renderPage(p *pageInfo) ([][]byte, error) {
	b := w.b
	w.body.Reset()
	if err := renderMarkdown(b.md, &w.body, blankBadRunes(p.p.Body), nil); err != nil {
		return nil, err
	}
	title := cleanText(p.p.Title)
	l, err := b.layout(title+" · "+b.site.Name, firstLine(p.p.Summary), b.site.BaseURL+p.href, "../", p.href)
	if err != nil {
		return nil, err
	}
	v := pageView{
		layoutView: l,
		Heading:    title,
		Body:       template.HTML(w.body.String()),
	}
	out, err := w.render("page", v)
	return [][]byte{out}, err
}

// firstLine is the first paragraph of s, cleaned, for a meta description.
func firstLine(s string) string {
	s = strings.TrimSpace(cleanText(s))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// jsonScript encodes v for a <script> element: json.Marshal escapes <, > and
// &, so no "</script>" or "<!--" can appear in it.
func jsonScript(v any) (template.JS, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return template.JS(data), nil
}
