package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// restoreRevision makes revision seq of the open story current again, as a
// new revision, after asking. A published story needs a correction note.
// Unsaved changes must be saved first, so restoring never drops them.
func (g *gui) restoreRevision(seq int) {
	if g.current == g.page {
		g.restorePageRevision(seq)
		return
	}
	e := g.story
	if g.current != e || e.loaded == nil {
		return
	}
	s := e.loaded
	if e.sess.dirty(e.content()) {
		msg := widget.NewLabel(fmt.Sprintf("“%s” has unsaved changes. Save them as a revision first (Ctrl+S), then restore revision %d: the changes stay in the history that way.", s.Title(), seq))
		msg.Wrapping = fyne.TextWrapWord
		dialog.NewCustom("Save your changes first", "OK", container.New(&maxWidth{width: 460}, msg), g.win).Show()
		g.lastError = msg.Text
		return
	}
	if seq == s.Revision {
		g.saveState.SetText(fmt.Sprintf("Revision %d is the current one: nothing to restore.", seq))
		return
	}
	published := s.Status == editor.StatusPublished
	note := &widget.Entry{PlaceHolder: fmt.Sprintf("e.g. restored revision %d (optional)", seq)}
	text := fmt.Sprintf("“%s” will read as it did at revision %d, saved as a new revision %d. Nothing is deleted: every revision stays in the history.", s.Title(), seq, s.Revision+1)
	label := "Note for the history"
	if published {
		note.PlaceHolder = "What was corrected, as readers will see it"
		label = "Correction note"
		text += " The story is published: restoring changes it, so a correction note is needed and is published with it."
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	problem.Hide()
	var d *dialog.CustomDialog
	do := func() {
		n := strings.TrimSpace(note.Text)
		if published && n == "" {
			problem.SetText("Write the correction note: readers see it under the story.")
			problem.Show()
			return
		}
		d.Hide()
		g.restore(s, seq, n)
	}
	note.OnSubmitted = func(string) { do() }
	form := widget.NewForm(widget.NewFormItem(label, note))
	d = dialog.NewCustomWithoutButtons(fmt.Sprintf("Restore revision %d?", seq), container.New(&maxWidth{width: 520}, container.NewVBox(msg, form, problem)), g.win)
	d.SetButtons([]fyne.CanvasObject{
		&widget.Button{Text: "Cancel", OnTapped: d.Hide},
		&widget.Button{Text: fmt.Sprintf("Restore revision %d", seq), Importance: widget.DangerImportance, OnTapped: do},
	})
	d.Show()
	g.win.Canvas().Focus(note)
	g.restoreDialog = d
}

// restore saves revision seq of s as its newest revision and reopens it.
func (g *gui) restore(s *editor.Story, seq int, note string) {
	meta := editor.RevisionMeta{Kind: editor.RevisionRestore, Author: g.prefs.author(), Note: note}
	g.write(func() func() {
		restored, saved, err := g.store.RestoreStory(g.ctx, s.ID, seq, meta)
		return func() {
			g.restored("story", s.Title(), seq, err, saved, func() int {
				if g.story.loaded != nil && g.story.loaded.ID == s.ID {
					g.story.set(restored, nil)
				}
				g.list.reloadKeeping(s.ID)
				return restored.Revision
			})
		}
	})
}

// restored reports a restore of revision seq of the story or page named
// title: the error, or, after reopen has shown the result and returned the
// new revision number, what became of it. It closes the compare and revision
// dialogs the restore was started from.
func (g *gui) restored(noun, title string, seq int, err error, saved bool, reopen func() int) {
	if err != nil {
		g.showError(fmt.Sprintf("Restoring revision %d of “%s”", seq, title), err)
		return
	}
	if g.compareDialog != nil {
		g.compareDialog.d.Hide()
	}
	if g.revisionDialog != nil {
		g.revisionDialog.Hide()
	}
	rev := reopen()
	if saved {
		g.pendingStatus = ""
		g.saveState.SetText(fmt.Sprintf("Restored revision %d as revision %d", seq, rev))
	} else {
		g.saveState.SetText(fmt.Sprintf("Nothing to restore: the %s already reads as revision %d", noun, seq))
	}
}

// restorePageRevision makes revision seq of the open site page current again,
// as a new revision, after asking; unsaved changes must be saved first.
func (g *gui) restorePageRevision(seq int) {
	e := g.page
	if e.loaded == nil {
		return
	}
	p := e.loaded
	if e.sess.dirty(e.content()) {
		msg := widget.NewLabel(fmt.Sprintf("“%s” has unsaved changes. Save them as a revision first (Ctrl+S), then restore revision %d: the changes stay in the history that way.", p.Title, seq))
		msg.Wrapping = fyne.TextWrapWord
		dialog.NewCustom("Save your changes first", "OK", container.New(&maxWidth{width: 460}, msg), g.win).Show()
		g.lastError = msg.Text
		return
	}
	if seq == p.Revision {
		g.saveState.SetText(fmt.Sprintf("Revision %d is the current one: nothing to restore.", seq))
		return
	}
	note := &widget.Entry{PlaceHolder: fmt.Sprintf("e.g. restored revision %d (optional)", seq)}
	msg := widget.NewLabel(fmt.Sprintf("“%s” will read as it did at revision %d, saved as a new revision %d. Nothing is deleted: every revision stays in the history. The summary under every article changes with it at the next export.", p.Title, seq, p.Revision+1))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	do := func() {
		d.Hide()
		meta := editor.RevisionMeta{Kind: editor.RevisionRestore, Author: g.prefs.author(), Note: strings.TrimSpace(note.Text)}
		g.write(func() func() {
			restored, saved, err := g.store.RestorePage(g.ctx, p.ID, seq, meta)
			return func() {
				g.restored("page", p.Title, seq, err, saved, func() int {
					if g.page.loaded != nil && g.page.loaded.ID == p.ID {
						g.page.set(restored, nil)
					}
					g.pages.reload()
					return restored.Revision
				})
			}
		})
	}
	note.OnSubmitted = func(string) { do() }
	form := widget.NewForm(widget.NewFormItem("Note for the history", note))
	d = dialog.NewCustomWithoutButtons(fmt.Sprintf("Restore revision %d?", seq), container.New(&maxWidth{width: 520}, container.NewVBox(msg, form)), g.win)
	d.SetButtons([]fyne.CanvasObject{
		&widget.Button{Text: "Cancel", OnTapped: d.Hide},
		&widget.Button{Text: fmt.Sprintf("Restore revision %d", seq), Importance: widget.DangerImportance, OnTapped: do},
	})
	d.Show()
	g.win.Canvas().Focus(note)
	g.restoreDialog = d
}
