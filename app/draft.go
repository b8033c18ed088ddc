package app

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

	// inputs edit the story's text fields, one for each of
	// editor.StoryFields the editor shows; widgets holds each field's
	// widget by field name, the tags' too.
	inputs  []fieldInput
	widgets map[string]fyne.Focusable

	headline      *wrapLine
	headlineCount *widget.Label
	standfirst    *textEntry
	byline        *widget.Entry
	dateline      *widget.Entry
	section       *widget.Entry
	tags          *wrapLine
	body          *textEntry
	spell         *speller
	bodyCount     *widget.Label
	credit        *widget.Entry
	rules         *widget.Select
	// rulesSlugs are the page slugs behind rules' options; "" for none.
	rulesSlugs []string

	quotes *quotesPanel
	wire   *wireSection
	notes  *notesPanel
	checks *checksPanel
	find   *findBar
	tabs   *container.AppTabs
	// The side panel's tabs, by what they show.
	sideTabs map[sideTab]*container.TabItem
	notesTab *container.TabItem

	root fyne.CanvasObject
}

func newStoryEditor(g *gui) *storyEditor {
	e := &storyEditor{g: g}
	e.sess = newDocSession(g, e, storyKind)
	e.quotes = newQuotesPanel(g)
	e.notes = newNotesPanel(g)
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

// fieldInput is the widget that edits one of the story's text fields: get
// reads what it holds, set fills it in.
type fieldInput struct {
	field editor.StoryField
	get   func() string
	set   func(string)
}

// buildInputs makes a widget for each text field the editor shows: an entry
// of one line, or a text entry of several lines (with find and replace) as
// the field is, and a choice of the site's pages for the rules page. The slug
// is not typed here: a story is named after its headline on its first save,
// and the meta line shows the slug.
func (e *storyEditor) buildInputs() {
	changed := func(string) { e.onChanged() }
	e.widgets = map[string]fyne.Focusable{}
	texts := map[string]*textEntry{}
	lines := map[string]*widget.Entry{}
	for _, f := range editor.StoryFields() {
		switch f.Name {
		case "slug":
			continue
		case "rules_page":
			e.rules = widget.NewSelect(nil, func(string) { e.onChanged() })
			e.inputs = append(e.inputs, fieldInput{field: f, get: e.rulesSlug, set: e.setRulesOptions})
			continue
		}
		if f.Name == "headline" {
			entry := newWrapLine(e.g, f.Hint, 1)
			entry.OnChanged = changed
			e.headline, e.widgets[f.Name] = entry, entry
			e.inputs = append(e.inputs, fieldInput{field: f, get: func() string { return entry.Text }, set: entry.SetText})
			continue
		}
		if f.SingleLine() {
			entry := &widget.Entry{PlaceHolder: f.Hint, OnChanged: changed, Wrapping: fyne.TextWrapOff}
			lines[f.Name], e.widgets[f.Name] = entry, entry
			e.inputs = append(e.inputs, fieldInput{field: f, get: func() string { return entry.Text }, set: entry.SetText})
			continue
		}
		entry := newTextEntry(e.g, true, f.Hint)
		entry.OnChanged = changed
		texts[f.Name], e.widgets[f.Name] = entry, entry
		e.inputs = append(e.inputs, fieldInput{field: f, get: func() string { return entry.Text }, set: entry.SetText})
	}
	e.tags = newWrapLine(e.g, "comma-separated, e.g. China, security", 1)
	e.tags.OnChanged = changed
	e.widgets["tags"] = e.tags
	e.standfirst, e.body = texts["standfirst"], texts["body"]
	e.spell = newSpeller(e.g, e.body)
	e.byline, e.dateline = lines["byline"], lines["dateline"]
	e.section, e.credit = lines["section"], lines["credit"]
}

// label is a field's name as the editor shows it.
func label(field string) string { return editor.FieldLabel(field) }

func (e *storyEditor) build() {
	e.buildInputs()
	e.headline.TextStyle = fyne.TextStyle{Bold: true}
	e.headlineCount = widget.NewLabel("")
	e.standfirst.SetMinRowsVisible(2)
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
		widget.NewFormItem(label("kicker"), e.widgets["kicker"].(fyne.CanvasObject)),
		widget.NewFormItem(label("headline"), container.NewBorder(nil, nil, nil, e.headlineCount, e.headline)),
		widget.NewFormItem(label("standfirst"), e.standfirst),
		widget.NewFormItem(label("byline"), pair(e.byline, label("dateline"), e.dateline)),
		// The tags have a row of their own, wrapping, so a long list is
		// seen whole; the section beside them had only half the width.
		widget.NewFormItem(label("section"), e.section),
		widget.NewFormItem(label("tags"), e.tags),
	)
	e.wire = &wireSection{e: e}
	top := container.NewVBox(
		e.sess.banner,
		e.sess.notice,
		e.sess.presence,
		container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel(label("status")), e.status, e.saveButton), e.meta),
		form,
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(label("body"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), e.bodyCount),
		e.find.root,
	)
	bottom := container.NewVBox(widget.NewForm(widget.NewFormItem(label("credit"), pair(e.credit, label("rules_page"), e.rules)),
		widget.NewFormItem(label("target_words"), e.lengthBox())),
		e.wire.build())
	// The objects in reading order, so Tab goes kicker, headline, standfirst, byline,
	// dateline, section, tags, body, credit, rules page, length target (a Border built with
	// NewBorder would put the body first).
	e.root = container.NewPadded(newEditorColumn(top, e.body, bottom))

	e.sideTabs = map[sideTab]*container.TabItem{
		tabQuotes:  container.NewTabItem("Quotes", e.quotes.build()),
		tabChecks:  container.NewTabItem("Checks", e.checks.build()),
		tabHistory: container.NewTabItem("History", e.sess.history.build()),
	}
	e.notesTab = container.NewTabItem("Notes", e.notes.build())
	e.tabs = container.NewAppTabs(e.sideTabs[tabQuotes], e.notesTab, e.sideTabs[tabChecks], e.sideTabs[tabHistory])
}

