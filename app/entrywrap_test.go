package app

import (
	"bytes"
	"image"
	"image/draw"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestTypedTextWrapsAsTextSetWhole: the patched Fyne keeps the rows each
// paragraph wrapped to between layouts and wraps again only the paragraphs
// whose text or width changed (third_party/fyne, richtext.patch). A body
// edited a key at a time, at two widths, draws exactly as a body given the
// final text at once, and holds the text the keys typed (the patch inserts
// and cuts at byte offsets).
func TestTypedTextWrapsAsTextSetWhole(t *testing.T) {
	test.NewTempApp(t)
	size := fyne.NewSize(520, 1500)
	typed := widget.NewMultiLineEntry()
	typed.Wrapping = fyne.TextWrapWord
	typed.SetText(benchStory(300).Body)
	w := test.NewWindow(typed)
	defer w.Close()
	w.Resize(size)
	w.Canvas().Capture()
	w.Canvas().Focus(typed)

	edits := []struct {
		row, col int
		keys     string // \b is Backspace, \n is Return
	}{
		{0, 5, "and the mayor, who spoke at length, "},
		{3, 0, "Antidisestablishmentarianismwithoutanyspaceswhatsoeverthatrunspasttheedge "},
		{6, 12, "\b\b\b\b\b\b\b\b"},
		{2, 20, "\nA new paragraph. "},
		{9, 0, "\b"}, // two paragraphs joined
		{1, 3, "\n\n"},
		{4, 2, "café — “£5” \b\b\b"},
		{5, 30, "\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\bé"},
	}
	want := []rune(typed.Text)
	for i, ed := range edits {
		if i == 3 {
			w.Resize(fyne.NewSize(410, size.Height)) // a narrower column rewraps every paragraph
			w.Canvas().Capture()
		}
		if i == 5 {
			w.Resize(size)
			w.Canvas().Capture()
		}
		typed.CursorRow, typed.CursorColumn = ed.row, ed.col
		for _, r := range ed.keys {
			at := typed.CursorTextOffset()
			switch r {
			case '\b':
				typed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
				if at > 0 {
					want = append(want[:at-1], want[at:]...)
				}
			case '\n':
				typed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
				want = slices.Insert(want, at, '\n')
			default:
				typed.TypedRune(r)
				want = slices.Insert(want, at, r)
			}
		}
	}
	if typed.Text != string(want) {
		t.Fatalf("the typed body reads\n%s\nwant\n%s", typed.Text, string(want))
	}
	w.Canvas().Unfocus()
	got := capture(w)

	whole := widget.NewMultiLineEntry()
	whole.Wrapping = fyne.TextWrapWord
	whole.SetText(typed.Text)
	w2 := test.NewWindow(whole)
	defer w2.Close()
	w2.Resize(size)
	if !bytes.Equal(got.Pix, capture(w2).Pix) {
		t.Errorf("the typed body draws differently from the same text set whole")
	}
}

// capture is the window drawn, as RGBA.
func capture(w fyne.Window) *image.RGBA {
	img := w.Canvas().Capture()
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}
