package export

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"copydesk/editor"
	"copydesk/editor/bodyhtml"
)

// rawHTMLRenderer writes the raw HTML of a body as bodyhtml.Policy keeps it,
// where goldmark's safe mode would drop it all ("<!-- raw HTML omitted -->"):
// tables, figures, sub- and superscript and the like stay, anything active
// goes. A tag of no HTML element ("<AXP>", a stock ticker in wire copy) is
// text, and is shown as written.
type rawHTMLRenderer struct{}

func (rawHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

func renderRawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		tag := string(s.Value(src))
		switch {
		case strings.HasPrefix(tag, "<!--"):
		case editor.HTMLTagEnd(tag, 0) == len(tag):
			_, _ = w.WriteString(bodyhtml.Policy().Sanitize(tag))
		default:
			_, _ = w.WriteString(html.EscapeString(cleanText(tag)))
		}
	}
	return ast.WalkSkipChildren, nil
}

func renderHTMLBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.HTMLBlock)
	var raw bytes.Buffer
	lines := b.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		raw.Write(s.Value(src))
	}
	if b.HasClosure() {
		raw.Write(b.ClosureLine.Value(src))
	}
	text := strings.TrimSpace(raw.String())
	if editor.HTMLTagEnd(text, 0) < 0 && !strings.HasPrefix(text, "<!--") {
		_, _ = w.WriteString("<p>" + html.EscapeString(cleanText(text)) + "</p>\n")
		return ast.WalkContinue, nil
	}
	if out := bodyhtml.Sanitize(text); strings.TrimSpace(out) != "" {
		_, _ = w.WriteString(out + "\n")
	}
	return ast.WalkContinue, nil
}

// hasRawHTML reports whether a body holds raw HTML, whose tags written one
// by one may leave an element open or closed twice.
func hasRawHTML(doc ast.Node) bool {
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindRawHTML {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// balanceHTML closes what the raw tags of a body left open, at the end of
// the element they stand in, and drops end tags that close nothing, so that
// "<em>never closed" in one paragraph stays in that paragraph. (A browser's
// parser would carry the emphasis on into the paragraphs after it.)
func balanceHTML(b []byte) []byte {
	z := xhtml.NewTokenizer(bytes.NewReader(b))
	var out bytes.Buffer
	var open []string
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			for i := len(open) - 1; i >= 0; i-- {
				out.WriteString("</" + open[i] + ">")
			}
			return out.Bytes()
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[atom.Lookup(name)] {
				open = append(open, string(name))
			}
			out.Write(z.Raw())
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			at := -1
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == string(name) {
					at = i
					break
				}
			}
			if at < 0 {
				continue
			}
			for i := len(open) - 1; i > at; i-- {
				out.WriteString("</" + open[i] + ">")
			}
			open = open[:at]
			out.Write(z.Raw())
		default:
			out.Write(z.Raw())
		}
	}
}

var voidElements = map[atom.Atom]bool{atom.Area: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true, atom.Wbr: true}
