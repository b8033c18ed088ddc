package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// This file moves a story through the workflow and resolves saves that
// clash with someone else's.

// destructive says whether moving a story from one status to another needs
// confirming, and how to ask.
func destructive(title string, from, to editor.Status) (question, message, action string, ok bool) {
	switch {
	case to == editor.StatusSpiked:
		return "Spike this story?", "“" + title + "” will be spiked: it leaves the working lists and will not be published. Nothing is deleted; choose Spiked in the status filter to find it again.", "Spike", true
	case to == editor.StatusPublished:
		return "Publish this story?", "“" + title + "” will be marked published and included in the next export of the website. Later changes to it will need a correction note.", "Publish", true
	case from == editor.StatusPublished:
		return "Withdraw this story?", "“" + title + "” is published. Moving it to " + to.Label() + " takes it off the website at the next export.", "Withdraw", true
	}
	return "", "", "", false
}

// onStatus moves the story through the workflow when the status is chosen,
// asking first for anything destructive.
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
	revert := func() {
		e.filling = true
		e.status.SetSelected(from.Label())
		e.filling = false
	}
	if q, msg, action, ok := destructive(e.title(), from, to); ok {
		e.g.confirm(q, msg, action, func(yes bool) {
			if yes {
				e.move(to, revert)
			} else {
				revert()
			}
		})
		return
	}
	e.move(to, revert)
}

// move records the new status as a revision of the saved story; the fields
// keep any unsaved changes, now based on that revision.
func (e *storyEditor) move(to editor.Status, revert func()) {
	id, base := e.loaded.ID, e.sess.base
	meta := editor.RevisionMeta{Kind: editor.RevisionStatus, Author: e.g.prefs.author()}
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
					e.conflict(base, theirs)
					return
				}
				e.g.showError("Moving the story to "+to.Label(), err)
				return
			}
			e.loaded = moved
			e.statusNow = to
			e.sess.base, e.sess.saved, e.sess.savedAt = moved.Revision, moved.Content(), moved.UpdatedAt
			e.sess.autosaved = []byte{} // rewrite or forget the working copy on the next tick
			e.showMeta()
			e.history.load(id)
			e.g.list.reloadKeeping(id)
			e.onChanged()
			if !e.sess.dirty(e.content()) {
				e.g.saveState.SetText(fmt.Sprintf("Moved to %s · revision %d", to.Label(), moved.Revision))
			}
		}
	})
}

// conflict explains that someone else saved the story since this edit began,
// and offers ways on that lose nothing.
func (e *storyEditor) conflict(base, theirs int) {
	msg := widget.NewLabel(fmt.Sprintf("Someone else saved “%s” while you were editing it: it is now at revision %d, "+
		"and your changes started from revision %d.\n\n"+
		"Your text is still in the editor. Save it as a new story, so nothing is lost and the two can be compared, "+
		"or load their version in place of yours.", e.loaded.Title(), theirs, base))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	d = dialog.NewCustomWithoutButtons("The story changed while you were editing", container.New(&maxWidth{width: 520}, msg), e.g.win)
	d.SetButtons([]fyne.CanvasObject{
		&widget.Button{Text: "Keep editing", OnTapped: d.Hide},
		&widget.Button{Text: "Load their version…", OnTapped: func() { d.Hide(); e.reloadTheirs() }},
		&widget.Button{Text: "Save mine as a new story", Importance: widget.HighImportance, OnTapped: func() { d.Hide(); e.saveAsCopy() }},
	})
	d.Show()
	e.g.conflictDialog = d
}

// reloadTheirs replaces the fields with the story as saved, after asking.
func (e *storyEditor) reloadTheirs() {
	e.g.confirm("Load their version?", "Your changes to “"+e.title()+"” will be replaced by the saved story and are not kept anywhere else.", "Replace my changes", func(ok bool) {
		if !ok {
			return
		}
		id := e.loaded.ID
		e.g.write(func() func() {
			err := e.g.store.DropWorkingCopy(e.g.ctx, id)
			return func() {
				if err != nil {
					e.g.showError("Discarding your changes", err)
					return
				}
				delete(e.g.unsaved, id)
				e.g.current = nil
				e.open(id)
			}
		})
	})
}

// saveAsCopy saves the fields as a new draft story, leaving the original as
// the other person saved it.
func (e *storyEditor) saveAsCopy() {
	orig := e.loaded
	c := e.story()
	c.ID, c.Slug, c.Revision, c.Status, c.PublishedAt, c.Corrections = "", "", 0, editor.StatusDraft, nil, nil
	c.CreatedAt, c.UpdatedAt = nowFunc(), nowFunc()
	c.Quotes = append([]editor.Quote(nil), c.Quotes...)
	for i := range c.Quotes {
		c.Quotes[i].ID = ""
	}
	meta := editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: e.g.prefs.author(),
		Note: fmt.Sprintf("copy of %s made when saving clashed with revision %d", orig.Slug, orig.Revision)}
	e.g.write(func() func() {
		err := e.g.store.CreateStory(e.g.ctx, c, meta)
		if err == nil {
			err = e.g.store.DropWorkingCopy(e.g.ctx, orig.ID)
		}
		return func() {
			if err != nil {
				e.g.showError("Saving your version as a new story", err)
				return
			}
			delete(e.g.unsaved, orig.ID)
			e.g.current = nil
			e.set(c, nil)
			e.g.list.reloadKeeping(c.ID)
			e.g.saveState.SetText("Your version is saved as a new draft, “" + c.Title() + "”")
		}
	})
}

// discardRecovered forgets recovered changes, after asking.
func (e *storyEditor) discardRecovered() {
	e.g.confirm("Discard the recovered changes?", "The text typed before copydesk stopped will be deleted, and the story shown as last saved (revision "+fmt.Sprint(e.loaded.Revision)+").", "Discard", func(ok bool) {
		if !ok {
			return
		}
		id := e.loaded.ID
		e.g.write(func() func() {
			err := e.g.store.DropWorkingCopy(e.g.ctx, id)
			return func() {
				if err != nil {
					e.g.showError("Discarding the recovered changes", err)
					return
				}
				delete(e.g.unsaved, id)
				e.g.current = nil
				e.open(id)
			}
		})
	})
}
