package wire

import (
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"copydesk/editor"
	"copydesk/editor/bodyhtml"
)

// rawHTMLParser is built on first use, so a command that reads no Markdown
// does not pay for it when the program starts.
var rawHTMLParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()
})

// cleanRawHTML keeps the raw HTML of a Markdown body to bodyhtml.Policy: an
// HTML block is sanitised and balanced; an inline tag of an element the
// policy drops (a script, an iframe) is taken out, and so are its attributes
// that are active. Tags of no HTML element ("<AXP>") are text and stay. It
// returns the names of what was dropped.
func cleanRawHTML(body string) (string, []string) {
	if !strings.Contains(body, "<") {
		return body, nil
	}
	src := []byte(body)
	doc := rawHTMLParser().Parse(text.NewReader(src))
	type edit struct {
		start, end int
		with       string
	}
	var edits []edit
	dropped := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			lines := n.Lines()
			if lines.Len() == 0 {
				return ast.WalkContinue, nil
			}
			start, end := lines.At(0).Start, lines.At(lines.Len()-1).Stop
			if n.HasClosure() {
				end = n.ClosureLine.Stop
			}
			raw := body[start:end]
			if editor.HTMLTagEnd(raw, strings.IndexByte(raw, '<')) < 0 && !strings.HasPrefix(strings.TrimSpace(raw), "<!--") {
				return ast.WalkSkipChildren, nil // "<AXP>" and the like: text
			}
			clean := bodyhtml.Sanitize(raw)
			if strings.TrimSpace(clean) != strings.TrimSpace(raw) {
				noteDropped(raw, clean, dropped)
				edits = append(edits, edit{start, end, strings.TrimRight(clean, "\n") + "\n"})
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			segs := n.Segments
			for i := 0; i < segs.Len(); i++ {
				s := segs.At(i)
				tag := body[s.Start:s.Stop]
				if editor.HTMLTagEnd(tag, 0) != len(tag) {
					continue
				}
				clean := bodyhtml.Policy().Sanitize(tag)
				if clean != tag {
					noteDropped(tag, clean, dropped)
					edits = append(edits, edit{s.Start, s.Stop, clean})
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if len(edits) == 0 {
		return body, nil
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	for _, e := range edits {
		body = body[:e.start] + e.with + body[e.end:]
	}
	var names []string
	for k := range dropped {
		names = append(names, k)
	}
	sort.Strings(names)
	return body, names
}

// noteDropped names the elements or attributes sanitising took out.
func noteDropped(raw, clean string, dropped map[string]bool) {
	before := len(dropped)
	lower := strings.ToLower(raw)
	for _, el := range []string{"script", "style", "iframe", "object", "embed", "form", "input", "button", "svg", "video", "audio"} {
		if strings.Contains(lower, "<"+el) && !strings.Contains(strings.ToLower(clean), "<"+el) {
			dropped["<"+el+">"] = true
		}
	}
	if strings.Contains(lower, " on") && !strings.Contains(strings.ToLower(clean), " on") {
		dropped["event handlers"] = true
	}
	if strings.Contains(lower, "javascript:") {
		dropped["javascript: links"] = true
	}
	if len(dropped) == before && len(strings.Fields(clean)) < len(strings.Fields(raw)) {
		dropped["markup it does not keep"] = true
	}
}
