package export

import (
	"html/template"
	"strings"
	"time"

	"copydesk/editor"
)

type articleView struct {
	layoutView
	Section     *navLink
	Kicker      string
	Headline    string
	Standfirst  string
	Byline      string
	Dateline    string
	Published   timeView
	Updated     *timeView
	Body        template.HTML
	Media       []mediaView
	Credit      string
	Quoted      []quotedView
	Corrections []correctionView
	// Clarified is set when a clarification is among the Corrections.
	Clarified bool
	Tags      []string
	Rules     *rulesView
}

// quotedView is one line of "Quoted in this story": a speaker a person has
// confirmed, with their role, linked to their first quote.
type quotedView struct {
	Anchor  string
	Speaker string
	Role    string
}

// correctionView is a correction or clarification shown under an article;
// Label names a clarification ("Clarification"), "" for a correction.
type correctionView struct {
	At    timeView
	Label string
	Note  string
}

// rulesView is the comment-rules summary under an article.
type rulesView struct {
	Title      string
	Paragraphs []string
	Href       string
}

// renderStory makes a story's article page and its ninjs, rendering the body once.
func (w *worker) renderStory(si *storyInfo) ([][]byte, error) {
	b := w.b
	s := si.s
	src := blankBadRunes(s.Body)
	quotes := placeQuotes(string(src), s.Quotes)
	w.body.Reset()
	if err := renderMarkdown(b.md, &w.body, src, quotes); err != nil {
		return nil, err
	}
	body := w.body.String()
	if si.feed {
		si.html = body
	}

	headline := cleanText(s.Title())
	current := ""
	if si.section != nil {
		current = si.section.href(1)
	}
	l, err := b.layout(headline+" · "+b.site.Name, cleanText(s.Standfirst), b.site.BaseURL+si.href, "../", current)
	if err != nil {
		return nil, err
	}
	v := articleView{
		layoutView: l,
		Kicker:     cleanText(s.Kicker),
		Headline:   headline,
		Standfirst: cleanText(s.Standfirst),
		Byline:     cleanText(s.Byline),
		Dateline:   cleanText(s.Dateline),
		Published:  b.timeView(si.published),
		Body:       template.HTML(body),
		Media:      mediaViews(s.Media),
		Credit:     cleanText(s.Credit),
	}
	if si.section != nil {
		v.Section = &navLink{Name: si.section.name, Href: si.section.href(1)}
	}
	if at, ok := lastPublicChange(s); ok && !at.Before(si.published) {
		t := b.timeView(at)
		v.Updated = &t
	}
	v.Quoted = quotedList(quotes)
	for _, c := range s.Corrections {
		switch c.Kind.Or(editor.ChangeCorrection) {
		case editor.ChangeCorrection:
			v.Corrections = append(v.Corrections, correctionView{At: b.timeView(c.At), Note: cleanText(c.Note)})
		case editor.ChangeClarification:
			v.Corrections = append(v.Corrections, correctionView{At: b.timeView(c.At), Label: c.Kind.Label(), Note: cleanText(c.Note)})
			v.Clarified = true
		}
	}
	for _, t := range s.Tags {
		if t = strings.TrimSpace(cleanText(t)); t != "" {
			v.Tags = append(v.Tags, t)
		}
	}
	if si.rules != nil {
		v.Rules = rulesSummary(si.rules.p, si.rules.href)
	}
	words := si.words()
	ld, err := jsonScript(b.newsArticle(si, headline, words))
	if err != nil {
		return nil, err
	}
	v.JSONLD = ld
	page, err := w.render("article", v)
	if err != nil {
		return nil, err
	}
	nj, err := b.ninjs(&w.aux, si, headline, body, words)
	if err != nil {
		return nil, err
	}
	return [][]byte{page, nj}, nil
}

// lastPublicChange is when the story last changed in a way readers were
// told of (a correction, clarification or update), which its page shows as
// "Updated"; a minor fix is not one, and leaves the time as it was.
func lastPublicChange(s *editor.Story) (time.Time, bool) {
	var last time.Time
	for _, c := range s.Corrections {
		if at := c.At.UTC().Truncate(time.Second); at.After(last) {
			last = at
		}
	}
	return last, !last.IsZero()
}

// rulesSummary splits a rules page's summary into paragraphs, leaving out
// its title and its closing "Read the rules here", which the template writes
// as the link.
func rulesSummary(p *editor.Page, href string) *rulesView {
	title := cleanText(strings.TrimSpace(p.Title))
	v := &rulesView{Title: title, Href: href}
	for _, para := range strings.Split(cleanText(p.Summary), "\n") {
		para = strings.TrimSpace(para)
		if para == "" || strings.EqualFold(para, title) {
			continue
		}
		if strings.EqualFold(strings.TrimRight(para, ".:!→ "), "read the rules here") {
			continue
		}
		v.Paragraphs = append(v.Paragraphs, para)
	}
	return v
}
