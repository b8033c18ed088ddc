package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// gui is the main window's state: the store, the panels and the status bar.
type gui struct {
	win   fyne.Window
	store Store
	run   async // reads, in parallel
	write async // writes, one at a time in order
	ctx   context.Context
	prefs *prefs

	list    *storyList
	pages   *pageList
	people  *peopleList
	find    *findPanel
	sidebar *container.AppTabs

	story  *storyEditor
	page   *pageEditor
	person *personEditor
	empty  fyne.CanvasObject
	center *fyne.Container
	right  *fyne.Container

	saveState *widget.Label
	dbLabel   *widget.Label

	// current is the story or page being edited, nil when none is.
	current docEditor
	// unsaved holds the IDs of documents with a working copy in the database.
	unsaved map[string]bool

	// pendingStatus is shown once the next editor has loaded.
	pendingStatus string
	// The dialogs shown last, for tests to answer.
	saveDialog     *dialog.FormDialog
	lastConfirm    *dialog.ConfirmDialog
	lastError      string
	conflictDialog *dialog.CustomDialog
	revisionDialog *dialog.CustomDialog
	prefsDialog    *dialog.FormDialog

	ticker  *time.Ticker
	done    chan struct{}
	onReady func() // called once, when the first story or page is on screen
	// closeWindow closes the window; tests replace it.
	closeWindow func()
}

// docEditor is what the story and page editors share: a document loaded at a
// revision, whose fields may differ from it.
type docEditor interface {
	session() *docSession
	// content is what the fields hold now, as revision content.
	content() []byte
	title() string
	// save saves the fields as a new revision with this note.
	save(note string)
	canvas() fyne.CanvasObject
	side() fyne.CanvasObject
}

// docSession is the state of one open document.
type docSession struct {
	kind      string // story or page
	id        string
	base      int    // the revision the fields started from
	saved     []byte // the content of the revision saved last
	autosaved []byte // what the working copy holds; nil when it has none
	savedAt   time.Time
	keptAt    time.Time // when the working copy was last written
}

// nowFunc is the clock; tests may fix it.
var nowFunc = time.Now

func (s *docSession) dirty(content []byte) bool { return !bytes.Equal(content, s.saved) }

func newGUI(w fyne.Window, store Store, run, write async) *gui {
	g := &gui{win: w, store: store, run: run, write: write, ctx: context.Background(), unsaved: map[string]bool{}}
	g.prefs = newPrefs(fyne.CurrentApp().Preferences())
	g.closeWindow = w.Close
	g.saveState = widget.NewLabel("")
	g.saveState.Truncation = fyne.TextTruncateEllipsis
	g.dbLabel = widget.NewLabel("Database: " + store.Path())
	g.dbLabel.Importance = widget.LowImportance
	g.story = newStoryEditor(g)
	g.page = newPageEditor(g)
	g.person = newPersonEditor(g)
	g.list = newStoryList(g, g.openStory)
	g.pages = newPageList(g)
	g.people = newPeopleList(g)
	g.find = newFindPanel(g)
	return g
}

// build lays out the window: the find box over a sidebar of stories, pages
// and people; the editor in the middle; quotes, checks and history on the
// right; the status bar underneath.
func (g *gui) build() fyne.CanvasObject {
	g.sidebar = container.NewAppTabs(
		container.NewTabItem("Stories", g.list.build()),
		container.NewTabItem("Pages", g.pages.build()),
		container.NewTabItem("People", g.people.build()),
	)
	findBox := g.find.build()
	left := container.NewBorder(g.find.entry, nil, nil, nil, container.NewStack(g.sidebar, findBox))

	hint := widget.NewLabel("Choose a story, page or person on the left, or start a new story (Ctrl+N).")
	hint.Alignment = fyne.TextAlignCenter
	g.empty = container.NewCenter(hint)
	g.center = container.NewStack(g.empty, g.story.canvas(), g.page.canvas(), g.person.canvas())
	g.right = container.NewStack(g.story.side(), g.page.side())
	g.showCenter(g.empty, nil)

	inner := container.NewHSplit(g.center, g.right)
	inner.Offset = 0.68
	outer := container.NewHSplit(left, inner)
	outer.Offset = 0.24
	bar := container.NewBorder(nil, nil, nil, g.dbLabel, g.saveState)
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), bar), nil, nil, outer)
}

