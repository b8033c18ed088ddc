package app

import (
	"strings"

	"fyne.io/fyne/v2"

	"copydesk/editor"
)

// jumpTo takes the editor to what a finding is about: its words in the body
// selected (the cursor where they stood, for a quote no longer there), or
// the field it names focused.
func (e *storyEditor) jumpTo(f editor.Finding) {
	e.g.showPane(paneCentre)
	shift := bodyShift(e.body.Text)
	switch {
	case f.Kind == editor.KindMissingQuote:
		selectRange(e.g.win, e.body, f.Start+shift, f.Start+shift)
	case f.End > f.Start:
		selectRange(e.g.win, e.body, f.Start+shift, f.End+shift)
	default:
		if entry := e.fieldEntry(findingField(f)); entry != nil {
			e.g.win.Canvas().Focus(entry)
		}
	}
}

// findingField names the field a finding without words in the body is about,
// from its kind and message ("no credit line; …", "the byline is …").
func findingField(f editor.Finding) string {
	if f.Kind == editor.KindHeadlineLength {
		return "headline"
	}
	msg := strings.ToLower(f.Message)
	for _, x := range []struct{ prefix, field string }{
		{"no headline", "headline"}, {"no body", "body"}, {"no byline", "byline"},
		{"no credit", "credit"}, {"no section", "section"}, {"no standfirst", "standfirst"},
		{"the headline", "headline"}, {"the standfirst", "standfirst"}, {"the byline", "byline"},
		{"the dateline", "dateline"}, {"the section", "section"}, {"the credit", "credit"},
	} {
		if strings.HasPrefix(msg, x.prefix) {
			return x.field
		}
	}
	return ""
}

func (e *storyEditor) fieldEntry(field string) fyne.Focusable {
	return map[string]fyne.Focusable{
		"headline": e.headline, "standfirst": e.standfirst, "byline": e.byline, "dateline": e.dateline,
		"section": e.section, "tags": e.tags, "body": e.body, "credit": e.credit,
	}[field]
}
