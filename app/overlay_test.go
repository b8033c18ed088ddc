package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// dialogTexts is what the dialogs open on the window say, their titles and
// labels joined by " | ": tests read a dialog the way a person does, not
// through a field the GUI keeps for them.
func dialogTexts(w fyne.Window) string {
	var parts []string
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			switch x := x.(type) {
			case *widget.Label:
				parts = append(parts, x.Text)
			case *widget.RichText:
				parts = append(parts, x.String())
			}
		}
	}
	return strings.Join(parts, " | ")
}

// tapDialogButton taps the button with this label in a dialog open on the
// window, not one of the same name behind it ("Save revision").
func tapDialogButton(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if b, ok := x.(*widget.Button); ok && b.Text == label && b.Visible() {
				test.Tap(b)
				return
			}
		}
	}
	t.Fatalf("no dialog on screen has a button %q; dialogs read %q", label, dialogTexts(w))
}
