package app

import (
	"fmt"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// headline90 is a headline at the house limit of 90 characters.
var headline90 = "Sir Iain Duncan Smith says China is a direct threat to MPs who sit on the alliance's board"

// TestNoFieldIsCutOffAtAnySize: at 1400×900, 1000×700 and 800×600, with
// normal and with Larger text, every field and button on screen gets at
// least the size it asks for and lies inside its column (a column may
// scroll up and down, never sideways); below 1180 px, and at 1400 px with
// Larger text, the side panels fold into tabs; and a 90-character headline and a long list of tags are shown
// whole, every row of their text inside the field.
func TestNoFieldIsCutOffAtAnySize(t *testing.T) {
	for _, tc := range []struct {
		size           fyne.Size
		narrow, larger bool // folded into tabs with normal text, with Larger
	}{
		{fyne.NewSize(1400, 900), false, true},
		{fyne.NewSize(1000, 700), true, true},
		{fyne.NewSize(800, 600), true, true},
	} {
		for _, scale := range []float64{1, 1.3} { // Normal and Larger in Preferences
			narrow := tc.narrow
			if scale > 1 {
				narrow = tc.larger
			}
			name := fmt.Sprintf("%.0fx%.0f text %.1f", tc.size.Width, tc.size.Height, scale)
			t.Run(name, func(t *testing.T) {
				store := newFakeStore(3)
				store.stories[0].Headline = headline90
				store.stories[0].Tags = []string{"China", "House of Commons", "Cyber security", "Inter-Parliamentary Alliance on China", "Five Eyes"}
				newTestApp(t)
				fyne.CurrentApp().Preferences().SetFloat(prefTextSize, scale)
				applyTheme(fyne.CurrentApp())
				g, w := openTestGUI(t, store)
				if g.story.headline.Text != headline90 {
					t.Fatalf("the editor shows %q, want the 90-character headline", g.story.headline.Text)
				}
				w.Resize(tc.size)
				settle(w)
				if g.cols.narrow != narrow {
					t.Errorf("side panels folded into tabs: %v, want %v", g.cols.narrow, narrow)
				}
				panes := []int{paneLeft, paneCentre, paneRight}
				for _, p := range panes {
					if narrow {
						g.cols.show(p)
						settle(w)
					}
					for _, bad := range cutOff(g.cols.panes[p]) {
						t.Errorf("pane %s: %s", g.cols.names[p], bad)
					}
				}
				g.cols.show(paneCentre)
				settle(w)
				for _, f := range []*wrapLine{g.story.headline, g.story.tags} {
					if !wholeRows(f) {
						t.Errorf("%q is not shown whole: %d rows in a field %v", f.Text, f.rows, f.Size())
					}
				}
			})
		}
	}
}

// settle lays the window out again until sizes stop changing, as the
// window's own draw loop does when a field asks for more rows.
func settle(w fyne.Window) {
	var lay func(o fyne.CanvasObject)
	lay = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *fyne.Container:
			if o.Layout != nil {
				o.Layout.Layout(o.Objects, o.Size())
			}
			for _, c := range o.Objects {
				lay(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(o)
			r.Layout(o.Size())
			for _, c := range r.Objects() {
				lay(c)
			}
		}
	}
	for range 3 {
		w.Content().Refresh()
		lay(w.Content())
		w.Canvas().Capture()
	}
}

// cutOff lists the fields and buttons under root that get less than their
// least size or stick out of the pane sideways.
func cutOff(root fyne.CanvasObject) []string {
	var bad []string
	right := root.Size().Width
	var walk func(o fyne.CanvasObject, x float32, clip float32)
	walk = func(o fyne.CanvasObject, x float32, clip float32) {
		if !o.Visible() {
			return
		}
		x += o.Position().X
		_, field := o.(fyne.Focusable)
		_, label := o.(*widget.Label)
		if field || label {
			size, min := o.Size(), o.MinSize()
			if size.Width+0.5 < min.Width || size.Height+0.5 < min.Height {
				bad = append(bad, fmt.Sprintf("%s is %v, less than its least size %v", describe(o), size, min))
			}
			if x+size.Width > clip+0.5 {
				bad = append(bad, fmt.Sprintf("%s runs to x=%.0f, past its column's edge at %.0f", describe(o), x+size.Width, clip))
			}
			return
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c, x, clip)
			}
			return
		case *container.Scroll:
			clip = min(clip, x+o.Size().Width)
		case *widget.List:
			return // its rows truncate their text; their width is the list's
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wd).Objects() {
				walk(c, x, clip)
			}
		}
	}
	walk(root, -root.Position().X, right)
	return bad
}

func describe(o fyne.CanvasObject) string {
	switch o := o.(type) {
	case *widget.Label:
		return fmt.Sprintf("label %q", o.Text)
	case *widget.Button:
		return fmt.Sprintf("button %q", o.Text)
	case *widget.Entry:
		return fmt.Sprintf("field %q", o.PlaceHolder)
	case *textEntry:
		return fmt.Sprintf("field %q", o.PlaceHolder)
	case *wrapLine:
		return fmt.Sprintf("field %q", o.Text)
	case *widget.Select:
		return fmt.Sprintf("choice %q", o.Selected)
	}
	return fmt.Sprintf("%T", o)
}

// wholeRows reports whether the field wraps onto at least as many rows as
// its text's width needs at the field's width, and is given their height:
// a one-line field would show only the start of a long headline.
func wholeRows(f *wrapLine) bool {
	th := f.Theme()
	inner := f.Size().Width - 2*th.Size(theme.SizeNameInputBorder) - 2*th.Size(theme.SizeNameInnerPadding)
	need := int(math.Ceil(float64(fyne.MeasureText(f.Text, th.Size(theme.SizeNameText), f.TextStyle).Width / inner)))
	return f.MultiLine && f.Wrapping == fyne.TextWrapWord && f.rows >= need && f.Size().Height+0.5 >= f.MinSize().Height
}
