package app

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// standInSlug matches the slugs a story gets when it is created empty.
var standInSlug = regexp.MustCompile(`^story(-[0-9]+)?$`)

// storyEditor is the middle of the window when a story is open: every field
// editable, with counts, the workflow status and Save revision.
type storyEditor struct {
	g    *gui
	sess *docSession
	// loaded is the story as last read from or saved to the database.
	loaded *editor.Story
	// statusNow is the status the fields show.
	statusNow editor.Status
	filling   bool // set while fields are filled in, so OnChanged ignores it

	checkTimer *time.Timer
	checkGen   int

	meta       *widget.Label
	status     *widget.Select
	saveButton *widget.Button

	headline      *widget.Entry
	headlineCount *widget.Label
	standfirst    *textEntry
	byline        *widget.Entry
	dateline      *widget.Entry
	section       *widget.Entry
	tags          *widget.Entry
	body          *textEntry
	bodyCount     *widget.Label
	credit        *widget.Entry
	rules         *widget.Select
	// rulesSlugs are the page slugs behind rules' options; "" for none.
	rulesSlugs []string

	quotes *quotesPanel
	checks *checksPanel
	find   *findBar
	tabs   *container.AppTabs
	// The side panel's tabs, by what they show.
	sideTabs map[sideTab]*container.TabItem

	root fyne.CanvasObject
}

func newStoryEditor(g *gui) *storyEditor {
	e := &storyEditor{g: g}
	e.sess = newDocSession(g, e, storyKind)
	e.quotes = newQuotesPanel(g)
	e.checks = newChecksPanel("Quotes against the text, required fields, lengths and house style, checked as you type.")
	e.build()
	e.checks.jump = e.jumpTo
	return e
}

func (e *storyEditor) session() *docSession      { return e.sess }
func (e *storyEditor) canvas() fyne.CanvasObject { return e.root }
func (e *storyEditor) side() fyne.CanvasObject   { return e.tabs }
func (e *storyEditor) current() document         { return storyDoc{e.story()} }
func (e *storyEditor) listed(id string)          { e.g.list.reloadKeeping(id) }

func (e *storyEditor) showTab(t sideTab) {
	if it, ok := e.sideTabs[t]; ok {
		e.tabs.Select(it)
	}
}

func (e *storyEditor) build() {
	changed := func(string) { e.onChanged() }
	line := func(placeholder string) *widget.Entry {
		return &widget.Entry{PlaceHolder: placeholder, OnChanged: changed, Wrapping: fyne.TextWrapOff}
	}
	e.headline = line("Headline")
	e.headline.TextStyle = fyne.TextStyle{Bold: true}
	e.headlineCount = widget.NewLabel("")
	e.standfirst = newTextEntry(e.g, true, "Standfirst: the summary under the headline")
	e.standfirst.OnChanged = changed
	e.standfirst.SetMinRowsVisible(2)
	e.byline = line("e.g. Press Association")
	e.dateline = line("e.g. London")
	e.section = line("e.g. Politics")
	e.tags = line("comma-separated, e.g. China, security")
	e.credit = line("e.g. Reporting by Press Association.")
	e.body = newTextEntry(e.g, true, "Body text (Markdown): paragraphs separated by a blank line")
	e.body.OnChanged = changed
	e.find = newFindBar(e)
	e.bodyCount = widget.NewLabel("")
	e.bodyCount.Importance = widget.MediumImportance

	options := make([]string, len(editor.Statuses))
	for i, s := range editor.Statuses {
		options[i] = s.Label()
	}
	e.status = widget.NewSelect(options, e.onStatus)
	e.saveButton = &widget.Button{Text: "Save revision", Importance: widget.HighImportance, OnTapped: e.g.saveCurrent}
	e.meta = widget.NewLabel("")
	e.meta.Importance = widget.MediumImportance
	e.meta.Truncation = fyne.TextTruncateEllipsis

	pair := func(a fyne.CanvasObject, label string, b fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWithColumns(2, a, container.NewBorder(nil, nil, widget.NewLabel(label), nil, b))
	}
	form := widget.NewForm(
		widget.NewFormItem("Headline", container.NewBorder(nil, nil, nil, e.headlineCount, e.headline)),
		widget.NewFormItem("Standfirst", e.standfirst),
		widget.NewFormItem("Byline", pair(e.byline, "Dateline", e.dateline)),
		widget.NewFormItem("Section", pair(e.section, "Tags", e.tags)),
	)
	top := container.NewVBox(
		e.sess.banner,
		container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("Status"), e.status, e.saveButton), e.meta),
		form,
		container.NewBorder(nil, nil, widget.NewLabelWithStyle("Body", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), e.bodyCount),
		e.find.root,
	)
	e.rules = widget.NewSelect(nil, func(string) { e.onChanged() })
	bottom := widget.NewForm(widget.NewFormItem("Credit", pair(e.credit, "Rules page", e.rules)))
	// The objects in reading order, so Tab goes headline, standfirst, byline,
	// dateline, section, tags, body, credit, rules page (a Border built with
	// NewBorder would put the body first).
	e.root = container.NewPadded(container.New(layout.NewBorderLayout(top, bottom, nil, nil), top, e.body, bottom))

	e.sideTabs = map[sideTab]*container.TabItem{
		tabQuotes:  container.NewTabItem("Quotes", e.quotes.build()),
		tabChecks:  container.NewTabItem("Checks", e.checks.build()),
		tabHistory: container.NewTabItem("History", e.sess.history.build()),
	}
	e.tabs = container.NewAppTabs(e.sideTabs[tabQuotes], e.sideTabs[tabChecks], e.sideTabs[tabHistory])
}

