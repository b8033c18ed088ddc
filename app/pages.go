package app

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// pageList is the sidebar's Pages tab: the site pages, filtered by words and kind.
type pageList struct {
	g      *gui
	filter *widget.Entry
	kind   *widget.Select
	count  *widget.Label
	list   *widget.List
	empty  *widget.Label

	all   []editor.Page
	shown []editor.Page
}

func newPageList(g *gui) *pageList { return &pageList{g: g} }

func (l *pageList) build() fyne.CanvasObject {
	l.filter = &widget.Entry{PlaceHolder: "Filter pages…", OnChanged: func(string) { l.apply() }}
	kinds := []string{"All kinds"}
	for _, k := range editor.PageKinds {
		kinds = append(kinds, kindLabel(k))
	}
	l.kind = widget.NewSelect(kinds, func(string) { l.apply() })
	l.kind.SetSelectedIndex(0)
	l.count = widget.NewLabel("")
	l.count.Importance = widget.MediumImportance
	l.empty = widget.NewLabel("")
	l.empty.Wrapping = fyne.TextWrapWord
	l.empty.Hide()
	l.list = &widget.List{
		Length:     func() int { return len(l.shown) },
		CreateItem: newStoryRow,
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			p := l.shown[i]
			box.Objects[0].(*widget.Label).SetText(p.Title)
			line := kindLabel(p.Kind) + " · " + p.Slug + " · " + p.UpdatedAt.Local().Format("2 Jan 15:04")
			if l.g.unsaved[p.ID] {
				line = "Unsaved changes · " + line
			}
			box.Objects[1].(*widget.Label).SetText(line)
		},
		OnSelected: func(i widget.ListItemID) { l.g.openPage(l.shown[i].ID) },
	}
	l.list.ExtendBaseWidget(l.list)
	top := container.NewVBox(l.filter, container.NewBorder(nil, nil, nil, l.count, l.kind))
	add := &widget.Button{Text: "New site page…", OnTapped: l.newPage}
	return container.NewBorder(top, add, nil, nil, container.NewStack(l.list, container.NewPadded(l.empty)))
}

// newPage asks for a title and kind, then creates the page and opens it; the
// title names its address, so it is asked first.
func (l *pageList) newPage() {
	title := &widget.Entry{PlaceHolder: "e.g. Corrections policy"}
	title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a page needs a title")
		}
		return nil
	}
	kinds := make([]string, len(editor.PageKinds))
	for i, k := range editor.PageKinds {
		kinds[i] = kindLabel(k)
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelectedIndex(1) // policy: the rules page usually exists already
	d := dialog.NewForm("New site page", "Create", "Cancel", []*widget.FormItem{
		{Text: "Title", Widget: title}, {Text: "Kind", Widget: kind},
	}, func(ok bool) {
		if !ok {
			return
		}
		p := &editor.Page{Title: title.Text, Kind: editor.PageKinds[max(kind.SelectedIndex(), 0)]}
		meta := editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: l.g.prefs.author(), Note: "new page"}
		l.g.write(func() func() {
			err := l.g.store.CreatePage(l.g.ctx, p, meta)
			return func() {
				if err != nil {
					l.g.showError("Creating the page", err)
					return
				}
				l.g.sidebar.SelectIndex(1)
				l.reload()
				l.g.leavePerson(func() {
					l.g.leave(p.ID)
					l.g.page.set(p, nil)
					l.g.win.Canvas().Focus(l.g.page.summary)
				})
			}
		})
	}, l.g.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	l.g.newPageDialog = d
	l.g.win.Canvas().Focus(title)
}

func kindLabel(k editor.PageKind) string {
	switch k {
	case editor.PageRules:
		return "Rules"
	case editor.PagePolicy:
		return "Policy"
	case editor.PageAbout:
		return "About"
	}
	return string(k)
}

func (l *pageList) reload() {
	l.g.run(func() func() {
		pages, err := l.g.store.Pages(l.g.ctx)
		return func() {
			if err != nil {
				l.g.showStatusError("Loading pages", err)
				return
			}
			l.all = pages
			l.apply()
			if st := l.g.story; st.loaded != nil {
				// The story's rules-page choices name the pages just loaded.
				st.setRulesOptions(st.story().RulesPage)
			}
		}
	})
}

// apply shows the pages that match the filter words and kind.
func (l *pageList) apply() {
	if l.list == nil {
		return
	}
	words := strings.Fields(strings.ToLower(l.filter.Text))
	l.shown = l.shown[:0]
	for _, p := range l.all {
		if i := l.kind.SelectedIndex(); i > 0 && editor.PageKinds[i-1] != p.Kind {
			continue
		}
		hay := strings.ToLower(p.Title + " " + p.Slug + " " + p.Summary)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			l.shown = append(l.shown, p)
		}
	}
	l.count.SetText(plural(len(l.shown), "page", "pages"))
	l.empty.Hide()
	if len(l.shown) == 0 {
		l.empty.SetText("No page matches. Site pages (comment rules, corrections policy) are added with copydesk import or the sample.")
		if len(l.all) == 0 {
			l.empty.SetText("No site pages yet. Add the comment-rules page with: copydesk sample")
		}
		l.empty.Show()
	}
	l.list.UnselectAll()
	l.list.Refresh()
}

