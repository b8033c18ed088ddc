package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestTheBodyKeepsItsLinesInASmallWindow: at 800×600 (and smaller) the
// fields above and under the body leave it at least bodyMinHeight, and the
// editor scrolls instead; in a tall window the body takes what is left.
func TestTheBodyKeepsItsLinesInASmallWindow(t *testing.T) {
	store := newFakeStore(2)
	g, w := newTestGUI(t, store)
	for _, tc := range []struct {
		size    fyne.Size
		tallest bool
	}{
		{fyne.NewSize(800, 600), false},
		{fyne.NewSize(700, 480), false},
		{fyne.NewSize(1400, 1200), true},
	} {
		w.Resize(tc.size)
		w.Canvas().Capture()
		h := g.story.body.Size().Height
		if h < bodyMinHeight {
			t.Errorf("at %v the body is %.0f px high, want at least %d", tc.size, h, bodyMinHeight)
		}
		if tc.tallest && h < 400 {
			t.Errorf("at %v the body is only %.0f px high: it should take the height left", tc.size, h)
		}
	}
}
