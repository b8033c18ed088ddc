package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// prefExportDir is the folder the website was last exported to.
const prefExportDir = "export_dir"

// ExportSite is what the exported website says about itself.
type ExportSite struct {
	Name    string
	BaseURL string // absolute http(s) address; empty for the exporter's default
	// AllowRemoval lets the export remove more than half of the site's
	// articles; without it such an export is refused with a *RemovalError.
	AllowRemoval bool
	// TimeZone is the IANA name of the zone the website shows times in
	// ("Europe/London"); empty for UTC.
	TimeZone string
}

// RemovalError is what an ExportFunc returns when it refused an export that
// would remove more than half of the site's articles: the dialog asks, and
// runs it again with AllowRemoval when the person confirms.
type RemovalError struct {
	Removed, Articles int
}

func (e *RemovalError) Error() string {
	return fmt.Sprintf("the export would remove %d of the site's %d articles", e.Removed, e.Articles)
}

// ExportSummary is what an export did with the site's files.
type ExportSummary struct {
	Written, Unchanged, Removed int
	Duration                    time.Duration
}

// ExportFunc writes the website for the published stories and every page
// into the folder out, calling progress as files are prepared (from any
// goroutine). It stops when ctx is cancelled, leaving the folder as it was.
type ExportFunc func(ctx context.Context, out string, site ExportSite, stories []editor.Story, pages []editor.Page, progress func(done, total int)) (ExportSummary, error)

// exportMenuItem disables the menu's Export item when no exporter was given.
func (g *gui) exportMenuItem(it *fyne.MenuItem) *fyne.MenuItem {
	it.Disabled = g.exportSite == nil
	return it
}

// exportDialog is File ▸ Export website…: the folder and the site address
// (both remembered), a progress bar, Cancel, and a summary that opens the
// site in the browser.
type exportDialog struct {
	g   *gui
	box *dialogBox

	folder   *textEntry
	choose   *widget.Button
	baseURL  *textEntry
	bar      *widget.ProgressBar
	state    *widget.Label
	start    *dialogButton
	cancel   *dialogButton
	openSite *widget.Button

	mu      sync.Mutex
	stop    context.CancelFunc // set while an export runs
	out     string             // the folder of the last finished export
	openURL func(*url.URL) error
	// allowRemoval is set, for one run, once the person has confirmed an
	// export that removes most of the site.
	allowRemoval bool
}

func (g *gui) showExport() {
	if g.exportSite == nil {
		return
	}
	x := &exportDialog{g: g, openURL: fyne.CurrentApp().OpenURL}
	x.show()
	g.exportDialog = x
}

func (x *exportDialog) show() {
	p := x.g.prefs.p
	x.folder = newTextEntry(x.g, false, "The folder to write the site into, e.g. /home/you/site")
	x.folder.SetText(p.String(prefExportDir))
	x.choose = &widget.Button{Text: "Choose…", OnTapped: x.chooseFolder}
	x.baseURL = newTextEntry(x.g, false, "e.g. https://news.example.org/ (feeds and sitemaps need it)")
	x.baseURL.SetText(x.g.prefs.baseURL())
	x.bar = widget.NewProgressBar()
	x.bar.Hide()
	x.state = widget.NewLabel("Writes every published story and every site page. Only files that changed are rewritten; the site in the folder stays as it was until the export is complete.")
	x.state.Wrapping = fyne.TextWrapWord
	x.openSite = &widget.Button{Text: "Open the site in the browser", OnTapped: x.open}
	x.openSite.Hide()
	site := x.g.prefs.siteName()
	if site == "" {
		site = "(not set: Preferences ▸ Site name)"
	}
	form := widget.NewForm(
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, x.choose, x.folder)),
		widget.NewFormItem("Site address", x.baseURL),
		widget.NewFormItem("Site name", widget.NewLabel(site)),
	)
	content := container.NewVBox(form, x.bar, x.state, container.NewHBox(x.openSite))
	// Close cancels a running export rather than closing, and Export stays
	// open to show its progress and summary.
	x.box = x.g.showDialog("Export website", container.New(&maxWidth{width: 620}, content), x.folder,
		choice{label: "Close", stay: true, do: x.onCancel},
		choice{label: "Export", stay: true, do: x.run})
	x.cancel, x.start = x.box.buttons[0], x.box.buttons[1]
}

func (x *exportDialog) chooseFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		x.folder.SetText(u.Path())
	}, x.g.win)
	d.Resize(x.g.win.Canvas().Size())
	d.Show()
}

// running reports whether an export is under way.
func (x *exportDialog) running() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.stop != nil
}

