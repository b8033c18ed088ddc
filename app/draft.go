package app

import (
	"errors"
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
	sess docSession
	// loaded is the story as last read from or saved to the database.
	loaded *editor.Story
	// statusNow is the status the fields show.
	statusNow editor.Status
	filling   bool // set while fields are filled in, so OnChanged ignores it
	gen       int

	checkTimer *time.Timer
	checkGen   int

	banner     *fyne.Container
	bannerText *widget.Label
	meta       *widget.Label
	status     *widget.Select
	saveButton *widget.Button

	// inputs edit the story's text fields, one for each of
	// editor.StoryFields the editor shows; entries are those that are
	// entries, and the tags', by field name.
	inputs  []fieldInput
	entries map[string]*widget.Entry

	headline      *widget.Entry
	headlineCount *widget.Label
	standfirst    *widget.Entry
	byline        *widget.Entry
	dateline      *widget.Entry
	section       *widget.Entry
	tags          *widget.Entry
	body          *widget.Entry
	bodyCount     *widget.Label
	credit        *widget.Entry
	rules         *widget.Select
	// rulesSlugs are the page slugs behind rules' options; "" for none.
	rulesSlugs []string

	quotes  *quotesPanel
	checks  *checksPanel
	history *revisionsPanel
	tabs    *container.AppTabs

	root fyne.CanvasObject
}

func newStoryEditor(g *gui) *storyEditor {
	e := &storyEditor{g: g}
	e.quotes = newQuotesPanel(g)
	e.checks = newChecksPanel("Quotes against the text, required fields, lengths and house style, checked as you type.")
	e.history = newRevisionsPanel(g, "story")
	e.build()
	e.checks.jump = e.jumpTo
	return e
}

func (e *storyEditor) session() *docSession      { return &e.sess }
func (e *storyEditor) canvas() fyne.CanvasObject { return e.root }
func (e *storyEditor) side() fyne.CanvasObject   { return e.tabs }

func (e *storyEditor) title() string {
	if e.loaded == nil {
		return ""
	}
	return e.story().Title()
}

// fieldInput is the widget that edits one of the story's text fields: get
// reads what it holds, set fills it in.
type fieldInput struct {
	field editor.StoryField
	get   func() string
	set   func(string)
}

// buildInputs makes a widget for each text field the editor shows: an entry
// of one line or several as the field is, and a choice of the site's pages
// for the rules page. The slug is not typed here: a story is named after its
// headline on its first save, and the meta line shows the slug.
func (e *storyEditor) buildInputs() {
	changed := func(string) { e.onChanged() }
	e.entries = map[string]*widget.Entry{}
	for _, f := range editor.StoryFields() {
		switch f.Name {
		case "slug":
			continue
		case "rules_page":
			e.rules = widget.NewSelect(nil, func(string) { e.onChanged() })
			e.inputs = append(e.inputs, fieldInput{field: f, get: e.rulesSlug, set: e.setRulesOptions})
			continue
		}
		entry := &widget.Entry{PlaceHolder: f.Hint, OnChanged: changed, Wrapping: fyne.TextWrapOff}
		if !f.SingleLine() {
			entry.MultiLine, entry.Wrapping = true, fyne.TextWrapWord
		}
		e.entries[f.Name] = entry
		e.inputs = append(e.inputs, fieldInput{field: f, get: func() string { return entry.Text }, set: entry.SetText})
	}
	e.tags = &widget.Entry{PlaceHolder: "comma-separated, e.g. China, security", OnChanged: changed, Wrapping: fyne.TextWrapOff}
	e.entries["tags"] = e.tags
	e.headline, e.standfirst, e.body = e.entries["headline"], e.entries["standfirst"], e.entries["body"]
	e.byline, e.dateline, e.section, e.credit = e.entries["byline"], e.entries["dateline"], e.entries["section"], e.entries["credit"]
}

// label is a field's name as the editor shows it.
func label(field string) string { return editor.FieldLabel(field) }