// showCenter shows one editor in the middle and its panel on the right.
func (g *gui) showCenter(main, side fyne.CanvasObject) {
	for _, o := range g.center.Objects {
		o.Hide()
	}
	main.Show()
	for _, o := range g.right.Objects {
		o.Hide()
	}
	if side != nil {
		side.Show()
	}
	g.center.Refresh()
	g.right.Refresh()
}

// start loads the lists, and opens the document last being edited when the
// app stopped with unsaved changes, else the newest story.
func (g *gui) start() {
	g.pages.reload()
	g.people.reload()
	// Everything the first screen needs is read in one trip off the UI
	// goroutine, so the window is usable after a single update.
	g.run(func() func() {
		var first startup
		first.load(g)
		return func() { g.show(&first) }
	})
}

// startup is what the window shows first: the story list's count and first
// page, which documents have unsaved changes, and the document to open.
type startup struct {
	wcs   []editor.WorkingCopy
	total int
	rows  []editor.StorySummary
	story *editor.Story
	page  *editor.Page
	wc    *editor.WorkingCopy
	err   error
	what  string
}

func (st *startup) load(g *gui) {
	fail := func(what string, err error) bool {
		if err != nil && st.err == nil {
			st.what, st.err = what, err
		}
		return err != nil
	}
	var err error
	st.wcs, err = g.store.WorkingCopies(g.ctx)
	fail("Looking for unsaved changes", err)
	st.total, err = g.store.CountStories(g.ctx, "")
	if fail("Counting stories", err) {
		return
	}
	st.rows, err = g.store.ListStories(g.ctx, editor.StoryFilter{Limit: pageSize})
	if fail("Loading stories", err) {
		return
	}
	// The document last edited with unsaved changes comes back first, else
	// the newest story.
	id, kind := "", "story"
	if len(st.wcs) > 0 {
		id, kind = st.wcs[0].DocID, st.wcs[0].DocKind
	} else if len(st.rows) > 0 {
		id = st.rows[0].ID
	}
	if id == "" {
		return
	}
	if kind == "page" {
		st.page, err = g.store.Page(g.ctx, id)
		fail("Opening the page", err)
	} else {
		st.story, err = g.store.Story(g.ctx, id)
		fail("Opening the story", err)
	}
	if err == nil {
		st.wc, err = g.store.WorkingCopy(g.ctx, id)
		if errors.Is(err, editor.ErrNotFound) {
			st.wc, err = nil, nil
		}
		fail("Reading unsaved changes", err)
	}
}

func (g *gui) show(st *startup) {
	for _, wc := range st.wcs {
		g.unsaved[wc.DocID] = true
	}
	g.list.autoOpen = false
	g.list.preload(st.total, st.rows)
	switch {
	case st.story != nil:
		g.story.set(st.story, st.wc)
	case st.page != nil:
		g.sidebar.SelectIndex(1)
		g.page.set(st.page, st.wc)
	default:
		g.ready()
	}
	if st.err != nil {
		g.showError(st.what, st.err)
	}
	if st.wc == nil {
		g.win.Canvas().Focus(g.find.entry)
	}
}

// ready reports, once, that the window is usable.
func (g *gui) ready() {
	if g.onReady != nil {
		g.onReady()
		g.onReady = nil
	}
}

// startAutosave writes the working copy every interval until stop.
func (g *gui) startAutosave(every time.Duration) {
	g.ticker = time.NewTicker(every)
	g.done = make(chan struct{})
	go func() {
		for {
			select {
			case <-g.ticker.C:
				fyne.Do(g.autosave)
			case <-g.done:
				return
			}
		}
	}()
}