// run checks the settings, remembers them and starts the export off the UI
// goroutine; progress comes back through fyne.Do.
func (x *exportDialog) run() {
	out := strings.TrimSpace(x.folder.Text)
	if out == "" {
		x.say("Choose the folder to write the site into.", widget.DangerImportance)
		return
	}
	if abs, err := filepath.Abs(out); err == nil {
		out = abs
	}
	base := strings.TrimSpace(x.baseURL.Text)
	if base != "" {
		u, err := url.Parse(base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			x.say(fmt.Sprintf("The site address %q must start with http:// or https://, e.g. https://news.example.org/.", base), widget.DangerImportance)
			return
		}
	}
	prefs := x.g.prefs.p
	prefs.SetString(prefExportDir, out)
	prefs.SetString(prefBaseURL, base)
	site := ExportSite{Name: x.g.prefs.siteName(), BaseURL: base, AllowRemoval: x.allowRemoval, TimeZone: x.g.prefs.timeZone()}
	x.allowRemoval = false

	ctx, stop := context.WithCancel(x.g.ctx)
	x.mu.Lock()
	x.stop = stop
	x.mu.Unlock()
	x.folder.Disable()
	x.baseURL.Disable()
	x.choose.Disable()
	x.start.Disable()
	x.openSite.Hide()
	x.cancel.SetText("Cancel export")
	x.bar.SetValue(0)
	x.bar.Show()
	x.say("Reading the published stories and pages…", widget.MediumImportance)

	export := x.g.exportSite
	progress := x.progress()
	x.g.run(func() func() {
		var sum ExportSummary
		var nStories, nPages int
		stories, err := x.g.store.StoriesWithStatus(ctx, editor.StatusPublished)
		var pages []editor.Page
		if err == nil {
			pages, err = x.g.store.Pages(ctx)
		}
		if err == nil {
			nStories, nPages = len(stories), len(pages)
			sum, err = export(ctx, out, site, stories, pages, progress)
		}
		cancelled := ctx.Err() != nil
		stop()
		return func() { x.finished(out, sum, nStories, nPages, err, cancelled) }
	})
}

// progress returns the callback the exporter calls; it passes the share done
// to the bar through fyne.Do, at most once per half percent.
func (x *exportDialog) progress() func(done, total int) {
	var mu sync.Mutex
	last := -1
	return func(done, total int) {
		if total <= 0 {
			return
		}
		step := done * 200 / total
		mu.Lock()
		if step == last {
			mu.Unlock()
			return
		}
		last = step
		mu.Unlock()
		fyne.Do(func() {
			if !x.running() {
				return
			}
			x.bar.SetValue(float64(step) / 200)
			x.say(fmt.Sprintf("Writing the site: %d of %d files prepared…", done, total), widget.MediumImportance)
		})
	}
}

func (x *exportDialog) finished(out string, sum ExportSummary, stories, pages int, err error, cancelled bool) {
	x.mu.Lock()
	x.stop = nil
	x.mu.Unlock()
	x.folder.Enable()
	x.baseURL.Enable()
	x.choose.Enable()
	x.start.Enable()
	x.cancel.SetText("Close")
	x.bar.Hide()
	var re *RemovalError
	switch {
	case cancelled:
		x.say("Export cancelled. The site in "+out+" was left as it was.", widget.WarningImportance)
	case errors.As(err, &re):
		x.say(fmt.Sprintf("Nothing was exported: this would remove %d of the %d articles on the site in %s.", re.Removed, re.Articles, out), widget.WarningImportance)
		x.g.confirm("Remove most of the site?",
			fmt.Sprintf("Exporting now would remove %d of the %d articles on the site in %s, because they are not published in this database. "+
				"If this is the wrong database or folder, cancel. Remove them?", re.Removed, re.Articles, out),
			"Export and remove", func(ok bool) {
				if ok {
					x.allowRemoval = true
					x.run()
				}
			})
	case err != nil:
		x.say("The export failed: "+explain(err)+" The site in "+out+" was left as it was.", widget.DangerImportance)
	default:
		x.out = out
		text := fmt.Sprintf("Exported %s and %s to %s in %s: %s written, %d unchanged, %d removed.",
			plural(stories, "published story", "published stories"), plural(pages, "page", "pages"), out,
			roundDuration(sum.Duration), plural(sum.Written, "file", "files"), sum.Unchanged, sum.Removed)
		if stories == 0 {
			text += " No story is published yet: set a story's status to Published to put it on the site."
		}
		x.say(text, widget.SuccessImportance)
		x.openSite.Show()
	}
}

// roundDuration prints a duration as people read it: 340 ms, 2.4 s.
func roundDuration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

func (x *exportDialog) say(text string, imp widget.Importance) {
	x.state.Importance = imp
	x.state.SetText(text)
}

// onCancel stops a running export, or closes the dialog.
func (x *exportDialog) onCancel() {
	x.mu.Lock()
	stop := x.stop
	x.mu.Unlock()
	if stop != nil {
		stop()
		x.say("Cancelling…", widget.WarningImportance)
		return
	}
	x.box.hide()
}

// open shows the exported front page in the browser.
func (x *exportDialog) open() {
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(x.out, "index.html"))}
	if err := x.openURL(u); err != nil {
		x.say("Could not open the browser: "+err.Error()+". Open "+u.Path+" yourself.", widget.DangerImportance)
	}
}
