package wire

import (
	"html"
	"net/url"
	"strconv"
	"strings"

	"copydesk/editor"
	"copydesk/editor/bodyhtml"
)

// bodyWriter turns the body of a feed item (NITF's body.content, an XHTML or
// HTML body) into Markdown blocks that keep its structure: paragraphs,
// subheads, lists, block quotes, agate in <pre>, and tables and figures as
// HTML that bodyhtml.Policy allows. Pictures it meets are kept in media;
// editors' notes in notes; what it drops is said in warnings.
type bodyWriter struct {
	blocks  []para
	laidOut []string // text already laid out by the reader of an inner document (NITF in NewsML)
	media   []Media
	notes   []string
	dropped map[string]bool
	// rights is the copyright line NITF marks up inside the text (copyrite).
	rights string
	// plain holds the paragraphs of running text, whose first characters
	// are escaped (paragraphText) once layout has looked at them as written.
	plain map[string]bool
}

// blockNames are the elements that stand as blocks of their own; the others
// are read as text inside a paragraph.
var blockNames = map[string]bool{
	"p": true, "hl1": true, "hl2": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "dl": true, "table": true, "nitf-table": true, "pre": true, "blockquote": true, "bq": true,
	"media": true, "figure": true, "hr": true, "note": true, "block": true, "div": true, "section": true,
	"article": true, "body": true, "body.content": true, "main": true, "header": true, "footer": true, "aside": true,
	"html": true, "fn": true, "tagline": true, "dateline": true, "byline": true, "abstract": true, "head": true, "title": true,
}

// activeNames are dropped with everything inside them.
var activeNames = map[string]bool{
	"script": true, "style": true, "iframe": true, "object": true, "embed": true, "applet": true, "form": true,
	"input": true, "button": true, "select": true, "textarea": true, "noscript": true, "template": true,
	"svg": true, "math": true, "audio": true, "video": true, "canvas": true, "frame": true, "frameset": true,
	"link": true, "meta": true, "base": true,
}

// body is the text written: what inner documents laid out, then the blocks
// with their dateline, credit and boilerplate taken out into r. A dateline
// the feed gave apart is kept over one found in the text.
func (w *bodyWriter) body(r *Result) string {
	parts := append([]string{}, w.laidOut...)
	if len(w.blocks) > 0 {
		dateline := r.Story.Dateline
		paras := layout(r, w.blocks)
		for i, p := range paras {
			if w.plain[p.text] {
				paras[i].text = paragraphText(p.text)
			}
		}
		parts = append(parts, joinParas(paras))
		r.Story.Dateline = firstNonEmpty(dateline, r.Story.Dateline)
	}
	return strings.Join(nonEmpty(parts...), "\n\n")
}

// addPlain adds a paragraph of running text.
func (w *bodyWriter) addPlain(text string, line int) {
	text = strings.TrimSpace(text)
	if w.plain == nil {
		w.plain = map[string]bool{}
	}
	w.plain[text] = true
	w.add(text, line)
}

func (w *bodyWriter) add(text string, line int) {
	if text = strings.TrimSpace(text); text != "" {
		w.blocks = append(w.blocks, para{text, line})
	}
}

func (w *bodyWriter) drop(what string) {
	if w.dropped == nil {
		w.dropped = map[string]bool{}
	}
	w.dropped[what] = true
}

// container writes the children of n: runs of text and inline elements as
// paragraphs, block elements as blocks.
func (w *bodyWriter) container(n *node) {
	var run []*node
	flush := func() {
		if len(run) > 0 {
			w.addPlain(inlines(w, run), run[0].line)
			run = nil
		}
	}
	for _, k := range n.kids {
		name := strings.ToLower(k.name)
		if k.name == "" || !blockNames[name] && !activeNames[name] {
			run = append(run, k)
			continue
		}
		flush()
		w.block(k)
	}
	flush()
}

func (w *bodyWriter) block(n *node) {
	name := strings.ToLower(n.name)
	switch {
	case activeNames[name]:
		w.drop("<" + name + ">")
	case name == "p":
		w.addPlain(inlines(w, n.kids), n.line)
	case name == "hl1" || name == "hl2" || name == "h1" || name == "h2":
		w.add("## "+inlines(w, n.kids), n.line)
	case len(name) == 2 && name[0] == 'h' && name[1] >= '3' && name[1] <= '6':
		w.add(strings.Repeat("#", int(name[1]-'0'))+" "+inlines(w, n.kids), n.line)
	case name == "ul" || name == "ol":
		w.add(w.list(n, 0), n.line)
	case name == "dl":
		for _, k := range n.kids {
			switch {
			case k.is("dt"):
				w.add("**"+inlines(w, k.kids)+"**", k.line)
			case k.is("dd"):
				w.container(k)
			}
		}
	case name == "table":
		w.add(htmlBlock(n), n.line)
	case name == "nitf-table":
		if t := n.find("table"); t != nil {
			w.add(htmlBlock(t), n.line)
		}
	case name == "pre":
		w.add(fence(n.rawText()), n.line)
	case name == "blockquote" || name == "bq":
		inner := &bodyWriter{}
		inner.container(n)
		w.media, w.notes = append(w.media, inner.media...), append(w.notes, inner.notes...)
		var parts []string
		for _, b := range inner.blocks {
			parts = append(parts, b.text)
		}
		if q := strings.Join(parts, "\n\n"); q != "" {
			w.add(prefixLines(q, "> "), n.line)
		}
	case name == "media":
		w.nitfMedia(n)
	case name == "figure":
		w.figure(n)
	case name == "hr":
		w.add("* * *", n.line)
	case name == "note":
		if v := n.value(); v != "" {
			w.notes = append(w.notes, v)
		}
	case name == "tagline" || name == "dateline" || name == "byline" || name == "abstract" || name == "head" || name == "title":
		// Read by the format's own reader, not part of the text.
	default:
		w.container(n)
	}
}

