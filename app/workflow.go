package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// This file moves a story through the workflow.

// destructive says whether moving a story from one status to another needs
// confirming, and how to ask. Publishing asks in askPublish.
func destructive(title string, from, to editor.Status) (question, message, action string, ok bool) {
	switch {
	case to == editor.StatusSpiked && from == editor.StatusPublished:
		return "Spike this published story?", "“" + title + "” is on the website. Spiking it takes it off the website at the next export, and out of the working lists. Nothing is deleted; choose Spiked in the status filter to find it again.", "Spike", true
	case to == editor.StatusSpiked:
		return "Spike this story?", "“" + title + "” will be spiked: it leaves the working lists and will not be published. Nothing is deleted; choose Spiked in the status filter to find it again.", "Spike", true
	case from == editor.StatusPublished:
		return "Withdraw this story?", "“" + title + "” is published. Moving it to " + to.Label() + " takes it off the website at the next export.", "Withdraw", true
	}
	return "", "", "", false
}

// onStatus moves the story through the workflow when the status is chosen:
// only along the workflow's moves, asking first for anything destructive,
// and publishing only what the checks allow.
func (e *storyEditor) onStatus(label string) {
	if e.filling || e.loaded == nil {
		return
	}
	var to editor.Status
	for _, s := range editor.Statuses {
		if s.Label() == label {
			to = s
		}
	}
	from := e.statusNow
	if to == from || to == "" {
		return
	}
	if e.sess.fresh != nil {
		// A move is a revision of the story in the store: put it there first.
		e.create(func() { e.onStatus(label) })
		return
	}
	revert := func() {
		e.filling = true
		e.status.SetSelected(from.Label())
		e.filling = false
	}
	title := e.story().Title()
	if err := editor.CheckMove(from, to); err != nil {
		revert()
		e.g.showError("Moving “"+title+"” to "+to.Label(), err)
		return
	}
	if to == editor.StatusPublished {
		e.askPublish(revert)
		return
	}
	if q, msg, action, ok := destructive(title, from, to); ok {
		e.g.confirm(q, msg, action, func(yes bool) {
			if yes {
				e.move(to, "", 0, revert)
			} else {
				revert()
			}
		})
		return
	}
	e.move(to, "", 0, revert)
}

// askPublish confirms publishing the saved story: its warnings, and edits
// not saved (which are not published), are listed; its errors refuse it,
// unless the desk publishes over them with a reason for the history.
func (e *storyEditor) askPublish(revert func()) {
	g, s := e.g, e.loaded
	fs := editor.CheckWith(s, g.people.all, g.checkOptions())
	blockers := editor.PublishBlockers(fs)
	var warnings []editor.Finding
	for _, f := range fs {
		if f.Severity == editor.SeverityWarning {
			warnings = append(warnings, f)
		}
	}
	box := container.NewVBox()
	say := func(text string, imp widget.Importance) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		box.Add(l)
	}
	list := func(head string, fs []editor.Finding, imp widget.Importance) {
		if len(fs) == 0 {
			return
		}
		say(head, widget.MediumImportance)
		for _, f := range fs {
			say("•  "+sentence(f.Message), imp)
		}
	}
	say(fmt.Sprintf("“%s” will be marked published (revision %d as saved) and included in the next export of the website. Later changes to it will need a correction note.", s.Title(), s.Revision), widget.MediumImportance)
	if e.sess.dirty(e.content()) {
		say("Your unsaved changes to the "+changedFields(storyDoc{s}, e.current())+" are not part of it: save them first (Ctrl+S) to publish them.", widget.WarningImportance)
	}
	list(plural(len(blockers), "error stops publishing:", "errors stop publishing:"), blockers, widget.DangerImportance)
	list(plural(len(warnings), "warning:", "warnings:"), warnings, widget.WarningImportance)
	cancel := choice{label: "Cancel", do: revert}
	content := container.New(&maxWidth{width: 560}, container.NewVScroll(box))
	if len(blockers) == 0 {
		g.showDialog("Publish this story?", content, nil, cancel,
			choice{label: "Publish", importance: widget.DangerImportance, do: func() { e.move(editor.StatusPublished, "", 0, revert) }}).resize(600, 480)
		return
	}
	reason := newTextEntry(g, false, "Why it must go out now, for the history")
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Hide()
	say("Fix them and publish then. A desk editor may publish over them now by saying why: the reason is recorded in the revision history.", widget.MediumImportance)
	box.Add(widget.NewForm(widget.NewFormItem("Desk override", reason)))
	box.Add(problem)
	stated := func() bool {
		if strings.TrimSpace(reason.Text) == "" {
			problem.SetText("Give the reason for publishing over the errors, or cancel and fix them.")
			problem.Show()
			return false
		}
		return true
	}
	g.showDialog("Publishing is stopped by the checks", content, nil,
		choice{label: "Cancel and fix them", do: revert, isDefault: true},
		choice{label: "Publish over the errors", importance: widget.DangerImportance, check: stated,
			do: func() { e.move(editor.StatusPublished, reason.Text, len(blockers), revert) }}).resize(600, 520)
}

// move records the new status as a revision of the saved story, its note
// saying which move it was (and, over errors, the desk's reason); the
// fields keep any unsaved changes, now based on that revision.
func (e *storyEditor) move(to editor.Status, override string, blockers int, revert func()) {
	id, base, from := e.loaded.ID, e.sess.base, e.loaded.Status
	meta := editor.RevisionMeta{Kind: editor.RevisionStatus, Author: e.g.prefs.author(), Note: editor.MoveNote(from, to, "", override, blockers)}
	e.g.write(func() func() {
		// The store checks the base inside its transaction.
		moved, err := e.g.store.SetStatus(e.g.ctx, id, base, to, meta)
		theirs := 0
		if ce := (*editor.ConflictError)(nil); errors.As(err, &ce) && ce.Kind == editor.ConflictRevision {
			theirs = ce.Current
		}
		return func() {
			if e.loaded == nil || e.loaded.ID != id {
				return
			}
			if err != nil {
				revert()
				if theirs > 0 {
					e.g.message("The story changed", fmt.Sprintf("Someone else saved “%s” as revision %d since yours (revision %d), "+
						"so it was not moved to %s. Save revision (Ctrl+S) merges their changes with yours; then move it again.",
						e.loaded.Title(), theirs, base, to.Label()), "OK")
					return
				}
				e.g.showError("Moving the story to "+to.Label(), err)
				return
			}
			e.statusNow = to
			e.sess.took(storyDoc{moved}, true, nil)
			e.onChanged()
			if !e.sess.dirty(e.content()) {
				e.g.saveState.SetText(fmt.Sprintf("Moved %s · revision %d", meta.Note, moved.Revision))
			}
			if to == editor.StatusPublished {
				e.g.offerExport()
			}
		}
	})
}

// offerExport offers, after publishing, to write the website again into
// the folder it was last exported to.
func (g *gui) offerExport() {
	dir := g.prefs.p.String(prefExportDir)
	if g.exportSite == nil || dir == "" {
		return
	}
	g.confirm("Update the website?", "The story is published. Write the website again into "+dir+" now, so it goes out? Only the files that changed are rewritten.", "Update the website", func(ok bool) {
		if ok {
			g.showExport()
			g.exportDialog.run()
		}
	})
}
