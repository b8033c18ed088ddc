package app

import (
	"image/color"
	"reflect"
	"sort"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor/spell"
)

// spellMark is one misspelt word's underline, where it is drawn (in the
// entry's coordinates, top left and bottom right of its row's stretch).
type spellMark struct {
	span     spell.Span
	min, max fyne.Position
}

// markedRenderer is an Entry's renderer with the misspelt words' underlines
// drawn over its text.
type markedRenderer struct {
	fyne.WidgetRenderer
	e     *textEntry
	lines []*canvas.Rectangle
	// tints are drawn over the words an arriving save merged in.
	tints   []*canvas.Rectangle
	objects []fyne.CanvasObject
	// scroll is the entry's own scroller: its Offset says which rows show.
	scroll fyne.CanvasObject
}

// CreateRenderer adds the underlines to the body's renderer.
func (e *textEntry) CreateRenderer() fyne.WidgetRenderer {
	base := e.Entry.CreateRenderer()
	if e.spelling == nil {
		return base
	}
	r := &markedRenderer{WidgetRenderer: base, e: e}
	if objs := base.Objects(); len(objs) > 2 {
		r.scroll = objs[2] // box, border, then the scroller (see Fyne's Entry.CreateRenderer)
		// Fyne's scroller is an internal type: its OnScrolled field is set
		// through reflection, so the underlines follow the text as it scrolls.
		if f := reflect.ValueOf(r.scroll).Elem().FieldByName("OnScrolled"); f.IsValid() && f.CanSet() && f.IsNil() &&
			f.Type() == reflect.TypeOf(func(fyne.Position) {}) {
			f.Set(reflect.ValueOf(func(fyne.Position) { r.place() }))
		}
	}
	e.marked = r
	return r
}

func (r *markedRenderer) Objects() []fyne.CanvasObject {
	r.objects = append(r.objects[:0], r.WidgetRenderer.Objects()...)
	for _, l := range r.lines {
		r.objects = append(r.objects, l)
	}
	for _, l := range r.tints {
		r.objects = append(r.objects, l)
	}
	return r.objects
}

func (r *markedRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.place()
}

func (r *markedRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.place()
}

// scrollOffset is how far the entry's text is scrolled.
func (r *markedRenderer) scrollOffset() fyne.Position {
	if r.scroll == nil {
		return fyne.Position{}
	}
	if f := reflect.ValueOf(r.scroll).Elem().FieldByName("Offset"); f.IsValid() {
		if p, ok := f.Interface().(fyne.Position); ok {
			return p
		}
	}
	return fyne.Position{}
}

