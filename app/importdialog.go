package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/wire"
	"copydesk/internal/wirefile"
)

// prefImportDir is the folder files were last imported from.
const prefImportDir = "import_dir"

// importer is the store's import: new stories with the people they quote,
// in one transaction. It is an optional capability: File ▸ Import… is
// offered only by a store that has it.
type importer interface {
	Import(ctx context.Context, stories []*editor.Story, people []editor.Person, meta editor.RevisionMeta, progress func(done, total int)) error
}

// importMenuItem disables the menu's Import item when the store cannot import.
func (g *gui) importMenuItem(it *fyne.MenuItem) *fyne.MenuItem {
	_, ok := g.store.(importer)
	it.Disabled = !ok
	return it
}

// importDialog is File ▸ Import…: the files chosen (one at a time, or a
// whole folder), a progress bar, Cancel, and what became of each file. It
// runs the same wire.Batch as `copydesk import`: every good file is saved in
// a transaction of its own, every bad one is named with its reason.
type importDialog struct {
	g *gui
	d *dialog.CustomDialog

	files     []string
	chosen    *widget.Label
	addFile   *widget.Button
	addFolder *widget.Button
	clear     *widget.Button
	bar       *widget.ProgressBar
	state     *widget.Label
	report    *widget.Label
	results   *container.Scroll
	content   *fyne.Container
	start     *widget.Button
	cancel    *widget.Button

	mu   sync.Mutex
	stop context.CancelFunc // set while an import runs
	// read reads a file; tests replace it.
	read func(name string) ([]byte, error)
}

// showImport opens the dialog, returning it (for tests); nil when the store
// cannot import.
func (g *gui) showImport() *importDialog {
	if _, ok := g.store.(importer); !ok {
		return nil
	}
	x := &importDialog{g: g, read: wirefile.Read}
	x.show()
	return x
}

func (x *importDialog) show() {
	x.chosen = &widget.Label{Text: "No files chosen yet.", Wrapping: fyne.TextWrapWord}
	x.addFile = &widget.Button{Text: "Add a file…", OnTapped: x.chooseFile}
	x.addFolder = &widget.Button{Text: "Add a folder…", OnTapped: x.chooseFolder}
	x.clear = &widget.Button{Text: "Clear", OnTapped: func() { x.setFiles(nil) }}
	x.bar = widget.NewProgressBar()
	x.bar.Hide()
	x.state = &widget.Label{Text: "Reads " + wire.FormatsRead + ". Each good file becomes a story; a bad one is named with its reason and the rest are still imported.", Wrapping: fyne.TextWrapWord}
	x.report = &widget.Label{Wrapping: fyne.TextWrapWord}
	x.start = &widget.Button{Text: "Import", Importance: widget.HighImportance, OnTapped: x.run}
	x.start.Disable()
	x.cancel = &widget.Button{Text: "Close", OnTapped: x.onCancel}
	x.results = container.NewVScroll(x.report)
	x.results.SetMinSize(fyne.NewSize(0, 180))
	x.results.Hide()
	x.content = container.NewVBox(
		container.NewHBox(x.addFile, x.addFolder, x.clear),
		x.chosen, x.bar, x.state, x.results,
	)
	x.d = dialog.NewCustomWithoutButtons("Import stories", container.New(&maxWidth{width: 640}, x.content), x.g.win)
	x.d.SetButtons([]fyne.CanvasObject{x.cancel, x.start})
	x.d.Resize(fyne.NewSize(680, 420))
	x.d.Show()
}

// setFiles shows the files chosen, without repeats, in the order chosen.
func (x *importDialog) setFiles(files []string) {
	seen := map[string]bool{}
	x.files = x.files[:0]
	for _, f := range files {
		if !seen[f] {
			seen[f] = true
			x.files = append(x.files, f)
		}
	}
	switch len(x.files) {
	case 0:
		x.chosen.SetText("No files chosen yet.")
		x.start.Disable()
		return
	case 1, 2, 3:
		names := make([]string, len(x.files))
		for i, f := range x.files {
			names[i] = filepath.Base(f)
		}
		x.chosen.SetText(plural(len(x.files), "file", "files") + ": " + strings.Join(names, ", "))
	default:
		x.chosen.SetText(fmt.Sprintf("%s: %s, %s … %s", plural(len(x.files), "file", "files"),
			filepath.Base(x.files[0]), filepath.Base(x.files[1]), filepath.Base(x.files[len(x.files)-1])))
	}
	x.start.Enable()
}

func (x *importDialog) chooseFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		path := r.URI().Path()
		x.g.prefs.p.SetString(prefImportDir, filepath.Dir(path))
		x.setFiles(append(x.files, path))
	}, x.g.win)
	d.Resize(x.g.win.Canvas().Size())
	d.Show()
}

// chooseFolder adds every file of a folder (not its subfolders, nor hidden files).
func (x *importDialog) chooseFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		files, err := filesIn(u.Path())
		if err != nil {
			x.say("Could not read the folder: "+err.Error(), widget.DangerImportance)
			return
		}
		if len(files) == 0 {
			x.say("The folder "+u.Path()+" holds no files.", widget.WarningImportance)
			return
		}
		x.g.prefs.p.SetString(prefImportDir, u.Path())
		x.setFiles(append(x.files, files...))
	}, x.g.win)
	d.Resize(x.g.win.Canvas().Size())
	d.Show()
}

func filesIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(files)
	return files, nil
}

func (x *importDialog) running() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.stop != nil
}