func (e *storyEditor) build() {
	e.buildInputs()
	e.headline.TextStyle = fyne.TextStyle{Bold: true}
	e.headlineCount = widget.NewLabel("")
	e.standfirst.SetMinRowsVisible(2)
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

	e.bannerText = widget.NewLabel("")
	e.bannerText.Wrapping = fyne.TextWrapWord
	e.bannerText.Importance = widget.WarningImportance
	discard := &widget.Button{Text: "Discard them…", OnTapped: e.discardRecovered}
	keep := &widget.Button{Text: "Keep", OnTapped: func() { e.banner.Hide() }}
	e.banner = container.NewBorder(nil, widget.NewSeparator(), nil, container.NewHBox(keep, discard), e.bannerText)
	e.banner.Hide()

	pair := func(a fyne.CanvasObject, label string, b fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWithColumns(2, a, container.NewBorder(nil, nil, widget.NewLabel(label), nil, b))
	}
	form := widget.NewForm(
		widget.NewFormItem(label("kicker"), e.entries["kicker"]),
		widget.NewFormItem(label("headline"), container.NewBorder(nil, nil, nil, e.headlineCount, e.headline)),
		widget.NewFormItem(label("standfirst"), e.standfirst),
		widget.NewFormItem(label("byline"), pair(e.byline, label("dateline"), e.dateline)),
		widget.NewFormItem(label("section"), pair(e.section, label("tags"), e.tags)),
	)
	top := container.NewVBox(
		e.banner,
		container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel(label("status")), e.status, e.saveButton), e.meta),
		form,
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(label("body"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), e.bodyCount),
	)
	bottom := widget.NewForm(widget.NewFormItem(label("credit"), pair(e.credit, label("rules_page"), e.rules)))
	e.root = container.NewPadded(container.NewBorder(top, bottom, nil, nil, e.body))

	e.tabs = container.NewAppTabs(
		container.NewTabItem("Quotes", e.quotes.build()),
		container.NewTabItem("Checks", e.checks.build()),
		container.NewTabItem("History", e.history.build()),
	)
}

// open loads the story, and its working copy when it has one.
func (e *storyEditor) open(id string) {
	e.gen++
	gen := e.gen
	e.g.run(func() func() {
		s, err := e.g.store.Story(e.g.ctx, id)
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
				e.g.showError("Opening the story", err)
				return
			}
			if wcErr != nil {
				e.g.showError("Reading unsaved changes", wcErr)
			}
			e.set(s, wc)
		}
	})
}

// set shows story s, or its working copy wc when that holds changes.
func (e *storyEditor) set(s *editor.Story, wc *editor.WorkingCopy) {
	e.gen++
	e.loaded = s
	e.sess = docSession{kind: "story", id: s.ID, base: s.Revision, saved: s.Content(), savedAt: s.UpdatedAt}
	shown := *s
	e.banner.Hide()
	if wc != nil {
		if err := shown.ApplyContent(wc.Content); err != nil {
			e.g.showError("Reading unsaved changes", err)
			shown = *s
		} else if shown.Normalize(); string(shown.Content()) == string(e.sess.saved) {
			shown = *s
			e.sess.autosaved = []byte{} // the working copy says nothing new: let autosave forget it
		} else {
			e.sess.base, e.sess.autosaved = wc.Base, wc.Content
			when := wc.SavedAt.Local().Format("15:04")
			if wc.SavedAt.Local().YearDay() != nowFunc().YearDay() {
				when = wc.SavedAt.Local().Format("2 Jan 15:04")
			}
			text := "Recovered unsaved changes from " + when + " to the " + changedFields(s, &shown) + "."
			if wc.Base != s.Revision {
				text += fmt.Sprintf(" They were typed over revision %d; the story has been saved since as revision %d, so saving will ask what to do.", wc.Base, s.Revision)
			} else {
				text += " They are not saved as a revision yet: Save revision (Ctrl+S) when ready."
			}
			e.bannerText.SetText(text)
			e.banner.Show()
		}
	}
	e.fill(&shown)
	e.showMeta()
	e.quotes.set(shown.Quotes, nil)
	e.history.load(s.ID)
	e.onChanged()
	e.g.opened(e)
	e.g.list.markSelected(s.ID)
}

