package app

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/spell"
)

// Others' saves arrive: on a store with a change feed, every new revision
// by anyone comes to the window as it is committed. The lists show it; the
// open document, when it is the one saved, follows: without local edits it
// reloads to the new revision, with them it keeps them and merges the new
// revision in, and only a clash asks (clashview.go). Nothing is dropped
// silently: each arrival says who saved what, and when.

// liveStore is a store with a change feed (storage.Store's Watch).
type liveStore interface {
	Watch(ctx context.Context, since editor.Cursor) <-chan editor.Change
}

// startLive follows the store's change feed until stop; a store without
// one is left alone.
func (g *gui) startLive() {
	ls, ok := g.store.(liveStore)
	if !ok {
		return
	}
	ctx, cancel := context.WithCancel(g.ctx)
	g.stopLive = cancel
	changes := ls.Watch(ctx, editor.CursorNow)
	go func() {
		for c := range changes {
			liveLog("change doc=%s rev=%d by=%s", c.DocID, c.Revision, c.Author)
			fyne.Do(func() { g.arrived(c) })
		}
	}()
}

// arrived takes one new revision from the feed to the lists and, when it
// is of the open document and newer than what it shows, to the editor.
func (g *gui) arrived(c editor.Change) {
	switch c.DocKind {
	case pageKind.noun:
		g.pages.reload()
	default:
		g.list.reloadKeeping(g.list.selected)
	}
	g.followOpen(c)
}

// followOpen brings the open document up to revision c when c is of it
// and newer than what it shows. While a save of this window is on its way
// c waits: it may be that save's own, announced before the save returned.
func (g *gui) followOpen(c editor.Change) {
	if g.current == nil {
		return
	}
	s := g.current.session()
	if s.id() != c.DocID || s.loaded == nil || c.Revision <= s.loaded.rev() {
		return // another document, or a save this window made or has seen
	}
	if g.saving > 0 || g.sending {
		if g.held == nil || g.held.DocID != c.DocID || g.held.Revision < c.Revision {
			g.held = &c
		}
		return
	}
	s.follow(c)
}

// savesBack follows the revision held while this window's saves were on
// their way, now that they are back, if it is still newer than what the
// open document shows.
func (g *gui) savesBack() {
	if g.saving > 0 || g.sending || g.held == nil {
		return
	}
	c := *g.held
	g.held = nil
	g.followOpen(c)
}

// follow reads the revision c brought and brings the open document up to
// it, keeping local edits.
func (s *docSession) follow(c editor.Change) {
	g, gen, base, loaded := s.g, s.gen, s.base, s.loaded
	g.run(func() func() {
		cur, err := s.kind.read(g.ctx, g.store, c.DocID)
		from := loaded
		if err == nil && base != loaded.rev() {
			from, _, err = s.kind.revision(g.ctx, g.store, c.DocID, base)
		}
		return func() {
			switch {
			case gen != s.gen || s.loaded == nil:
				return // another document is open
			case err != nil:
				g.showStatusError("Reading "+arrivalText(c), err)
			case s.loaded.rev() < cur.rev():
				s.arrive(c, from, cur)
			}
		}
	})
}

// arrive shows revision cur, saved by someone else over from (the fields'
// base).
func (s *docSession) arrive(c editor.Change, from, cur document) {
	said := arrivalText(c)
	now := s.ed.current()
	if bytes.Equal(now.content(), s.saved) {
		s.rebase(cur, cur)
		s.notify(said + ".")
		liveLog("arrived doc=%s rev=%d by=%s how=reloaded", c.DocID, cur.rev(), c.Author)
		return
	}
	merged, conflicts, err := now.merge(from, cur, nil)
	if err != nil {
		s.g.showError("Merging "+said, err)
		return
	}
	if len(conflicts) == 0 {
		body, hasBody := s.ed.(interface{ bodyEntry() *textEntry })
		var before string
		if hasBody {
			before = body.bodyEntry().Text
		}
		s.rebase(cur, merged)
		if hasBody {
			b := body.bodyEntry()
			b.markMerged(insertedSpans(before, b.Text))
		}
		text := fmt.Sprintf("%s; it changed the %s", said, changedFields(from, cur))
		if w := theirWords(now, merged); w != "" {
			text += ": " + w
		}
		s.notify(text + ". Merged with your unsaved changes.")
		liveLog("arrived doc=%s rev=%d by=%s how=merged", c.DocID, cur.rev(), c.Author)
		return
	}
	liveLog("arrived doc=%s rev=%d by=%s how=clash", c.DocID, cur.rev(), c.Author)
	note := &mergeNote{from: from.rev(), to: cur.rev(), authors: []string{c.Author}, fields: changedFields(from, cur)}
	s.showClashWith(now, &clash{base: from, mine: now, theirs: cur, conflicts: conflicts, note: note}, "Use these choices", func(resolved document) {
		s.rebase(cur, resolved)
		s.notify(fmt.Sprintf("%s; your choices are merged with your unsaved changes.", said))
	})
}

// insertedSpans are the stretches of after (rune offsets) that a word diff
// from before finds inserted: the words an arriving save merged in.
func insertedSpans(before, after string) []spell.Span {
	var spans []spell.Span
	at := 0
	for _, op := range editor.DiffText(before, after) {
		n := utf8.RuneCountInString(op.Text)
		switch op.Op {
		case editor.OpInsert:
			// The spaces around the words are left untinted.
			lead := n - utf8.RuneCountInString(strings.TrimLeftFunc(op.Text, unicode.IsSpace))
			trail := n - utf8.RuneCountInString(strings.TrimRightFunc(op.Text, unicode.IsSpace))
			if lead < n {
				spans = append(spans, spell.Span{Start: at + lead, End: at + n - trail})
			}
			at += n
		case editor.OpEqual:
			at += n
		}
	}
	return spans
}

// rebase makes cur the revision the fields are based on, and shows shown in
// them: cur itself, or local edits merged over it.
func (s *docSession) rebase(cur, shown document) {
	s.loaded = cur
	s.base, s.saved, s.savedAt = cur.rev(), cur.content(), cur.updated()
	s.ed.took(cur)
	s.g.keepCursor(func() { s.ed.show(shown) })
	s.history.load(cur.id())
	s.g.edited()
}

// arrivalText says who saved revision c and when: "Revision 7 saved by bob
// at 12:03".
func arrivalText(c editor.Change) string {
	text := fmt.Sprintf("Revision %d saved", c.Revision)
	if c.Author != "" {
		text += " by " + c.Author
	}
	if !c.At.IsZero() {
		text += " at " + c.At.Local().Format("15:04")
	}
	return text
}

// keepCursor runs show, which refills the fields, and puts the cursor of
// the field being typed in back beside the same words: where it was when
// the text before it is unchanged, else as far from the end as it was when
// the text after it is.
func (g *gui) keepCursor(show func()) {
	var e *widget.Entry
	switch f := g.win.Canvas().Focused().(type) {
	case *widget.Entry:
		e = f
	case *textEntry:
		e = &f.Entry
	}
	if e == nil {
		show()
		return
	}
	old, at := []rune(e.Text), e.CursorTextOffset()
	show()
	now := []rune(e.Text)
	pos := at
	tail := len(old) - at
	switch {
	case at <= len(now) && string(old[:at]) == string(now[:at]):
	case tail <= len(now) && string(old[at:]) == string(now[len(now)-tail:]):
		pos = len(now) - tail
	}
	e.CursorRow, e.CursorColumn = rowCol(rowStarts(e), min(pos, len(now)))
	e.Refresh()
}
