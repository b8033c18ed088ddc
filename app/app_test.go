package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	_ "copydesk/internal/plainlocale"
)

// fakeStore is an in-memory Store that records what the app asked of it.
type fakeStore struct {
	mu      sync.Mutex
	stories []*editor.Story // newest first
	pages   []*editor.Page
	people  []editor.Person
	revs    map[string][]editor.Revision
	working map[string]editor.WorkingCopy
	listed  []editor.StoryFilter
	calls   []string
	metas   []editor.RevisionMeta
	// saveErr, when set, is what the next SaveStory returns.
	saveErr error
	// createErr, when set, is what CreateStory fails with.
	createErr error
	// dropErr, when set, is what every DropWorkingCopy returns.
	dropErr error
	// pageVersions holds old revisions of pages, for RestorePage.
	pageVersions map[string]map[int]editor.Page
	// desk are the desk's shared settings (DeskSettings).
	desk editor.DeskSettings
}

func newFakeStore(n int) *fakeStore {
	f := &fakeStore{revs: map[string][]editor.Revision{}, working: map[string]editor.WorkingCopy{}}
	base := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		st := editor.StatusDraft
		if i%3 == 0 {
			st = editor.StatusPublished
		}
		s := &editor.Story{ID: fmt.Sprintf("id-%05d", i), Slug: fmt.Sprintf("story-%d", i),
			Headline: fmt.Sprintf("Story number %d", i), Body: fmt.Sprintf("Body of story %d.", i), Status: st,
			Byline: "Press Association", Revision: 1, Tags: []string{}, UpdatedAt: base.Add(-time.Duration(i) * time.Minute)}
		f.stories = append(f.stories, s)
		f.revs[s.ID] = []editor.Revision{{Seq: 1, Kind: editor.RevisionImport, Author: "Press Association", Note: "as filed", CreatedAt: s.UpdatedAt, Words: 4}}
	}
	f.pages = []*editor.Page{{ID: "page-1", Slug: "comment-rules", Kind: editor.PageRules, Title: "Comments: Our rules",
		Summary: "Comments should be civil.\n\nRead the rules here", Body: "Be civil.", Revision: 1, UpdatedAt: base}}
	f.revs["page-1"] = []editor.Revision{{Seq: 1, Kind: editor.RevisionImport, CreatedAt: base, Words: 10}}
	f.people = []editor.Person{{ID: "p-1", Name: "James Cleverly", Honorific: "Mr", ShortName: "Mr Cleverly", Role: "Foreign Office minister"}}
	return f
}

func (f *fakeStore) called(what string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, what)
}

// count says how many calls began with prefix.
func (f *fakeStore) count(prefix string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if strings.HasPrefix(c, prefix) {
			n++
		}
	}
	return n
}

func (f *fakeStore) filtered(status editor.Status) []*editor.Story {
	var out []*editor.Story
	for _, s := range f.stories {
		if status == "" || s.Status == status {
			out = append(out, s)
		}
	}
	return out
}

func (f *fakeStore) find(id string) *editor.Story {
	for _, s := range f.stories {
		if s.ID == id {
			return s
		}
	}
	return nil
}

func (f *fakeStore) ListStories(_ context.Context, filter editor.StoryFilter) ([]editor.StorySummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.listed = append(f.listed, filter)
	all := f.filtered(filter.Status)
	if filter.HideSpiked {
		all = slices.DeleteFunc(slices.Clone(all), func(s *editor.Story) bool { return s.Status == editor.StatusSpiked })
	}
	var out []editor.StorySummary
	for i := filter.Offset; i < len(all) && (filter.Limit <= 0 || i < filter.Offset+filter.Limit); i++ {
		s := all[i]
		out = append(out, editor.StorySummary{ID: s.ID, Slug: s.Slug, Headline: s.Headline, Title: s.Title(), Status: s.Status, Revision: s.Revision, UpdatedAt: s.UpdatedAt})
	}
	return out, nil
}

func (f *fakeStore) CountStories(_ context.Context, status editor.Status) (int, error) {
	return len(f.filtered(status)), nil
}

func (f *fakeStore) Story(_ context.Context, id string) (*editor.Story, error) {
	if s := f.find(id); s != nil {
		c := *s
		return &c, nil
	}
	return nil, fmt.Errorf("story %s: %w", id, editor.ErrNotFound)
}

