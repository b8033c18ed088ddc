package wire

import (
	"fmt"
	"strings"
)

// parseNewsML reads an IPTC NewsML 1.2 document: its first NewsItem, with
// the envelope's and the item's management data (ID, urgency, status,
// embargo through StatusWillChange), the NewsLines (headline, subheadline,
// byline, dateline, credit, copyright, slugline, keywords), the descriptive
// metadata (language, genre, subject codes) and the text of its content
// items: NITF, XHTML or plain text. Pictures named by Href are kept as media.
func parseNewsML(name string, in *input) (*Result, error) {
	root, err := parseXML(name, in)
	if err != nil {
		return nil, err
	}
	item := root.find("NewsItem")
	if item == nil {
		return nil, refuse(name, "NewsML with no NewsItem")
	}
	r := &Result{Format: FormatNewsML, Boilerplate: []Boilerplate{}, Warnings: []string{}}
	if n := len(root.findAll("NewsItem")); n > 1 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: holds %d news items; the first was read", name, n))
	}
	m := &r.Meta
	ident := item.child("Identification")
	id := ident.child("NewsIdentifier")
	m.FeedID = firstNonEmpty(id.child("PublicIdentifier").value(),
		strings.Trim(strings.Join(nonEmpty(id.child("ProviderId").value(), id.child("DateId").value(), id.child("NewsItemId").value()), ":"), ":"))
	m.Slugline = ident.child("NameLabel").value()
	m.setUrgency(root.path("NewsEnvelope", "Priority").attr("FormalName"))
	mgmt := item.child("NewsManagement")
	m.setUrgency(mgmt.child("Urgency").attr("FormalName"))
	m.PubStatus = pubStatus(mgmt.child("Status").attr("FormalName"))
	for _, ins := range mgmt.children("Instruction") {
		if s := pubStatus(ins.attr("FormalName")); s == PubCanceled {
			m.PubStatus = s
		}
	}
	if will := mgmt.child("StatusWillChange"); will != nil && strings.EqualFold(will.child("FutureStatus").attr("FormalName"), "usable") {
		if t := feedTime(will.child("DateAndTime").value()); !t.IsZero() {
			m.Embargo = timePtr(t)
			if m.PubStatus == "" || m.PubStatus == PubWithheld {
				m.PubStatus = PubEmbargoed
			}
		}
	}
	r.Story.CreatedAt = timePtr(feedTime(mgmt.child("FirstCreated").value()))

	w := &bodyWriter{}
	readNewsComponent(name, item.child("NewsComponent"), r, w)
	r.Meta.Media = append(r.Meta.Media, w.media...)
	for _, n := range w.notes {
		m.EdNote = joinNote(m.EdNote, n)
	}
	r.Warnings = append(r.Warnings, w.warnings(name)...)
	r.Story.Body = w.body(r)
	return r, nil
}

// readNewsComponent reads a NewsComponent and those nested in it, the
// outermost's NewsLines first.
func readNewsComponent(name string, c *node, r *Result, w *bodyWriter) {
	if c == nil {
		return
	}
	m := &r.Meta
	if lines := c.child("NewsLines"); lines != nil {
		s := &r.Story
		s.Headline = firstNonEmpty(s.Headline, lines.child("HeadLine").value())
		s.Standfirst = firstNonEmpty(s.Standfirst, lines.child("SubHeadLine").value())
		if s.Byline == "" {
			s.Byline = nameCase(strings.TrimPrefix(strings.TrimPrefix(lines.child("ByLine").value(), "By "), "by "))
		}
		m.BylineTitle = firstNonEmpty(m.BylineTitle, lines.child("ByLineTitle").value())
		s.Dateline = firstNonEmpty(s.Dateline, lines.child("DateLine").value())
		s.Credit = firstNonEmpty(s.Credit, lines.child("CreditLine").value())
		m.Rights = firstNonEmpty(m.Rights, lines.child("CopyrightLine").value(), lines.child("RightsLine").value())
		m.Slugline = firstNonEmpty(lines.child("SlugLine").value(), m.Slugline)
		for _, k := range lines.children("KeywordLine") {
			s.Tags = appendTag(s.Tags, k.value())
		}
	}
	if admin := c.child("AdministrativeMetadata"); admin != nil {
		m.Source = firstNonEmpty(m.Source, admin.path("Source", "Party").attr("FormalName"), admin.path("Provider", "Party").attr("FormalName"))
	}
	if rights := c.child("RightsMetadata"); rights != nil && m.Rights == "" {
		cr := rights.child("Copyright")
		m.Rights = strings.Join(nonEmpty(cr.child("CopyrightHolder").value(), cr.child("CopyrightDate").value()), " ")
	}
	if desc := c.child("DescriptiveMetadata"); desc != nil {
		m.Language = firstNonEmpty(m.Language, desc.child("Language").attr("FormalName"))
		m.Genre = firstNonEmpty(m.Genre, desc.child("Genre").attr("FormalName"))
		for _, sc := range desc.children("SubjectCode") {
			for _, s := range sc.kids {
				if code := s.attr("FormalName"); s.is("Subject", "SubjectMatter", "SubjectDetail") && code != "" {
					m.addSubject("subj:"+code, "")
				}
			}
		}
	}
	for _, item := range c.children("ContentItem") {
		readContentItem(name, item, r, w)
	}
	for _, k := range c.children("NewsComponent") {
		readNewsComponent(name, k, r, w)
	}
}

