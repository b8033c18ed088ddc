package wire

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"copydesk/editor"
	"copydesk/internal/wirefile"
)

// node is an element or a run of text of an XML or HTML document: the
// readers of NITF, NewsML and ninjs bodies walk it.
type node struct {
	name  string // the element's local name; "" for text
	space string // its namespace
	attrs []xml.Attr
	kids  []*node
	text  string // a text node's text
	line  int
}

// parseXML reads a whole XML document into nodes, decoding the encoding it
// declares. Errors name the file and the line.
func parseXML(name string, in *input) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(in.xml))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = in.charsetReader
	root := &node{}
	stack := []*node{root}
	elements := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &editor.FileError{Name: name, Line: se.Line, Err: fmt.Errorf("is not well-formed XML: %s", se.Msg)}
			}
			return nil, &editor.FileError{Name: name, Err: fmt.Errorf("cannot be read as XML: %w", err)}
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			line, _ := dec.InputPos()
			if len(stack) > MaxXMLDepth {
				return nil, &editor.FileError{Name: name, Line: line, Err: fmt.Errorf("%w: its XML nests elements more than %d deep here, which no news format needs", wirefile.ErrTooLarge, MaxXMLDepth)}
			}
			if elements++; elements > MaxXMLElements {
				return nil, &editor.FileError{Name: name, Line: line, Err: fmt.Errorf("%w: its XML passes %d elements here; split it into several stories", wirefile.ErrTooLarge, MaxXMLElements)}
			}
			n := &node{name: t.Name.Local, space: t.Name.Space, attrs: t.Copy().Attr, line: line}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.kids = append(top.kids, &node{text: string(t)})
		}
	}
	for _, k := range root.kids {
		if k.name != "" {
			return k, nil
		}
	}
	return nil, &editor.FileError{Name: name, Err: fmt.Errorf("holds no XML element")}
}

// parseHTML reads an HTML fragment (a ninjs body, a feed's escaped HTML) into
// nodes as a browser would, forgiving what XML would not.
func parseHTML(s string) *node {
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	root := &node{name: "body"}
	if err != nil {
		root.kids = []*node{{text: s}}
		return root
	}
	for _, n := range nodes {
		if k := fromHTML(n); k != nil {
			root.kids = append(root.kids, k)
		}
	}
	return root
}

func fromHTML(h *html.Node) *node {
	switch h.Type {
	case html.TextNode:
		return &node{text: h.Data}
	case html.ElementNode:
		n := &node{name: h.Data}
		for _, a := range h.Attr {
			n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Local: a.Key}, Value: a.Val})
		}
		for c := h.FirstChild; c != nil; c = c.NextSibling {
			if k := fromHTML(c); k != nil {
				n.kids = append(n.kids, k)
			}
		}
		return n
	}
	return nil
}

// elems are the node's children; none for a missing (nil) node.
func (n *node) elems() []*node {
	if n == nil {
		return nil
	}
	return n.kids
}

func (n *node) attr(name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// is reports whether the node is an element with one of the names, in any case.
func (n *node) is(names ...string) bool {
	if n == nil || n.name == "" {
		return false
	}
	for _, name := range names {
		if strings.EqualFold(n.name, name) {
			return true
		}
	}
	return false
}

// child is the first child element with one of the names, or nil.
func (n *node) child(names ...string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.is(names...) {
			return k
		}
	}
	return nil
}

// children are the child elements with the name.
func (n *node) children(name string) []*node {
	var out []*node
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.is(name) {
			out = append(out, k)
		}
	}
	return out
}

// path follows child elements by name: n.path("head", "docdata").
func (n *node) path(names ...string) *node {
	for _, name := range names {
		n = n.child(name)
	}
	return n
}

// find is the first element with one of the names at or under n, depth first.
func (n *node) find(names ...string) *node {
	if n == nil {
		return nil
	}
	if n.is(names...) {
		return n
	}
	for _, k := range n.kids {
		if f := k.find(names...); f != nil {
			return f
		}
	}
	return nil
}

// findAll is every element with the name under n, in document order.
func (n *node) findAll(name string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		for _, k := range m.kids {
			if k.is(name) {
				out = append(out, k)
			}
			walk(k)
		}
	}
	if n != nil {
		walk(n)
	}
	return out
}

// value is the element's text with its words joined by single spaces and
// control characters dropped.
func (n *node) value() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	n.writeText(&b)
	return clean(b.String())
}

func (n *node) writeText(b *strings.Builder) {
	if n.name == "" {
		b.WriteString(n.text)
		return
	}
	for _, k := range n.kids {
		k.writeText(b)
		if k.is("br", "p") {
			b.WriteByte(' ')
		}
	}
}

// rawText is the element's text as written, line breaks kept (for <pre>).
func (n *node) rawText() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(m *node) {
		if m.name == "" {
			b.WriteString(m.text)
			return
		}
		if m.is("br") {
			b.WriteByte('\n')
		}
		for _, k := range m.kids {
			walk(k)
		}
	}
	walk(n)
	return stripControls(b.String())
}
