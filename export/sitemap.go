package export

import (
	"bytes"
	"encoding/xml"
	"hash"
	"strconv"
	"strings"
	"time"
)

type sitemapURL struct {
	Loc     string       `xml:"loc"`
	LastMod string       `xml:"lastmod,omitempty"`
	News    *newsElement `xml:"news:news,omitempty"`
}

type newsElement struct {
	Publication newsPublication `xml:"news:publication"`
	Date        string          `xml:"news:publication_date"`
	Title       string          `xml:"news:title"`
}

type newsPublication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	NewsNS  string       `xml:"xmlns:news,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

func (b *build) sitemapKey(h hash.Hash) {
	b.navHash(h)
	writeTime(h, b.newest)
	writeInt(h, len(b.stories))
	for _, si := range b.stories {
		writeStrings(h, si.href)
		writeTime(h, si.updated)
	}
	for _, sec := range b.sections {
		writeInt(h, len(sec.stories))
		writeTime(h, sec.stories[0].updated)
	}
}

// sitemapURLs lists the front page, every section page, article and site
// page, with when each last changed.
func (b *build) sitemapURLs() []sitemapURL {
	var urls []sitemapURL
	add := func(loc string, mod time.Time) {
		u := sitemapURL{Loc: b.site.BaseURL + loc}
		if !mod.IsZero() {
			u.LastMod = mod.UTC().Format(time.RFC3339)
		}
		urls = append(urls, u)
	}
	add("", b.newest)
	for _, sec := range b.sections {
		pages := (len(sec.stories) + sectionSize - 1) / sectionSize
		for n := 1; n <= pages; n++ {
			add(sec.href(n), latest(sec.stories[(n-1)*sectionSize:min(n*sectionSize, len(sec.stories))]))
		}
	}
	for _, si := range b.stories {
		add(si.href, si.updated)
	}
	for _, p := range b.pages {
		add(p.href, time.Time{})
	}
	return urls
}

// sitemapFiles is sitemap.xml, and when the site has more addresses than one
// sitemap may hold, the sitemaps sitemap.xml indexes.
func (b *build) sitemapFiles() []unitFile {
	files := []unitFile{{"sitemap.xml", KindSitemap}}
	n := b.sitemapCount()
	if n <= sitemapMax {
		return files
	}
	for i := 1; i <= (n+sitemapMax-1)/sitemapMax; i++ {
		files = append(files, unitFile{"sitemap-" + strconv.Itoa(i) + ".xml", KindSitemap})
	}
	return files
}

func (b *build) sitemapCount() int {
	n := 1 + len(b.stories) + len(b.pages)
	for _, sec := range b.sections {
		n += (len(sec.stories) + sectionSize - 1) / sectionSize
	}
	return n
}

type sitemapRef struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapRef `xml:"sitemap"`
}

func (b *build) renderSitemap(*worker) ([][]byte, error) {
	urls := b.sitemapURLs()
	if len(urls) <= sitemapMax {
		return [][]byte{writeURLSet(urls)}, nil
	}
	index := sitemapIndex{NS: sitemapNS}
	outs := [][]byte{nil}
	for i := 0; i < len(urls); i += sitemapMax {
		chunk := urls[i:min(i+sitemapMax, len(urls))]
		outs = append(outs, writeURLSet(chunk))
		ref := sitemapRef{Loc: b.site.BaseURL + "sitemap-" + strconv.Itoa(len(outs)-1) + ".xml"}
		for _, u := range chunk {
			ref.LastMod = max(ref.LastMod, u.LastMod) // RFC 3339 in UTC sorts as time
		}
		index.Sitemaps = append(index.Sitemaps, ref)
	}
	var err error
	outs[0], err = marshalXML(index)
	return outs, err
}

// writeURLSet writes a sitemap of plain URLs as marshalXML would, without
// reflection: on a large site it is rewritten whenever any story changes.
func writeURLSet(urls []sitemapURL) []byte {
	var b bytes.Buffer
	b.Grow(len(urls) * 140)
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="` + sitemapNS + `">`)
	for _, u := range urls {
		b.WriteString("\n  <url>\n    <loc>")
		_ = xml.EscapeText(&b, []byte(u.Loc))
		b.WriteString("</loc>")
		if u.LastMod != "" {
			b.WriteString("\n    <lastmod>" + u.LastMod + "</lastmod>")
		}
		b.WriteString("\n  </url>")
	}
	if len(urls) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func latest(stories []*storyInfo) time.Time {
	var t time.Time
	for _, si := range stories {
		if si.updated.After(t) {
			t = si.updated
		}
	}
	return t
}

// newsStories are the stories for the Google News sitemap: those published in
// the two days before the newest one, at most 1,000. The window is measured
// from the newest story rather than the clock, so exports stay reproducible.
func (b *build) newsStories() []*storyInfo {
	var out []*storyInfo
	for _, si := range b.stories {
		if len(out) == newsMax || b.newest.Sub(si.published) > newsWindow {
			break
		}
		out = append(out, si)
	}
	return out
}

func (b *build) newsKey(h hash.Hash) {
	ns := b.newsStories()
	writeInt(h, len(ns))
	for _, si := range ns {
		writeStrings(h, si.href, si.s.Title())
		writeTime(h, si.published)
	}
}

func (b *build) renderNewsSitemap(*worker) ([][]byte, error) {
	set := urlset{NS: sitemapNS, NewsNS: "http://www.google.com/schemas/sitemap-news/0.9"}
	for _, si := range b.newsStories() {
		set.URLs = append(set.URLs, sitemapURL{
			Loc: b.site.BaseURL + si.href,
			News: &newsElement{
				Publication: newsPublication{Name: b.site.Name, Language: newsLanguage(b.site.Language)},
				Date:        si.published.Format(time.RFC3339),
				Title:       cleanText(si.s.Title()),
			},
		})
	}
	out, err := marshalXML(set)
	return [][]byte{out}, err
}

// newsLanguage is the ISO 639 code Google News wants: "en" for en-GB, but
// zh-cn and zh-tw kept whole.
func newsLanguage(tag string) string {
	tag = strings.ToLower(tag)
	if tag == "zh-cn" || tag == "zh-tw" {
		return tag
	}
	lang, _, _ := strings.Cut(tag, "-")
	return lang
}
