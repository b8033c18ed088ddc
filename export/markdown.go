package export

import (
	"bytes"
	"html"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"copydesk/editor"
)

// newMarkdown is goldmark with GitHub's tables and strikethrough, and without
// its unsafe mode: raw HTML in a body is kept only as bodyhtml.Policy allows
// (rawhtml.go), and links to javascript:, vbscript: and data: (other than
// images) lose their address. Bare addresses
// are not linked (GitHub's linkify looks at every space and costs a quarter of
// the parsing); <https://…> and [text](https://…) are.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(quoteRenderer{}, 500), util.Prioritized(rawHTMLRenderer{}, 500))),
	)
}

// placedQuote is a quote found in the body: where its words are, and how it
// is marked up.
type placedQuote struct {
	start, end int
	anchor     string // the id of its first <q>: "quote-1"
	q          *editor.Quote
	marked     bool // its first run has been wrapped, and carries the id
}

// placeQuotes finds each quote's words in body by its anchor, or, when the
// body moved under it, by its exact words when they occur once. Quotes not
// found, or overlapping one found earlier, are left unmarked. The result is in
// body order, numbered from 1.
func placeQuotes(body string, quotes []editor.Quote) []placedQuote {
	var out []placedQuote
	for i := range quotes {
		q := &quotes[i]
		a := q.Anchor
		start, end := -1, -1
		exact := a.Exact
		if exact == "" {
			exact = q.Text
		}
		switch {
		case a.Start >= 0 && a.Start < a.End && a.End <= len(body) && (exact == "" || body[a.Start:a.End] == exact):
			start, end = a.Start, a.End
		case exact != "" && strings.Count(body, exact) == 1:
			start = strings.Index(body, exact)
			end = start + len(exact)
		}
		if start < 0 {
			continue
		}
		out = append(out, placedQuote{start: start, end: end, q: q})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	kept := out[:0]
	last := 0
	for _, p := range out {
		if p.start < last {
			continue
		}
		kept = append(kept, p)
		last = p.end
	}
	for i := range kept {
		kept[i].anchor = "quote-" + strconv.Itoa(i+1)
	}
	return kept
}

// renderMarkdown writes src as HTML, with the placed quotes' words wrapped in
// <q> elements. src must be the text the quotes were placed in.
func renderMarkdown(md goldmark.Markdown, w *bytes.Buffer, src []byte, quotes []placedQuote) error {
	doc := md.Parser().Parse(text.NewReader(src))
	dropScriptImages(doc)
	if len(quotes) > 0 {
		markQuotes(doc, src, quotes)
	}
	if !hasRawHTML(doc) {
		return md.Renderer().Render(w, src, doc)
	}
	start := w.Len()
	if err := md.Renderer().Render(w, src, doc); err != nil {
		return err
	}
	balanced := balanceHTML(w.Bytes()[start:])
	w.Truncate(start)
	w.Write(balanced)
	return nil
}

// dropScriptImages replaces each image whose address goldmark would blank
// (javascript: and the like) with its alt text, since an <img> with an empty
// src is not valid HTML.
func dropScriptImages(n ast.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		if img, ok := c.(*ast.Image); ok && gmhtml.IsDangerousURL(img.Destination) {
			for a := img.FirstChild(); a != nil; {
				an := a.NextSibling()
				n.InsertBefore(n, img, a)
				a = an
			}
			n.RemoveChild(n, img)
		} else {
			dropScriptImages(c)
		}
		c = next
	}
}

// blankBadRunes replaces the characters HTML forbids (control characters,
// noncharacters, invalid UTF-8) with as many spaces as they take bytes, so
// that byte offsets into the text stay right.
func blankBadRunes(s string) []byte {
	b := []byte(s)
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				b[i] = ' '
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if (r == utf8.RuneError && n == 1) || (badRune(r) && r != '\n' && r != '\t') {
			for k := 0; k < n; k++ {
				b[i+k] = ' '
			}
		}
		i += n
	}
	return b
}

// quoteNode is an inline run of a paragraph that a quote covers.
type quoteNode struct {
	ast.BaseInline
	quote *placedQuote
	first bool // the quote's first run carries its id
}

var kindQuote = ast.NewNodeKind("Quote")

func (n *quoteNode) Kind() ast.NodeKind { return kindQuote }