// pageEditor edits a site page: title, kind, the summary shown under each
// article (with a preview), and the body.
type pageEditor struct {
	g       *gui
	sess    docSession
	loaded  *editor.Page
	filling bool
	gen     int

	banner     *fyne.Container
	bannerText *widget.Label
	meta       *widget.Label
	titleEntry *widget.Entry
	kind       *widget.Select
	summary    *widget.Entry
	preview    *fyne.Container
	body       *widget.Entry
	bodyCount  *widget.Label

	checks  *checksPanel
	history *revisionsPanel
	tabs    *container.AppTabs
	root    fyne.CanvasObject
}

func newPageEditor(g *gui) *pageEditor {
	e := &pageEditor{g: g, checks: newChecksPanel("Required fields, checked as you type."), history: newRevisionsPanel(g, "page")}
	e.build()
	return e
}

func (e *pageEditor) session() *docSession      { return &e.sess }
func (e *pageEditor) canvas() fyne.CanvasObject { return e.root }
func (e *pageEditor) side() fyne.CanvasObject   { return e.tabs }
func (e *pageEditor) title() string {
	if t := strings.TrimSpace(e.titleEntry.Text); t != "" {
		return t
	}
	return "Untitled page"
}

func (e *pageEditor) build() {
	changed := func(string) { e.onChanged() }
	e.titleEntry = &widget.Entry{PlaceHolder: "e.g. Comments: Our rules", OnChanged: changed, TextStyle: fyne.TextStyle{Bold: true}}
	kinds := make([]string, len(editor.PageKinds))
	for i, k := range editor.PageKinds {
		kinds[i] = kindLabel(k)
	}
	e.kind = widget.NewSelect(kinds, func(string) { e.onChanged() })
	e.summary = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, OnChanged: changed,
		PlaceHolder: "The short block shown under every article that links to this page"}
	e.summary.SetMinRowsVisible(6)
	e.preview = container.NewVBox()
	e.body = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, OnChanged: changed, PlaceHolder: "The page itself (Markdown)"}
	e.bodyCount = widget.NewLabel("")
	e.bodyCount.Importance = widget.MediumImportance
	e.meta = widget.NewLabel("")
	e.meta.Importance = widget.MediumImportance
	e.meta.Truncation = fyne.TextTruncateEllipsis

	e.bannerText = widget.NewLabel("")
	e.bannerText.Wrapping = fyne.TextWrapWord
	e.bannerText.Importance = widget.WarningImportance
	e.banner = container.NewBorder(nil, widget.NewSeparator(), nil, &widget.Button{Text: "Keep", OnTapped: func() { e.banner.Hide() }}, e.bannerText)
	e.banner.Hide()

	save := &widget.Button{Text: "Save revision", Importance: widget.HighImportance, OnTapped: e.g.saveCurrent}
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	previewCard := container.NewBorder(bold("How the summary reads under an article"), nil, nil, nil,
		container.NewVScroll(container.NewPadded(e.preview)))
	summaryBox := container.NewBorder(bold("Summary"), nil, nil, nil, e.summary)
	top := container.NewVBox(
		e.banner,
		container.NewBorder(nil, nil, nil, save, e.meta),
		widget.NewForm(widget.NewFormItem("Title", e.titleEntry), widget.NewFormItem("Kind", e.kind)),
	)
	split := container.NewVSplit(container.NewGridWithColumns(2, summaryBox, previewCard),
		container.NewBorder(container.NewBorder(nil, nil, bold("Body"), e.bodyCount), nil, nil, nil, e.body))
	split.Offset = 0.45
	e.root = container.NewPadded(container.NewBorder(top, nil, nil, nil, split))
	e.tabs = container.NewAppTabs(
		container.NewTabItem("Checks", e.checks.build()),
		container.NewTabItem("History", e.history.build()),
	)
}

func (e *pageEditor) open(id string) {
	e.gen++
	gen := e.gen
	e.g.run(func() func() {
		p, err := e.g.store.Page(e.g.ctx, id)
		var wc *editor.WorkingCopy
		var wcErr error
		if err == nil {
			wc, wcErr = e.g.store.WorkingCopy(e.g.ctx, id)
			if errors.Is(wcErr, editor.ErrNotFound) {
				wc, wcErr = nil, nil
			}
		}
		return func() {
			if gen != e.gen {
				return
			}
			if err != nil {
				e.g.showError("Opening the page", err)
				return
			}
			if wcErr != nil {
				e.g.showError("Reading unsaved changes", wcErr)
			}
			e.set(p, wc)
		}
	})
}

