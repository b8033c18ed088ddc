package app

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor/spell"
)

// textEntry is the app's text field where Fyne's would trap the keyboard:
// Tab always moves on, even from a multi-line field (Ctrl+Tab types a tab
// there), and inside a dialog Escape cancels it and Return confirms it (from
// a multi-line field, Ctrl+Return).
type textEntry struct {
	widget.Entry
	g *gui
	// replaced are the replacements made through replaceText, newest last,
	// and undone those undone since: each undoes and redoes in one step.
	replaced, undone []textEdit
	// spelling checks the body's words (nil in other fields); misspelt are
	// the words it found, marks their underlines now drawn, marked the
	// renderer drawing them.
	spelling *speller
	misspelt []spell.Span
	marks    []spellMark
	marked   *markedRenderer
	// merged are the words an arriving save merged in (markMerged), tinted
	// through mergedMarks; mergedGen tells a stale clearing timer apart.
	merged      []spell.Span
	mergedMarks []spellMark
	mergedGen   int
}

// textEdit is the text before and after a replacement.
type textEdit struct{ before, after string }

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
		if f := e.g.story.find; f.visible() && (e == e.g.story.body || e == f.find || e == f.replace) {
			f.close()
			return
		}
	case fyne.KeyF5:
		if len(e.g.dialogs) == 0 {
			e.g.refresh()
			return
		}
	case fyne.KeyF3:
		step := 1
		if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0 {
			step = -1
		}
		e.g.findNext(step)
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine && e.OnSubmitted == nil && e.g.dialogKey(k) {
			return
		}
	}
	e.Entry.TypedKey(k)
}

func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutUndo:
		if e.undoReplace() {
			return
		}
	case *fyne.ShortcutRedo:
		if e.redoReplace() {
			return
		}
	}
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 &&
		cs.Modifier&(fyne.KeyModifierShift|fyne.KeyModifierAlt) == 0 {
		switch cs.KeyName {
		case fyne.KeyHome, fyne.KeyEnd:
			if e.MultiLine {
				e.toEdge(cs.KeyName == fyne.KeyEnd)
				return
			}
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

// toEdge puts the cursor at the start of the text, or at its end (Ctrl+Home,
// Ctrl+End), ending any selection.
func (e *textEntry) toEdge(end bool) {
	e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp}) // a key without Shift ends a selection
	e.CursorRow, e.CursorColumn = 0, 0
	if end {
		e.CursorRow, e.CursorColumn = rowCol(rowStarts(&e.Entry), utf8.RuneCountInString(e.Text))
	}
	e.Refresh()
}

// replaceText sets the text to after as one step that Undo takes back
// whole: a find-and-replace of every match is one change to a subeditor.
// (Fyne's Entry forgets its own history on SetText, so Undo first undoes
// what was typed since the replacement, then the replacement.)
func (e *textEntry) replaceText(after string) {
	if after == e.Text {
		return
	}
	e.replaced = append(e.replaced, textEdit{before: e.Text, after: after})
	e.undone = nil
	e.SetText(after)
}

// undoReplace undoes the last replacement when nothing was typed since.
func (e *textEntry) undoReplace() bool { return e.step(&e.replaced, &e.undone, false) }

// redoReplace makes the last replacement undone again.
func (e *textEntry) redoReplace() bool { return e.step(&e.undone, &e.replaced, true) }

// step moves the newest edit of from to to, when the text reads as that
// edit left it (for a redo, as it found it), and sets the text the other
// way.
func (e *textEntry) step(from, to *[]textEdit, redo bool) bool {
	n := len(*from)
	if n == 0 {
		return false
	}
	ed := (*from)[n-1]
	now, then := ed.after, ed.before
	if redo {
		now, then = then, now
	}
	if e.Text != now {
		return false
	}
	*from, *to = (*from)[:n-1], append(*to, ed)
	e.SetText(then)
	return true
}