func (n *quoteNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// markQuotes wraps the inline runs that quotes cover in quoteNodes. A quote
// over several paragraphs, or across a link, becomes several runs.
func markQuotes(n ast.Node, src []byte, quotes []placedQuote) {
	if n.FirstChild() == nil {
		return
	}
	if n.FirstChild().Type() == ast.TypeInline {
		splitTexts(n, src, quotes)
		groupInlines(n, src, quotes)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		markQuotes(c, src, quotes)
	}
}

// splitTexts splits parent's text children where a quote starts or ends.
func splitTexts(parent ast.Node, src []byte, quotes []placedQuote) {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		seg := t.Segment
		cut := -1
		for _, q := range quotes {
			for _, b := range [2]int{q.start, q.end} {
				if b > seg.Start && b < seg.Stop && (cut < 0 || b < cut) {
					cut = b
				}
			}
		}
		// A quote running on into a new paragraph: the paragraph's opening
		// quotation mark stays outside the <q>, as on the quote's first line.
		if n := openingMark(t.Segment.Value(src)); n > 0 && c == parent.FirstChild() && insideQuote(seg.Start, quotes) {
			if b := seg.Start + n; b < seg.Stop && (cut < 0 || b < cut) {
				cut = b
			}
		}
		if cut < 0 {
			continue
		}
		rest := ast.NewTextSegment(text.NewSegment(cut, seg.Stop))
		rest.SetSoftLineBreak(t.SoftLineBreak())
		rest.SetHardLineBreak(t.HardLineBreak())
		rest.SetRaw(t.IsRaw())
		t.Segment = seg.WithStop(cut)
		t.SetSoftLineBreak(false)
		t.SetHardLineBreak(false)
		parent.InsertAfter(parent, t, rest)
	}
}

// groupInlines wraps each run of parent's inline children that lies wholly
// inside one quote, and looks inside children that lie partly inside one.
func groupInlines(parent ast.Node, src []byte, quotes []placedQuote) {
	c := parent.FirstChild()
	for c != nil {
		start, end := span(c)
		qi := -1
		if start >= 0 {
			for i := range quotes {
				if quotes[i].start <= start && end <= quotes[i].end {
					qi = i
					break
				}
			}
		}
		if t, ok := c.(*ast.Text); ok && qi >= 0 && c == parent.FirstChild() && quotes[qi].start < start &&
			openingMark(t.Segment.Value(src)) == end-start {
			qi = -1 // the opening mark of a quote's new paragraph
		}
		if qi < 0 {
			if start >= 0 && c.FirstChild() != nil && overlaps(start, end, quotes) {
				groupInlines(c, src, quotes)
			}
			c = c.NextSibling()
			continue
		}
		q := &quotes[qi]
		node := &quoteNode{quote: q, first: !q.marked}
		q.marked = true
		parent.InsertBefore(parent, c, node)
		for c != nil {
			s, e := span(c)
			if s < 0 || s < q.start || e > q.end {
				break
			}
			next := c.NextSibling()
			node.AppendChild(node, c)
			c = next
		}
	}
}

// span is the range of the source that a node's text covers, or -1, -1.
func span(n ast.Node) (int, int) {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, t.Segment.Stop
	}
	start, end := -1, -1
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		s, e := span(c)
		if s < 0 {
			if _, ok := c.(*ast.Text); !ok {
				// A child with no text of its own (an autolink, omitted HTML)
				// cannot be placed, so neither can its parent.
				return -1, -1
			}
			continue
		}
		if start < 0 || s < start {
			start = s
		}
		if e > end {
			end = e
		}
	}
	return start, end
}

// openingMark is the length in bytes of the opening quotation mark b starts
// with, or 0.
func openingMark(b []byte) int {
	for _, m := range []string{"“", "‘", "\"", "'", "«", "„"} {
		if bytes.HasPrefix(b, []byte(m)) {
			return len(m)
		}
	}
	return 0
}

// insideQuote reports whether offset falls after the start of a quote and
// before its end.
func insideQuote(offset int, quotes []placedQuote) bool {
	for _, q := range quotes {
		if q.start < offset && offset < q.end {
			return true
		}
	}
	return false
}

func overlaps(start, end int, quotes []placedQuote) bool {
	for _, q := range quotes {
		if start < q.end && q.start < end {
			return true
		}
	}
	return false
}

// quoteRenderer writes a quoteNode as <q>, with the speaker and, when the
// source is a web address, cite.
type quoteRenderer struct{}

func (quoteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindQuote, renderQuote)
}

func renderQuote(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</q>")
		return ast.WalkContinue, nil
	}
	qn := n.(*quoteNode)
	q := qn.quote
	_, _ = w.WriteString(`<q class="quote"`)
	if qn.first {
		_, _ = w.WriteString(` id="` + q.anchor + `"`)
	}
	if q.q.Speaker != "" && q.q.SpeakerConfirmed() { // an unconfirmed attribution is not published
		_, _ = w.WriteString(` data-speaker="` + html.EscapeString(cleanText(q.q.Speaker)) + `"`)
	}
	if u := webURL(q.q.Source); u != "" {
		_, _ = w.WriteString(` cite="` + html.EscapeString(u) + `"`)
	}
	_, _ = w.WriteString(">")
	return ast.WalkContinue, nil
}

// webURL returns s when it is an absolute http or https address, else "".
func webURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, " \t\n\"<>\\^`{|}") {
		return ""
	}
	return u.String()
}
