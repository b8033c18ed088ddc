package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// findLimit bounds the results of a search across everything.
const findLimit = 50

// findPanel is the one search box over stories, pages, quotes and people: the
// results, with their matching words highlighted, cover the sidebar while it
// holds text; Enter opens the chosen result, Up and Down choose.
type findPanel struct {
	g       *gui
	entry   *findEntry
	list    *widget.List
	count   *widget.Label
	box     *fyne.Container
	hits    []editor.SearchHit
	chosen  int
	query   string
	gen     int
	typing  *time.Timer
	waiting bool // a search is running
	// openFirst opens the first result when the running search answers:
	// Enter was pressed before it had.
	openFirst bool
	quiet     bool // set while the chosen row is highlighted from code
}

func newFindPanel(g *gui) *findPanel { return &findPanel{g: g} }

// findEntry is an Entry that hands Up, Down and Escape to the results.
type findEntry struct {
	widget.Entry
	p *findPanel
}

func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.p.choose(e.p.chosen + 1)
	case fyne.KeyUp:
		e.p.choose(e.p.chosen - 1)
	case fyne.KeyEscape:
		e.SetText("")
	default:
		e.Entry.TypedKey(k)
	}
}

func (p *findPanel) build() fyne.CanvasObject {
	p.entry = &findEntry{p: p}
	p.entry.ExtendBaseWidget(p.entry)
	p.entry.PlaceHolder = "Search everything (Ctrl+Shift+F)"
	p.entry.OnChanged = p.onChanged
	p.entry.OnSubmitted = func(string) { p.submit() }
	p.entry.ActionItem = &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: func() { p.entry.SetText("") }}
	p.count = widget.NewLabel("")
	p.count.Importance = widget.MediumImportance
	p.count.Wrapping = fyne.TextWrapWord
	p.list = &widget.List{
		Length:     func() int { return len(p.hits) },
		CreateItem: newHitRow,
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) { updateHitRow(p.hits[i], o) },
		OnSelected: func(i widget.ListItemID) {
			p.chosen = i
			if !p.quiet {
				p.open(p.hits[i])
			}
		},
	}
	p.list.ExtendBaseWidget(p.list)
	p.box = container.NewBorder(p.count, nil, nil, nil, p.list)
	p.box.Hide()
	return p.box
}

func (p *findPanel) onChanged(text string) {
	if p.typing != nil {
		p.typing.Stop()
	}
	if text == "" {
		p.query, p.hits = "", nil
		p.gen++
		p.box.Hide()
		p.g.sidebar.Show()
		return
	}
	p.typing = time.AfterFunc(searchDelay, func() { fyne.Do(p.searchNow) })
}

// searchNow runs the search for what the box holds.
func (p *findPanel) searchNow() {
	if p.typing != nil {
		p.typing.Stop()
	}
	q := p.entry.Text
	if q == "" || q == p.query {
		return
	}
	p.query = q
	p.gen++
	gen := p.gen
	p.waiting = true
	p.g.run(func() func() {
		hits, err := p.g.store.Search(p.g.ctx, q, findLimit)
		return func() {
			if gen != p.gen {
				return
			}
			p.waiting = false
			if err != nil {
				p.g.showError("Searching", err)
				return
			}
			p.hits, p.chosen = hits, 0
			if p.openFirst {
				p.openFirst = false
				if len(hits) > 0 {
					p.open(hits[0])
					return
				}
			}
			switch len(hits) {
			case 0:
				p.count.SetText(fmt.Sprintf("Nothing matches “%s”. Search looks at whole words and their beginnings in every story, page, quote and person.", q))
			default:
				p.count.SetText(plural(len(hits), "result", "results") + " · Enter opens, ↑ ↓ choose, Esc clears")
			}
			p.box.Show()
			p.g.sidebar.Hide() // the results cover the lists while the box holds text
			p.list.Refresh()
			p.list.UnselectAll()
			if len(hits) > 0 {
				p.list.ScrollToTop()
				p.choose(0)
			}
		}
	})
}