// list writes a list as Markdown, nested lists indented under their item.
func (w *bodyWriter) list(n *node, depth int) string {
	var lines []string
	indent := strings.Repeat("   ", depth)
	i := 0
	for _, li := range n.kids {
		if !li.is("li") {
			continue
		}
		i++
		marker := "- "
		if n.is("ol") {
			marker = strconv.Itoa(i) + ". "
		}
		var inline []*node
		var nested []string
		for _, k := range li.kids {
			if k.is("ul", "ol") {
				nested = append(nested, w.list(k, depth+1))
				continue
			}
			if k.is("p") {
				inline = append(inline, k.kids...)
				inline = append(inline, &node{text: " "})
				continue
			}
			inline = append(inline, k)
		}
		lines = append(lines, indent+marker+inlines(w, inline))
		lines = append(lines, nested...)
	}
	return strings.Join(lines, "\n")
}

// nitfMedia reads NITF's <media>: its reference, caption and producer. A
// picture with a web address is shown in the body as a figure.
func (w *bodyWriter) nitfMedia(n *node) {
	ref := n.child("media-reference")
	m := Media{
		Href:    firstNonEmpty(ref.attr("source"), ref.attr("data")),
		Caption: n.child("media-caption").value(),
		Credit:  firstNonEmpty(n.child("media-producer").value(), ref.attr("copyright")),
		Alt:     firstNonEmpty(ref.attr("alternate-text"), ref.attr("name")),
	}
	w.addMedia(m, n.line, n.attr("media-type") != "" && !strings.EqualFold(n.attr("media-type"), "image"))
}

// figure reads an HTML <figure> with its <img> and <figcaption>.
func (w *bodyWriter) figure(n *node) {
	img := n.find("img")
	if img == nil {
		w.container(n)
		return
	}
	w.addMedia(Media{Href: img.attr("src"), Alt: img.attr("alt"), Caption: n.find("figcaption").value()}, n.line, false)
}

func (w *bodyWriter) addMedia(m Media, line int, notPicture bool) {
	if m.Href == "" {
		return
	}
	w.media = append(w.media, m)
	if notPicture || !isWebURL(m.Href) {
		return
	}
	var b strings.Builder
	b.WriteString(`<figure><img src="` + html.EscapeString(m.Href) + `" alt="` + html.EscapeString(m.Alt) + `">`)
	if caption := strings.TrimSpace(strings.Join(nonEmpty(m.Caption, m.Credit), " ")); caption != "" {
		b.WriteString("<figcaption>" + html.EscapeString(caption) + "</figcaption>")
	}
	b.WriteString("</figure>")
	w.add(bodyhtml.Sanitize(b.String()), line)
}

// inlines writes a run of text and inline elements as Markdown text.
func inlines(w *bodyWriter, ns []*node) string {
	var b strings.Builder
	for _, n := range ns {
		writeInline(w, &b, n)
	}
	return strings.TrimSpace(collapseSpaces(b.String()))
}

