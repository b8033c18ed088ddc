package app

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// pageSize is how many list rows are fetched at a time; the list asks for a
// page only when one of its rows scrolls into view.
const pageSize = 100

// searchLimit bounds the rows a search fills the list with.
const searchLimit = 200

// searchDelay waits for typing to pause before searching.
const searchDelay = 250 * time.Millisecond

// storyList is the left panel: a search box, a status filter and a virtual
// list of stories, loaded a page at a time as it scrolls.
type storyList struct {
	g        *gui
	onSelect func(id string)

	search *widget.Entry
	filter *widget.Select
	sort   *widget.Select // the list's order, remembered in Preferences
	count  *widget.Label
	list   *widget.List
	empty  *widget.Label
	// newRow stands for a new story on screen that is not saved yet.
	newRow *widget.Label

	status editor.Status
	order  editor.StoryOrder
	query  string
	total  int
	pages  map[int][]editor.StorySummary
	// stale are the pages shown before a reload that kept the list's
	// filter and order (others' saves arriving, a save): their rows stand
	// until the new pages come, rather than a row of "…".
	stale    map[int][]editor.StorySummary
	loading  map[int]bool
	hits     []editor.StorySummary // the rows while a search is shown
	gen      int                   // bumped on every reload, so late answers are dropped
	selected string
	// pendingSelect is a row chosen before its page had loaded, or -1.
	pendingSelect int
	typing        *time.Timer
	// autoOpen opens the newest story once the list first loads.
	autoOpen bool
	// keep is a story to select again after a reload, when it is in view.
	keep string
	// selecting is set while the list is selected from code, not by a person.
	selecting bool
	// quietFilter is set while the filter's choices are rewritten with counts.
	quietFilter bool
}

func newStoryList(g *gui, onSelect func(string)) *storyList {
	return &storyList{g: g, onSelect: onSelect, pages: map[int][]editor.StorySummary{}, loading: map[int]bool{}, pendingSelect: -1, autoOpen: true}
}

func (l *storyList) build() fyne.CanvasObject {
	l.search = &widget.Entry{PlaceHolder: "Filter stories by their words…", OnChanged: l.onSearchChanged,
		OnSubmitted: func(string) { l.runSearchNow() }}
	l.search.ActionItem = &widget.Button{Text: "✕", Importance: widget.LowImportance, OnTapped: func() { l.search.SetText("") }}
	options := []string{"All statuses"}
	for _, s := range editor.Statuses {
		options = append(options, s.Label())
	}
	l.filter = widget.NewSelect(options, l.onFilterChanged)
	l.filter.PlaceHolder = "Status" // a select is as wide as its placeholder at least
	l.filter.SetSelectedIndex(0)
	l.order = l.g.prefs.storyOrder()
	var orders []string
	for _, o := range editor.StoryOrders {
		orders = append(orders, o.Label())
	}
	l.sort = widget.NewSelect(orders, l.onSortChanged)
	l.sort.PlaceHolder = "Order"
	l.sort.SetSelectedIndex(max(slices.Index(editor.StoryOrders, l.order), 0))
	l.count = widget.NewLabel("")
	l.count.Importance = widget.MediumImportance
	l.empty = widget.NewLabel("")
	l.empty.Wrapping = fyne.TextWrapWord
	l.empty.Hide()
	l.list = &widget.List{
		Length:     l.length,
		CreateItem: newStoryRow,
		UpdateItem: l.updateRow,
		OnSelected: func(i widget.ListItemID) {
			if l.selecting {
				return
			}
			if s, ok := l.item(i); ok {
				l.selected = s.ID
				l.onSelect(s.ID)
				return
			}
			l.pendingSelect = i // its page is loading; open it when it arrives
		},
	}
	l.list.ExtendBaseWidget(l.list)
	// The status and the order each have a row, so neither is squeezed in a
	// narrow column, and the column never needs to scroll sideways.
	l.newRow = newStoryNotice()
	top := container.NewVBox(l.search,
		container.NewBorder(nil, nil, nil, l.count, l.filter),
		container.NewBorder(nil, nil, widget.NewLabel("Order"), nil, l.sort),
		l.newRow)
	return container.NewBorder(top, nil, nil, nil, container.NewStack(l.list, container.NewPadded(l.empty)))
}

func (l *storyList) length() int {
	if l.query != "" {
		return len(l.hits)
	}
	return l.total
}

// item returns row i, asking for its page when it is not loaded yet.
func (l *storyList) item(i int) (editor.StorySummary, bool) {
	if l.query != "" {
		if i < len(l.hits) {
			return l.hits[i], true
		}
		return editor.StorySummary{}, false
	}
	page := i / pageSize
	if rows, ok := l.pages[page]; ok {
		if i%pageSize < len(rows) {
			return rows[i%pageSize], true
		}
		return editor.StorySummary{}, false
	}
	l.loadPage(page)
	if rows := l.stale[page]; i%pageSize < len(rows) {
		return rows[i%pageSize], true
	}
	return editor.StorySummary{}, false
}