// submit opens the chosen result, searching first if typing had not paused.
func (p *findPanel) submit() {
	if p.entry.Text == "" {
		return
	}
	if p.entry.Text != p.query || p.waiting {
		p.openFirst = true
		p.searchNow()
		return
	}
	if p.chosen >= 0 && p.chosen < len(p.hits) {
		p.open(p.hits[p.chosen])
	}
}

func (p *findPanel) choose(i int) {
	if i < 0 || i >= len(p.hits) {
		return
	}
	p.quiet = true
	p.list.Select(i) // highlights it; Enter opens it
	p.quiet = false
	p.list.ScrollTo(i)
}

// open shows a result in its editor and clears the search.
func (p *findPanel) open(h editor.SearchHit) {
	switch h.Kind {
	case "story":
		p.g.showList(listStories)
		query, e := p.entry.Text, p.g.story
		if p.g.current == e && e.loaded != nil && e.loaded.ID == h.ID {
			e.selectHit(query) // open already
			break
		}
		e.sess.openedID, e.sess.opened = h.ID, func() { e.selectHit(query) }
		p.g.openStory(h.ID)
	case "quote":
		p.g.showList(listStories)
		p.g.openStory(h.StoryID)
		p.g.story.showTab(tabQuotes)
	case "page":
		p.g.showList(listPages)
		p.g.openPage(h.ID)
	case "person":
		p.g.showList(listPeople)
		if person, ok := p.g.people.find(func(x editor.Person) bool { return x.ID == h.ID }); ok {
			p.g.openPerson(person)
		}
	}
	p.entry.SetText("")
}

// newHitRow makes a result row: kind and title, then the snippet.
func newHitRow() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Truncation = fyne.TextTruncateEllipsis
	snippet := widget.NewRichText()
	snippet.Truncation = fyne.TextTruncateEllipsis
	return container.New(&tightVBox{}, title, snippet)
}

var kindNames = map[string]string{"story": "Story", "page": "Page", "quote": "Quote", "person": "Person"}

func updateHitRow(h editor.SearchHit, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(kindNames[h.Kind] + ": " + h.Title)
	rt := box.Objects[1].(*widget.RichText)
	rt.Segments = snippetSegments(h.Snippet, h.Highlights)
	rt.Refresh()
}

// snippetSegments turns a snippet and its highlighted byte ranges into rich
// text, the matched words bold in the theme's primary colour.
func snippetSegments(snippet string, highlights [][2]int) []widget.RichTextSegment {
	plain := widget.RichTextStyleInline
	plain.ColorName = theme.ColorNameForeground
	strong := widget.RichTextStyleInline
	strong.ColorName = theme.ColorNamePrimary
	strong.TextStyle = fyne.TextStyle{Bold: true}
	var segs []widget.RichTextSegment
	at := 0
	for _, h := range highlights {
		start, end := h[0], h[1]
		if start < at || end > len(snippet) || start > end {
			continue
		}
		if start > at {
			segs = append(segs, &widget.TextSegment{Text: snippet[at:start], Style: plain})
		}
		segs = append(segs, &widget.TextSegment{Text: snippet[start:end], Style: strong})
		at = end
	}
	if at < len(snippet) {
		segs = append(segs, &widget.TextSegment{Text: snippet[at:], Style: plain})
	}
	return segs
}

// selectHit selects in the body the first place the search's words are
// found, the whole query where it stands as typed, else its first word
// found, scrolled into view with the keyboard there.
func (e *storyEditor) selectHit(query string) {
	body := e.body.Text
	spans := editor.Find(body, query, editor.FindOptions{})
	for _, w := range strings.Fields(query) {
		if len(spans) > 0 {
			break
		}
		spans = editor.Find(body, strings.Trim(w, `"*()`), editor.FindOptions{WholeWord: true})
	}
	if len(spans) == 0 {
		return
	}
	e.g.showPane(paneCentre)
	selectRange(e.g.win, e.body, spans[0].Start, spans[0].End)
}