// readContentItem reads a content item's text (NITF, XHTML, plain or
// escaped HTML) into the body, or keeps a picture's reference.
func readContentItem(name string, item *node, r *Result, w *bodyWriter) {
	media := strings.ToLower(item.child("MediaType").attr("FormalName"))
	if href := item.attr("Href"); href != "" {
		if media != "text" {
			r.Meta.Media = append(r.Meta.Media, Media{Href: href})
		}
		return
	}
	data := item.child("DataContent")
	if data == nil || media != "" && media != "text" {
		return
	}
	readInlineContent(name, data, strings.ToLower(item.child("Format").attr("FormalName")), r, w)
}

// readInlineContent reads a feed's embedded text: a <nitf> document, an
// (X)HTML body, escaped HTML, or plain text.
func readInlineContent(name string, data *node, format string, r *Result, w *bodyWriter) {
	if n := data.find("nitf"); n != nil {
		inner := &Result{Boilerplate: []Boilerplate{}}
		inner.Story.Dateline = r.Story.Dateline
		readNITF(name, n, inner)
		mergeInner(r, inner)
		w.laidOut = append(w.laidOut, inner.Story.Body)
		return
	}
	if body := data.find("body"); body != nil {
		w.container(body)
		return
	}
	for _, k := range data.kids {
		if k.name != "" {
			w.container(data)
			return
		}
	}
	text := data.rawText()
	if strings.Contains(format, "html") || strings.Contains(text, "<p") {
		w.container(parseHTML(text))
		return
	}
	for _, p := range textParagraphs(text) {
		w.addPlain(escapeMarkdown(p.text), p.line)
	}
}

// mergeInner fills what the outer item left empty from the NITF inside it.
func mergeInner(r, inner *Result) {
	s, in := &r.Story, inner.Story
	s.Headline = firstNonEmpty(s.Headline, in.Headline)
	s.Standfirst = firstNonEmpty(s.Standfirst, in.Standfirst)
	s.Byline = firstNonEmpty(s.Byline, in.Byline)
	s.Dateline = firstNonEmpty(s.Dateline, in.Dateline)
	s.Credit = firstNonEmpty(s.Credit, in.Credit)
	s.Section = firstNonEmpty(s.Section, in.Section)
	for _, t := range in.Tags {
		s.Tags = appendTag(s.Tags, t)
	}
	if s.CreatedAt == nil {
		s.CreatedAt = in.CreatedAt
	}
	m, im := &r.Meta, inner.Meta
	if m.Urgency == 0 {
		m.Urgency = im.Urgency
	}
	m.Slugline = firstNonEmpty(m.Slugline, im.Slugline)
	if m.Embargo == nil {
		m.Embargo = im.Embargo
	}
	if m.Expires == nil {
		m.Expires = im.Expires
	}
	for _, sub := range im.Subjects {
		m.addSubject(sub.Code, sub.Name)
	}
	m.Genre = firstNonEmpty(m.Genre, im.Genre)
	m.EdNote = joinNote(m.EdNote, im.EdNote)
	m.Language = firstNonEmpty(m.Language, im.Language)
	m.Rights = firstNonEmpty(m.Rights, im.Rights)
	m.Source = firstNonEmpty(m.Source, im.Source)
	m.Media = append(m.Media, im.Media...)
	m.FeedID = firstNonEmpty(m.FeedID, im.FeedID)
	m.PubStatus = firstNonEmpty(m.PubStatus, im.PubStatus)
	m.BylineTitle = firstNonEmpty(m.BylineTitle, im.BylineTitle)
	r.Boilerplate = append(r.Boilerplate, inner.Boilerplate...)
	r.Warnings = append(r.Warnings, inner.Warnings...)
}
