package app

import (
	"bytes"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// A new story (Ctrl+N) belongs to the window only until something is typed
// in it: it has no row and no revision, so one abandoned leaves nothing
// behind. The first keystroke in any field creates it in the store as an
// empty draft (revision 1, "new story") and, in the same write, keeps what
// was typed as its working copy, journal first, as autosave does for any
// story; after a crash it is offered back like any other typing.

// newDoc is the new story on screen while it is not in the store yet.
type newDoc struct {
	creating bool // its creation is on its way to the store
	// after are run once the creation is done, told whether it worked.
	after []func(created bool)
	// left is what the fields held when the window moved on to another
	// document while it was being created.
	left []byte
}

// newStory opens a new, empty draft that is saved once something is typed.
func (g *gui) newStory() {
	if g.current == g.story && g.story.sess.fresh != nil && !g.story.sess.dirty(g.story.content()) {
		g.win.Canvas().Focus(g.story.headline) // a new story is open already, untouched
		return
	}
	if g.current != nil {
		g.leave("")
	}
	s := &editor.Story{Status: editor.StatusDraft, Credit: g.prefs.defaultCredit(), RulesPage: g.prefs.defaultRulesPage()}
	s.Normalize() // as the fields will give it back, so that it starts unchanged
	g.showList(listStories)
	e := g.story
	e.sess.set(storyDoc{s}, nil)
	e.sess.fresh = &newDoc{}
	e.showMeta()
	g.list.showNew(true)
	g.saveState.SetText("New story: it is saved as a draft as soon as you type in it")
	g.win.Canvas().Focus(e.headline)
}

// create puts the new story on screen in the store, then runs then (when
// not nil) once it is there; for a story already there it runs then at
// once.
func (e *storyEditor) create(then func()) {
	if then == nil {
		e.createThen(nil)
		return
	}
	e.createThen(func(created bool) {
		if created {
			then()
		}
	})
}

// createThen puts the new story on screen in the store and runs after
// (when not nil) once that is done, whether it worked or not.
func (e *storyEditor) createThen(after func(created bool)) {
	s, g := e.sess, e.g
	f := s.fresh
	if f == nil {
		if after != nil {
			after(true)
		}
		return
	}
	if after != nil {
		f.after = append(f.after, after)
	}
	if f.creating {
		return
	}
	f.creating = true
	blank, typed := *e.loaded, e.content()
	who := g.prefs.owner()
	meta := editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: g.prefs.author(), Note: "new story"}
	g.write(func() func() {
		c := blank
		err := g.store.CreateStory(g.ctx, &c, meta)
		var wc *editor.WorkingCopy
		var wcErr error
		if err == nil {
			wc, wcErr = g.keepTyped(&c, typed, who)
		}
		return func() { e.created(f, &c, wc, wcErr, err) }
	})
}

// keepTyped writes what was typed in the new story c as its working copy,
// in the journal first; none when nothing was. Off the UI goroutine.
func (g *gui) keepTyped(c *editor.Story, typed []byte, who editor.Owner) (*editor.WorkingCopy, error) {
	t := *c
	if err := t.ApplyContent(typed); err != nil {
		return nil, err
	}
	t.Slug = c.Slug // the fields had none: the store has just given it
	t.Normalize()
	content := t.Content()
	if bytes.Equal(content, c.Content()) {
		return nil, nil
	}
	wc := &editor.WorkingCopy{DocID: c.ID, DocKind: storyKind.noun, Base: c.Revision, Content: content, User: who.User, Client: who.Client}
	kept := g.keep(wc)
	err := g.store.SaveWorkingCopy(g.ctx, wc)
	if err != nil && kept == nil && g.journal != nil {
		err = nil // kept on this computer, as autosave would have it
	}
	return wc, err
}

// created is the bookkeeping once the new story is in the store (as c) or
// failed to get there: the fields go on as typed, now based on revision 1.
func (e *storyEditor) created(f *newDoc, c *editor.Story, wc *editor.WorkingCopy, wcErr, err error) {
	s, g := e.sess, e.g
	f.creating = false
	showing := s.fresh == f && g.current == e
	after := f.after
	f.after = nil
	if err != nil {
		if showing {
			e.filling = true
			e.status.SetSelected(e.statusNow.Label())
			e.filling = false
		}
		g.showError("Creating the story", err)
		for _, a := range after {
			a(false)
		}
		return
	}
	if s.fresh == f {
		s.fresh = nil
	}
	if wc != nil && wcErr == nil {
		g.unsaved[c.ID] = true
	}
	g.list.showNew(false)
	if !showing {
		g.list.reloadKeeping(g.list.selected)
		if f.left != nil {
			// Typed on before the window moved away: keep that too.
			left, who := f.left, g.prefs.owner()
			g.write(func() func() {
				_, err := g.keepTyped(c, left, who)
				return func() {
					if err != nil {
						g.showStatusError(fmt.Sprintf("Keeping the typing in “%s” failed", c.Title()), err)
					}
				}
			})
		}
		return
	}
	s.loaded = storyDoc{c}
	s.base, s.saved, s.savedAt = c.Revision, c.Content(), c.UpdatedAt
	s.autosaved, s.keptAt = nil, time.Time{}
	if wc != nil && wcErr == nil {
		s.autosaved, s.keptAt = wc.Content, wc.SavedAt
	}
	e.loaded = c
	e.showMeta()
	e.notes.load(c.ID)
	s.history.load(c.ID)
	g.list.reloadKeeping(c.ID)
	g.edited()
	if wcErr != nil {
		g.showStatusError("Created the story, but keeping what was typed failed; it is still on screen", wcErr)
	}
	for _, a := range after {
		a(true)
	}
}

// newStoryNotice is the row at the top of the story list while a new story
// that is not saved yet is open.
func newStoryNotice() *widget.Label {
	l := widget.NewLabelWithStyle("New story (unsaved)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Importance = widget.HighImportance
	l.Truncation = fyne.TextTruncateEllipsis
	l.Hide()
	return l
}

// showNew shows or hides the row of the new story not saved yet.
func (l *storyList) showNew(on bool) {
	if on {
		l.quietly(l.list.UnselectAll)
		l.newRow.Show()
	} else {
		l.newRow.Hide()
	}
}
