package app

import (
	"bytes"
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"copydesk/editor"
)

// This file keeps what is typed safe: the open document's session, the
// autosaved working copy, leaving a document and quitting.

// startAutosave writes the working copy every interval until stop.
func (g *gui) startAutosave(every time.Duration) {
	g.ticker = time.NewTicker(every)
	g.done = make(chan struct{})
	tick(g.ticker, g.done, g.autosave)
}

// tick runs f on the UI goroutine at each tick of t until done is closed.
func tick(t *time.Ticker, done chan struct{}, f func()) {
	go func() {
		for {
			select {
			case <-t.C:
				fyne.Do(f)
			case <-done:
				return
			}
		}
	}()
}

func (g *gui) stop() {
	g.stopPresence()
	g.stopRetry()
	if g.stopLive != nil {
		g.stopLive()
		g.stopLive = nil
	}
	if g.ticker != nil {
		g.ticker.Stop()
		close(g.done)
		g.ticker = nil
	}
}

// autosave writes the open document's fields as its working copy when they
// changed since the last time, and forgets the working copy when the fields
// are back to the saved revision. It makes no revision.
func (g *gui) autosave() { g.autosaveThen(nil) }

func (g *gui) autosaveThen(then func()) {
	ed := g.current
	if ed == nil {
		if then != nil {
			then()
		}
		return
	}
	s := ed.session()
	c := ed.current().content()
	if f := s.fresh; f != nil {
		// Not in the store yet: its creation writes the working copy. As
		// for any autosave, then runs once it is done, whether it worked.
		switch {
		case f.creating && then != nil:
			g.story.createThen(func(created bool) {
				if created {
					g.autosaveThen(then) // what was typed since
				} else {
					then()
				}
			})
			return
		case f.creating:
			f.left = c
		case s.dirty(c) && then != nil:
			g.story.createThen(func(bool) { then() })
			return
		case s.dirty(c):
			g.story.create(nil)
		}
		if then != nil {
			then()
		}
		return
	}
	if s.dirty(c) != s.knownDirty {
		g.edited() // typed back to the saved text since the last tick
	}
	switch {
	case !s.dirty(c) && s.autosaved == nil, s.autosaved != nil && bytes.Equal(c, s.autosaved):
		if then != nil {
			then()
		}
	case !s.dirty(c):
		s.autosaved = nil
		id, who := s.id(), g.prefs.owner()
		g.write(func() func() {
			err := g.forget(id, who)
			return func() {
				if err != nil {
					g.showStatusError("Forgetting the working copy", err)
				}
				delete(g.unsaved, id)
				g.list.list.Refresh()
				if then != nil {
					then()
				}
			}
		})
	default:
		s.autosaved = c
		who := g.prefs.owner()
		wc := &editor.WorkingCopy{DocID: s.id(), DocKind: s.kind.noun, Base: s.base, Content: c, User: who.User, Client: who.Client}
		g.write(func() func() {
			// The journal first: it is on this computer, where the desk
			// may not be reachable.
			kept := g.keep(wc)
			err := g.store.SaveWorkingCopy(g.ctx, wc)
			return func() {
				if err != nil && kept == nil && g.journal != nil && unreachable(err) {
					g.wentOffline()
					s.keptAt = wc.SavedAt
					g.saveState.SetText("Unsaved changes · kept on this computer " + wc.SavedAt.Local().Format("15:04:05") + " · Save revision: Ctrl+S")
				} else if err != nil && kept == nil && g.journal != nil {
					g.showStatusError("The desk did not take the working copy; your text is kept on this computer", err)
				} else if err != nil {
					if g.current != nil && g.current.session() == s {
						s.autosaved = nil // try again on the next tick
					}
					g.showStatusError("Autosave failed; your text is still on screen", err)
				} else {
					g.unsaved[wc.DocID] = true
					g.list.list.Refresh()
					s.keptAt = wc.SavedAt
					if g.current != nil && g.current.session() == s {
						g.edited()
					}
				}
				if then != nil {
					then()
				}
			}
		})
	}
}

