// Package app is copydesk's desktop user interface, built with Fyne. It
// depends on the editor domain and on the small Store interface it declares
// here; the command wires in the SQLite store. Slow work (SQLite) runs off the
// UI goroutine and comes back through fyne.Do.
package app

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"copydesk/assets"
	"copydesk/editor"
)

// AppID identifies copydesk to Fyne (preferences, packaging); FyneApp.toml uses it too.
const AppID = "io.copydesk.desk"

// Store is what the desktop app needs of the database.
type Store interface {
	ListStories(ctx context.Context, f editor.StoryFilter) ([]editor.StorySummary, error)
	CountStories(ctx context.Context, status editor.Status) (int, error)
	Story(ctx context.Context, id string) (*editor.Story, error)
	CreateStory(ctx context.Context, s *editor.Story, meta editor.RevisionMeta) error
	SaveStory(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta) (saved bool, err error)
	SetStatus(ctx context.Context, id string, base int, status editor.Status, meta editor.RevisionMeta) (*editor.Story, error)
	StoryRevision(ctx context.Context, id string, seq int) (*editor.Story, *editor.Revision, error)
	Revisions(ctx context.Context, docID string) ([]editor.Revision, error)

	Pages(ctx context.Context) ([]editor.Page, error)
	Page(ctx context.Context, id string) (*editor.Page, error)
	CreatePage(ctx context.Context, p *editor.Page, meta editor.RevisionMeta) error
	SavePage(ctx context.Context, p *editor.Page, base int, meta editor.RevisionMeta) (saved bool, err error)
	PageRevision(ctx context.Context, id string, seq int) (*editor.Page, *editor.Revision, error)

	People(ctx context.Context) ([]editor.Person, error)
	SavePerson(ctx context.Context, p *editor.Person) error

	// The settings the desk shares: house words, and whether speakers must
	// be confirmed.
	DeskSettings(ctx context.Context) (editor.DeskSettings, error)
	SaveDeskSettings(ctx context.Context, s *editor.DeskSettings) error
	AddHouseWord(ctx context.Context, word string) error

	SaveWorkingCopy(ctx context.Context, wc *editor.WorkingCopy) error
	WorkingCopy(ctx context.Context, docID string, who editor.Owner) (*editor.WorkingCopy, error)
	WorkingCopies(ctx context.Context, who editor.Owner) ([]editor.WorkingCopy, error)
	DropWorkingCopy(ctx context.Context, docID string, who editor.Owner) error

	Search(ctx context.Context, query string, limit int) ([]editor.SearchHit, error)
	Path() string
	Close() error

	// The History panel's compare view and restore.
	RestoreStory(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (*editor.Story, bool, error)
	RestorePage(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (*editor.Page, bool, error)
	PublishedRevision(ctx context.Context, id string) (int, error)
	// The export: every published story, with its quotes and corrections.
	StoriesWithStatus(ctx context.Context, status editor.Status) ([]editor.Story, error)
}

// Config is how the command starts the app.
type Config struct {
	DBPath string
	// DBGiven reports that DBPath was named (--db, COPYDESK_DB); otherwise
	// the app opens the file or shared desk used last, and DBPath only when
	// there is none (or that desk cannot be reached).
	DBGiven bool
	// Open opens (creating when needed) the database at path; created reports
	// that it is new.
	Open func(path string) (store Store, created bool, err error)
	// Export writes the website (published stories and every page) for the
	// File ▸ Export website… dialog; nil leaves that item disabled.
	Export ExportFunc
	// OpenJournal opens the local journal in folder dir, for shared desks;
	// nil keeps none.
	OpenJournal func(dir string) (Journal, error)
	// DeskPath names the desk at a postgres:// URL as its store's Path
	// would, and its user, without connecting: with a journal, a desk that
	// does not answer at start opens offline on what the journal holds of
	// it (offlinestart.go). Nil shows why it could not be opened instead.
	DeskPath func(url string) (path, user string, err error)
}

// autosaveEvery is how often the working copy is written while someone types;
// short enough that a crash two seconds after the last key loses nothing.
const autosaveEvery = time.Second

// checkDelay is how long typing must pause before the checks run again.
const checkDelay = 400 * time.Millisecond

// Run opens the window and blocks until it closes.
func Run(cfg Config) {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	applyTheme(a)
	w := a.NewWindow("copydesk")
	w.Resize(fyne.NewSize(1360, 840))
	var g *gui
	var openLater func(path string)
	// openJournal opens the journal the first time a shared desk is, and
	// keeps it for every desk after (it is keyed by desk).
	var journal Journal
	openJournal := func() Journal {
		if journal == nil && cfg.OpenJournal != nil {
			j, err := cfg.OpenJournal(a.Storage().RootURI().Path())
			if err != nil {
				fyne.LogError("opening the local journal; working copies are kept on the desk only", err)
				return nil
			}
			journal = j
		}
		return journal
	}
	link := &deskLink{keys: &systemKeyring{}, open: func(dsn string) (Store, error) {
		st, _, err := cfg.Open(dsn)
		return st, err
	}}
	// install shows the main window on a newly opened store, or explains why
	// the database could not be opened.
	install := func(path string, store Store, err error) {
		if err != nil {
			showOpenError(w, path, err, openLater)
			return
		}
		if g != nil {
			g.stop()
			// Closed after the writes already queued (the working copy).
			old := g
			old.write(func() func() {
				old.store.Close()
				old.cancel()
				return nil
			})
		}
		g = newGUI(w, store, goAsync, newSerial())
		if isDeskURL(path) {
			g.journal = openJournal()
		}
		g.exportSite = cfg.Export
		g.onReady = reportReady
		g.checkDelay = checkDelay
		g.retryEvery = retryEvery
		g.desk, link.shown = link, g
		w.SetContent(g.build())
		w.SetMainMenu(g.menu())
		g.start()
		g.startAutosave(autosaveEvery)
		g.startLive()
		g.startPresence(beatEvery)
		g.startQueue()
	}
	link.install = func(key string, st Store) { install(key, st, nil) }
	if cfg.DeskPath != nil {
		link.offline = func(key, dsn string, err error) func() {
			js, ok := offlineStore(openJournal(), cfg.DeskPath, newPrefs(a.Preferences()), key, err)
			if !ok {
				return nil
			}
			return func() {
				install(key, js, nil)
				g.startedOffline(func() (Store, error) { return link.open(dsn) }, func(st Store) { install(key, st, nil) })
			}
		}
	}
	// openLater opens another database chosen in the window, off the UI
	// goroutine (a migration may run).
	openLater = func(path string) {
		go func() {
			store, _, err := cfg.Open(path)
			fyne.Do(func() { install(path, store, err) })
		}()
	}
	w.SetCloseIntercept(func() {
		if g == nil {
			w.Close()
			return
		}
		g.quit()
	})
	first := cfg.DBPath
	if last := a.Preferences().String(prefLastDB); !cfg.DBGiven && last != "" {
		first = last
	}
	if isDeskURL(first) {
		// A desk may take a while to answer: the window shows meanwhile.
		connectAtStart(w, link, first, cfg.DBPath, cfg.DBGiven, install)
	} else {
		// A file opens before the window shows, so nothing waits on it.
		store, _, err := cfg.Open(first)
		install(first, store, err)
	}
	w.ShowAndRun()
}

// reportReady writes the time the window became usable (Unix nanoseconds) to
// the file named by COPYDESK_READY_FILE, so scripts/startup.sh can measure
// start-up from outside the process.
func reportReady() {
	if path := os.Getenv("COPYDESK_READY_FILE"); path != "" {
		os.WriteFile(path, []byte(strconv.FormatInt(time.Now().UnixNano(), 10)+"\n"), 0o644)
	}
}

// showOpenError explains a database that cannot be opened and offers another.
func showOpenError(w fyne.Window, path string, err error, open func(string)) {
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	choose := &widget.Button{Text: "Open another database…", Importance: widget.HighImportance, OnTapped: func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			open(r.URI().Path())
		}, w)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".sqlite3"}))
		startInDocuments(d)
		d.Show()
	}}
	create := &widget.Button{Text: "Create a new database…", OnTapped: func() {
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				return
			}
			p := wc.URI().Path()
			wc.Close()
			open(p)
		}, w)
		d.SetFileName("copydesk.db")
		startInDocuments(d)
		d.Show()
	}}
	quit := &widget.Button{Text: "Quit", OnTapped: w.Close}
	title := widget.NewLabelWithStyle("copydesk could not open the database", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	box := container.NewVBox(
		title,
		msg,
		widget.NewLabel("Nothing in "+filepath.Base(path)+" was changed. Open another database, or create a new one."),
		container.NewHBox(choose, create, quit),
	)
	w.SetContent(container.NewCenter(container.New(&maxWidth{width: 640}, box)))
}