func (l *storyList) loadPage(page int) {
	if l.loading[page] {
		return
	}
	l.loading[page] = true
	gen, status, order := l.gen, l.status, l.order
	l.g.run(func() func() {
		rows, err := l.g.store.ListStories(l.g.ctx, listFilter(status, order, page*pageSize, pageSize))
		return func() {
			if gen != l.gen {
				return
			}
			delete(l.loading, page)
			delete(l.stale, page)
			if err != nil {
				l.g.showError("Loading stories", err)
				return
			}
			l.pages[page] = rows
			l.list.Refresh()
			l.reselect(page, rows)
			if p := l.pendingSelect; p >= 0 && p/pageSize == page {
				l.pendingSelect = -1
				if s, ok := l.item(p); ok {
					l.selected = s.ID
					l.onSelect(s.ID)
				}
			}
		}
	})
}

// reload forgets what is loaded and starts again from the count.
func (l *storyList) reload() {
	l.stale = nil
	l.restart()
}

// restart loads the list again from the count.
func (l *storyList) restart() {
	l.countStatuses()
	l.gen++
	l.pages, l.loading, l.pendingSelect = map[int][]editor.StorySummary{}, map[int]bool{}, -1
	gen, status := l.gen, l.status
	first := gen == 1
	if l.query != "" {
		l.runSearch(gen, l.query)
		return
	}
	l.g.run(func() func() {
		n, err := countListed(l.g.ctx, l.g.store, status)
		return func() {
			if gen != l.gen {
				return
			}
			if err != nil {
				l.g.showError("Counting stories", err)
				return
			}
			l.total = n
			l.showCount()
			l.list.Refresh()
			l.quietly(l.list.UnselectAll)
			if first && n > 0 && l.autoOpen {
				// On opening, show the most recent story rather than an empty panel.
				l.list.Select(0)
			}
			if first && n == 0 {
				l.g.ready()
			}
		}
	})
}

// preload shows a count and first page read ahead, as a reload would.
func (l *storyList) preload(total int, rows []editor.StorySummary) {
	l.gen++
	l.pages, l.loading, l.pendingSelect = map[int][]editor.StorySummary{0: rows}, map[int]bool{}, -1
	l.total = total
	l.showCount()
	l.list.Refresh()
	l.countStatuses()
	if total == 0 {
		l.g.ready()
	}
}

// quietly changes the selection without opening anything.
func (l *storyList) quietly(f func()) {
	l.selecting = true
	defer func() { l.selecting = false }()
	f()
}

// reloadKeeping reloads the list and selects story id again when it is on a
// loaded page (a saved story moves to the top).
func (l *storyList) reloadKeeping(id string) {
	l.keep = id
	if l.query == "" {
		l.stale = l.pages // the same rows, perhaps moved: shown until their pages load again
	}
	l.restart()
}

// reselect selects the kept story when it is among the rows just loaded.
func (l *storyList) reselect(page int, rows []editor.StorySummary) {
	want := l.keep
	if want == "" {
		want = l.selected
	}
	for i, r := range rows {
		if r.ID == want {
			l.quietly(func() { l.list.Select(page*pageSize + i) })
			l.selected = want
			l.keep = ""
			return
		}
	}
}

// markSelected records the story now open, so the list highlights it when
// it scrolls into view.
func (l *storyList) markSelected(id string) {
	l.selected = id
	for page, rows := range l.pages {
		for i, r := range rows {
			if r.ID == id {
				l.quietly(func() { l.list.Select(page*pageSize + i) })
				return
			}
		}
	}
	for i, r := range l.hits {
		if l.query != "" && r.ID == id {
			l.quietly(func() { l.list.Select(i) })
			return
		}
	}
	l.quietly(l.list.UnselectAll)
}

// step opens the story n rows below (or above, n < 0) the one selected.
func (l *storyList) step(n int) {
	cur := -1
	for page, rows := range l.pages {
		for i, r := range rows {
			if r.ID == l.selected && l.query == "" {
				cur = page*pageSize + i
			}
		}
	}
	if l.query != "" {
		for i, r := range l.hits {
			if r.ID == l.selected {
				cur = i
			}
		}
	}
	next := cur + n
	if cur < 0 {
		next = 0
	}
	if next < 0 || next >= l.length() {
		return
	}
	l.list.Select(next)
	l.list.ScrollTo(next)
}

func (l *storyList) showCount() {
	switch {
	case l.query != "":
		l.count.SetText(plural(len(l.hits), "match", "matches"))
	default:
		l.count.SetText(plural(l.total, "story", "stories"))
	}
	l.empty.Hide()
	if l.length() == 0 {
		switch {
		case l.query != "":
			l.empty.SetText(fmt.Sprintf("No story matches “%s”. Search looks in headlines, standfirsts, bodies, quotes and people.", l.query))
		case l.status != "":
			l.empty.SetText(fmt.Sprintf("No %s stories.", l.status))
		default:
			l.empty.SetText("No stories yet.\n\nStart one with New story (Ctrl+N), or import wire copy or Markdown from a terminal:\n  copydesk import FILE…")
		}
		l.empty.Show()
	}
}

