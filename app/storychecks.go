package app

import (
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
		if w := e.fieldEntry(f.Field); w != nil {
			e.g.win.Canvas().Focus(w)
		}
	}
}

// fieldEntry is the widget that edits the field a finding names, nil for a
// field the editor does not show.
func (e *storyEditor) fieldEntry(field string) fyne.Focusable {
	return e.widgets[field]
}