// typed is edited for a keystroke. Once the fields are known to differ
// from the saved revision another key cannot change that news, so the
// comparison, which encodes the whole document, waits for autosave's next
// tick: in a long story it is the largest cost of a keystroke that is ours.
func (g *gui) typed() {
	if g.current != nil && g.current.session().knownDirty {
		return
	}
	g.edited()
}

// edited shows in the status bar whether the open document has unsaved
// changes.
func (g *gui) edited() {
	if g.current == nil {
		return
	}
	s := g.current.session()
	s.knownDirty = s.dirty(g.current.current().content())
	if s.knownDirty && s.fresh != nil && g.current == g.story {
		g.story.create(nil) // the first keystroke in a new story
	}
	if s.knownDirty {
		text := "Unsaved changes · Save revision: Ctrl+S"
		if !s.keptAt.IsZero() {
			text = "Unsaved changes · kept safe " + s.keptAt.Local().Format("15:04:05") + " · Save revision: Ctrl+S"
		}
		g.saveState.SetText(text)
	} else {
		g.showSaved(g.current.session())
	}
}

func (g *gui) showSaved(s *docSession) {
	if s.savedAt.IsZero() {
		g.saveState.SetText("")
		return
	}
	when := s.savedAt.Local()
	text := "Saved " + when.Format("15:04")
	if y, m, d := when.Date(); time.Now().YearDay() != when.YearDay() || y != time.Now().Year() {
		text = fmt.Sprintf("Saved %d %s %d %s", d, m.String()[:3], y, when.Format("15:04"))
	}
	g.saveState.SetText(fmt.Sprintf("%s · revision %d", text, s.base))
}

// leave is called before another document opens: the working copy of the one
// open is written, so its unsaved changes wait for it in the database.
func (g *gui) leave(nextID string) bool {
	if g.current == nil {
		return true
	}
	s := g.current.session()
	if nextID != "" && s.id() == nextID {
		return false
	}
	g.list.showNew(false)
	dirty := s.dirty(g.current.current().content())
	if f := s.fresh; f != nil && !f.creating && !dirty {
		s.fresh = nil // a new story never typed in: nothing to keep
	}
	if dirty {
		title := g.current.current().name()
		g.autosave()
		g.setStatusLater(fmt.Sprintf("Your unsaved changes to “%s” are kept; open it again to carry on or save them.", title))
	}
	g.current = nil
	return true
}

// setStatusLater shows a message after the next editor has loaded and set
// its own save state.
func (g *gui) setStatusLater(msg string) { g.pendingStatus = msg }

// quit closes the window; unsaved changes are written to the working copy
// first, after asking whether to save them as a revision.
func (g *gui) quit() {
	closeNow := func() {
		g.stop()
		// Closing checkpoints the WAL, which can take a moment: not on the UI
		// goroutine, and after every write queued before it.
		g.write(func() func() {
			g.store.Close()
			g.cancel()
			return g.closeWindow
		})
	}
	if g.waiting > 0 && !g.askedWaiting {
		g.ask("Saves waiting for the desk", fmt.Sprintf("The desk cannot be reached, and %s on this computer to be sent to it.\n\n"+
			"If you quit now they stay here, and are sent when copydesk next connects to this desk.", waitingText(g.waiting)),
			choice{label: "Cancel"},
			choice{label: "Quit and send them later", do: func() { g.askedWaiting = true; g.quit() }})
		return
	}
	if g.current == nil || !g.current.session().dirty(g.current.current().content()) {
		closeNow()
		return
	}
	g.askUnsaved("If you quit now they are kept, and offered back when you open it again.",
		"Quit and keep them", func() { g.autosaveThen(closeNow) })
}

// askUnsaved says the open document has changes not saved as a revision,
// and what becomes of them (kept, as its working copy), then offers to
// cancel, to go on keeping them, or to save a revision first.
func (g *gui) askUnsaved(kept, keepLabel string, keep func()) {
	g.ask("Unsaved changes", fmt.Sprintf("“%s” has changes that are not saved as a revision.\n\n%s", g.current.current().name(), kept),
		choice{label: "Cancel"},
		choice{label: keepLabel, do: keep},
		choice{label: "Save revision…", do: g.saveCurrent})
}
