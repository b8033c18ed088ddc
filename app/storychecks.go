package app

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// storyScope is what the story's Checks tab says it checks.
const storyScope = "Pre-publication checks (quotes, required fields, house style), run as you type. Click a finding to go to it."

// panelsChanged brings the Quotes and Checks tabs up to date with the fields
// as typed; s is the story they hold.
func (e *storyEditor) panelsChanged(s *editor.Story) {
	e.quotes.follow(e.body.Text)
	if e.checks.scope != nil && e.checks.scope.Text != storyScope {
		e.checks.scope.SetText(storyScope)
	}
	e.checks.set(e.findings(s))
}

// findings are the pre-publication checks of editor.Check on the story as
// typed, with the limits a save would refuse that Check does not cover.
// Offsets are moved into the body entry's text.
func (e *storyEditor) findings(s *editor.Story) []finding {
	shift := bodyShift(e.body.Text)
	var out []finding
	for _, f := range editor.Check(s, e.g.people.all) {
		x := finding{severity: string(f.Severity), message: sentence(f.Message)}
		switch {
		case f.Kind == editor.KindRequiredField:
			x.field = requiredField(f.Message)
		case f.Kind == editor.KindHeadlineLength:
			x.field = "headline"
		case f.End > f.Start || f.Kind == editor.KindStraightQuotes:
			x.span, x.start, x.end = true, f.Start+shift, f.End+shift
			x.field = "body"
			if f.Kind == editor.KindMissingQuote {
				// The words are gone: the cursor goes where they stood.
				x.end = x.start
			}
		}
		out = append(out, x)
	}
	for _, f := range storyFindings(s) {
		if f.field == "tags" || strings.Contains(f.message, "cannot be saved") {
			out = append(out, f)
		}
	}
	// Errors first; then in the order of the form, the body's words in
	// the order they come.
	rank := map[string]int{"error": 0, "warning": 1, "info": 2}
	order := map[string]int{"headline": 0, "standfirst": 1, "byline": 2, "dateline": 3, "section": 4, "tags": 5, "body": 6, "credit": 7}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if rank[a.severity] != rank[b.severity] {
			return rank[a.severity] < rank[b.severity]
		}
		if order[a.field] != order[b.field] {
			return order[a.field] < order[b.field]
		}
		return a.start < b.start
	})
	return out
}

// requiredField names the field a required-field finding is about, from its
// message ("no credit line; …").
func requiredField(msg string) string {
	for _, f := range []struct{ prefix, field string }{
		{"no headline", "headline"}, {"no body", "body"}, {"no byline", "byline"},
		{"no credit", "credit"}, {"no section", "section"}, {"no standfirst", "standfirst"},
	} {
		if strings.HasPrefix(msg, f.prefix) {
			return f.field
		}
	}
	return ""
}

// sentence starts a message with a capital and ends it with a full stop.
func sentence(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// jumpTo takes the editor to what a finding is about: its words in the body
// selected, or the field it names focused.
func (e *storyEditor) jumpTo(f finding) {
	if f.span {
		selectRange(e.g.win, e.body, f.start, f.end)
		return
	}
	if entry := e.fieldEntry(f.field); entry != nil {
		e.g.win.Canvas().Focus(entry)
	}
}

func (e *storyEditor) fieldEntry(field string) *widget.Entry {
	return map[string]*widget.Entry{
		"headline": e.headline, "standfirst": e.standfirst, "byline": e.byline, "dateline": e.dateline,
		"section": e.section, "tags": e.tags, "body": e.body, "credit": e.credit,
	}[field]
}