func (f *fakeStore) CreateStory(_ context.Context, s *editor.Story, meta editor.RevisionMeta) error {
	f.called("CreateStory " + s.Headline)
	if f.createErr != nil {
		return f.createErr
	}
	f.metas = append(f.metas, meta)
	s.Normalize()
	slug := "new"
	if s.Headline == "" && s.Body == "" {
		slug = "story" // the stand-in a story created empty gets
	}
	s.ID, s.Slug, s.Revision, s.UpdatedAt = fmt.Sprintf("new-%d", len(f.stories)), slug, 1, time.Now()
	c := *s
	f.stories = append([]*editor.Story{&c}, f.stories...)
	f.revs[s.ID] = []editor.Revision{{Seq: 1, Kind: meta.Kind, Author: meta.Author, Note: meta.Note}}
	return nil
}

func (f *fakeStore) CreatePage(_ context.Context, p *editor.Page, meta editor.RevisionMeta) error {
	f.called("CreatePage " + p.Title)
	p.Normalize()
	p.ID, p.Slug, p.Revision, p.UpdatedAt = fmt.Sprintf("page-%d", len(f.pages)+1), editor.Slugify(p.Title), 1, time.Now()
	c := *p
	f.pages = append(f.pages, &c)
	f.revs[p.ID] = []editor.Revision{{Seq: 1, Kind: meta.Kind, Note: meta.Note}}
	return nil
}

func (f *fakeStore) SaveStory(_ context.Context, s *editor.Story, base int, meta editor.RevisionMeta) (bool, error) {
	f.called(fmt.Sprintf("SaveStory %s base %d", s.ID, base))
	f.metas = append(f.metas, meta)
	if err := f.saveErr; err != nil {
		f.saveErr = nil
		return false, err
	}
	cur := f.find(s.ID)
	if cur == nil {
		return false, editor.ErrNotFound
	}
	if base != cur.Revision {
		return false, &editor.ConflictError{Kind: editor.ConflictRevision, Noun: "story", Title: cur.Title(), Current: cur.Revision, Base: base}
	}
	s.Normalize()
	if string(s.Content()) == string(cur.Content()) {
		return false, nil
	}
	s.Revision, s.UpdatedAt = cur.Revision+1, time.Now()
	*cur = *s
	f.revs[s.ID] = append(f.revs[s.ID], editor.Revision{Seq: s.Revision, Kind: meta.Kind, Author: meta.Author, Note: meta.Note, CreatedAt: s.UpdatedAt})
	return true, nil
}

func (f *fakeStore) SetStatus(_ context.Context, id string, base int, status editor.Status, meta editor.RevisionMeta) (*editor.Story, error) {
	f.called("SetStatus " + id + " " + string(status))
	f.metas = append(f.metas, meta)
	cur := f.find(id)
	if cur == nil {
		return nil, editor.ErrNotFound
	}
	if base != cur.Revision {
		return nil, &editor.ConflictError{Kind: editor.ConflictRevision, Noun: "story", Title: cur.Title(), Current: cur.Revision, Base: base}
	}
	cur.Status, cur.Revision = status, cur.Revision+1
	f.revs[id] = append(f.revs[id], editor.Revision{Seq: cur.Revision, Kind: editor.RevisionStatus, Author: meta.Author, Note: meta.Note})
	c := *cur
	return &c, nil
}

func (f *fakeStore) StoryRevision(_ context.Context, id string, seq int) (*editor.Story, *editor.Revision, error) {
	f.called(fmt.Sprintf("StoryRevision %s %d", id, seq))
	s := f.find(id)
	if s == nil || seq < 1 || seq > len(f.revs[id]) {
		return nil, nil, editor.ErrNotFound
	}
	old := *s
	old.Headline = fmt.Sprintf("%s (as at revision %d)", s.Headline, seq)
	r := f.revs[id][seq-1]
	return &old, &r, nil
}

func (f *fakeStore) Revisions(_ context.Context, id string) ([]editor.Revision, error) {
	if r, ok := f.revs[id]; ok {
		return r, nil
	}
	return nil, editor.ErrNotFound
}

func (f *fakeStore) Pages(context.Context) ([]editor.Page, error) {
	var out []editor.Page
	for _, p := range f.pages {
		out = append(out, *p)
	}
	return out, nil
}

