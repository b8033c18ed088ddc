package app

import (
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// jumpTo takes the editor to what a finding is about: its words in the body
// selected (the cursor where they stood, for a quote no longer there), or
// the field it names focused.
func (e *storyEditor) jumpTo(f editor.Finding) {
	shift := bodyShift(e.body.Text)
	switch {
	case f.Kind == editor.KindMissingQuote:
		selectRange(e.g.win, e.body, f.Start+shift, f.Start+shift)
	case f.End > f.Start:
		selectRange(e.g.win, e.body, f.Start+shift, f.End+shift)
	default:
		if entry := e.fieldEntry(f.Field); entry != nil {
			e.g.win.Canvas().Focus(entry)
		}
	}
}

func (e *storyEditor) fieldEntry(field string) *widget.Entry {
	return e.entries[field]
}