func (e *pageEditor) set(p *editor.Page, wc *editor.WorkingCopy) {
	e.gen++
	e.loaded = p
	e.sess = docSession{kind: "page", id: p.ID, base: p.Revision, saved: p.Content(), savedAt: p.UpdatedAt}
	shown := *p
	e.banner.Hide()
	if wc != nil {
		if err := shown.ApplyContent(wc.Content); err != nil {
			e.g.showError("Reading unsaved changes", err)
			shown = *p
		} else if shown.Normalize(); string(shown.Content()) == string(e.sess.saved) {
			shown = *p
			e.sess.autosaved = []byte{}
		} else {
			e.sess.base, e.sess.autosaved = wc.Base, wc.Content
			text := "Recovered unsaved changes from " + wc.SavedAt.Local().Format("15:04") + ". They are not saved as a revision yet."
			if wc.Base != p.Revision {
				text += fmt.Sprintf(" The page has been saved since as revision %d, so saving will report a clash.", p.Revision)
			}
			e.bannerText.SetText(text)
			e.banner.Show()
		}
	}
	e.filling = true
	e.titleEntry.SetText(shown.Title)
	e.kind.SetSelected(kindLabel(shown.Kind))
	e.summary.SetText(shown.Summary)
	e.body.SetText(shown.Body)
	e.filling = false
	e.meta.SetText(fmt.Sprintf("Site page · revision %d · %s", p.Revision, p.Slug))
	e.history.load(p.ID)
	e.onChanged()
	e.g.opened(e)
}

func (e *pageEditor) page() *editor.Page {
	p := *e.loaded
	p.Title, p.Summary, p.Body = e.titleEntry.Text, e.summary.Text, e.body.Text
	if i := e.kind.SelectedIndex(); i >= 0 {
		p.Kind = editor.PageKinds[i]
	}
	p.Normalize()
	return &p
}

func (e *pageEditor) content() []byte { return e.page().Content() }

func (e *pageEditor) onChanged() {
	if e.filling || e.loaded == nil {
		return
	}
	p := e.page()
	e.bodyCount.SetText(plural(editor.CountWords(p.Body), "word", "words"))
	e.showPreview(p)
	e.checks.set(pageFindings(p))
	e.g.edited()
}

// showPreview shows the summary as the website prints it under an article:
// the page title, the summary's paragraphs, and the link to the page.
func (e *pageEditor) showPreview(p *editor.Page) {
	e.preview.RemoveAll()
	title := widget.NewLabelWithStyle(p.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	e.preview.Add(title)
	for _, para := range summaryParagraphs(p) {
		l := widget.NewLabel(para)
		l.Wrapping = fyne.TextWrapWord
		e.preview.Add(l)
	}
	link := widget.NewHyperlink("Read the rules here", pageURL(e.g.prefs.baseURL(), p.Slug))
	e.preview.Add(link)
	where := "Links to " + link.URL.String()
	if e.g.prefs.baseURL() == "" {
		where = "Links to pages/" + p.Slug + ".html on the site (set the site's address in Preferences)."
	}
	hint := widget.NewLabel(where)
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	e.preview.Add(hint)
}

// summaryParagraphs splits a summary into the paragraphs the website shows,
// leaving out a repeated title and a typed "Read the rules here", which the
// site writes itself as the link.
func summaryParagraphs(p *editor.Page) []string {
	var out []string
	for _, para := range strings.Split(p.Summary, "\n") {
		para = strings.TrimSpace(para)
		if para == "" || strings.EqualFold(para, p.Title) || strings.EqualFold(strings.TrimRight(para, ".:!→ "), "read the rules here") {
			continue
		}
		out = append(out, para)
	}
	return out
}

// pageURL is where the exported site puts a page.
func pageURL(base, slug string) *url.URL {
	u, err := url.Parse(strings.TrimRight(base, "/") + "/pages/" + slug + ".html")
	if err != nil || base == "" {
		u = &url.URL{Path: "pages/" + slug + ".html"}
	}
	return u
}

func (e *pageEditor) save(note string) {
	p := e.page()
	id, base := p.ID, e.sess.base
	meta := editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: e.g.prefs.author(), Note: strings.TrimSpace(note)}
	e.g.write(func() func() {
		saved, err := e.g.store.SavePage(e.g.ctx, p, base, meta)
		if err == nil {
			err = e.g.store.DropWorkingCopy(e.g.ctx, id)
		}
		return func() {
			if err != nil {
				what := "Saving “" + p.Title + "”"
				if errors.Is(err, editor.ErrConflict) {
					err = fmt.Errorf("%w. Your text is still in the editor: copy what you need, then open the page again to see their version", err)
				}
				e.g.showError(what, err)
				return
			}
			delete(e.g.unsaved, id)
			if e.loaded == nil || e.loaded.ID != id {
				return
			}
			e.loaded = p
			e.sess.base, e.sess.saved, e.sess.savedAt, e.sess.autosaved = p.Revision, p.Content(), p.UpdatedAt, []byte{}
			e.sess.keptAt = time.Time{}
			e.banner.Hide()
			e.meta.SetText(fmt.Sprintf("Site page · revision %d · %s", p.Revision, p.Slug))
			e.g.edited()
			if saved {
				e.history.load(id)
				e.g.pages.reload()
			} else {
				e.g.saveState.SetText(fmt.Sprintf("Nothing to save: revision %d already reads like this", p.Revision))
			}
		}
	})
}
