package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// Every dialog the app shows is built by showDialog, so each behaves the
// same at the keyboard: it opens with its first field focused, Escape
// cancels it, Return takes its default action, and the widget that had the
// keyboard before gets it back afterwards.

// choice is one button of a dialog.
type choice struct {
	label      string
	importance widget.Importance
	// check, when set, runs first; false keeps the dialog open (it has
	// said what to correct).
	check func() bool
	// do runs once the dialog is closed; nil only closes it.
	do func()
	// stay keeps the dialog open under what do shows (a confirmation it
	// may be wanted back from).
	stay bool
	// isDefault makes this the choice Return takes; without one, it is the
	// last.
	isDefault bool
}

// dialogBox is a dialog on screen: its first choice is what Escape does
// (cancel), its default what Return does.
type dialogBox struct {
	g       *gui
	d       *dialog.CustomDialog
	title   string
	content fyne.CanvasObject
	choices []choice
	buttons []*dialogButton
	dflt    int // the default choice
	// under is what had the keyboard before the dialog opened.
	under fyne.Focusable
	// closed is set once the dialog is gone, so a late choice does nothing.
	closed bool
}

// showDialog shows content with a button for each choice, and gives focus
// the keyboard. The default choice is the one marked so, else the last.
//
// The widget that had the keyboard loses it while the dialog is up. That is
// what makes a dialog opened by a shortcut safe: the shortcut is typed with
// modifiers held (Ctrl+Shift+Q), and while the dialog is up Fyne sends their
// release to the dialog, not to the editor underneath, which would otherwise
// go on believing Shift is held and turn the next click into a selection
// from the old cursor, and the next key into its replacement. Losing the
// focus clears that state (Entry.FocusLost), whatever the keys did since.
func (g *gui) showDialog(title string, content fyne.CanvasObject, focus fyne.Focusable, choices ...choice) *dialogBox {
	b := &dialogBox{g: g, title: title, content: content, choices: choices, dflt: len(choices) - 1}
	for i, c := range choices {
		if c.isDefault {
			b.dflt = i
		}
	}
	b.d = dialog.NewCustomWithoutButtons(title, content, g.win)
	objs := make([]fyne.CanvasObject, len(choices))
	for i, c := range choices {
		imp := c.importance
		if i == b.dflt && imp == widget.MediumImportance && len(choices) > 1 {
			imp = widget.HighImportance
		}
		btn := newDialogButton(g, c.label, imp, func() { b.choose(i) })
		b.buttons = append(b.buttons, btn)
		objs[i] = btn
	}
	b.d.SetButtons(objs)
	canvas := g.win.Canvas()
	b.under = canvas.Focused()
	if b.under != nil {
		canvas.Unfocus()
	}
	b.d.SetOnClosed(func() { b.gone() })
	g.dialogs = append(g.dialogs, b)
	b.d.Show()
	if focus != nil {
		canvas.Focus(focus)
	}
	return b
}

// choose runs choice i: its check, then closing the dialog, then its action.
func (b *dialogBox) choose(i int) {
	if b.closed || i < 0 || i >= len(b.choices) {
		return
	}
	c := b.choices[i]
	if c.check != nil && !c.check() {
		return
	}
	if !c.stay {
		b.hide()
	}
	if c.do != nil {
		c.do()
	}
}

// cancel is Escape: the first choice.
func (b *dialogBox) cancel() { b.choose(0) }

// submit is Return: the default choice, unless its button is disabled.
func (b *dialogBox) submit() {
	if b.dflt >= 0 && !b.buttons[b.dflt].Disabled() {
		b.choose(b.dflt)
	}
}

func (b *dialogBox) hide() {
	if !b.closed {
		b.d.Hide()
	}
}

// gone forgets the dialog and gives the keyboard back to what had it.
func (b *dialogBox) gone() {
	if b.closed {
		return
	}
	b.closed = true
	for i, d := range b.g.dialogs {
		if d == b {
			b.g.dialogs = append(b.g.dialogs[:i:i], b.g.dialogs[i+1:]...)
			break
		}
	}
	if o, ok := b.under.(fyne.CanvasObject); ok && o.Visible() {
		b.g.win.Canvas().Focus(b.under)
	}
}

// resize sets the dialog's size, bounded by the window's.
func (b *dialogBox) resize(width, height float32) {
	size := b.g.win.Canvas().Size()
	b.d.Resize(fyne.NewSize(min(width, size.Width*0.96), min(height, size.Height*0.94)))
}

