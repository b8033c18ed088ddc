// Package bodyhtml holds the HTML a story body may carry among its Markdown,
// and the sanitiser that keeps it to that. Import and export use it; it is
// a package of its own so that the commands that neither import nor export
// start without building bluemonday's tables.
package bodyhtml

import (
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Policy is the HTML a story body may carry among its Markdown: the
// structure of news copy (tables, lists, figures and images with http(s)
// sources, links, emphasis, block quotes, sub- and superscript) and nothing
// active (no script, style, event handler, frame, form or plugin). Import
// passes raw HTML from archives and feeds through it, and the export passes
// the raw HTML of a body through it again, so a body typed or pasted later
// is held to the same rule. The policy is safe for concurrent use.
var Policy = sync.OnceValue(func() *bluemonday.Policy {
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
	p.AllowElements(Elements...)
	return p
})

// Sanitize returns an HTML fragment as Policy keeps it, with its
// elements balanced (every one closed, in order) and images left without an
// address dropped, so that it can stand in a page as it is.
func Sanitize(fragment string) string {
	clean := Policy().Sanitize(fragment)
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

// Elements are the elements Policy keeps.
var Elements = []string{
	"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
	"blockquote", "pre", "code", "em", "strong", "i", "b", "u", "s", "del", "ins", "sub", "sup",
	"small", "mark", "abbr", "cite", "q", "span", "div", "figure", "figcaption", "img", "a",
	"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
}