// run imports the chosen files off the UI goroutine; progress and the
// result come back through fyne.Do.
func (x *importDialog) run() {
	if len(x.files) == 0 || x.running() {
		return
	}
	store := x.g.store.(importer)
	ctx, stop := context.WithCancel(x.g.ctx)
	x.mu.Lock()
	x.stop = stop
	x.mu.Unlock()
	x.setRunning(true)
	x.report.SetText("")
	x.results.Hide()
	x.say(fmt.Sprintf("Importing %s…", plural(len(x.files), "file", "files")), widget.MediumImportance)
	files := append([]string(nil), x.files...)
	meta := editor.RevisionMeta{Kind: editor.RevisionImport, Author: x.g.prefs.author()}
	read := x.read
	b := wire.Batch{
		Read: func(name string) ([]byte, error) {
			data, err := read(name)
			if err != nil {
				return nil, wirefile.ReadError(name, err)
			}
			return data, nil
		},
		Save: func(ctx context.Context, name string, r *wire.Result) (*editor.Story, error) {
			s, people := r.ToStory()
			m := meta
			m.Note = "imported from " + editor.ShownName(filepath.Base(name))
			if err := store.Import(ctx, []*editor.Story{&s}, people, m, nil); err != nil {
				return nil, err
			}
			return &s, nil
		},
		Progress: func(done, total int) {
			fyne.Do(func() {
				if x.running() {
					x.bar.SetValue(float64(done) / float64(total))
					x.say(fmt.Sprintf("Imported %d of %d files…", done, total), widget.MediumImportance)
				}
			})
		},
	}
	if ns, ok := x.g.store.(wire.NoticeStore); ok {
		// A feed's cancellation or withdrawal marks the story it names, as
		// `copydesk import` does.
		b.Notice = func(ctx context.Context, name string, n *wire.Notice) (*editor.Story, error) {
			marked, err := wire.ApplyNotice(ctx, ns, name, n, meta, false)
			if err != nil {
				return nil, &editor.FileError{Name: name, Err: err}
			}
			return marked[len(marked)-1], nil
		}
	}
	x.g.run(func() func() {
		outcomes := b.Run(ctx, files)
		cancelled := ctx.Err() != nil
		stop()
		return func() { x.finished(outcomes, cancelled) }
	})
}

// finished says what became of each file and refreshes the story list.
func (x *importDialog) finished(outcomes []wire.Outcome, cancelled bool) {
	x.mu.Lock()
	x.stop = nil
	x.mu.Unlock()
	x.setRunning(false)
	saved, marked, failed := 0, 0, 0
	var lines []string
	var firstID string
	for _, oc := range outcomes {
		switch {
		case oc.Story != nil && oc.Notice != nil:
			marked++
			lines = append(lines, fmt.Sprintf("⊘ %s: a notice that %s the story %s: %s is now spiked",
				filepath.Base(oc.Name), oc.Notice.Verb(), oc.Notice.FeedID, oc.Story.Title()))
		case oc.Story != nil:
			saved++
			if firstID == "" {
				firstID = oc.Story.ID
			}
			lines = append(lines, "✓ "+filepath.Base(oc.Name)+": "+oc.Story.Title())
			for _, w := range oc.Result.Warnings {
				if strings.HasPrefix(w, oc.Name) {
					w = filepath.Base(oc.Name) + w[len(oc.Name):]
				}
				lines = append(lines, "    "+w)
			}
		case cancelled && oc.Result == nil:
		default:
			failed++
			lines = append(lines, "✗ "+shortReason(oc))
		}
	}
	x.report.SetText(strings.Join(lines, "\n"))
	x.results.Show()
	x.content.Refresh()
	text := "Imported " + plural(saved, "story", "stories") + "."
	if marked > 0 {
		text += " Applied " + plural(marked, "notice", "notices") + "."
	}
	imp := widget.SuccessImportance
	if failed > 0 {
		text += " " + plural(failed, "file was", "files were") + " not imported; each is named below with its reason."
		imp = widget.WarningImportance
	}
	if cancelled {
		text = "Import cancelled after " + plural(saved, "story", "stories") + "; the files not reached were not imported."
		imp = widget.WarningImportance
	}
	x.say(text, imp)
	if saved+marked > 0 {
		x.setFiles(nil)
		x.g.list.reloadKeeping(firstID)
		x.g.people.reload()
	}
}

// setRunning shows the dialog importing (its choices off, Cancel and the
// bar on) or idle.
func (x *importDialog) setRunning(on bool) {
	for _, b := range []*widget.Button{x.addFile, x.addFolder, x.clear, x.start} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	x.bar.Hidden = !on
	x.bar.SetValue(0)
	if on {
		x.cancel.SetText("Cancel import")
		return
	}
	x.cancel.SetText("Close")
}

// shortReason is why a file was not imported, naming it by its base name
// as the lines for the stories saved do.
func shortReason(oc wire.Outcome) string {
	var fe *editor.FileError
	if err := oc.Reason(); errors.As(err, &fe) && fe.Name == oc.Name {
		short := *fe
		short.Name = filepath.Base(fe.Name)
		return short.Error()
	}
	return oc.Reason().Error()
}

func (x *importDialog) say(text string, imp widget.Importance) {
	x.state.Importance = imp
	x.state.SetText(text)
}

// onCancel stops a running import after the file it is on, or closes the dialog.
func (x *importDialog) onCancel() {
	x.mu.Lock()
	stop := x.stop
	x.mu.Unlock()
	if stop != nil {
		stop()
		x.say("Cancelling…", widget.WarningImportance)
		return
	}
	x.d.Hide()
}
