package app

import (
	"fmt"

	"copydesk/editor"
)

// This file moves a story through the workflow.

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
	if q, msg, action, ok := destructive(e.story().Title(), from, to); ok {
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
		cur, err := e.g.store.Story(e.g.ctx, id)
		var moved *editor.Story
		theirs := 0
		if err == nil && cur.Revision != base {
			theirs = cur.Revision
			err = fmt.Errorf("story %q is at revision %d, but this edit is based on revision %d: %w", cur.Title(), cur.Revision, base, editor.ErrConflict)
		}
		if err == nil {
			moved, err = e.g.store.SetStatus(e.g.ctx, id, to, meta)
		}
		return func() {
			if e.loaded == nil || e.loaded.ID != id {
				return
			}
			if err != nil {
				revert()
				if theirs > 0 {
					e.sess.conflict(base, theirs)
					return
				}
				e.g.showError("Moving the story to "+to.Label(), err)
				return
			}
			e.statusNow = to
			e.sess.took(storyDoc{moved}, true, nil)
			e.onChanged()
			if !e.sess.dirty(e.content()) {
				e.g.saveState.SetText(fmt.Sprintf("Moved to %s · revision %d", to.Label(), moved.Revision))
			}
		}
	})
}
