package app

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// This file is the life of an open story or page, written once for both:
// opening it with its working copy, the recovery banner, saving it and what
// a save leaves behind, a save that clashes with someone else's, and
// discarding recovered changes. Restoring an old revision is in restore.go.

// docEditor is what the story and page editors do for the lifecycle: show
// a document in their fields, and say what the fields hold.
type docEditor interface {
	session() *docSession
	// current is the document as the fields hold it, tidied as a save would.
	current() document
	// show fills the fields with d: the saved document, or a working copy
	// over it.
	show(d document)
	// took shows what a save or a status move made of the document, d as
	// saved, leaving the fields as typed.
	took(d document)
	// listed shows a change to the document in the sidebar.
	listed(id string)
	canvas() fyne.CanvasObject
	side() fyne.CanvasObject
	showTab(t sideTab)
}

// sideTab names a tab of an editor's side panel.
type sideTab int

const (
	tabQuotes sideTab = iota
	tabChecks
	tabHistory
)

// docSession is the state of one open document.
type docSession struct {
	g    *gui
	ed   docEditor
	kind *docKind
	gen  int // bumped whenever another document is shown, so late reads are dropped
	// opened is run once document openedID is shown (a search hit's words
	// selected in it).
	openedID string
	opened   func()

	loaded    document // as last read from or saved to the database; nil when none
	base      int      // the revision the fields started from
	saved     []byte   // the content of the revision saved last
	autosaved []byte   // what the working copy holds; nil when it has none
	savedAt   time.Time
	keptAt    time.Time // when the working copy was last written
	// knownDirty is what the status bar last said: the fields differ from
	// the revision saved last.
	knownDirty bool
	// fresh is set while the document is a new story not in the store yet
	// (newstory.go).
	fresh *newDoc

	banner     *fyne.Container
	bannerText *widget.Label
	// notice says what happened to the document that the person did not
	// do themselves: a merge, a revision someone else saved.
	notice     *fyne.Container
	noticeText *widget.Label
	// presence says who else has the document open; hidden when nobody.
	presence *widget.Label
	history  *revisionsPanel
}

// nowFunc is the clock; tests may fix it.
var nowFunc = time.Now

func newDocSession(g *gui, ed docEditor, kind *docKind) *docSession {
	s := &docSession{g: g, ed: ed, kind: kind}
	s.bannerText = widget.NewLabel("")
	s.bannerText.Wrapping = fyne.TextWrapWord
	s.bannerText.Importance = widget.WarningImportance
	keep := &widget.Button{Text: "Keep", OnTapped: func() { s.banner.Hide() }}
	discard := &widget.Button{Text: "Discard them…", OnTapped: s.discardRecovered}
	s.banner = container.NewBorder(nil, widget.NewSeparator(), nil, container.NewHBox(keep, discard), s.bannerText)
	s.banner.Hide()
	s.noticeText = widget.NewLabel("")
	s.noticeText.Wrapping = fyne.TextWrapWord
	s.noticeText.Importance = widget.SuccessImportance
	ok := &widget.Button{Text: "OK", OnTapped: func() {
		s.notice.Hide()
		s.ed.canvas().Refresh()
	}}
	s.notice = container.NewBorder(nil, widget.NewSeparator(), nil, ok, s.noticeText)
	s.notice.Hide()
	s.presence = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.presence.Importance = widget.WarningImportance
	s.presence.Truncation = fyne.TextTruncateEllipsis
	s.presence.Hide()
	s.history = newRevisionsPanel(g, s)
	return s
}

// notify shows text on the notice bar above the fields until dismissed or
// another document is opened.
func (s *docSession) notify(text string) {
	s.noticeText.SetText(text)
	s.notice.Show()
	// The fields' layout does not grow by itself when a bar above them
	// appears: lay them out again, twice, since the notice knows how many
	// lines it wraps to only once it has been given its width.
	s.ed.canvas().Refresh()
	s.ed.canvas().Refresh()
}

func (s *docSession) id() string {
	if s.loaded == nil {
		return ""
	}
	return s.loaded.id()
}

func (s *docSession) dirty(content []byte) bool { return !bytes.Equal(content, s.saved) }