func (f *fakeStore) Page(_ context.Context, id string) (*editor.Page, error) {
	for _, p := range f.pages {
		if p.ID == id {
			c := *p
			return &c, nil
		}
	}
	return nil, editor.ErrNotFound
}

func (f *fakeStore) SavePage(_ context.Context, p *editor.Page, base int, meta editor.RevisionMeta) (bool, error) {
	f.called(fmt.Sprintf("SavePage %s base %d", p.ID, base))
	f.metas = append(f.metas, meta)
	for _, cur := range f.pages {
		if cur.ID != p.ID {
			continue
		}
		// As the real store: an edit based on an older revision is refused.
		if base != cur.Revision {
			return false, &editor.ConflictError{Kind: editor.ConflictRevision, Noun: "page", Title: cur.Title, Current: cur.Revision, Base: base}
		}
		p.Normalize()
		if string(p.Content()) == string(cur.Content()) {
			p.Revision, p.UpdatedAt = cur.Revision, cur.UpdatedAt
			return false, nil
		}
		p.Revision, p.UpdatedAt = cur.Revision+1, time.Now()
		*cur = *p
		f.revs[p.ID] = append(f.revs[p.ID], editor.Revision{Seq: p.Revision, Kind: meta.Kind, Author: meta.Author, Note: meta.Note, CreatedAt: p.UpdatedAt})
		return true, nil
	}
	return false, editor.ErrNotFound
}

func (f *fakeStore) PageRevision(_ context.Context, id string, seq int) (*editor.Page, *editor.Revision, error) {
	p, err := f.Page(context.Background(), id)
	if err != nil {
		return nil, nil, err
	}
	return p, &f.revs[id][0], nil
}

func (f *fakeStore) People(context.Context) ([]editor.Person, error) { return f.people, nil }

func (f *fakeStore) SavePerson(_ context.Context, p *editor.Person) error {
	f.called("SavePerson " + p.Name)
	if p.ID == "" {
		if err := p.Validate(); err != nil {
			return err
		}
		p.ID = fmt.Sprintf("person-%d", len(f.people)+1)
		f.people = append(f.people, *p)
		return nil
	}
	for i := range f.people {
		if f.people[i].ID == p.ID {
			f.people[i] = *p
		}
	}
	return nil
}

func (f *fakeStore) SaveWorkingCopy(_ context.Context, wc *editor.WorkingCopy) error {
	f.called("SaveWorkingCopy " + wc.DocID)
	wc.SavedAt = time.Date(2026, 11, 28, 12, 3, 0, 0, time.Local)
	f.working[wc.DocID] = *wc
	return nil
}

// The fake keeps one working copy per document, whoever's: the app's
// tests are of one person on one client.
func (f *fakeStore) WorkingCopy(_ context.Context, id string, _ editor.Owner) (*editor.WorkingCopy, error) {
	if wc, ok := f.working[id]; ok {
		return &wc, nil
	}
	return nil, editor.ErrNotFound
}

func (f *fakeStore) WorkingCopies(context.Context, editor.Owner) ([]editor.WorkingCopy, error) {
	var out []editor.WorkingCopy
	for _, wc := range f.working {
		out = append(out, wc)
	}
	return out, nil
}

func (f *fakeStore) DropWorkingCopy(_ context.Context, id string, _ editor.Owner) error {
	f.called("DropWorkingCopy " + id)
	if f.dropErr != nil {
		return f.dropErr
	}
	delete(f.working, id)
	return nil
}

func (f *fakeStore) Search(_ context.Context, q string, limit int) ([]editor.SearchHit, error) {
	var hits []editor.SearchHit
	lq := strings.ToLower(q)
	for _, s := range f.stories {
		h := strings.ToLower(s.Headline)
		if i := strings.Index(h, lq); i >= 0 && len(hits) < limit {
			hits = append(hits, editor.SearchHit{Kind: "story", ID: s.ID, Title: s.Headline, Snippet: s.Headline, Highlights: [][2]int{{i, i + len(q)}}})
		}
	}
	for _, p := range f.people {
		if strings.Contains(strings.ToLower(p.Name), lq) {
			hits = append(hits, editor.SearchHit{Kind: "person", ID: p.ID, Title: p.FullName(), Snippet: p.Role})
		}
	}
	return hits, nil
}

