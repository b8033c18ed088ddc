package wire

import (
	"fmt"
	"sort"
	"strings"
)

// parseNITF reads a News Industry Text Format 3.x document.
func parseNITF(name string, in *input) (*Result, error) {
	root, err := parseXML(name, in)
	if err != nil {
		return nil, err
	}
	if !root.is("nitf") {
		return nil, refuse(name, "XML with a <"+root.name+"> root")
	}
	r := &Result{Format: FormatNITF, Boilerplate: []Boilerplate{}, Warnings: []string{}}
	readNITF(name, root, r)
	return r, nil
}

// readNITF fills r from a <nitf> element, standing alone or inside NewsML.
// The head gives the metadata: title, docdata (IDs, urgency, dates,
// du-key slugline, ed-msg, copyright, management status, key-list), tobject
// subjects, pubdata's section and meta keywords. The body's head gives the
// headline (hl1), standfirst (its hl2, else the abstract), byline (name and
// byttl title apart), dateline and rights; body.content the text with its
// structure (hl2 there is a subhead); body.end's tagline the credit.
func readNITF(name string, root *node, r *Result) {
	m := &r.Meta
	head := root.child("head")
	if lang := firstNonEmpty(root.attr("lang"), head.attr("lang"), root.child("body").attr("lang")); lang != "" && m.Language == "" {
		m.Language = lang
	}
	title := head.child("title").value()
	for _, meta := range head.children("meta") {
		content := meta.attr("content")
		switch strings.ToLower(meta.attr("name")) {
		case "section":
			if r.Story.Section == "" {
				r.Story.Section = clean(content)
			}
		case "keywords":
			for _, k := range strings.Split(content, ",") {
				r.Story.Tags = appendTag(r.Story.Tags, k)
			}
		case "anpa-keyword", "slugline", "slug":
			if m.Slugline == "" {
				m.Slugline = clean(content)
			}
		case "language":
			m.Language = firstNonEmpty(m.Language, content)
		}
	}
	if p := head.child("pubdata"); p != nil && r.Story.Section == "" {
		r.Story.Section = clean(p.attr("position.section"))
	}
	for _, t := range head.children("tobject") {
		if g := t.child("tobject.property").attr("tobject.property.type"); g != "" && m.Genre == "" {
			m.Genre = g
		}
		for _, s := range t.children("tobject.subject") {
			code := s.attr("tobject.subject.refnum")
			if code != "" && !strings.Contains(code, ":") {
				code = "subj:" + code
			}
			m.addSubject(code, strings.Join(nonEmpty(s.attr("tobject.subject.type"), s.attr("tobject.subject.matter"), s.attr("tobject.subject.detail")), " / "))
		}
	}
	readDocdata(head.child("docdata"), r)

	body := root.child("body")
	bhead := body.child("body.head")
	hedline := bhead.child("hedline")
	r.Story.Headline = firstNonEmpty(hedline.child("hl1").value(), r.Story.Headline, title)
	r.Story.Standfirst = firstNonEmpty(r.Story.Standfirst, hedline.child("hl2").value(), bhead.child("abstract").value())
	if b := bhead.child("byline"); b != nil {
		r.Story.Byline, m.BylineTitle = splitByline(b)
	}
	r.Story.Dateline = firstNonEmpty(r.Story.Dateline, nitfDateline(bhead.child("dateline")))
	if d := bhead.child("distributor"); d != nil && m.Source == "" {
		m.Source = d.value()
	}
	if rights := bhead.child("rights"); rights != nil && m.Rights == "" {
		m.Rights = firstNonEmpty(rights.child("rights.owner").value(), rights.value())
	}
	for _, n := range bhead.children("note") {
		m.EdNote = joinNote(m.EdNote, n.value())
	}

	w := &bodyWriter{}
	if c := body.child("body.content"); c != nil {
		w.container(c)
	}
	r.Meta.Media = append(r.Meta.Media, w.media...)
	for _, n := range w.notes {
		m.EdNote = joinNote(m.EdNote, n)
	}
	m.Rights = firstNonEmpty(m.Rights, w.rights)
	r.Warnings = append(r.Warnings, w.warnings(name)...)
	if dl := r.Story.Dateline; dl != "" && len(w.blocks) > 0 && !datelinePattern().MatchString(w.blocks[0].text) && strings.HasPrefix(w.blocks[0].text, dl+" ") {
		// The dateline given in the head, repeated at the start of the text.
		w.blocks[0].text = strings.TrimLeft(w.blocks[0].text[len(dl):], " —–-_:,")
	}
	r.Story.Body = w.body(r)
	if tag := body.path("body.end", "tagline").value(); tag != "" && r.Story.Credit == "" {
		r.Story.Credit = tag
	}
}

