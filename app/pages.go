package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// newPageList is the sidebar's Pages tab: the site pages, filtered by words and kind.
func newPageList(g *gui) *filterList[editor.Page] {
	kinds := []string{"All kinds"}
	for _, k := range editor.PageKinds {
		kinds = append(kinds, kindLabel(k))
	}
	return newFilterList(g, filterSpec[editor.Page]{
		placeholder: "Filter pages…",
		one:         "page", many: "pages",
		load:  func(ctx context.Context, st Store) ([]editor.Page, error) { return st.Pages(ctx) },
		words: func(p editor.Page) string { return p.Title + " " + p.Slug + " " + p.Summary },
		row: func(p editor.Page) (string, string) {
			line := kindLabel(p.Kind) + " · " + p.Slug + " · " + p.UpdatedAt.Local().Format("2 Jan 15:04")
			if g.unsaved[p.ID] {
				line = "Unsaved changes · " + line
			}
			return p.Title, line
		},
		open:    func(p editor.Page) { g.openPage(p.ID) },
		choices: kinds,
		keep:    func(p editor.Page, i int) bool { return editor.PageKinds[i-1] == p.Kind },
		noMatch: "No page matches. Site pages (comment rules, corrections policy) are added with copydesk import or the sample.",
		none:    "No site pages yet. Add the comment-rules page with: copydesk sample",
		below:   &widget.Button{Text: "New site page…", OnTapped: g.newPage},
		loaded: func() {
			if st := g.story; st.loaded != nil {
				// The story's rules-page choices name the pages just loaded.
				st.setRulesOptions(st.story().RulesPage)
			}
		},
	})
}

// newPage asks for a title and kind, then creates the page and opens it; the
// title names its address, so it is asked first.
func (g *gui) newPage() {
	title := newTextEntry(g, false, "e.g. Corrections policy")
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
	kind := newChoiceSelect(g, kinds, "Kind of page", nil)
	kind.SetSelectedIndex(1) // policy: the rules page usually exists already
	form := widget.NewForm(widget.NewFormItem("Title", title), widget.NewFormItem("Kind", kind))
	create := func() {
		p := &editor.Page{Title: title.Text, Kind: editor.PageKinds[max(kind.SelectedIndex(), 0)]}
		meta := editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: g.prefs.author(), Note: "new page"}
		g.write(func() func() {
			err := g.store.CreatePage(g.ctx, p, meta)
			return func() {
				if err != nil {
					g.showError("Creating the page", err)
					return
				}
				g.showList(listPages)
				g.pages.reload()
				g.leavePerson(func() {
					g.leave(p.ID)
					g.page.sess.set(pageDoc{p}, nil)
					g.win.Canvas().Focus(g.page.summary)
				})
			}
		})
	}
	b := g.showDialog("New site page", container.New(&maxWidth{width: 460}, form), title,
		choice{label: "Cancel"},
		choice{label: "Create", check: func() bool { return form.Validate() == nil }, do: create})
	b.resize(480, 0)
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

// pageEditor edits a site page: title, kind, the summary shown under each
// article (with a preview), and the body.
type pageEditor struct {
	g       *gui
	sess    *docSession
	loaded  *editor.Page // as last read from or saved to the database
	filling bool

	meta       *widget.Label
	titleEntry *widget.Entry
	kind       *widget.Select
	summary    *textEntry
	preview    *fyne.Container
	body       *textEntry
	bodyCount  *widget.Label

	checks   *checksPanel
	tabs     *container.AppTabs
	sideTabs map[sideTab]*container.TabItem
	root     fyne.CanvasObject
}

func newPageEditor(g *gui) *pageEditor {
	e := &pageEditor{g: g, checks: newChecksPanel("Required fields, checked as you type.")}
	e.sess = newDocSession(g, e, pageKind)
	e.build()
	return e
}

func (e *pageEditor) session() *docSession      { return e.sess }
func (e *pageEditor) canvas() fyne.CanvasObject { return e.root }
func (e *pageEditor) side() fyne.CanvasObject   { return e.tabs }
func (e *pageEditor) current() document         { return pageDoc{e.page()} }
func (e *pageEditor) listed(string)             { e.g.pages.reload() }

func (e *pageEditor) showTab(t sideTab) {
	if it, ok := e.sideTabs[t]; ok {
		e.tabs.Select(it)
	}
}

func (e *pageEditor) build() {
	changed := func(string) { e.onChanged() }
	e.titleEntry = &widget.Entry{PlaceHolder: "e.g. Comments: Our rules", OnChanged: changed, TextStyle: fyne.TextStyle{Bold: true}}
	kinds := make([]string, len(editor.PageKinds))
	for i, k := range editor.PageKinds {
		kinds[i] = kindLabel(k)
	}
	e.kind = widget.NewSelect(kinds, func(string) { e.onChanged() })
	e.summary = newTextEntry(e.g, true, "The short block shown under every article that links to this page")
	e.summary.OnChanged = changed
	e.summary.SetMinRowsVisible(6)
	e.preview = container.NewVBox()
	e.body = newTextEntry(e.g, true, "The page itself (Markdown)")
	e.body.OnChanged = changed
	e.bodyCount = widget.NewLabel("")
	e.bodyCount.Importance = widget.MediumImportance
	e.meta = widget.NewLabel("")
	e.meta.Importance = widget.MediumImportance
	e.meta.Truncation = fyne.TextTruncateEllipsis

	save := &widget.Button{Text: "Save revision", Importance: widget.HighImportance, OnTapped: e.g.saveCurrent}
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	previewCard := container.NewBorder(bold("How the summary reads under an article"), nil, nil, nil,
		container.NewVScroll(container.NewPadded(e.preview)))
	summaryBox := container.NewBorder(bold("Summary"), nil, nil, nil, e.summary)
	top := container.NewVBox(
		e.sess.banner,
		e.sess.notice,
		e.sess.presence,
		container.NewBorder(nil, nil, nil, save, e.meta),
		widget.NewForm(widget.NewFormItem("Title", e.titleEntry), widget.NewFormItem("Kind", e.kind)),
	)
	split := container.NewVSplit(container.NewGridWithColumns(2, summaryBox, previewCard),
		container.NewBorder(container.NewBorder(nil, nil, bold("Body"), e.bodyCount), nil, nil, nil, e.body))
	split.Offset = 0.45
	e.root = container.NewPadded(container.New(layout.NewBorderLayout(top, nil, nil, nil), top, split))
	e.sideTabs = map[sideTab]*container.TabItem{
		tabChecks:  container.NewTabItem("Checks", e.checks.build()),
		tabHistory: container.NewTabItem("History", e.sess.history.build()),
	}
	e.tabs = container.NewAppTabs(e.sideTabs[tabChecks], e.sideTabs[tabHistory])
}

// show fills the fields with the page d, the saved one or a working copy
// over it.
func (e *pageEditor) show(d document) {
	e.took(e.sess.loaded)
	shown := d.(pageDoc).Page
	e.filling = true
	e.titleEntry.SetText(shown.Title)
	e.kind.SetSelected(kindLabel(shown.Kind))
	e.summary.SetText(shown.Summary)
	e.body.SetText(shown.Body)
	e.filling = false
	e.onChanged()
}

// took shows the page as a save left it.
func (e *pageEditor) took(d document) {
	e.loaded = d.(pageDoc).Page
	e.meta.SetText(fmt.Sprintf("Site page · revision %d · %s", e.loaded.Revision, e.loaded.Slug))
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
