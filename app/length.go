package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// The body's word count, against the story's length target when it has one:
// "412 words · 12 over 400", amber once a tenth or more over or under.

// lengthText says how long the body is against the target.
func lengthText(l editor.Length) (string, widget.Importance) {
	words := plural(l.Words, "word", "words")
	if l.Target == 0 {
		return words, widget.MediumImportance
	}
	var diff string
	switch {
	case l.Diff > 0:
		diff = fmt.Sprintf("%d over %d", l.Diff, l.Target)
	case l.Diff < 0:
		diff = fmt.Sprintf("%d under %d", -l.Diff, l.Target)
	default:
		diff = fmt.Sprintf("on target (%d)", l.Target)
	}
	if l.Off {
		return words + " · " + diff, widget.WarningImportance
	}
	return words + " · " + diff, widget.MediumImportance
}

// targetEntry is the length target's field.
func (e *storyEditor) targetEntry() *widget.Entry { return e.widgets["target_words"].(*widget.Entry) }

// lengthBox is the length target's field, narrow (it holds a number of
// words), with what it counts.
func (e *storyEditor) lengthBox() fyne.CanvasObject {
	unit := widget.NewLabel("words of body; the count above the body shows the difference")
	unit.Importance = widget.LowImportance
	unit.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, container.New(&maxWidth{width: 90}, e.targetEntry()), nil, unit)
}

// showLength counts the body's words against the target.
func (e *storyEditor) showLength() {
	text, imp := lengthText(editor.LengthAgainst(e.words.of(e.body.Text), e.targetEntry().Text))
	if e.bodyCount.Text != text || e.bodyCount.Importance != imp {
		e.bodyCount.Text, e.bodyCount.Importance = text, imp
		e.bodyCount.Refresh()
	}
}
