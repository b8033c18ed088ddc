package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// changeText is what the save dialog of a published story says about each
// kind of change: what it is for, and who reads its note.
var changeText = map[editor.ChangeKind]struct{ explain, hint, problem string }{
	editor.ChangeCorrection: {
		explain: "Something was wrong. The note is published under the story with the time it was corrected.",
		hint:    "e.g. An earlier version gave the wrong date for the vote.",
		problem: "Write the correction note: readers see it under the story.",
	},
	editor.ChangeClarification: {
		explain: "Nothing was wrong, but it could be misread. The note is published under the story as a clarification.",
		hint:    "e.g. This story has been amended to make clear the figures are annual.",
		problem: "Write the clarification: readers see it under the story.",
	},
	editor.ChangeUpdate: {
		explain: "New information was added. The story is marked “Updated” with the time; the note is kept in the history.",
		hint:    "e.g. Adds the council's response",
		problem: "Say what the update adds: the note is kept in the history.",
	},
	editor.ChangeFix: {
		explain: "A typo or a broken link, nothing of substance. Readers are not told; the note is kept in the history only.",
		hint:    "e.g. typo in the second paragraph",
		problem: "Say what was fixed: the note is kept in the history.",
	},
}

// errNoNote marks the note field of a change that needs one.
var errNoNote = errors.New("a note is needed")

// requireNote is the note field's validator once a save was tried without one.
func requireNote(text string) error {
	if strings.TrimSpace(text) == "" {
		return errNoNote
	}
	return nil
}

// changeDialog is the save dialog of a published story, where the person
// says what kind of change this is (a correction, a clarification, an
// update or a minor fix) and writes its note.
type changeDialog struct {
	kinds   *widget.RadioGroup
	explain *widget.Label
	note    *wrapLine
	problem *widget.Label
	box     *dialogBox
}

// askChange shows the change dialog for saving d, the edit of a published
// story, and saves it with the kind and note chosen.
func (g *gui) askChange(s *docSession, d document) *changeDialog {
	c := &changeDialog{
		explain: &widget.Label{Wrapping: fyne.TextWrapWord},
		note:    newWrapLine(g, "", 3),
		problem: &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance},
	}
	// A correction note runs to a sentence or two: it wraps, three lines at
	// least, so it is seen whole while written; Return saves.
	c.problem.Hide()
	var labels []string
	for _, k := range editor.ChangeKinds() {
		labels = append(labels, k.Label())
	}
	c.kinds = &widget.RadioGroup{Options: labels, Horizontal: true, Required: true, OnChanged: func(string) { c.show() }}
	c.kinds.ExtendBaseWidget(c.kinds)
	c.kinds.SetSelected(editor.ChangeCorrection.Label())
	c.note.OnChanged = func(string) {
		if c.problem.Visible() && strings.TrimSpace(c.note.Text) != "" {
			c.problem.Hide()
		}
	}
	intro := widget.NewLabel("This story is published. Say what kind of change this is: readers are told of corrections, clarifications and updates.")
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("Kind of change", c.kinds), widget.NewFormItem("", c.explain), widget.NewFormItem("Note", c.note))
	content := container.New(&maxWidth{width: 600}, container.NewVBox(intro, form, c.problem))
	c.box = g.showDialog("Save a change to “"+d.name()+"”", content, c.note,
		choice{label: "Cancel"},
		choice{label: "Save revision", check: c.noted, do: func() {
			s.saveWith(editor.RevisionMeta{Note: strings.TrimSpace(c.note.Text), Change: c.kind()})
		}})
	c.box.resize(640, 0)
	return c
}

// kind is the kind of change chosen.
func (c *changeDialog) kind() editor.ChangeKind {
	for _, k := range editor.ChangeKinds() {
		if k.Label() == c.kinds.Selected {
			return k
		}
	}
	return editor.ChangeCorrection
}

// show says what the chosen kind is for.
func (c *changeDialog) show() {
	t := changeText[c.kind()]
	c.explain.SetText(t.explain)
	c.note.SetPlaceHolder(t.hint)
	if c.problem.Visible() {
		c.problem.SetText(t.problem)
	}
}

// noted keeps the dialog open, the note field marked, while the note is
// empty: every kind of change to a published story needs one.
func (c *changeDialog) noted() bool {
	if strings.TrimSpace(c.note.Text) != "" {
		return true
	}
	c.problem.SetText(changeText[c.kind()].problem)
	c.problem.Show()
	// From now on the field is marked while it is empty.
	c.note.Validator = requireNote
	c.note.AlwaysShowValidationError = true
	c.note.SetValidationError(errNoNote)
	return false
}