// show fills the fields with the story d, the saved one or a working copy
// over it.
func (e *storyEditor) show(d document) {
	e.loaded = e.sess.loaded.(storyDoc).Story
	shown := d.(storyDoc).Story
	e.fill(shown)
	e.showMeta()
	e.quotes.set(shown.Quotes, nil)
	e.onChanged()
	e.g.list.markSelected(e.loaded.ID)
}

// took shows the story as a save or a status move left it.
func (e *storyEditor) took(d document) {
	e.loaded = d.(storyDoc).Story
	e.quotes.saved(e.loaded.Quotes)
	e.showMeta()
}

func (e *storyEditor) fill(s *editor.Story) {
	e.filling = true
	defer func() { e.filling = false }()
	e.headline.SetText(s.Headline)
	e.standfirst.SetText(s.Standfirst)
	e.byline.SetText(s.Byline)
	e.dateline.SetText(s.Dateline)
	e.section.SetText(s.Section)
	e.tags.SetText(strings.Join(s.Tags, ", "))
	e.body.SetText(s.Body)
	e.body.replaced, e.body.undone = nil, nil
	e.credit.SetText(s.Credit)
	e.setRulesOptions(s.RulesPage)
	e.statusNow = s.Status
	e.status.SetSelected(s.Status.Label())
}

func (e *storyEditor) showMeta() {
	s := e.loaded
	e.meta.SetText(fmt.Sprintf("Revision %d · %s · created %s", s.Revision, s.Slug, s.CreatedAt.Local().Format("2 Jan 2006")))
}

// story is the story as the fields hold it, tidied as a save would.
func (e *storyEditor) story() *editor.Story {
	s := *e.loaded
	s.Headline, s.Standfirst, s.Byline, s.Dateline = e.headline.Text, e.standfirst.Text, e.byline.Text, e.dateline.Text
	s.Section, s.Body, s.Credit, s.Status = e.section.Text, e.body.Text, e.credit.Text, e.statusNow
	if i := e.rules.SelectedIndex(); i >= 0 && i < len(e.rulesSlugs) {
		s.RulesPage = e.rulesSlugs[i]
	}
	s.Tags = strings.Split(e.tags.Text, ",")
	s.Normalize()
	s.Quotes = e.quotes.records()
	return &s
}

func (e *storyEditor) content() []byte { return e.story().Content() }

func (e *storyEditor) onChanged() {
	if e.filling || e.loaded == nil {
		return
	}
	n := len([]rune(strings.TrimSpace(e.headline.Text)))
	e.headlineCount.SetText(fmt.Sprintf("%d / %d", n, editor.HeadlineLimit))
	e.headlineCount.Importance = widget.MediumImportance
	if n > editor.HeadlineLimit {
		e.headlineCount.Importance = widget.DangerImportance
	}
	e.headlineCount.Refresh()
	e.bodyCount.SetText(plural(editor.CountWords(e.body.Text), "word", "words"))
	e.scheduleChecks()
	e.g.typed()
}

// scheduleChecks runs the checks once typing pauses; they place every quote
// in the body, too slow to run on every key of a long story.
func (e *storyEditor) scheduleChecks() {
	if e.g.checkDelay == 0 {
		e.runChecks()
		return
	}
	if e.checkTimer != nil {
		e.checkTimer.Stop()
	}
	e.checkTimer = time.AfterFunc(e.g.checkDelay, func() { fyne.Do(e.runChecks) })
}

// runChecks checks the story as typed, off the UI goroutine, and shows the
// findings and where each quote now stands.
func (e *storyEditor) runChecks() {
	if e.loaded == nil {
		return
	}
	s, people := e.story(), e.g.people.all
	e.checkGen++
	gen := e.checkGen
	e.g.run(func() func() {
		fs := storyFindings(s, people)
		placed := make([]editor.Placement, len(s.Quotes))
		for i, q := range s.Quotes {
			placed[i] = editor.Place(s.Body, q)
		}
		return func() {
			if gen != e.checkGen {
				return
			}
			e.checks.set(fs)
			e.quotes.set(s.Quotes, placed)
		}
	})
}

// setRulesOptions lists the site's pages as the choices for the page linked
// under the story, and selects the one with this slug.
func (e *storyEditor) setRulesOptions(slug string) {
	options, slugs := []string{"None"}, []string{""}
	selected := 0
	for _, p := range e.g.pages.all {
		options, slugs = append(options, p.Title), append(slugs, p.Slug)
		if p.Slug == slug {
			selected = len(slugs) - 1
		}
	}
	if slug != "" && selected == 0 {
		// A page not loaded (or gone): keep the link as it is.
		options, slugs = append(options, slug), append(slugs, slug)
		selected = len(slugs) - 1
	}
	was := e.filling
	e.filling = true
	e.rulesSlugs = slugs
	e.rules.SetOptions(options)
	e.rules.SetSelectedIndex(selected)
	e.filling = was
}
