package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// restoreRevision makes revision seq of the open story or page current
// again, as a new revision, after asking. A published story needs a
// correction note. Unsaved changes must be saved first, so restoring never
// drops them.
func (g *gui) restoreRevision(seq int) {
	if g.current == nil {
		return
	}
	g.current.session().restore(seq)
}

func (s *docSession) restore(seq int) {
	g, d := s.g, s.loaded
	if d == nil {
		return
	}
	if s.dirty(s.ed.current().content()) {
		text := fmt.Sprintf("“%s” has unsaved changes. Save them as a revision first (Ctrl+S), then restore revision %d: the changes stay in the history that way.", d.name(), seq)
		g.message("Save your changes first", text, "OK")
		return
	}
	if seq == d.rev() {
		g.saveState.SetText(fmt.Sprintf("Revision %d is the current one: nothing to restore.", seq))
		return
	}
	note := newTextEntry(g, false, fmt.Sprintf("e.g. restored revision %d (optional)", seq))
	text := fmt.Sprintf("“%s” will read as it did at revision %d, saved as a new revision %d. Nothing is deleted: every revision stays in the history.", d.name(), seq, d.rev()+1)
	label := "Note for the history"
	switch {
	case d.published():
		note.PlaceHolder = "What was corrected, as readers will see it"
		label = "Correction note"
		text += " The " + s.kind.noun + " is published: restoring changes it, so a correction note is needed and is published with it."
	case s.kind == pageKind:
		text += " The summary under every article changes with it at the next export."
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	problem.Hide()
	noted := func() bool {
		if d.published() && strings.TrimSpace(note.Text) == "" {
			problem.SetText("Write the correction note: readers see it under the story.")
			problem.Show()
			return false
		}
		return true
	}
	content := container.New(&maxWidth{width: 520}, container.NewVBox(msg, widget.NewForm(widget.NewFormItem(label, note)), problem))
	g.showDialog(fmt.Sprintf("Restore revision %d?", seq), content, note,
		choice{label: "Cancel"},
		choice{label: fmt.Sprintf("Restore revision %d", seq), importance: widget.DangerImportance, check: noted,
			do: func() { s.restoreNow(d, seq, strings.TrimSpace(note.Text)) }})
}

// restoreNow saves revision seq of d as its newest revision and shows it.
func (s *docSession) restoreNow(d document, seq int, note string) {
	g := s.g
	meta := editor.RevisionMeta{Kind: editor.RevisionRestore, Author: g.prefs.author(), Note: note}
	g.write(func() func() {
		restored, saved, err := s.kind.restore(g.ctx, g.store, d.id(), seq, meta)
		return func() {
			if err != nil {
				g.showError(fmt.Sprintf("Restoring revision %d of “%s”", seq, d.name()), err)
				return
			}
			// The compare and revision dialogs the restore was started from
			// show what is no longer current.
			g.closeDialogs()
			if s.id() == d.id() {
				s.set(restored, nil)
			}
			s.ed.listed(d.id())
			if saved {
				g.pendingStatus = ""
				g.saveState.SetText(fmt.Sprintf("Restored revision %d as revision %d", seq, restored.rev()))
			} else {
				g.saveState.SetText(fmt.Sprintf("Nothing to restore: the %s already reads as revision %d", s.kind.noun, seq))
			}
		}
	})
}
