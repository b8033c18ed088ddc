package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// wrapLine is a field of one line (a headline, the tags) that wraps onto as
// many rows as its text needs at the width it is given, so a 90-character
// headline is seen whole in a narrow window or with larger text, where
// Fyne's one-line Entry would hide its end. Return types no line break (in a
// dialog it confirms); a pasted line break becomes a space.
type wrapLine struct {
	textEntry
	least int // the fewest rows shown
	rows  int // the rows shown, as last fitted
}

// newWrapLine makes a wrapping one-line field showing at least least rows.
func newWrapLine(g *gui, placeholder string, least int) *wrapLine {
	e := &wrapLine{textEntry: textEntry{g: g}, least: least, rows: least}
	e.MultiLine, e.Wrapping, e.PlaceHolder = true, fyne.TextWrapWord, placeholder
	e.SetMinRowsVisible(least)
	e.ExtendBaseWidget(e)
	return e
}

func (e *wrapLine) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		e.g.dialogKey(k)
		return
	}
	e.textEntry.TypedKey(k)
	e.fit()
}

func (e *wrapLine) TypedRune(r rune) {
	e.textEntry.TypedRune(r)
	e.fit()
}

func (e *wrapLine) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok {
		s = &fyne.ShortcutPaste{Clipboard: oneLineClipboard{p.Clipboard}}
	}
	e.textEntry.TypedShortcut(s)
	e.fit()
}

// SetText sets the text and fits the rows to it.
func (e *wrapLine) SetText(text string) {
	e.textEntry.SetText(text)
	e.fit()
}

// Resize lays the text out at the new width, fitting the rows to it.
func (e *wrapLine) Resize(size fyne.Size) {
	e.textEntry.Resize(size)
	e.fit()
}

// fit shows as many rows as the text takes at the field's width. The window
// lays its parents out again when the field's least height changes.
func (e *wrapLine) fit() {
	width := e.Size().Width
	if width <= 0 {
		return
	}
	th := e.Theme()
	// The text is inset by the border and the inner padding on each side;
	// a pixel more keeps a line that only just fits from wrapping unseen.
	inner := width - 2*th.Size(theme.SizeNameInputBorder) - 2*th.Size(theme.SizeNameInnerPadding) - 2
	rows := max(wrappedRows(e.Text, inner, th.Size(theme.SizeNameText), e.TextStyle), e.least)
	if rows != e.rows {
		e.rows = rows
		e.SetMinRowsVisible(rows)
	}
}

// wrappedRows is how many rows text takes when wrapped at its spaces to
// width, as Fyne's rich text wraps a word wider than a row by its letters.
func wrappedRows(text string, width, size float32, style fyne.TextStyle) int {
	measure := func(s string) float32 { return fyne.MeasureText(s, size, style).Width }
	rows, line := 1, ""
	for _, word := range strings.Split(text, " ") {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if line == "" || measure(next) <= width {
			line = next
		} else {
			rows++
			line = word
		}
		for measure(line) > width && len([]rune(line)) > 1 {
			// A word longer than a row: its letters run on to the next.
			r := []rune(line)
			cut := len(r) - 1
			for cut > 1 && measure(string(r[:cut])) > width {
				cut--
			}
			rows++
			line = string(r[cut:])
		}
	}
	return rows
}

// oneLineClipboard hands out the clipboard's text with its line breaks
// made spaces, for a field of one line.
type oneLineClipboard struct{ fyne.Clipboard }

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\u2028", " ", "\u2029", " ", "\u0085", " ", "\v", " ", "\f", " ")

func (c oneLineClipboard) Content() string { return lineBreaks.Replace(c.Clipboard.Content()) }
