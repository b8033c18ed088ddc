package wire

import (
	"fmt"
	"strings"
)

// parseNewsMLG2 reads an IPTC NewsML-G2 newsItem, alone or the first in a
// newsMessage: its guid, rights, itemMeta (pubStatus, embargoed, edNote,
// signals) and contentMeta (urgency, slugline, headlines, by, dateline,
// located, descriptions, subjects with their qcodes, genre, language,
// infoSource, keywords), and its contentSet: inline NITF or XHTML, inline
// text or HTML, and remote content kept as media.
func parseNewsMLG2(name string, in *input) (*Result, error) {
	root, err := parseXML(name, in)
	if err != nil {
		return nil, err
	}
	item := root
	if !root.is("newsItem") {
		item = root.find("newsItem")
	}
	if item == nil {
		if root.find("packageItem") != nil {
			return nil, refuse(name, "a NewsML-G2 package, which lists items but holds no story text")
		}
		return nil, refuse(name, "a NewsML-G2 message with no newsItem")
	}
	r := &Result{Format: FormatNewsMLG2, Boilerplate: []Boilerplate{}, Warnings: []string{}}
	if n := len(root.findAll("newsItem")); n > 1 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: holds %d news items; the first was read", name, n))
	}
	m := &r.Meta
	m.FeedID = item.attr("guid")
	m.Language = item.attr("lang")
	if ri := item.child("rightsInfo"); ri != nil {
		m.Rights = firstNonEmpty(ri.child("copyrightNotice").value(), strings.Join(nonEmpty("©", ri.path("copyrightHolder", "name").value()), " "))
		if m.Rights == "©" {
			m.Rights = ""
		}
	}
	im := item.child("itemMeta")
	m.PubStatus = pubStatus(im.child("pubStatus").attr("qcode"))
	for _, sig := range im.children("signal") {
		if q := strings.ToLower(sig.attr("qcode")); q == "sig:cancel" || q == "sig:kill" {
			m.PubStatus = PubCanceled
		}
	}
	if t := feedTime(im.child("embargoed").value()); !t.IsZero() {
		m.Embargo = timePtr(t)
	}
	if t := feedTime(im.child("expires").value()); !t.IsZero() {
		m.Expires = timePtr(t)
	}
	for _, n := range im.children("edNote") {
		m.EdNote = joinNote(m.EdNote, n.value())
	}
	m.Source = firstNonEmpty(im.path("provider", "name").value(), im.child("provider").attr("literal"))
	r.Story.CreatedAt = timePtr(feedTime(firstNonEmpty(im.child("firstCreated").value(), im.child("versionCreated").value())))

	cm := item.child("contentMeta")
	readG2ContentMeta(cm, r)
	if t := feedTime(cm.child("contentCreated").value()); !t.IsZero() && r.Story.CreatedAt == nil {
		r.Story.CreatedAt = timePtr(t)
	}

	w := &bodyWriter{}
	for _, c := range item.child("contentSet").elems() {
		ct := strings.ToLower(c.attr("contenttype"))
		haveText := len(w.blocks) > 0 || len(w.laidOut) > 0 // the first text rendition is the story; others repeat it
		switch {
		case c.is("inlineXML") && !haveText:
			readInlineContent(name, c, ct, r, w)
		case c.is("inlineData") && !haveText:
			if strings.HasPrefix(ct, "text/") || ct == "" {
				readInlineContent(name, c, ct, r, w)
			}
		case c.is("remoteContent"):
			if href := firstNonEmpty(c.attr("href"), c.attr("residref")); href != "" {
				m.Media = append(m.Media, Media{Href: href})
			}
		}
	}
	m.Media = append(m.Media, w.media...)
	for _, n := range w.notes {
		m.EdNote = joinNote(m.EdNote, n)
	}
	r.Warnings = append(r.Warnings, w.warnings(name)...)
	r.Story.Body = w.body(r)
	return r, nil
}

func readG2ContentMeta(cm *node, r *Result) {
	if cm == nil {
		return
	}
	s, m := &r.Story, &r.Meta
	m.setUrgency(cm.child("urgency").value())
	m.Slugline = cm.child("slugline").value()
	for _, h := range cm.children("headline") {
		role := strings.ToLower(h.attr("role"))
		switch {
		case role == "" || strings.HasSuffix(role, ":main") || strings.HasSuffix(role, ":short"):
			s.Headline = firstNonEmpty(s.Headline, h.value())
		case strings.HasSuffix(role, ":sub") || strings.HasSuffix(role, ":subhead"):
			s.Standfirst = firstNonEmpty(s.Standfirst, h.value())
		}
	}
	for _, d := range cm.children("description") {
		role := strings.ToLower(d.attr("role"))
		if role == "" || strings.HasSuffix(role, ":summary") || strings.HasSuffix(role, ":abstract") {
			s.Standfirst = firstNonEmpty(s.Standfirst, d.value())
		}
	}
	by := strings.TrimSpace(cm.child("by").value())
	by = strings.TrimPrefix(strings.TrimPrefix(by, "By "), "by ")
	if by == "" {
		var names []string
		for _, c := range cm.children("creator") {
			names = append(names, c.path("name").value())
		}
		by = strings.Join(nonEmpty(names...), " and ")
	}
	s.Byline = nameCase(by)
	s.Dateline = firstNonEmpty(cm.child("dateline").value(), cm.path("located", "name").value())
	m.Language = firstNonEmpty(cm.child("language").attr("tag"), m.Language)
	if g := cm.child("genre"); g != nil {
		m.Genre = firstNonEmpty(g.child("name").value(), g.attr("qcode"))
	}
	for _, sub := range cm.children("subject") {
		m.addSubject(firstNonEmpty(sub.attr("qcode"), sub.attr("uri")), sub.child("name").value())
	}
	for _, k := range cm.children("keyword") {
		s.Tags = appendTag(s.Tags, k.value())
	}
	if src := cm.child("infoSource"); src != nil {
		m.Source = firstNonEmpty(src.child("name").value(), src.attr("literal"), m.Source)
	}
	if cl := cm.child("creditline"); cl != nil {
		s.Credit = cl.value()
	}
}
