package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// gui is the main window's state: the store, the panels and the status bar.
type gui struct {
	win   fyne.Window
	store Store
	run   async // reads, in parallel
	write async // writes, one at a time in order
	// ctx is cancelled when the window is done with the store (quit, or
	// another database opened), so work still running for it stops.
	ctx    context.Context
	cancel context.CancelFunc
	prefs  *prefs
	// settings are the settings the desk shares, read from the store.
	settings editor.DeskSettings

	list    *storyList
	pages   *filterList[editor.Page]
	people  *filterList[editor.Person]
	find    *findPanel
	sidebar *container.AppTabs
	// The sidebar's tabs, by what they list.
	lists map[sidebarList]*container.TabItem

	story  *storyEditor
	page   *pageEditor
	person *personEditor
	empty  fyne.CanvasObject
	center *fyne.Container
	right  *fyne.Container
	cols   *columns

	saveState *widget.Label
	dbLabel   *widget.Label

	// current is the story or page being edited, nil when none is.
	current docEditor
	// unsaved holds the IDs of documents with a working copy in the database.
	unsaved map[string]bool

	// pendingStatus is shown once the next editor has loaded.
	pendingStatus string
	// dialogs are the dialogs on screen, the front one last.
	dialogs []*dialogBox

	ticker  *time.Ticker
	done    chan struct{}
	onReady func() // called once, when the first story or page is on screen
	// checkDelay is how long typing must pause before the checks run; 0
	// runs them at once (tests).
	checkDelay time.Duration
	// closeWindow closes the window; tests replace it.
	closeWindow func()

	// desk moves the window to another store (deskconnect.go); nil in
	// tests that never do.
	desk *deskLink

	// exportSite writes the website (Config.Export); nil when not given.
	exportSite ExportFunc
	// The Insert quote and Compare dialogs shown last: while one is on
	// screen, asking for it again goes back to it rather than stacking a
	// second one.
	quoteDialog   *quoteDialog
	compareDialog *compareView
	// The clash view shown last: while it is on screen, Save waits for its
	// choices rather than asking a second question.
	clashView *clashView
	// The export dialog shown last: after publishing, "Update the website"
	// opens it and runs it at once.
	exportDialog *exportDialog

	// stopLive stops following the store's change feed; nil when not.
	stopLive func()
	// live is who else is on the desk (presence.go); nil until asked.
	live *presence
	// journal keeps the working copies on this computer on a shared desk
	// (journal.go); nil on a SQLite file.
	journal Journal
	// offline is set while the shared desk does not answer (offline.go);
	// retry tries it again meanwhile, every retryEvery (never when 0, as
	// in tests, which try it themselves).
	offline    bool
	retryEvery time.Duration
	retry      *time.Ticker
	retryDone  chan struct{}
	// sending is set while the waiting saves are being sent; waiting
	// counts them.
	sending bool
	waiting int
	// askedWaiting is set once quitting with saves waiting was confirmed.
	askedWaiting bool
}

// sidebarList names a tab of the sidebar.
type sidebarList int

const (
	listStories sidebarList = iota
	listPages
	listPeople
)

func newGUI(w fyne.Window, store Store, run, write async) *gui {
	g := &gui{win: w, store: store, run: run, write: write, unsaved: map[string]bool{}}
	g.ctx, g.cancel = context.WithCancel(context.Background())
	g.prefs = newPrefs(fyne.CurrentApp().Preferences())
	g.closeWindow = w.Close
	g.saveState = widget.NewLabel("")
	g.saveState.Truncation = fyne.TextTruncateEllipsis
	g.dbLabel = widget.NewLabel("Database: " + store.Path())
	g.dbLabel.Importance = widget.MediumImportance
	g.story = newStoryEditor(g)
	g.page = newPageEditor(g)
	g.person = newPersonEditor(g)
	g.list = newStoryList(g, g.openStory)
	g.pages = newPageList(g)
	g.people = newPeopleList(g)
	g.find = newFindPanel(g)
	w.Canvas().SetOnTypedKey(g.typedKey)
	return g
}