// place draws an underline under each misspelt word in view, and a tint
// over the words an arriving save merged in. It moves the cursor to measure
// where words are, and puts it back.
func (r *markedRenderer) place() {
	e := r.e
	e.marks = e.marks[:0]
	e.mergedMarks = e.mergedMarks[:0]
	if (len(e.misspelt) > 0 || len(e.merged) > 0) && r.scroll != nil && r.scroll.Visible() {
		row, col := e.CursorRow, e.CursorColumn
		starts := rowStarts(&e.Entry)
		e.CursorRow, e.CursorColumn = 0, 0
		top := e.CursorPosition()
		rowH := fyne.MeasureText("M", e.Theme().Size(theme.SizeNameText), e.TextStyle).Height
		if len(starts) > 1 {
			e.CursorRow = 1
			rowH = e.CursorPosition().Y - top.Y
		}
		off, at, view := r.scrollOffset(), r.scroll.Position(), r.scroll.Size()
		first := max(int((off.Y-top.Y)/max(rowH, 1)), 0)
		// measure adds to marks the stretch of each span in view, one a row.
		measure := func(spans []spell.Span, marks []spellMark) []spellMark {
			for _, sp := range spans {
				wr, wc := rowColSorted(starts, sp.Start)
				er, ec := rowColSorted(starts, sp.End)
				for r := wr; r <= er; r++ {
					if float32(r)*rowH+top.Y > off.Y+view.Height {
						return marks
					}
					c0, c1 := 0, ec
					if r == wr {
						c0 = wc
					}
					if r != er {
						c1 = starts[min(r+1, len(starts)-1)] - starts[r]
					}
					if r < first || c1 <= c0 {
						continue
					}
					e.CursorRow, e.CursorColumn = r, c0
					p0 := e.CursorPosition()
					e.CursorColumn = c1
					p1 := e.CursorPosition()
					x0, x1 := at.X+p0.X-off.X, at.X+p1.X-off.X
					y := at.Y + p0.Y - off.Y
					marks = append(marks, spellMark{span: sp, min: fyne.NewPos(x0, y), max: fyne.NewPos(x1, y+rowH)})
				}
			}
			return marks
		}
		e.marks = measure(e.misspelt, e.marks)
		e.mergedMarks = measure(e.merged, e.mergedMarks)
		e.CursorRow, e.CursorColumn = row, col
	}
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	red := e.Theme().Color(theme.ColorNameError, variant)
	cr, cg, cb, _ := e.Theme().Color(theme.ColorNameSuccess, variant).RGBA()
	tint := color.NRGBA{R: uint8(cr >> 8), G: uint8(cg >> 8), B: uint8(cb >> 8), A: 0x40}
	r.lines = drawMarks(r.lines, e.marks, red, func(m spellMark) (fyne.Position, fyne.Size) {
		return fyne.NewPos(m.min.X, m.max.Y-3), fyne.NewSize(m.max.X-m.min.X, 1.5)
	})
	r.tints = drawMarks(r.tints, e.mergedMarks, tint, func(m spellMark) (fyne.Position, fyne.Size) {
		return m.min, fyne.NewSize(m.max.X-m.min.X, m.max.Y-m.min.Y)
	})
}

// drawMarks shows one rectangle of colour c for each mark, where at says,
// reusing those made before and hiding the rest.
func drawMarks(rects []*canvas.Rectangle, marks []spellMark, c color.Color, at func(spellMark) (fyne.Position, fyne.Size)) []*canvas.Rectangle {
	for i, m := range marks {
		if i == len(rects) {
			rects = append(rects, canvas.NewRectangle(c))
		}
		l := rects[i]
		l.FillColor = c
		pos, size := at(m)
		l.Move(pos)
		l.Resize(size)
		l.Show()
		l.Refresh()
	}
	for _, l := range rects[len(marks):] {
		l.Hide()
	}
	return rects
}

// rowColSorted is rowCol for row starts in order, found by halving.
func rowColSorted(starts []int, pos int) (int, int) {
	row := sort.Search(len(starts), func(i int) bool { return starts[i] > pos }) - 1
	row = max(row, 0)
	return row, pos - starts[row]
}

// setMisspelt underlines these words (rune offsets into the text).
func (e *textEntry) setMisspelt(spans []spell.Span) {
	e.misspelt = spans
	if e.marked != nil {
		e.marked.place()
	}
}

// shiftMisspelt moves the underlines to where their words went when the
// text changed from before to after: those before the edited stretch stay,
// those after it move by its change in length, those in it go until the
// next check.
func (e *textEntry) shiftMisspelt(before, after string) {
	if len(e.misspelt) == 0 && len(e.merged) == 0 {
		return
	}
	e.merged = shiftSpans(e.merged, before, after)
	e.setMisspelt(shiftSpans(e.misspelt, before, after))
}

// shiftSpans is spans (rune offsets into before) moved to where their words
// are in after: those before the edited stretch stay, those after it move by
// its change in length, those in it go.
func shiftSpans(spans []spell.Span, before, after string) []spell.Span {
	if len(spans) == 0 {
		return spans
	}
	p, s := editedStretch(before, after)
	start := utf8.RuneCountInString(before[:p])
	oldEnd := start + utf8.RuneCountInString(before[p:len(before)-s])
	delta := utf8.RuneCountInString(after[p:len(after)-s]) - (oldEnd - start)
	kept := spans[:0]
	for _, sp := range spans {
		switch {
		case sp.End < start:
			kept = append(kept, sp)
		case sp.Start > oldEnd:
			kept = append(kept, spell.Span{Start: sp.Start + delta, End: sp.End + delta})
		}
	}
	return kept
}