// open reads the document and its working copy, then shows them.
func (s *docSession) open(id string) {
	if s.openedID != id {
		s.opened, s.openedID = nil, "" // meant for a document not opened after all
	}
	s.gen++
	gen := s.gen
	g := s.g
	who := g.prefs.owner()
	g.run(func() func() {
		d, err := s.kind.read(g.ctx, g.store, id)
		var wc *editor.WorkingCopy
		var wcErr error
		if err == nil {
			wc, wcErr = g.workingCopy(id, who)
		}
		return func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				g.showError("Opening the "+s.kind.noun, err)
				return
			}
			if wcErr != nil {
				g.showError("Reading unsaved changes", wcErr)
			}
			s.set(d, wc)
			if s.opened != nil && s.openedID == id {
				then := s.opened
				s.opened, s.openedID = nil, ""
				then()
			}
		}
	})
}

// set shows document d, or its working copy wc when that holds changes, and
// makes it the one being edited.
func (s *docSession) set(d document, wc *editor.WorkingCopy) {
	s.gen++
	s.loaded, s.fresh = d, nil
	s.base, s.saved, s.savedAt, s.autosaved, s.keptAt = d.rev(), d.content(), d.updated(), nil, time.Time{}
	s.knownDirty = false
	s.banner.Hide()
	s.notice.Hide()
	shown := d
	if wc != nil {
		if w, err := d.withContent(wc.Content); err != nil {
			s.g.showError("Reading unsaved changes", err)
		} else if bytes.Equal(w.content(), s.saved) {
			s.autosaved = []byte{} // the working copy says nothing new: let autosave forget it
		} else {
			shown = w
			s.base, s.autosaved, s.keptAt = wc.Base, wc.Content, wc.SavedAt
			s.recovered(d, w, wc)
		}
	}
	s.ed.show(shown)
	s.history.load(d.id())
	s.g.opened(s.ed)
}

// recovered says on the banner what the working copy brought back, from
// when, and whether the document was saved since.
func (s *docSession) recovered(saved, shown document, wc *editor.WorkingCopy) {
	at := wc.SavedAt.Local()
	when := at.Format("15:04")
	if now := nowFunc(); at.YearDay() != now.YearDay() || at.Year() != now.Year() {
		when = at.Format("Mon 2 Jan 15:04")
	}
	text := "Recovered unsaved changes from " + when + " to the " + changedFields(saved, shown) + "."
	if wc.Base != saved.rev() {
		text += fmt.Sprintf(" They were typed over revision %d; the %s has been saved since as revision %d, and saving will merge their changes with these.",
			wc.Base, s.kind.noun, saved.rev())
	} else {
		text += " They are not saved as a revision yet: Save revision (Ctrl+S) when ready."
	}
	s.bannerText.SetText(text)
	s.banner.Show()
}

// save saves the fields as a new revision with this note, merging in
// what others saved since the fields' base.
func (s *docSession) save(note string) {
	s.saveWith(editor.RevisionMeta{Note: strings.TrimSpace(note)})
}

// saveWith saves the fields with meta's note and kind of change, by the
// author in Preferences.
func (s *docSession) saveWith(meta editor.RevisionMeta) {
	d := s.ed.current()
	meta.Kind, meta.Author = editor.RevisionCheckpoint, s.g.prefs.author()
	s.commit(d, d, s.base, meta, nil)
}

// commit saves d over revision base, off the UI goroutine, and shows what
// came of it; sent is what the fields held when the person asked to save,
// note what was merged into d already.
func (s *docSession) commit(sent, d document, base int, meta editor.RevisionMeta, note *mergeNote) {
	g := s.g
	id, who := d.id(), g.prefs.owner()
	g.write(func() func() {
		out := s.saveMerging(d, base, meta, note, who)
		if unreachable(out.err) && g.journal != nil {
			if qerr := g.queueSave(d, base, meta, who); qerr == nil {
				return func() { g.queued(d) }
			}
		}
		return func() {
			what := "Saving “" + d.name() + "”"
			switch {
			case s.id() != id:
				// Another document is open by now: only a failure is worth a word.
				if out.err != nil {
					g.showError(what, out.err)
				}
				if out.clash != nil {
					g.saveState.SetText("“" + d.name() + "” was not saved: it clashes with " + out.clash.note.who() + "; open it and save again to choose")
				}
			case out.clash != nil:
				s.showClash(sent, out.clash, meta)
			case out.err != nil:
				g.showError(what, out.err)
			default:
				s.tookMerged(sent, out)
			}
		}
	})
}