// build lays out the window: the find box over a sidebar of stories, pages
// and people; the editor in the middle; quotes, checks and history on the
// right; the status bar underneath.
func (g *gui) build() fyne.CanvasObject {
	g.lists = map[sidebarList]*container.TabItem{
		listStories: container.NewTabItem("Stories", g.list.build()),
		listPages:   container.NewTabItem("Pages", g.pages.build()),
		listPeople:  container.NewTabItem("People", g.people.build()),
	}
	g.sidebar = container.NewAppTabs(g.lists[listStories], g.lists[listPages], g.lists[listPeople])
	findBox := g.find.build()
	left := container.NewBorder(g.find.entry, nil, nil, nil, container.NewStack(g.sidebar, findBox))

	hint := widget.NewLabel("Choose a story, page or person on the left, or start a new story (Ctrl+N).")
	hint.Alignment = fyne.TextAlignCenter
	g.empty = container.NewCenter(hint)
	g.center = container.NewStack(g.empty, g.story.canvas(), g.page.canvas(), g.person.canvas())
	g.right = container.NewStack(g.story.side(), g.page.side())
	g.showCenter(g.empty, nil)

	p := g.prefs.p
	g.cols = newColumns(container.NewVScroll(left), g.center, container.NewVScroll(g.right),
		[3]string{"Stories, pages, people", "Editor", "Quotes, checks, history"},
		float32(p.Float(prefColumnLeft)), float32(p.Float(prefColumnRight)))
	g.cols.onResized = func(left, right float32) {
		p.SetFloat(prefColumnLeft, float64(left))
		p.SetFloat(prefColumnRight, float64(right))
	}
	bar := container.NewBorder(nil, nil, nil, g.dbLabel, g.saveState)
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), bar), nil, nil, g.cols)
}

// showPane brings a pane to the front when the window is too narrow for
// all three columns.
func (g *gui) showPane(i int) {
	if g.cols != nil {
		g.cols.show(i)
	}
}

// showList brings a tab of the sidebar to the front.
func (g *gui) showList(l sidebarList) { g.sidebar.Select(g.lists[l]) }

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
	g.showStore()
	g.pages.reload()
	g.people.reload()
	g.loadDeskSettings()
	g.story.spell.use(g.prefs.dictionary())
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
	who := g.prefs.owner()
	st.wcs, err = g.store.WorkingCopies(g.ctx, who)
	fail("Looking for unsaved changes", err)
	st.total, err = countListed(g.ctx, g.store, "")
	if fail("Counting stories", err) {
		return
	}
	st.rows, err = g.store.ListStories(g.ctx, listFilter("", g.prefs.storyOrder(), 0, pageSize))
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
		st.wc, err = g.workingCopy(id, who)
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
		g.story.sess.set(storyDoc{st.story}, st.wc)
	case st.page != nil:
		g.showList(listPages)
		g.page.sess.set(pageDoc{st.page}, st.wc)
	default:
		g.ready()
	}
	if st.err != nil {
		g.showError(st.what, st.err)
	}
	if st.wc == nil {
		g.win.Canvas().Focus(g.find.entry)
		// On a shared desk the author is the database user; no need to ask.
		if _, desk := g.store.(deskStore); !desk && st.err == nil && g.prefs.needsAuthor() {
			g.askAuthor()
		}
	}
}

// ready reports, once, that the window is usable.
func (g *gui) ready() {
	if g.onReady != nil {
		g.onReady()
		g.onReady = nil
	}
}

func (g *gui) openStory(id string) {
	g.leavePerson(func() {
		if g.leave(id) {
			g.story.sess.open(id)
		}
	})
}

func (g *gui) openPage(id string) {
	g.leavePerson(func() {
		if g.leave(id) {
			g.page.sess.open(id)
		}
	})
}

func (g *gui) openPerson(p editor.Person) {
	g.leavePerson(func() {
		g.leave("")
		g.person.set(p)
		g.showCenter(g.person.canvas(), nil)
		g.showPane(paneCentre)
		g.win.SetTitle(personHeading(p) + " — copydesk")
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
	g.showDialog("Unsaved changes", container.New(&maxWidth{width: 420}, msg), nil,
		choice{label: "Cancel"},
		choice{label: "Discard changes", do: func() { g.person.set(g.person.person); next() }},
		choice{label: "Save changes", do: func() { g.person.saveThen(next) }})
}

// opened makes a loaded editor current.
func (g *gui) opened(ed docEditor) {
	g.current = ed
	g.win.SetTitle(ed.current().name() + " — copydesk")
	g.showCenter(ed.canvas(), ed.side())
	g.showPane(paneCentre)
	g.edited()
	if g.pendingStatus != "" {
		g.saveState.SetText(g.pendingStatus)
		g.pendingStatus = ""
	}
	g.ready()
}

// next opens the story after (step 1) or before (step -1) the one selected.
func (g *gui) next(step int) {
	g.showList(listStories)
	g.list.step(step)
}

func (g *gui) showPrefs() { g.prefs.show(g) }
