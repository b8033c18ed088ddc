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

// saveCurrent asks for a note and saves the open document as a revision.
func (g *gui) saveCurrent() {
	if g.current == nil {
		if g.person.canvas().Visible() {
			g.person.save()
		}
		return
	}
	ed := g.current
	note := &widget.Entry{PlaceHolder: "e.g. subbed, legalled, new intro (optional)"}
	published := ed == g.story && g.story.loaded != nil && g.story.loaded.Status == editor.StatusPublished
	label := "Note for the history"
	explain := widget.NewLabel("The note is shown in the History panel beside this revision.")
	if published {
		label = "Correction note"
		note.PlaceHolder = "What was corrected, as readers will see it"
		explain.SetText("This story is published: a change to it is a correction, and the note is published with it.")
	}
	explain.Wrapping = fyne.TextWrapWord
	explain.Importance = widget.LowImportance
	var d *dialog.FormDialog
	d = dialog.NewForm("Save revision of “"+ed.title()+"”", "Save revision", "Cancel",
		[]*widget.FormItem{{Text: label, Widget: note}, {Text: "", Widget: explain}},
		func(ok bool) {
			if ok {
				ed.save(note.Text)
			}
		}, g.win)
	note.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	g.win.Canvas().Focus(note)
	g.saveDialog = d
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
	d := dialog.NewCustom(what+" failed", "OK", container.New(&maxWidth{width: 480}, container.NewVBox(msg, keep)), g.win)
	d.Show()
	g.lastError = msg.Text
}

// showStatusError reports a failure in the status bar only, for background
// work that will be retried (autosave).
func (g *gui) showStatusError(what string, err error) {
	g.saveState.SetText(fmt.Sprintf("%s: %v", what, err))
}

// explain turns an error into what a person can act on.
func explain(err error) string {
	var ve *editor.ValidationError
	switch {
	case errors.As(err, &ve):
		return fmt.Sprintf("The %s %s. Correct it and save again.", strings.ToLower(editor.FieldLabel(ve.Field)), ve.Problem)
	case errors.Is(err, editor.ErrNotFound):
		return fmt.Sprintf("%v. It may have been removed by someone else; reload the list.", err)
	}
	return err.Error()
}

// confirm asks before something destructive.
func (g *gui) confirm(title, message, action string, then func(bool)) {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, action, "Cancel", container.New(&maxWidth{width: 460}, msg), then, g.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
	g.lastConfirm = d
}