func (l *storyList) onFilterChanged(string) {
	if l.quietFilter {
		return
	}
	l.status = ""
	if i := l.filter.SelectedIndex(); i > 0 {
		l.status = editor.Statuses[i-1]
	}
	if l.list != nil {
		l.reload()
	}
}

func (l *storyList) onSortChanged(string) {
	i := l.sort.SelectedIndex()
	if i < 0 || editor.StoryOrders[i] == l.order {
		return
	}
	l.order = editor.StoryOrders[i]
	l.g.prefs.setStoryOrder(l.order)
	if l.list != nil {
		l.reload()
	}
}

// countStatuses shows how many stories each status holds in the filter's choices.
func (l *storyList) countStatuses() {
	l.g.run(func() func() {
		counts := make([]int, len(editor.Statuses)+1)
		var err error
		for i := range counts {
			var st editor.Status
			if i > 0 {
				st = editor.Statuses[i-1]
			}
			if counts[i], err = l.g.store.CountStories(l.g.ctx, st); err != nil {
				break
			}
		}
		if err == nil {
			counts[0] -= counts[1+slices.Index(editor.Statuses, editor.StatusSpiked)] // "All statuses" hides the spiked
		}
		return func() {
			if err != nil {
				l.g.showStatusError("Counting stories", err)
				return
			}
			options := []string{"All statuses · " + groupThousands(counts[0])}
			for i, st := range editor.Statuses {
				options = append(options, st.Label()+" · "+groupThousands(counts[i+1]))
			}
			sel := max(l.filter.SelectedIndex(), 0)
			l.quietFilter = true
			l.filter.SetOptions(options)
			l.filter.SetSelectedIndex(sel)
			l.quietFilter = false
		}
	})
}

func (l *storyList) onSearchChanged(text string) {
	if l.typing != nil {
		l.typing.Stop()
	}
	l.typing = time.AfterFunc(searchDelay, func() { fyne.Do(l.runSearchNow) })
}

func (l *storyList) runSearchNow() {
	if l.typing != nil {
		l.typing.Stop()
	}
	if l.search.Text == l.query && l.list != nil && l.length() > 0 {
		return
	}
	l.query = l.search.Text
	l.reload()
}

// runSearch fills the list with the stories that match: stories found
// directly, then the stories of matching quotes, each once.
func (l *storyList) runSearch(gen int, query string) {
	status := l.status
	l.g.run(func() func() {
		hits, err := l.g.store.Search(l.g.ctx, query, searchLimit)
		var rows []editor.StorySummary
		seen := map[string]bool{}
		for _, h := range hits {
			id := h.ID
			if h.Kind == "quote" {
				id = h.StoryID
			} else if h.Kind != "story" {
				continue
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			s, serr := l.g.store.Story(l.g.ctx, id)
			if serr != nil || (status != "" && s.Status != status) {
				continue
			}
			rows = append(rows, editor.StorySummary{ID: s.ID, Slug: s.Slug, Headline: s.Headline, Title: s.Title(),
				Status: s.Status, Section: s.Section, Revision: s.Revision, UpdatedAt: s.UpdatedAt, Urgency: s.Urgency, Slugline: s.Slugline})
		}
		return func() {
			if gen != l.gen {
				return
			}
			if err != nil {
				l.g.showError("Search", err)
				return
			}
			l.hits = rows
			l.showCount()
			l.list.Refresh()
			l.quietly(l.list.UnselectAll)
			l.reselect(0, rows)
		}
	})
}

// newStoryRow makes one list row: the title over a line of status and time.
func newStoryRow() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.Truncation = fyne.TextTruncateEllipsis
	title.TextStyle = fyne.TextStyle{Bold: true}
	meta := widget.NewLabel("")
	meta.Truncation = fyne.TextTruncateEllipsis
	return container.New(&tightVBox{}, title, meta)
}

func (l *storyList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	title, meta := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
	s, ok := l.item(i)
	if !ok {
		title.SetText("…")
		meta.SetText("")
		return
	}
	title.SetText(s.Title)
	line := s.Status.Label() + " · " + s.UpdatedAt.Local().Format("2 Jan 15:04")
	if l.g.unsaved[s.ID] {
		line = "Unsaved changes · " + line
	}
	if s.Section != "" {
		line += " · " + s.Section
	}
	if who := l.g.presentOn(s.ID); who != "" {
		line = who + " · " + line
	}
	if tag := wireTag(s.Urgency, s.Slugline); tag != "" {
		line = tag + " · " + line
	}
	meta.SetText(line)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%s %s", groupThousands(n), many)
}

// groupThousands writes 10000 as "10,000".
func groupThousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// tightVBox stacks objects with no padding between them, so a two-line row
// stays compact.
type tightVBox struct{}

func (tightVBox) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - 2*theme.Padding()
	}
	return s.AddWidthHeight(0, 2*theme.Padding())
}

func (tightVBox) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - 2*theme.Padding()
	}
}