// readDocdata reads NITF's docdata: the item's ID, urgency, slugline (du-key),
// editor's message, copyright, dates and management status.
func readDocdata(d *node, r *Result) {
	if d == nil {
		return
	}
	m := &r.Meta
	m.FeedID = firstNonEmpty(m.FeedID, d.child("doc-id").attr("id-string"))
	if u := d.child("urgency"); u != nil {
		m.setUrgency(u.attr("ed-urg"))
	}
	if k := d.child("du-key").attr("key"); k != "" {
		m.Slugline = clean(k) // the desk's own key, over an ANPA keyword in meta
	}
	for _, msg := range d.children("ed-msg") {
		m.EdNote = joinNote(m.EdNote, firstNonEmpty(msg.attr("info"), msg.value()))
	}
	if c := d.child("doc.copyright"); c != nil && m.Rights == "" {
		m.Rights = strings.Join(nonEmpty("©", c.attr("year"), c.attr("holder")), " ")
		if c.attr("year") == "" && c.attr("holder") == "" {
			m.Rights = ""
		}
	}
	if c := d.child("doc.rights"); c != nil && m.Rights == "" {
		m.Rights = firstNonEmpty(c.attr("owner"), c.attr("agent"))
	}
	for _, k := range d.path("key-list").children("keyword") {
		r.Story.Tags = appendTag(r.Story.Tags, k.attr("key"))
	}
	for _, s := range d.children("identified-content") {
		for _, c := range s.children("classifier") {
			m.addSubject(c.attr("value"), c.value())
		}
	}
	if src := d.path("del-list", "from-src"); src != nil && m.Source == "" {
		m.Source = clean(src.attr("src-name"))
	}
	issue := feedTime(d.child("date.issue").attr("norm"))
	release := feedTime(d.child("date.release").attr("norm"))
	if t := feedTime(d.child("date.expire").attr("norm")); !t.IsZero() {
		m.Expires = timePtr(t)
	}
	status := pubStatus(d.attr("management-status"))
	if status == "" {
		status = pubStatus(d.child("doc-scope").attr("scope"))
	}
	m.PubStatus = status
	if !release.IsZero() && (status == PubEmbargoed || !issue.IsZero() && release.After(issue)) {
		m.Embargo = timePtr(release)
		if m.PubStatus == "" {
			m.PubStatus = PubEmbargoed
		}
	}
	if !issue.IsZero() && r.Story.CreatedAt == nil {
		r.Story.CreatedAt = timePtr(issue)
	}
}

// splitByline takes NITF's byline apart: the name (without "By", in the
// case people write it) and the writer's title given in byttl.
func splitByline(b *node) (name, title string) {
	var parts []string
	for _, k := range b.kids {
		if k.is("byttl") {
			title = k.value()
			continue
		}
		if k.name == "" {
			parts = append(parts, k.text)
		} else {
			parts = append(parts, " "+k.value()+" ")
		}
	}
	name = clean(strings.Join(parts, ""))
	name = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(name, "By "), "by "))
	name = strings.TrimSuffix(strings.TrimSpace(name), ",")
	return nameCase(name), title
}

// nitfDateline joins a dateline's location and date: "NEW YORK, Dec. 3".
func nitfDateline(d *node) string {
	if d == nil {
		return ""
	}
	loc := d.child("location").value()
	date := d.child("story.date").value()
	if loc == "" && date == "" {
		return d.value()
	}
	return strings.Join(nonEmpty(loc, date), ", ")
}

// warnings says what the body lost: active elements are dropped.
func (w *bodyWriter) warnings(name string) []string {
	var what []string
	for k := range w.dropped {
		what = append(what, k)
	}
	sort.Strings(what)
	if len(what) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%s: %s in the body was dropped: copydesk keeps no active content", name, strings.Join(what, ", "))}
}

func appendTag(tags []string, t string) []string {
	if t = clean(t); t != "" {
		for _, have := range tags {
			if strings.EqualFold(have, t) {
				return tags
			}
		}
		tags = append(tags, t)
	}
	return tags
}

func joinNote(a, b string) string {
	if b == "" || strings.Contains(a, b) {
		return a
	}
	return strings.Join(nonEmpty(a, b), "\n")
}

func joinParas(paras []para) string {
	var body []string
	for _, p := range paras {
		body = append(body, p.text)
	}
	return strings.Join(body, "\n\n")
}

// nameCase writes a name given in capitals as people write it:
// "BERNARD CONDON" → "Bernard Condon", "JOHN McDONALD" → "John McDonald".
// A name in mixed case is left as it is.
func nameCase(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		if small := strings.ToLower(w); small == "and" || small == "of" {
			words[i] = small
			continue
		}
		var b strings.Builder
		upper := true
		for _, r := range strings.ToLower(w) {
			if upper {
				b.WriteString(strings.ToUpper(string(r)))
			} else {
				b.WriteRune(r)
			}
			upper = r == '-' || r == '\'' || r == '’' || r == '.'
		}
		out := b.String()
		if strings.HasPrefix(out, "Mc") && len(out) > 2 {
			out = "Mc" + strings.ToUpper(out[2:3]) + out[3:]
		}
		words[i] = out
	}
	return strings.Join(words, " ")
}
