package editor

import (
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// BodyHTML is the HTML a story body may carry among its Markdown: the
// structure of news copy (tables, lists, figures and images with http(s)
// sources, links, emphasis, block quotes, sub- and superscript) and nothing
// active (no script, style, event handler, frame, form or plugin). Import
// passes raw HTML from archives and feeds through it, and the export passes
// the raw HTML of a body through it again, so a body typed or pasted later
// is held to the same rule. The policy is safe for concurrent use.
var BodyHTML = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowStandardURLs()
	p.RequireNoFollowOnLinks(false) // the desk's links are its own, as Markdown's are
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src").OnElements("img") // checked as a URL: http(s) only
	p.AllowAttrs("alt", "title").OnElements("img")
	p.AllowAttrs("width", "height").Matching(bluemonday.Number).OnElements("img")
	p.AllowAttrs("title").OnElements("a", "abbr")
	p.AllowAttrs("cite").OnElements("blockquote", "q")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Number).OnElements("td", "th")
	p.AllowAttrs("scope").Matching(bluemonday.SpaceSeparatedTokens).OnElements("th")
	p.AllowElements(BodyElements...)
	return p
})

// SanitizeBodyHTML returns an HTML fragment as BodyHTML keeps it, with its
// elements balanced (every one closed, in order) and images left without an
// address dropped, so that it can stand in a page as it is.
func SanitizeBodyHTML(fragment string) string {
	clean := BodyHTML().Sanitize(fragment)
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(clean), ctx)
	if err != nil {
		return html.EscapeString(clean)
	}
	var b strings.Builder
	for _, n := range nodes {
		if dropImagesWithoutSource(n) {
			continue
		}
		if err := html.Render(&b, n); err != nil {
			return html.EscapeString(clean)
		}
	}
	return b.String()
}

// dropImagesWithoutSource removes the <img> elements under n that lost their
// src to the policy, reporting whether n itself is one.
func dropImagesWithoutSource(n *html.Node) bool {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if dropImagesWithoutSource(c) {
			n.RemoveChild(c)
		}
		c = next
	}
	if n.Type != html.ElementNode || n.DataAtom != atom.Img {
		return false
	}
	for _, a := range n.Attr {
		if a.Key == "src" && a.Val != "" {
			return false
		}
	}
	return true
}

// BodyElements are the elements BodyHTML keeps.
var BodyElements = []string{
	"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
	"blockquote", "pre", "code", "em", "strong", "i", "b", "u", "s", "del", "ins", "sub", "sup",
	"small", "mark", "abbr", "cite", "q", "span", "div", "figure", "figcaption", "img", "a",
	"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
}

// IsHTMLElement reports whether name (any case) is an element of HTML, so
// that "<AXP>" in wire copy, a stock ticker, can be told from markup.
func IsHTMLElement(name string) bool {
	return htmlElements[strings.ToLower(name)]
}

// HTMLTagEnd returns the offset just past the HTML tag (of an element of
// HTML, opening or closing) or comment that starts at s[i], or -1 when none
// starts there.
func HTMLTagEnd(s string, i int) int {
	rest := s[i+1:]
	if strings.HasPrefix(rest, "!--") {
		if end := strings.Index(rest, "-->"); end >= 0 {
			return i + 1 + end + 3
		}
		return -1
	}
	name := strings.TrimPrefix(rest, "/")
	n := 0
	for n < len(name) && (name[n] >= 'a' && name[n] <= 'z' || name[n] >= 'A' && name[n] <= 'Z' || n > 0 && name[n] >= '0' && name[n] <= '9') {
		n++
	}
	if n == 0 || !IsHTMLElement(name[:n]) || n < len(name) && !strings.ContainsRune(" \t\n/>", rune(name[n])) {
		return -1
	}
	// The tag ends at the first ">" outside a quoted attribute value.
	var quote byte
	for k := i + 1; k < len(s); k++ {
		switch c := s[k]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k + 1
		case c == '<':
			return -1
		}
	}
	return -1
}

var htmlElements = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Fields(`a abbr address area article aside audio b base bdi bdo blockquote body br
		button canvas caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em
		embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr
		html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object
		ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select
		slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th
		thead time title tr track tt u ul var video wbr math marquee applet basefont big blink`) {
		m[e] = true
	}
	return m
}()