// topDialog is the dialog in front, nil when none is up.
func (g *gui) topDialog() *dialogBox {
	if len(g.dialogs) == 0 {
		return nil
	}
	return g.dialogs[len(g.dialogs)-1]
}

// closeDialogs closes every dialog on screen.
func (g *gui) closeDialogs() {
	for len(g.dialogs) > 0 {
		b := g.topDialog()
		b.hide()
		b.gone()
	}
}

// dialogKey gives Escape and Return to the dialog in front, reporting
// whether there was one to take them.
func (g *gui) dialogKey(k *fyne.KeyEvent) bool {
	b := g.topDialog()
	if b == nil {
		return false
	}
	switch k.Name {
	case fyne.KeyEscape:
		b.cancel()
	case fyne.KeyReturn, fyne.KeyEnter:
		b.submit()
	default:
		return false
	}
	return true
}

// typedKey takes the keys typed while no widget has the keyboard.
func (g *gui) typedKey(k *fyne.KeyEvent) {
	switch {
	case g.dialogKey(k):
	case k.Name == fyne.KeyEscape && g.story.find.visible():
		g.story.find.close()
	case k.Name == fyne.KeyF5:
		g.refresh()
	}
}

// message shows text with one button that closes it.
func (g *gui) message(title, text, button string) *dialogBox {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	return g.showDialog(title, container.New(&maxWidth{width: 460}, msg), nil, choice{label: button})
}

// ask shows text with a button for each choice.
func (g *gui) ask(title, text string, choices ...choice) *dialogBox {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	return g.showDialog(title, container.New(&maxWidth{width: 460}, msg), nil, choices...)
}

// confirm asks before something destructive; then learns the answer.
func (g *gui) confirm(title, message, action string, then func(bool)) *dialogBox {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	return g.showDialog(title, container.New(&maxWidth{width: 460}, msg), nil,
		choice{label: "Cancel", do: func() { then(false) }},
		choice{label: action, importance: widget.DangerImportance, do: func() { then(true) }})
}

// showError explains a failure in a dialog that names what went wrong; the
// text being edited stays as it is.
func (g *gui) showError(what string, err error) {
	g.showStatusError(what, err)
	msg := widget.NewLabel(explain(err))
	msg.Wrapping = fyne.TextWrapWord
	keep := widget.NewLabel("Nothing you typed has been lost: it is still in the editor.")
	keep.Importance = widget.LowImportance
	keep.Wrapping = fyne.TextWrapWord
	g.showDialog(what+" failed", container.New(&maxWidth{width: 480}, container.NewVBox(msg, keep)), nil, choice{label: "OK"})
}

// showStatusError reports a failure in the status bar only, for background
// work that will be retried (autosave) or that did not stop what was asked.
func (g *gui) showStatusError(what string, err error) {
	g.saveState.SetText(fmt.Sprintf("%s: %v", what, err))
}

// explain turns an error into what a person can act on.
func explain(err error) string {
	var ve *editor.ValidationError
	var pe *editor.PermissionError
	switch {
	case errors.As(err, &pe):
		return refusal(pe)
	case errors.As(err, &ve):
		return fmt.Sprintf("The %s %s. Correct it and save again.", strings.ToLower(editor.FieldLabel(ve.Field)), ve.Problem)
	case errors.Is(err, editor.ErrNotFound):
		return fmt.Sprintf("%v. It may have been removed by someone else; reload the list.", err)
	}
	return err.Error()
}

// dialogButton is a dialog's button: Return presses it, Escape cancels the
// dialog, as they do from the dialog's fields.
type dialogButton struct {
	widget.Button
	g *gui
}

func newDialogButton(g *gui, label string, imp widget.Importance, tapped func()) *dialogButton {
	b := &dialogButton{g: g}
	b.Text, b.Importance, b.OnTapped = label, imp, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *dialogButton) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	case fyne.KeyEscape:
		b.g.dialogKey(k)
	default:
		b.Button.TypedKey(k)
	}
}

// choiceSelect is a drop-down whose Escape and Return reach its dialog.
type choiceSelect struct {
	widget.Select
	g *gui
}

func newChoiceSelect(g *gui, options []string, placeholder string, changed func(string)) *choiceSelect {
	s := &choiceSelect{g: g}
	s.Options, s.PlaceHolder, s.OnChanged = options, placeholder, changed
	s.ExtendBaseWidget(s)
	return s
}

func (s *choiceSelect) TypedKey(k *fyne.KeyEvent) {
	if s.g.dialogKey(k) {
		return
	}
	s.Select.TypedKey(k)
}