// markMerged tints the words an arriving save merged into the body (rune
// offsets into its text) until the next edit near them, or for mergedFor.
func (e *textEntry) markMerged(spans []spell.Span) {
	e.merged = spans
	e.mergedGen++
	if e.marked != nil {
		e.marked.place()
	}
	if len(spans) == 0 {
		return
	}
	gen := e.mergedGen
	time.AfterFunc(mergedFor, func() {
		fyne.Do(func() {
			if gen == e.mergedGen {
				e.markMerged(nil)
			}
		})
	})
}

// mergedFor is how long the words an arriving save merged in stay tinted.
var mergedFor = 10 * time.Second

// mergedWords are the words tinted as merged now, for tests.
func (e *textEntry) mergedWords() []string { return spanWords(e.Text, e.merged) }

// TappedSecondary offers a misspelt word's suggestions, and to add it to the
// house words, when the right-click is on one; elsewhere Fyne's menu.
func (e *textEntry) TappedSecondary(pe *fyne.PointEvent) {
	m, ok := e.markAt(pe.Position)
	if !ok {
		e.Entry.TappedSecondary(pe)
		return
	}
	rs := []rune(e.Text)
	if m.span.End > len(rs) {
		e.Entry.TappedSecondary(pe)
		return
	}
	menu := e.spellMenu(m.span, string(rs[m.span.Start:m.span.End]))
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Add(pe.Position)
	widget.ShowPopUpMenuAtPosition(menu, c, at)
}

// spellMenu is the right-click menu on a misspelt word: the dictionary's
// suggestions, each replacing the word, and Add to house words.
func (e *textEntry) spellMenu(sp spell.Span, word string) *fyne.Menu {
	var items []*fyne.MenuItem
	for _, s := range e.spelling.suggestions(word) {
		items = append(items, fyne.NewMenuItem(s, func() { e.replaceWord(sp, word, s) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No suggestions", nil)
		none.Disabled = true
		items = append(items, none)
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Add “"+word+"” to house words", func() { e.g.addHouseWord(word) }))
	return fyne.NewMenu("", items...)
}

// markAt is the underlined word at pos, in the entry's coordinates.
func (e *textEntry) markAt(pos fyne.Position) (spellMark, bool) {
	for _, m := range e.marks {
		if pos.X >= m.min.X && pos.X <= m.max.X && pos.Y >= m.min.Y && pos.Y <= m.max.Y {
			return m, true
		}
	}
	return spellMark{}, false
}

// replaceWord puts a suggestion in place of the misspelt word, as one step
// that Undo takes back, if the word is still where it was.
func (e *textEntry) replaceWord(sp spell.Span, word, with string) {
	rs := []rune(e.Text)
	if sp.End > len(rs) || string(rs[sp.Start:sp.End]) != word {
		return
	}
	e.replaceText(string(rs[:sp.Start]) + with + string(rs[sp.End:]))
	e.CursorRow, e.CursorColumn = rowColSorted(rowStarts(&e.Entry), sp.Start+utf8.RuneCountInString(with))
	e.Refresh()
}

// misspeltWords are the words underlined now, for tests and the screenshot.
func (e *textEntry) misspeltWords() []string { return spanWords(e.Text, e.misspelt) }

// spanWords are the words of text that spans (rune offsets) cover.
func spanWords(text string, spans []spell.Span) []string {
	rs := []rune(text)
	var out []string
	for _, sp := range spans {
		if sp.End <= len(rs) {
			out = append(out, string(rs[sp.Start:sp.End]))
		}
	}
	return out
}