// tookMerged is the bookkeeping after a save that may have merged others'
// revisions in: the fields show the merge, and the status bar says so.
func (s *docSession) tookMerged(sent document, out saveOutcome) {
	g := s.g
	s.took(out.doc, out.changed, out.dropErr)
	if out.merged != nil {
		// The words that came in are those the save added to what was sent:
		// theirs, less any clash settled in favour of ours.
		out.merged.words = theirWords(sent, out.doc)
		g.keepCursor(func() { s.ed.show(savedSince(sent, s.ed.current(), out.doc)) })
		g.edited()
		text := fmt.Sprintf("Saved as revision %d, %s", out.doc.rev(), out.merged)
		g.saveState.SetText(text)
		s.notify(text + ".")
		return
	}
	if !out.changed {
		g.saveState.SetText(fmt.Sprintf("Nothing to save: revision %d already reads like this", out.doc.rev()))
	}
}

// took is the bookkeeping after a save or a status move made revision d:
// the fields are now based on it. A working copy the store could not drop
// is a note in the status bar, not a failure: the save itself stands, and
// autosave forgets or rewrites the copy on its next tick.
func (s *docSession) took(d document, changed bool, dropErr error) {
	g := s.g
	s.loaded = d
	s.base, s.saved, s.savedAt = d.rev(), d.content(), d.updated()
	// Autosave may have queued a copy before this save: forget it on the next tick.
	s.autosaved = []byte{}
	s.keptAt = time.Time{}
	s.banner.Hide()
	delete(g.unsaved, d.id())
	s.ed.took(d)
	g.edited()
	if dropErr != nil {
		g.showStatusError(fmt.Sprintf("Saved as revision %d, but forgetting the working copy failed", d.rev()), dropErr)
	}
	if changed {
		s.history.load(d.id())
		s.ed.listed(d.id())
	}
}

// discardRecovered forgets recovered changes, after asking.
func (s *docSession) discardRecovered() {
	s.g.confirm("Discard the recovered changes?", fmt.Sprintf("The text typed before copydesk stopped will be deleted, "+
		"and the %s shown as last saved (revision %d).", s.kind.noun, s.loaded.rev()), "Discard", func(ok bool) {
		if ok {
			s.dropAndReopen("Discarding the recovered changes")
		}
	})
}

// dropAndReopen deletes the working copy and shows the document as saved.
func (s *docSession) dropAndReopen(what string) {
	g, id := s.g, s.id()
	who := g.prefs.owner()
	g.write(func() func() {
		err := g.forget(id, who)
		return func() {
			if err != nil {
				g.showError(what, err)
				return
			}
			delete(g.unsaved, id)
			if s.id() != id {
				return
			}
			g.current = nil
			s.open(id)
		}
	})
}

// saveCurrent asks for a note and saves the open document as a revision.
func (g *gui) saveCurrent() {
	if g.current == nil {
		if g.person.canvas().Visible() {
			g.person.save()
		}
		return
	}
	if v := g.clashView; v != nil && !v.box.closed {
		// The clash is the question on screen: a save now would ask another.
		g.saveState.SetText("Choose whose words to keep in the clash first; its button saves them.")
		return
	}
	s := g.current.session()
	if s.fresh != nil {
		// A new story not typed in yet: saving it keeps it, empty.
		g.story.create(func() {
			if s.dirty(g.current.current().content()) {
				g.saveCurrent()
			}
		})
		return
	}
	d := g.current.current()
	if s.loaded != nil && s.loaded.published() {
		g.askChange(s, d)
		return
	}
	note := newTextEntry(g, false, "e.g. subbed, legalled, new intro (optional)")
	label := "Note for the history"
	explain := widget.NewLabel("The note is shown in the History panel beside this revision.")
	explain.Wrapping = fyne.TextWrapWord
	explain.Importance = widget.LowImportance
	form := widget.NewForm(widget.NewFormItem(label, note), widget.NewFormItem("", explain))
	b := g.showDialog("Save revision of “"+d.name()+"”", form, note,
		choice{label: "Cancel"},
		choice{label: "Save revision", do: func() { s.save(note.Text) }})
	b.resize(560, 0)
}
