package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Fyne's Entry has no call to select a range of its text. selectRange does
// what a person would: it puts the cursor at the start of the range, holds
// Shift and moves with the arrow keys to its end, so the entry's own
// selection (copy, cut, typing over it) works as usual.

// selectRange selects the text field's Text[start:end] (byte offsets) and
// gives it the keyboard focus.
func selectRange(w fyne.Window, f fyne.Focusable, start, end int) {
	e := entryOf(f)
	text := e.Text
	start, end = clampByte(text, start), clampByte(text, end)
	if end < start {
		start, end = end, start
	}
	from := utf8.RuneCountInString(text[:start])
	to := utf8.RuneCountInString(text[:end])
	if w != nil {
		w.Canvas().Focus(f)
	}
	// The rows are measured from the entry's text as wrapped; wrap it
	// afresh for its width first, as focus changes can leave it stale.
	size := e.Size()
	e.Resize(size.SubtractWidthHeight(1, 0))
	e.Resize(size)
	rows := rowStarts(e)
	// A key without Shift ends any selection there was.
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	e.CursorRow, e.CursorColumn = rowCol(rows, from)
	seek(e, from)
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	defer e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if to == from {
		return
	}
	row, col := rowCol(rows, to)
	// Each loop stops when a key no longer moves the cursor, so a layout
	// that differs from the rows measured cannot make it spin.
	for e.CursorRow < row {
		before := e.CursorRow
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		if e.CursorRow == before {
			break
		}
	}
	if col < e.CursorColumn {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	}
	for e.CursorRow == row && e.CursorColumn < col {
		before := e.CursorColumn
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		if e.CursorRow == row && e.CursorColumn == before {
			break
		}
	}
	seek(e, to)
}

// seek moves the cursor with the arrow keys until it stands at rune offset
// pos, for when the rows moved since they were measured. It gives up when a
// key no longer moves it.
func seek(e *widget.Entry, pos int) {
	for range utf8.RuneCountInString(e.Text) * 2 {
		at := e.CursorTextOffset()
		key := fyne.KeyRight
		switch {
		case at == pos:
			return
		case at > pos:
			key = fyne.KeyLeft
		}
		row, col := e.CursorRow, e.CursorColumn
		e.TypedKey(&fyne.KeyEvent{Name: key})
		if e.CursorRow == row && e.CursorColumn == col {
			return
		}
	}
}

// rowStarts lists the rune offset at which each row of the entry begins, as
// laid out (a wrapped paragraph is several rows).
func rowStarts(e *widget.Entry) []int {
	starts := []int{0}
	n := utf8.RuneCountInString(e.Text)
	for r := 1; starts[len(starts)-1] < n; r++ {
		e.CursorRow, e.CursorColumn = r, 0
		b := e.CursorTextOffset()
		if b <= starts[len(starts)-1] {
			break
		}
		starts = append(starts, b)
	}
	return starts
}

// rowCol is the row and column of rune offset pos.
func rowCol(starts []int, pos int) (int, int) {
	row := 0
	for i, s := range starts {
		if s <= pos {
			row = i
		}
	}
	return row, pos - starts[row]
}

// entryOf is the Entry inside one of the app's text fields.
func entryOf(f fyne.Focusable) *widget.Entry {
	switch e := f.(type) {
	case *widget.Entry:
		return e
	case *textEntry:
		return &e.Entry
	case *wrapLine:
		return &e.Entry
	}
	panic(fmt.Sprintf("%T is not a text field", f))
}

// cursorByte is the entry's cursor as a byte offset into its text.
func cursorByte(e *widget.Entry) int {
	runes := e.CursorTextOffset()
	for i := range e.Text {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(e.Text)
}

// clampByte keeps a byte offset inside s and on a character boundary.
func clampByte(s string, i int) int {
	i = max(0, min(i, len(s)))
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// bodyShift is how far offsets into the saved body (which drops the blank
// lines a body starts with) lie from the same words in the entry's text.
func bodyShift(text string) int {
	return len(text) - len(strings.TrimLeft(text, "\n"))
}