func (e *storyEditor) fill(s *editor.Story) {
	e.filling = true
	defer func() { e.filling = false }()
	for _, in := range e.inputs {
		in.set(in.field.Get(s))
	}
	e.tags.SetText(strings.Join(s.Tags, ", "))
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
	for _, in := range e.inputs {
		in.field.Set(&s, in.get())
	}
	s.Status = e.statusNow
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
	e.g.edited()
}

// save saves the fields as a new revision.
func (e *storyEditor) save(note string) {
	s := e.story()
	id, base := s.ID, e.sess.base
	meta := editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: e.g.prefs.author(), Note: strings.TrimSpace(note)}
	// A story begun empty got a stand-in slug ("story", "story-2"); its first
	// save with a headline names it after the headline, as an import would.
	slugs := []string{s.Slug}
	if standInSlug.MatchString(e.loaded.Slug) && e.loaded.PublishedAt == nil && s.Headline != "" {
		if b := editor.Slugify(s.Headline); b != "" {
			slugs = []string{b, b + "-2", b + "-3", b + "-4", s.Slug}
		}
	}
	e.g.write(func() func() {
		var saved bool
		var err error
		for _, slug := range slugs {
			s.Slug = slug
			saved, err = e.g.store.SaveStory(e.g.ctx, s, base, meta)
			// Only a taken slug makes the next one worth trying.
			var ce *editor.ConflictError
			if !errors.As(err, &ce) || ce.Kind != editor.ConflictSlug {
				break
			}
		}
		var dropErr error
		if err == nil {
			dropErr = e.g.store.DropWorkingCopy(e.g.ctx, id)
		}
		theirs := 0
		if errors.Is(err, editor.ErrConflict) {
			if cur, curErr := e.g.store.Story(e.g.ctx, id); curErr == nil {
				theirs = cur.Revision
			}
		}
		return func() {
			if e.loaded == nil || e.loaded.ID != id {
				if err != nil {
					e.g.showError("Saving “"+s.Title()+"”", err)
				}
				return
			}
			if errors.Is(err, editor.ErrConflict) && theirs > base {
				e.conflict(base, theirs)
				return
			}
			if err != nil {
				e.g.showError("Saving “"+s.Title()+"”", err)
				return
			}
			if dropErr != nil {
				e.g.showStatusError("Forgetting the working copy", dropErr)
			}
			delete(e.g.unsaved, id)
			e.loaded = s
			e.quotes.saved(s.Quotes)
			e.sess.base, e.sess.saved, e.sess.savedAt = s.Revision, s.Content(), s.UpdatedAt
			// Autosave may have queued a copy before this save: forget it on the next tick.
			e.sess.autosaved = []byte{}
			e.banner.Hide()
			e.sess.keptAt = time.Time{}
			e.showMeta()
			e.g.edited()
			if !saved {
				e.g.saveState.SetText(fmt.Sprintf("Nothing to save: revision %d already reads like this", s.Revision))
				return
			}
			e.history.load(id)
			e.g.list.reloadKeeping(id)
		}
	})
}

// changedFields names the fields that differ between two versions of a
// story, as the editor labels them, from the domain's diff.
func changedFields(a, b *editor.Story) string {
	var names []string
	d := editor.DiffStories(a, b)
	for _, f := range d.Fields {
		if !f.Changed() {
			continue
		}
		name := strings.ToLower(label(f.Field))
		if n := editor.CountWords(b.Body) - editor.CountWords(a.Body); f.Field == "body" && n > 0 {
			name = fmt.Sprintf("body (%s)", plural(n, "more word", "more words"))
		}
		names = append(names, name)
	}
	if len(d.Quotes) > 0 {
		names = append(names, "quotes")
	}
	if len(names) == 0 {
		return "story"
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
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
		fs := editor.Check(s, people)
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

// rulesSlug is the slug of the page chosen to be linked under the story;
// the story's own when none is chosen.
func (e *storyEditor) rulesSlug() string {
	if i := e.rules.SelectedIndex(); i >= 0 && i < len(e.rulesSlugs) {
		return e.rulesSlugs[i]
	}
	return e.loaded.RulesPage
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