// show fills the fields with the story d, the saved one or a working copy
// over it.
func (e *storyEditor) show(d document) {
	e.loaded = e.sess.loaded.(storyDoc).Story
	shown := d.(storyDoc).Story
	e.fill(shown)
	e.showMeta()
	e.quotes.set(shown.Quotes, nil)
	e.notes.load(e.loaded.ID)
	e.onChanged()
	e.g.list.markSelected(e.loaded.ID)
}

// took shows the story as a save or a status move left it.
func (e *storyEditor) took(d document) {
	e.loaded = d.(storyDoc).Story
	e.quotes.saved(e.loaded.Quotes)
	e.notes.load(e.loaded.ID) // the save moved their anchors
	e.showMeta()
}

func (e *storyEditor) fill(s *editor.Story) {
	e.filling = true
	defer func() {
		e.filling = false
		e.spell.changed() // the underlines and tints follow the new text
	}()
	for _, in := range e.inputs {
		in.set(in.field.Get(s))
	}
	e.tags.SetText(strings.Join(s.Tags, ", "))
	e.body.replaced, e.body.undone = nil, nil
	e.statusNow = s.Status
	e.status.SetSelected(s.Status.Label())
	e.wire.fill(s)
}

func (e *storyEditor) showMeta() {
	s := e.loaded
	if e.sess.fresh != nil {
		e.meta.SetText("New story · not saved yet")
		return
	}
	e.meta.SetText(fmt.Sprintf("Revision %d · %s · created %s", s.Revision, s.Slug, s.CreatedAt.Local().Format("2 Jan 2006")))
}

// story is the story as the fields hold it, tidied as a save would.
func (e *storyEditor) story() *editor.Story {
	s := *e.loaded
	for _, in := range e.inputs {
		in.field.Set(&s, in.get())
	}
	s.Status = e.statusNow
	e.wire.apply(&s)
	s.Tags = strings.Split(e.tags.Text, ",")
	s.Normalize()
	s.Quotes = e.quotes.records()
	return &s
}

func (e *storyEditor) content() []byte { return e.story().Content() }

// bodyEntry is the body's field, where an arriving save's words are tinted.
func (e *storyEditor) bodyEntry() *textEntry { return e.body }

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
	e.showLength()
	e.scheduleChecks()
	e.spell.changed()
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
	s, people, notes, opt := e.story(), e.g.people.all, e.notes.stored, e.g.checkOptions()
	e.checkGen++
	gen := e.checkGen
	e.g.run(func() func() {
		placedNotes := editor.PlaceNotes(s.Body, notes)
		fs := editor.CheckNotes(editor.CheckWith(s, people, opt), placedNotes)
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
			e.notes.placed(notes, placedNotes)
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

// rulesSlug is the slug of the page chosen to be linked under the story.
func (e *storyEditor) rulesSlug() string {
	if i := e.rules.SelectedIndex(); i >= 0 && i < len(e.rulesSlugs) {
		return e.rulesSlugs[i]
	}
	return e.loaded.RulesPage
}