func (f *fakeStore) Path() string { return "/tmp/fake.db" }
func (f *fakeStore) Close() error { return nil }

// syncRun runs the work and its UI update at once, so tests need not wait.
func syncRun(work func() func()) {
	if ui := work(); ui != nil {
		ui()
	}
}

func newTestGUI(t *testing.T, store Store) (*gui, fyne.Window) {
	t.Helper()
	newTestApp(t)
	return openTestGUI(t, store)
}

// newTestApp starts a headless app that is not on its first start: the
// author is known (firstStartAsksForTheAuthor tests the first start).
func newTestApp(t *testing.T) {
	t.Helper()
	test.NewTempApp(t)
	fyne.CurrentApp().Preferences().SetString(prefAuthor, "A Tester")
}

// openTestGUI opens another window on the same app, as a restart would.
func openTestGUI(t *testing.T, store Store) (*gui, fyne.Window) {
	t.Helper()
	// Not a first start: the author is known (TestFirstStartAsksForTheAuthor
	// opens its window itself).
	if p := fyne.CurrentApp().Preferences(); p.String(prefAuthor) == "" {
		p.SetString(prefAuthor, "A Tester")
	}
	return openTestGUIWith(t, store, nil)
}

// openWindow opens the main window on store, as the app does, first start
// or not.
func openWindow(t *testing.T, store Store) (*gui, fyne.Window) {
	t.Helper()
	return openTestGUIWith(t, store, nil)
}

// openTestGUIWith opens a window as openTestGUI does, after setup (when not
// nil) has set what Run would set before the window starts.
func openTestGUIWith(t *testing.T, store Store, setup func(g *gui)) (*gui, fyne.Window) {
	t.Helper()
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	g := newGUI(w, store, syncRun, syncRun)
	if setup != nil {
		setup(g)
	}
	w.SetContent(g.build())
	w.SetMainMenu(g.menu())
	w.Resize(fyne.NewSize(1300, 800))
	g.start()
	return g, w
}

// typeAtEnd types chars after the entry's text, as a person who clicked at
// its end would.
func typeAtEnd(f fyne.Focusable, chars string) {
	e := entryOf(f)
	lines := strings.Split(e.Text, "\n")
	e.CursorRow, e.CursorColumn = len(lines)-1, len([]rune(lines[len(lines)-1]))
	test.Type(f, chars)
}

// objects lists every object on the window's canvas, dialogs included.
func objects(w fyne.Window) []fyne.CanvasObject {
	all := test.LaidOutObjects(w.Content())
	for _, o := range w.Canvas().Overlays().List() {
		all = append(all, test.LaidOutObjects(o)...)
	}
	return all
}

// tapButton taps the visible button with this label, in a dialog or not.
func tapButton(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	for _, o := range objects(w) {
		var b *widget.Button
		switch x := o.(type) {
		case *widget.Button:
			b = x
		case *dialogButton:
			b = &x.Button
		}
		if b != nil && b.Text == label && b.Visible() {
			test.Tap(o.(fyne.Tappable))
			return
		}
	}
	t.Fatalf("no button %q on screen", label)
}

// entryWithPlaceholder finds the entry showing this placeholder.
func entryWithPlaceholder(t *testing.T, w fyne.Window, placeholder string) fyne.Focusable {
	t.Helper()
	for _, o := range objects(w) {
		switch e := o.(type) {
		case *widget.Entry:
			if e.PlaceHolder == placeholder {
				return e
			}
		case *textEntry:
			if e.PlaceHolder == placeholder {
				return e
			}
		}
	}
	t.Fatalf("no entry with placeholder %q", placeholder)
	return nil
}

func TestListIsVirtualAndLazy(t *testing.T) {
	store := newFakeStore(10000)
	g, _ := newTestGUI(t, store)
	if got := g.list.list.Length(); got != 10000 {
		t.Fatalf("list length = %d, want 10000", got)
	}
	if g.list.count.Text != "10,000 stories" {
		t.Errorf("count = %q, want 10,000 stories", g.list.count.Text)
	}
	for _, f := range store.listed {
		if f.Limit != pageSize || f.Offset > pageSize {
			t.Errorf("list asked for %+v on opening; want only the first pages of %d", f, pageSize)
		}
	}
	if len(store.listed) == 0 {
		t.Fatalf("list loaded nothing")
	}
	g.list.list.ScrollTo(9999)
	var sawLast bool
	for _, f := range store.listed {
		sawLast = sawLast || f.Offset == 9900
	}
	if !sawLast {
		t.Errorf("scrolling to the end did not load the last page; asked for %+v", store.listed)
	}
	if len(store.listed) > 5 {
		t.Errorf("list asked for %d pages, want only those in view", len(store.listed))
	}
}