// maxWidth lays out one column no wider than width, so long messages wrap.
type maxWidth struct{ width float32 }

func (m *maxWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		o.Resize(fyne.NewSize(m.width, o.MinSize().Height))
		ms := o.MinSize()
		s = s.Max(fyne.NewSize(m.width, ms.Height))
	}
	return s
}

func (m *maxWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// async runs work off the UI goroutine, then the function it returns on the
// UI goroutine. Tests pass a version that runs both at once.
type async func(work func() (ui func()))

func goAsync(work func() func()) {
	go func() {
		ui := work()
		if ui != nil {
			fyne.Do(ui)
		}
	}()
}

// newSerial returns a runner that does its work one job at a time, in the
// order given, off the UI goroutine: writes go through it, so an autosave can
// never land after the save that made it obsolete.
func newSerial() async {
	jobs := make(chan func() func(), 256)
	go func() {
		for work := range jobs {
			if ui := work(); ui != nil {
				fyne.Do(ui)
			}
		}
	}()
	return func(work func() func()) { jobs <- work }
}

// menu is the window's menu bar: every action, with its shortcut.
func (g *gui) menu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	sc := func(k fyne.KeyName) fyne.Shortcut { return &desktop.CustomShortcut{KeyName: k, Modifier: ctrl} }
	item := func(label string, k fyne.KeyName, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		if k != "" {
			it.Shortcut = sc(k)
		}
		return it
	}
	findKey, replaceKey, nextKey, prevKey := findKeys()
	quit := item("Quit", fyne.KeyQ, g.quit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New story", fyne.KeyN, g.newStory),
		item("New site page…", "", g.newPage),
		item("Save revision…", fyne.KeyS, g.saveCurrent),
		fyne.NewMenuItemSeparator(),
		g.deskMenuItem(item("Connect to a shared desk…", "", g.connectDesk)),
		g.deskMenuItem(item("Use a file on this computer…", "", g.useFile)),
		fyne.NewMenuItemSeparator(),
		g.importMenuItem(item("Import…", fyne.KeyI, func() { g.showImport() })),
		g.exportMenuItem(item("Export website…", fyne.KeyE, g.showExport)),
		fyne.NewMenuItemSeparator(),
		item("Preferences…", fyne.KeyComma, g.showPrefs),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu("Edit",
		g.editItem("Undo", &fyne.ShortcutUndo{}, &fyne.ShortcutUndo{}),
		g.editItem("Redo", &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl | fyne.KeyModifierShift}, &fyne.ShortcutRedo{}),
		fyne.NewMenuItemSeparator(),
		g.editItem("Cut", &fyne.ShortcutCut{}, &fyne.ShortcutCut{Clipboard: fyne.CurrentApp().Clipboard()}),
		g.editItem("Copy", &fyne.ShortcutCopy{}, &fyne.ShortcutCopy{Clipboard: fyne.CurrentApp().Clipboard()}),
		g.editItem("Paste", &fyne.ShortcutPaste{}, &fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()}),
		g.editItem("Select all", &fyne.ShortcutSelectAll{}, &fyne.ShortcutSelectAll{}),
		fyne.NewMenuItemSeparator(),
		withKey(fyne.NewMenuItem("Find in story…", func() { g.findInStory(false) }), findKey),
		withKey(fyne.NewMenuItem("Find and replace…", func() { g.findInStory(true) }), replaceKey),
		withKey(fyne.NewMenuItem("Find next", func() { g.findNext(1) }), nextKey),
		withKey(fyne.NewMenuItem("Find previous", func() { g.findNext(-1) }), prevKey),
		withKey(fyne.NewMenuItem("Search everything…", g.focusFind), &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl | fyne.KeyModifierShift}),
		fyne.NewMenuItemSeparator(),
		insertQuoteItem(g),
		addNoteItem(g),
	)
	story := fyne.NewMenu("Story",
		item("Check", fyne.KeyK, g.showChecks),
		withKey(fyne.NewMenuItem("History", g.showHistory), &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: ctrl | fyne.KeyModifierShift}),
		item("Compare revisions…", fyne.KeyD, g.compareRevisions),
		item("Refresh the lists", fyne.KeyR, g.refresh),
		fyne.NewMenuItemSeparator(),
		item("Next story", fyne.KeyPageDown, func() { g.next(1) }),
		item("Previous story", fyne.KeyPageUp, func() { g.next(-1) }),
	)
	return fyne.NewMainMenu(file, edit, story)
}

// withKey gives a menu item its shortcut.
func withKey(it *fyne.MenuItem, key fyne.Shortcut) *fyne.MenuItem {
	it.Shortcut = key
	return it
}

// editItem is an Edit menu item that does to the focused field what its
// shortcut would: the menu shows the key, and takes it first, so Ctrl+Shift+Z
// redoes as Ctrl+Y does.
func (g *gui) editItem(label string, key, does fyne.Shortcut) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, func() {
		if s, ok := g.win.Canvas().Focused().(fyne.Shortcutable); ok {
			s.TypedShortcut(does)
		}
	})
	it.Shortcut = key
	return it
}

func (g *gui) focusFind() {
	g.showPane(paneLeft)
	g.win.Canvas().Focus(g.find.entry)
}

func (g *gui) showChecks() { g.showTab(tabChecks) }

func (g *gui) showHistory() { g.showTab(tabHistory) }

// showTab brings a tab of the open document's side panel to the front.
func (g *gui) showTab(t sideTab) {
	if g.current != nil {
		g.current.showTab(t)
		g.showPane(paneRight)
	}
}