func (g *gui) stop() {
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
	c := ed.content()
	switch {
	case !s.dirty(c) && s.autosaved == nil, s.autosaved != nil && bytes.Equal(c, s.autosaved):
		if then != nil {
			then()
		}
	case !s.dirty(c):
		s.autosaved = nil
		id := s.id
		g.write(func() func() {
			err := g.store.DropWorkingCopy(g.ctx, id)
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
		wc := &editor.WorkingCopy{DocID: s.id, DocKind: s.kind, Base: s.base, Content: c}
		g.write(func() func() {
			err := g.store.SaveWorkingCopy(g.ctx, wc)
			return func() {
				if err != nil {
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

// edited is called by an editor whenever a field changes.
func (g *gui) edited() {
	if g.current == nil {
		return
	}
	if s := g.current.session(); s.dirty(g.current.content()) {
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
	if s.id == nextID {
		return false
	}
	if s.dirty(g.current.content()) {
		title := g.current.title()
		g.autosave()
		g.setStatusLater(fmt.Sprintf("Your unsaved changes to “%s” are kept; open it again to carry on or save them.", title))
	}
	g.current = nil
	return true
}

// setStatusLater shows a message after the next editor has loaded and set
// its own save state.
func (g *gui) setStatusLater(msg string) { g.pendingStatus = msg }

func (g *gui) openStory(id string) {
	g.leavePerson(func() {
		if g.leave(id) {
			g.story.open(id)
		}
	})
}

func (g *gui) openPage(id string) {
	g.leavePerson(func() {
		if g.leave(id) {
			g.page.open(id)
		}
	})
}

func (g *gui) openPerson(p editor.Person) {
	g.leavePerson(func() {
		g.leave("")
		g.person.set(p)
		g.showCenter(g.person.canvas(), nil)
		g.win.SetTitle(p.FullName() + " — copydesk")
		g.saveState.SetText("")
	})
}

// leavePerson runs next, first asking what to do with unsaved changes to the
// person on screen: a person has no working copy, so they are never dropped
// without asking.
func (g *gui) leavePerson(next func()) {
	if !g.person.canvas().Visible() || !g.person.dirty() {
		next()
		return
	}
	msg := widget.NewLabel("Your changes to " + g.person.person.FullName() + " in the people directory are not saved.")
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	d = dialog.NewCustomWithoutButtons("Unsaved changes", container.New(&maxWidth{width: 420}, msg), g.win)
	d.SetButtons([]fyne.CanvasObject{
		&widget.Button{Text: "Cancel", OnTapped: d.Hide},
		&widget.Button{Text: "Discard changes", OnTapped: func() { d.Hide(); g.person.set(g.person.person); next() }},
		&widget.Button{Text: "Save changes", Importance: widget.HighImportance, OnTapped: func() { d.Hide(); g.person.saveThen(next) }},
	})
	d.Show()
}

// opened makes a loaded editor current.
func (g *gui) opened(ed docEditor) {
	g.current = ed
	g.win.SetTitle(ed.title() + " — copydesk")
	g.showCenter(ed.canvas(), ed.side())
	g.edited()
	if g.pendingStatus != "" {
		g.saveState.SetText(g.pendingStatus)
		g.pendingStatus = ""
	}
	g.ready()
}

// saveCurrent asks for a note and saves the open document as a revision.
func (g *gui) saveCurrent() {
	if g.current == nil {
		return
	}
	ed := g.current
	note := &widget.Entry{PlaceHolder: "e.g. subbed, legalled, new intro (optional)"}
	published := ed == g.story && g.story.loaded != nil && g.story.loaded.Status == editor.StatusPublished
	label := "Note for the history"
	explain := widget.NewLabel("The note is shown in the History panel beside this revision.")
	if published {
		label = "Correction note"
		note.PlaceHolder = "What was corrected, as readers will see it"
		explain.SetText("This story is published: a change to it is a correction, and the note is published with it.")
	}
	explain.Wrapping = fyne.TextWrapWord
	explain.Importance = widget.LowImportance
	var d *dialog.FormDialog
	d = dialog.NewForm("Save revision of “"+ed.title()+"”", "Save revision", "Cancel",
		[]*widget.FormItem{{Text: label, Widget: note}, {Text: "", Widget: explain}},
		func(ok bool) {
			if ok {
				ed.save(note.Text)
			}
		}, g.win)
	note.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	g.win.Canvas().Focus(note)
	g.saveDialog = d
}

// showError explains a failure in a dialog that names what went wrong; the
// text being edited stays as it is.
func (g *gui) showError(what string, err error) {
	g.showStatusError(what, err)
	msg := widget.NewLabel(explain(err))
	msg.Wrapping = fyne.TextWrapWord
	keep := widget.NewLabel("Nothing you typed has been lost: it is still in the editor.")
	keep.Importance = widget.LowImportance
	keep.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(what+" failed", "OK", container.New(&maxWidth{width: 480}, container.NewVBox(msg, keep)), g.win)
	d.Show()
	g.lastError = msg.Text
}

// showStatusError reports a failure in the status bar only, for background
// work that will be retried (autosave).
func (g *gui) showStatusError(what string, err error) {
	g.saveState.SetText(fmt.Sprintf("%s: %v", what, err))
}

// explain turns an error into what a person can act on.
func explain(err error) string {
	var ve *editor.ValidationError
	switch {
	case errors.As(err, &ve):
		return fmt.Sprintf("The %s %s. Correct it and save again.", ve.Field, ve.Problem)
	case errors.Is(err, editor.ErrNotFound):
		return fmt.Sprintf("%v. It may have been removed by someone else; reload the list.", err)
	}
	return err.Error()
}

// confirm asks before something destructive.
func (g *gui) confirm(title, message, action string, then func(bool)) {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, action, "Cancel", container.New(&maxWidth{width: 460}, msg), then, g.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
	g.lastConfirm = d
}

// newStory creates an empty draft and opens it.
func (g *gui) newStory() {
	if g.current != nil {
		g.leave("")
	}
	s := &editor.Story{Status: editor.StatusDraft, Credit: g.prefs.defaultCredit()}
	meta := editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: g.prefs.author(), Note: "new story"}
	g.write(func() func() {
		err := g.store.CreateStory(g.ctx, s, meta)
		return func() {
			if err != nil {
				g.showError("Creating a story", err)
				return
			}
			g.sidebar.SelectIndex(0)
			g.list.reloadKeeping(s.ID)
			g.story.set(s, nil)
			g.win.Canvas().Focus(g.story.headline)
		}
	})
}

// quit closes the window; unsaved changes are written to the working copy
// first, after asking whether to save them as a revision.
func (g *gui) quit() {
	closeNow := func() {
		g.stop()
		g.store.Close()
		g.closeWindow()
	}
	if g.current == nil || !g.current.session().dirty(g.current.content()) {
		closeNow()
		return
	}
	title := g.current.title()
	msg := widget.NewLabel(fmt.Sprintf("“%s” has changes that are not saved as a revision.\n\n"+
		"If you quit now they are kept, and offered back when you open it again.", title))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	d = dialog.NewCustomWithoutButtons("Unsaved changes", container.New(&maxWidth{width: 460}, msg), g.win)
	d.SetButtons([]fyne.CanvasObject{
		&widget.Button{Text: "Cancel", OnTapped: d.Hide},
		&widget.Button{Text: "Quit and keep them", OnTapped: func() { d.Hide(); g.autosaveThen(closeNow) }},
		&widget.Button{Text: "Save revision…", Importance: widget.HighImportance, OnTapped: func() { d.Hide(); g.saveCurrent() }},
	})
	d.Show()
}

// next opens the story after (step 1) or before (step -1) the one selected.
func (g *gui) next(step int) {
	g.sidebar.SelectIndex(0)
	g.list.step(step)
}

func (g *gui) showPrefs() { g.prefs.show(g) }