func TestStatusFilterAndSearch(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(30))
	g.list.filter.SetSelectedIndex(4) // Published
	if got := g.list.list.Length(); got != 10 {
		t.Errorf("published filter: %d rows, want 10", got)
	}
	if got := strings.Join(g.list.filter.Options, "|"); got != "All statuses · 30|Draft · 20|Subbing · 0|Ready · 0|Published · 10|Spiked · 0" {
		t.Errorf("filter choices = %q", got)
	}
	if g.list.filter.Selected != "Published · 10" {
		t.Errorf("filter shows %q", g.list.filter.Selected)
	}
	g.list.filter.SetSelectedIndex(5) // Spiked
	if !g.list.empty.Visible() || !strings.Contains(g.list.empty.Text, "No spiked stories") {
		t.Errorf("empty spiked filter shows %q (visible %v)", g.list.empty.Text, g.list.empty.Visible())
	}
	g.list.filter.SetSelectedIndex(0)

	test.Type(g.list.search, "number 1")
	g.list.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := g.list.list.Length(); got != 11 { // 1 and 10–19
		t.Errorf("search 'number 1': %d rows, want 11", got)
	}
	if g.list.count.Text != "11 matches" {
		t.Errorf("count = %q", g.list.count.Text)
	}
	g.list.search.SetText("")
	g.list.runSearchNow()
	if got := g.list.list.Length(); got != 30 {
		t.Errorf("cleared search: %d rows, want 30", got)
	}
}

func TestEmptyDatabaseSaysWhatToDo(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(0))
	if !g.empty.Visible() || g.story.canvas().Visible() {
		t.Errorf("with no story the editor is shown")
	}
	if !g.list.empty.Visible() || !strings.Contains(g.list.empty.Text, "New story (Ctrl+N)") {
		t.Errorf("empty database shows %q (visible %v)", g.list.empty.Text, g.list.empty.Visible())
	}
}

func TestNextAndPreviousStory(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(5))
	g.next(1)
	g.next(1)
	if g.story.loaded.ID != "id-00002" {
		t.Errorf("two steps down opened %s", g.story.loaded.ID)
	}
	g.next(-1)
	if g.story.loaded.ID != "id-00001" {
		t.Errorf("one step up opened %s", g.story.loaded.ID)
	}
}

// openDialog is the dialog on screen whose title starts with prefix, or nil.
func openDialog(g *gui, prefix string) *dialogBox {
	for _, d := range g.dialogs {
		if strings.HasPrefix(d.title, prefix) {
			return d
		}
	}
	return nil
}

// dialogText is the words of every dialog on screen, the front one last.
func dialogText(g *gui) string {
	var words []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			words = append(words, o.Text)
		case *widget.RichText:
			words = append(words, o.String())
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			if r := test.WidgetRenderer(o); r != nil {
				for _, c := range r.Objects() {
					walk(c)
				}
			}
		}
	}
	for _, d := range g.dialogs {
		walk(d.content)
	}
	return strings.Join(words, "\n")
}

// unsaved reports whether an editor's fields differ from the revision saved last.
func unsaved(ed docEditor) bool { return ed.session().dirty(ed.current().content()) }

func (f *fakeStore) DeskSettings(context.Context) (editor.DeskSettings, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := f.desk
	s.HouseWords = append([]string(nil), s.HouseWords...)
	if len(s.HouseWords) == 0 {
		s.HouseWords = nil
	}
	return s, nil
}

func (f *fakeStore) SaveDeskSettings(_ context.Context, s *editor.DeskSettings) error {
	f.called("SaveDeskSettings")
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.desk = *s
	return nil
}

func (f *fakeStore) AddHouseWord(_ context.Context, word string) error {
	f.called("AddHouseWord " + word)
	if err := editor.ValidHouseWord(word); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.desk.HouseWords = append(f.desk.HouseWords, word)
	f.desk.Normalize()
	return nil
}
