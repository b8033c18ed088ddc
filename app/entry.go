package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// textEntry is the app's text field where Fyne's would trap the keyboard:
// Tab always moves on, even from a multi-line field (Ctrl+Tab types a tab
// there), and inside a dialog Escape cancels it and Return confirms it (from
// a multi-line field, Ctrl+Return).
type textEntry struct {
	widget.Entry
	g *gui
}

func newTextEntry(g *gui, multiLine bool, placeholder string) *textEntry {
	e := &textEntry{g: g}
	e.MultiLine, e.PlaceHolder = multiLine, placeholder
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false, so Tab goes to the next field.
func (e *textEntry) AcceptsTab() bool { return false }

func (e *textEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if e.g.dialogKey(k) {
			return
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine && e.OnSubmitted == nil && e.g.dialogKey(k) {
			return
		}
	}
	e.Entry.TypedKey(k)
}

func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 &&
		cs.Modifier&(fyne.KeyModifierShift|fyne.KeyModifierAlt) == 0 {
		switch cs.KeyName {
		case fyne.KeyTab:
			if e.MultiLine {
				e.Entry.TypedRune('\t')
				return
			}
		case fyne.KeyReturn, fyne.KeyEnter:
			if e.g.dialogKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) {
				return
			}
		}
	}
	e.Entry.TypedShortcut(s)
}
