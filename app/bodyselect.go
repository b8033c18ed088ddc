package app

import (
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

// selectRange selects e.Text[start:end] (byte offsets) in the entry and gives
// it the keyboard focus.
func selectRange(w fyne.Window, e *widget.Entry, start, end int) {
	text := e.Text
	start, end = clampByte(text, start), clampByte(text, end)
	if end < start {
		start, end = end, start
	}
	from := utf8.RuneCountInString(text[:start])
	to := utf8.RuneCountInString(text[:end])
	if w != nil {
		w.Canvas().Focus(e)
	}
	// A key without Shift ends any selection there was.
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	rows := rowStarts(e)
	e.CursorRow, e.CursorColumn = rowCol(rows, from)
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	defer e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if to == from {
		return
	}
	row, col := rowCol(rows, to)
	for e.CursorRow < row {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	if row != e.CursorRow || col < e.CursorColumn {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	}
	for e.CursorColumn < col {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
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
