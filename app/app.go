// Package app is copydesk's desktop user interface, built with Fyne. It
// depends on the editor domain and on the small Store interface it declares
// here; the command wires in the SQLite store. Slow work (SQLite) runs off the
// UI goroutine and comes back through fyne.Do.
package app

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
	Search(ctx context.Context, query string, limit int) ([]editor.SearchHit, error)
	Path() string
	Close() error
}

// Config is how the command starts the app.
type Config struct {
	DBPath string
	// Open opens (creating when needed) the database at path; created reports
	// that it is new.
	Open func(path string) (store Store, created bool, err error)
}

// Run opens the window and blocks until it closes.
func Run(cfg Config) {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	w := a.NewWindow("copydesk")
	w.Resize(fyne.NewSize(1200, 780))
	var g *gui
	open := func(path string) {
		store, _, err := cfg.Open(path)
		if err != nil {
			showOpenError(w, path, err, cfg)
			return
		}
		if g != nil {
			g.store.Close()
		}
		g = newGUI(w, store, goAsync)
		w.SetContent(g.build())
		g.start()
	}
	w.SetCloseIntercept(func() {
		if g != nil {
			g.store.Close()
		}
		w.Close()
	})
	open(cfg.DBPath)
	w.ShowAndRun()
}

// showOpenError explains a database that cannot be opened and offers another.
func showOpenError(w fyne.Window, path string, err error, cfg Config) {
	retry := func(p string) {
		store, _, err := cfg.Open(p)
		if err != nil {
			showOpenError(w, p, err, cfg)
			return
		}
		g := newGUI(w, store, goAsync)
		w.SetContent(g.build())
		g.start()
	}
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	choose := &widget.Button{Text: "Open another database…", Importance: widget.HighImportance, OnTapped: func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			retry(r.URI().Path())
		}, w)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".sqlite3"}))
		d.Show()
	}}
	create := &widget.Button{Text: "Create a new database…", OnTapped: func() {
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				return
			}
			p := wc.URI().Path()
			wc.Close()
			retry(p)
		}, w)
		d.SetFileName("copydesk.db")
		d.Show()
	}}
	quit := &widget.Button{Text: "Quit", OnTapped: w.Close}
	w.SetContent(container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle("copydesk could not open the database", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		msg,
		container.NewHBox(choose, create, quit),
		widget.NewLabel("Nothing in "+filepath.Base(path)+" was changed."),
	)))
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