func writeInline(w *bodyWriter, b *strings.Builder, n *node) {
	if n.name == "" {
		b.WriteString(escapeMarkdown(stripControls(n.text)))
		return
	}
	name := strings.ToLower(n.name)
	inner := func() string {
		var ib strings.Builder
		for _, k := range n.kids {
			writeInline(w, &ib, k)
		}
		return collapseSpaces(ib.String())
	}
	wrap := func(mark string) {
		s := inner()
		t := strings.TrimSpace(s)
		if t == "" {
			b.WriteString(s)
			return
		}
		// Emphasis marks must touch the words they wrap.
		lead, trail := s[:strings.Index(s, t)], s[strings.Index(s, t)+len(t):]
		b.WriteString(lead + mark + t + mark + trail)
	}
	switch {
	case activeNames[name]:
		w.drop("<" + name + ">")
	case name == "copyrite":
		// NITF's copyright notice in the text: the story's rights, not its words.
		w.rights = firstNonEmpty(w.rights, n.value())
	case name == "em" || name == "i" || name == "cite" || name == "dfn":
		wrap("*")
	case name == "strong" || name == "b":
		wrap("**")
	case name == "sub" || name == "sup":
		b.WriteString("<" + name + ">" + inner() + "</" + name + ">")
	case name == "code" || name == "tt" || name == "kbd":
		b.WriteString("`" + strings.ReplaceAll(n.value(), "`", "'") + "`")
	case name == "br":
		b.WriteString("\\\n")
	case name == "q":
		// copydesk's own export, and many sites, write the marks in the
		// text around <q>; where they are missing, they are added.
		s := inner()
		if before := strings.TrimRight(b.String(), " "); hasOpeningMark(before) || openingMark(strings.TrimSpace(s)) {
			b.WriteString(s)
		} else {
			b.WriteString("“" + strings.TrimSpace(s) + "”")
		}
	case name == "a":
		href := n.attr("href")
		text := strings.TrimSpace(inner())
		if isWebURL(href) || strings.HasPrefix(href, "mailto:") {
			if text == "" {
				text = escapeMarkdown(href)
			}
			b.WriteString("[" + text + "](" + markdownURL(href) + ")")
		} else {
			b.WriteString(text)
		}
	case name == "img":
		if src := n.attr("src"); isWebURL(src) {
			w.media = append(w.media, Media{Href: src, Alt: n.attr("alt")})
			b.WriteString("![" + escapeMarkdown(n.attr("alt")) + "](" + markdownURL(src) + ")")
		}
	default:
		// NITF's inline markup (person, org, location, money, chron…) and
		// HTML's span, abbr and the like: their text.
		b.WriteString(inner())
	}
}

func hasOpeningMark(before string) bool {
	for _, m := range []string{"“", "‘", "\"", "'", "«", "„"} {
		if strings.HasSuffix(before, m) {
			return true
		}
	}
	return false
}

func openingMark(s string) bool {
	for _, m := range []string{"“", "‘", "\"", "«", "„"} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

var spaces = lazyRegexp(`[ \t\r\n]+`)

// collapseSpaces joins runs of white space into one space, keeping the hard
// line breaks written as "\\\n".
func collapseSpaces(s string) string {
	parts := strings.Split(s, "\\\n")
	for i, p := range parts {
		parts[i] = spaces().ReplaceAllString(p, " ")
	}
	return strings.Join(parts, "\\\n")
}

// paragraphText keeps a paragraph's first characters from reading as
// Markdown syntax (a heading, a list, a quote block).
func paragraphText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '=', '|':
		return "\\" + s
	case '-', '+':
		if len(s) == 1 || s[1] == ' ' || s[1] == s[0] {
			return "\\" + s
		}
	}
	if m := orderedStart().FindStringIndex(s); m != nil {
		return s[:m[1]-2] + "\\" + s[m[1]-2:]
	}
	return s
}

var orderedStart = lazyRegexp(`^\d{1,9}[.)] `)

// escapeMarkdown keeps text from a feed text: characters that Markdown reads
// as emphasis or code are escaped, and so is a "<" that would open an HTML
// element. A "<" before anything else ("<AXP>", a stock ticker) is text
// already and is left as written.
func escapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "\\*_`<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '`':
			b.WriteByte('\\')
		case '_':
			if (i == 0 || !isWordByte(s[i-1])) || (i+1 == len(s) || !isWordByte(s[i+1])) {
				b.WriteByte('\\')
			}
		case '<':
			if editor.HTMLTagEnd(s, i) > i {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// fence writes agate or other preformatted text as a fenced code block.
func fence(s string) string {
	s = strings.Trim(s, "\n")
	if strings.TrimSpace(s) == "" {
		return ""
	}
	mark := "```"
	for strings.Contains(s, mark) {
		mark += "`"
	}
	return mark + "\n" + s + "\n" + mark
}

func prefixLines(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = strings.TrimRight(prefix, " ")
			continue
		}
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n")
}

// htmlBlock writes an element (a table) as HTML, kept to what
// bodyhtml.Policy allows, on lines with no blank one between them, as a
// Markdown HTML block must be.
func htmlBlock(n *node) string {
	var b strings.Builder
	writeHTML(&b, n)
	out := bodyhtml.Sanitize(b.String())
	out = strings.ReplaceAll(out, "</tr>", "</tr>\n")
	return strings.TrimSpace(out)
}

// tableParts hold rows and cells only: the white space between them is layout.
var tableParts = map[string]bool{"table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "colgroup": true}

func writeHTML(b *strings.Builder, n *node) {
	if n.name == "" {
		b.WriteString(html.EscapeString(collapseSpaces(stripControls(n.text))))
		return
	}
	name := strings.ToLower(n.name)
	if activeNames[name] {
		return
	}
	b.WriteString("<" + name)
	for _, a := range n.attrs {
		b.WriteString(" " + strings.ToLower(a.Name.Local) + `="` + html.EscapeString(a.Value) + `"`)
	}
	b.WriteString(">")
	for _, k := range n.kids {
		if k.name == "" && tableParts[name] && strings.TrimSpace(k.text) == "" {
			continue
		}
		writeHTML(b, k)
	}
	b.WriteString("</" + name + ">")
}

func isWebURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// markdownURL writes an address so that it cannot end a Markdown link early.
func markdownURL(s string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(strings.TrimSpace(s))
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func nonEmpty(vals ...string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
