package app

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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
	f.metas = append(f.metas, meta)
	s.Normalize()
	s.ID, s.Slug, s.Revision, s.UpdatedAt = fmt.Sprintf("new-%d", len(f.stories)), "new", 1, time.Now()
	c := *s
	f.stories = append([]*editor.Story{&c}, f.stories...)
	f.revs[s.ID] = []editor.Revision{{Seq: 1, Kind: meta.Kind, Author: meta.Author, Note: meta.Note}}
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
		return false, fmt.Errorf("story %q is at revision %d, but this edit is based on revision %d: %w", cur.Title(), cur.Revision, base, editor.ErrConflict)
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

func (f *fakeStore) SetStatus(_ context.Context, id string, status editor.Status, meta editor.RevisionMeta) (*editor.Story, error) {
	f.called("SetStatus " + id + " " + string(status))
	cur := f.find(id)
	if cur == nil {
		return nil, editor.ErrNotFound
	}
	cur.Status, cur.Revision = status, cur.Revision+1
	f.revs[id] = append(f.revs[id], editor.Revision{Seq: cur.Revision, Kind: editor.RevisionStatus, Author: meta.Author})
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
	for _, cur := range f.pages {
		if cur.ID == p.ID {
			p.Revision = cur.Revision + 1
			*cur = *p
			return true, nil
		}
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

func (f *fakeStore) WorkingCopy(_ context.Context, id string) (*editor.WorkingCopy, error) {
	if wc, ok := f.working[id]; ok {
		return &wc, nil
	}
	return nil, editor.ErrNotFound
}

func (f *fakeStore) WorkingCopies(context.Context) ([]editor.WorkingCopy, error) {
	var out []editor.WorkingCopy
	for _, wc := range f.working {
		out = append(out, wc)
	}
	return out, nil
}

func (f *fakeStore) DropWorkingCopy(_ context.Context, id string) error {
	f.called("DropWorkingCopy " + id)
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
	test.NewTempApp(t)
	return openTestGUI(t, store)
}

// openTestGUI opens another window on the same app, as a restart would.
func openTestGUI(t *testing.T, store Store) (*gui, fyne.Window) {
	t.Helper()
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	g := newGUI(w, store, syncRun, syncRun)
	w.SetContent(g.build())
	w.SetMainMenu(g.menu())
	w.Resize(fyne.NewSize(1300, 800))
	g.start()
	return g, w
}

// typeAtEnd types chars after the entry's text, as a person who clicked at
// its end would.
func typeAtEnd(e *widget.Entry, chars string) {
	lines := strings.Split(e.Text, "\n")
	e.CursorRow, e.CursorColumn = len(lines)-1, len([]rune(lines[len(lines)-1]))
	test.Type(e, chars)
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
		if b, ok := o.(*widget.Button); ok && b.Text == label && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q on screen", label)
}

// entryWithPlaceholder finds the entry showing this placeholder.
func entryWithPlaceholder(t *testing.T, w fyne.Window, placeholder string) *widget.Entry {
	t.Helper()
	for _, o := range objects(w) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder {
			return e
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

func TestSelectingOpensTheStoryInTheEditor(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(30))
	if g.story.loaded == nil || g.story.loaded.ID != "id-00000" {
		t.Errorf("on opening the editor shows %+v, want the newest story", g.story.loaded)
	}
	g.list.list.Select(2)
	if g.story.loaded == nil || g.story.loaded.ID != "id-00002" {
		t.Fatalf("selecting row 2 opened %+v", g.story.loaded)
	}
	for got, want := range map[string]string{
		g.story.headline.Text: "Story number 2", g.story.byline.Text: "Press Association",
		g.story.body.Text: "Body of story 2.", g.story.status.Selected: "Draft",
		g.story.headlineCount.Text: "14 / 90", g.story.bodyCount.Text: "4 words",
	} {
		if got != want {
			t.Errorf("editor shows %q, want %q", got, want)
		}
	}
	if !strings.HasPrefix(g.saveState.Text, "Saved ") {
		t.Errorf("status bar = %q, want Saved …", g.saveState.Text)
	}
	if len(g.story.history.revs) != 1 || !strings.Contains(revisionLine(g.story.history.revs[0]), "“as filed”") {
		t.Errorf("history = %+v", g.story.history.revs)
	}
	if !strings.Contains(g.dbLabel.Text, "/tmp/fake.db") {
		t.Errorf("status bar names the database as %q", g.dbLabel.Text)
	}
}

func TestStatusFilterAndSearch(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(30))
	g.list.filter.SetSelected("Published")
	if got := g.list.list.Length(); got != 10 {
		t.Errorf("published filter: %d rows, want 10", got)
	}
	g.list.filter.SetSelected("Spiked")
	if !g.list.empty.Visible() || !strings.Contains(g.list.empty.Text, "No spiked stories") {
		t.Errorf("empty spiked filter shows %q (visible %v)", g.list.empty.Text, g.list.empty.Visible())
	}
	g.list.filter.SetSelected("All statuses")

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

func TestSaveRevisionWithNote(t *testing.T) {
	store := newFakeStore(3)
	g, w := newTestGUI(t, store)
	fyne.CurrentApp().Preferences().SetString(prefAuthor, "Jane Sub")
	g.list.list.Select(1)
	g.story.headline.SetText("")
	test.Type(g.story.headline, "Sir Iain: direct threat")
	if g.story.headlineCount.Text != "23 / 90" {
		t.Errorf("headline count = %q", g.story.headlineCount.Text)
	}
	if g.saveState.Text != "Unsaved changes · Save revision: Ctrl+S" {
		t.Errorf("status bar after typing = %q", g.saveState.Text)
	}
	g.saveCurrent()
	test.Type(entryWithPlaceholder(t, w, "e.g. subbed, legalled, new intro (optional)"), "subbed")
	g.saveDialog.Submit()
	if n := store.count("SaveStory id-00001 base 1"); n != 1 {
		t.Fatalf("SaveStory calls = %v", store.calls)
	}
	meta := store.metas[len(store.metas)-1]
	if meta.Note != "subbed" || meta.Author != "Jane Sub" || meta.Kind != editor.RevisionCheckpoint {
		t.Errorf("saved with %+v, want note subbed by Jane Sub", meta)
	}
	if got := store.find("id-00001").Headline; got != "Sir Iain: direct threat" {
		t.Errorf("stored headline = %q", got)
	}
	if !strings.HasPrefix(g.saveState.Text, "Saved ") || !strings.Contains(g.saveState.Text, "revision 2") {
		t.Errorf("status bar after save = %q", g.saveState.Text)
	}
	if len(g.story.history.revs) != 2 || g.story.history.revs[0].Note != "subbed" {
		t.Errorf("history after save = %+v", g.story.history.revs)
	}
}

func TestPublishedStoryAsksForCorrectionNote(t *testing.T) {
	g, w := newTestGUI(t, newFakeStore(3)) // story 0 is published
	g.story.body.SetText("Corrected body.")
	g.saveCurrent()
	found := false
	for _, o := range objects(w) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "This story is published") {
			found = true
		}
	}
	if !found {
		t.Errorf("saving a published story does not explain the correction note")
	}
}

func TestAutosaveAndRecoveryAfterACrash(t *testing.T) {
	store := newFakeStore(5)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.body, " Words typed just before the crash.")
	g.autosave()
	wc, ok := store.working["id-00001"]
	if !ok {
		t.Fatalf("autosave wrote no working copy; calls %v", store.calls)
	}
	if store.count("SaveStory") != 0 {
		t.Errorf("autosave made a revision: %v", store.calls)
	}
	g.autosave()
	if n := store.count("SaveWorkingCopy"); n != 1 {
		t.Errorf("autosave with nothing new wrote again: %d writes", n)
	}
	if !strings.Contains(g.saveState.Text, "Unsaved changes · kept safe") {
		t.Errorf("status bar after autosave = %q", g.saveState.Text)
	}
	var back editor.Story
	back.ApplyContent(wc.Content)
	if !strings.Contains(back.Body, "Words typed just before the crash.") || wc.Base != 1 {
		t.Errorf("working copy = base %d body %q", wc.Base, back.Body)
	}

	// A new window on the same database, as after a crash, opens that story with the words.
	g2, _ := openTestGUI(t, store)
	if g2.story.loaded == nil || g2.story.loaded.ID != "id-00001" {
		t.Fatalf("after restart the editor shows %+v, want the story with unsaved changes", g2.story.loaded)
	}
	if !strings.Contains(g2.story.body.Text, "Words typed just before the crash.") {
		t.Errorf("after restart the body is %q", g2.story.body.Text)
	}
	if !g2.story.banner.Visible() || !strings.HasPrefix(g2.story.bannerText.Text, "Recovered unsaved changes from ") ||
		!strings.Contains(g2.story.bannerText.Text, " to the body (6 more words).") {
		t.Errorf("banner = %q (visible %v)", g2.story.bannerText.Text, g2.story.banner.Visible())
	}
	if !strings.HasPrefix(g2.saveState.Text, "Unsaved changes") {
		t.Errorf("status bar after recovery = %q", g2.saveState.Text)
	}
}

func TestUndoingEveryChangeForgetsTheWorkingCopy(t *testing.T) {
	store := newFakeStore(2)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	g.story.dateline.SetText("London")
	g.autosave()
	g.story.dateline.SetText("")
	g.autosave()
	if _, ok := store.working["id-00001"]; ok {
		t.Errorf("working copy kept after the fields were back as saved")
	}
}

func TestLeavingAStoryKeepsItsChanges(t *testing.T) {
	store := newFakeStore(5)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.standfirst, "A standfirst not yet saved.")
	g.list.list.Select(2)
	if _, ok := store.working["id-00001"]; !ok {
		t.Fatalf("leaving the story did not keep its changes; calls %v", store.calls)
	}
	if !strings.Contains(g.saveState.Text, "are kept") {
		t.Errorf("status bar = %q, want it to say the changes are kept", g.saveState.Text)
	}
	if !g.unsaved["id-00001"] {
		t.Errorf("list does not mark the story as having unsaved changes")
	}
	g.list.list.Select(1)
	if g.story.standfirst.Text != "A standfirst not yet saved." {
		t.Errorf("coming back shows standfirst %q", g.story.standfirst.Text)
	}
}

func TestConflictKeepsTextAndSavesACopy(t *testing.T) {
	store := newFakeStore(3)
	g, w := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.body, " My paragraph.")
	store.find("id-00001").Revision = 2 // someone else saved meanwhile
	g.story.save("")
	if g.conflictDialog == nil {
		t.Fatalf("no conflict dialog; calls %v", store.calls)
	}
	if !strings.HasSuffix(g.story.body.Text, " My paragraph.") {
		t.Errorf("after the conflict the body is %q", g.story.body.Text)
	}
	tapButton(t, w, "Save mine as a new story")
	if store.count("CreateStory") != 1 {
		t.Fatalf("no copy created; calls %v", store.calls)
	}
	if g.story.loaded.ID == "id-00001" || !strings.HasSuffix(g.story.body.Text, " My paragraph.") {
		t.Errorf("after saving a copy the editor shows %s with body %q", g.story.loaded.ID, g.story.body.Text)
	}
	if store.stories[0].Body != "Body of story 1. My paragraph." || store.stories[0].Status != editor.StatusDraft {
		t.Errorf("copy saved as %+v", store.stories[0])
	}
}

func TestValidationErrorKeepsText(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.body, " More.")
	store.saveErr = &editor.ValidationError{Field: "byline", Problem: "is 300 characters long; the limit is 200"}
	g.story.save("")
	if !strings.Contains(g.lastError, "The byline is 300 characters long") {
		t.Errorf("error dialog says %q", g.lastError)
	}
	if g.story.body.Text != "Body of story 1. More." {
		t.Errorf("after the error the body is %q", g.story.body.Text)
	}
}

func TestSpikingAsksFirst(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	g.story.status.SetSelected("Spiked")
	if store.count("SetStatus") != 0 || g.lastConfirm == nil {
		t.Fatalf("spiking did not ask first; calls %v", store.calls)
	}
	g.lastConfirm.Dismiss()
	if g.story.status.Selected != "Draft" || store.count("SetStatus") != 0 {
		t.Errorf("cancelling left status %q, calls %v", g.story.status.Selected, store.calls)
	}
	g.story.status.SetSelected("Subbing")
	if store.count("SetStatus id-00001 subbing") != 1 {
		t.Errorf("moving to subbing (not destructive) did not happen at once: %v", store.calls)
	}
	g.story.status.SetSelected("Spiked")
	g.lastConfirm.Confirm()
	if store.count("SetStatus id-00001 spiked") != 1 || g.story.loaded.Status != editor.StatusSpiked {
		t.Errorf("confirmed spike: calls %v, status %s", store.calls, g.story.loaded.Status)
	}
	if g.story.sess.base != 3 {
		t.Errorf("after two moves the editor is based on revision %d, want 3", g.story.sess.base)
	}
}

func TestStatusMoveKeepsUnsavedText(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.body, " Unsaved.")
	g.story.status.SetSelected("Subbing")
	if g.story.body.Text != "Body of story 1. Unsaved." || !g.story.sess.dirty(g.story.content()) {
		t.Errorf("after the move body %q, dirty %v", g.story.body.Text, g.story.sess.dirty(g.story.content()))
	}
	g.story.save("")
	if store.count("SaveStory id-00001 base 2") != 1 {
		t.Errorf("save after the move: calls %v", store.calls)
	}
}

func TestNewStoryUsesTheDefaultCredit(t *testing.T) {
	store := newFakeStore(2)
	g, _ := newTestGUI(t, store)
	fyne.CurrentApp().Preferences().SetString(prefCredit, "Reporting by Press Association.")
	g.newStory()
	if store.count("CreateStory") != 1 {
		t.Fatalf("calls %v", store.calls)
	}
	if g.story.loaded.ID != store.stories[0].ID || g.story.credit.Text != "Reporting by Press Association." || g.story.headline.Text != "" {
		t.Errorf("new story shows %s credit %q headline %q", g.story.loaded.ID, g.story.credit.Text, g.story.headline.Text)
	}
	if fyne.CurrentApp().Driver().CanvasForObject(g.story.headline).Focused() != g.story.headline {
		t.Errorf("the headline is not focused in a new story")
	}
}

func TestChecksFollowTheFields(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(2))
	g.list.list.Select(1)
	g.story.headline.SetText("")
	if g.story.checks.shown[0].message != "No headline." {
		t.Errorf("checks with no headline: %+v", g.story.checks.shown)
	}
	g.story.headline.SetText(strings.Repeat("long ", 20))
	if !strings.Contains(g.story.checks.shown[0].message, "the house limit is 90") {
		t.Errorf("checks with a long headline: %+v", g.story.checks.shown)
	}
	if g.story.headlineCount.Importance != widget.DangerImportance {
		t.Errorf("over-long headline count is not marked")
	}
	g.story.byline.SetText(strings.Repeat("x", editor.LineFieldMax+1))
	var sawByline bool
	for _, f := range g.story.checks.shown {
		sawByline = sawByline || (f.field == "byline" && f.severity == "error")
	}
	if !sawByline {
		t.Errorf("an over-long byline is not an error: %+v", g.story.checks.shown)
	}
}

func TestHistoryOpensAnOldRevision(t *testing.T) {
	store := newFakeStore(2)
	g, _ := newTestGUI(t, store)
	g.story.history.list.Select(0)
	if store.count("StoryRevision id-00000 1") != 1 || g.revisionDialog == nil {
		t.Errorf("choosing a revision: calls %v", store.calls)
	}
}

func TestQuotesPanelListsTheQuotes(t *testing.T) {
	store := newFakeStore(2)
	store.stories[1].Quotes = []editor.Quote{{ID: "q1", Speaker: "James Cleverly", Role: "Foreign Office minister",
		Text: "He will understand", Verb: "replied", SourceKind: editor.SourceWire}}
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	if len(g.story.quotes.shown) != 1 || g.story.quotes.count.Text != "1 attributed quote" || g.story.quotes.empty.Visible() {
		t.Errorf("quotes panel: %+v, count %q", g.story.quotes.shown, g.story.quotes.count.Text)
	}
}

func TestFindAcrossEverythingAndOpen(t *testing.T) {
	store := newFakeStore(30)
	g, _ := newTestGUI(t, store)
	test.Type(g.find.entry, "number 12")
	g.find.searchNow()
	if len(g.find.hits) != 1 || !g.find.box.Visible() || g.sidebar.Visible() {
		t.Fatalf("find hits = %+v", g.find.hits)
	}
	segs := snippetSegments("Story number 12", [][2]int{{6, 15}})
	if len(segs) != 2 || segs[1].(*widget.TextSegment).Text != "number 12" || !segs[1].(*widget.TextSegment).Style.TextStyle.Bold {
		t.Errorf("snippet segments = %+v", segs)
	}
	g.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.story.loaded.ID != "id-00012" {
		t.Errorf("Enter opened %s, want id-00012", g.story.loaded.ID)
	}
	if g.find.entry.Text != "" || g.find.box.Visible() || !g.sidebar.Visible() {
		t.Errorf("after opening, the search still shows %q", g.find.entry.Text)
	}

	// Down chooses the next result; Enter opens it.
	test.Type(g.find.entry, "number 2")
	g.find.searchNow()
	g.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	g.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.story.loaded.ID != "id-00020" {
		t.Errorf("Down, Enter opened %s, want the second result id-00020", g.story.loaded.ID)
	}

	// Enter before the search has run opens its first result once it answers.
	test.Type(g.find.entry, "clever")
	g.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.current != nil || g.person.name.Text != "James Cleverly" {
		t.Errorf("opening a person result shows %q", g.person.name.Text)
	}
}

func TestPageEditorPreviewAndSave(t *testing.T) {
	store := newFakeStore(1)
	g, _ := newTestGUI(t, store)
	fyne.CurrentApp().Preferences().SetString(prefBaseURL, "https://news.example.org")
	g.sidebar.SelectIndex(1)
	if g.pages.count.Text != "1 page" {
		t.Errorf("pages count = %q", g.pages.count.Text)
	}
	g.pages.list.Select(0)
	if g.current != g.page || g.page.titleEntry.Text != "Comments: Our rules" {
		t.Fatalf("page editor shows %q", g.page.titleEntry.Text)
	}
	typeAtEnd(g.page.summary, "\n\nPlease report comments that break them.")
	var texts []string
	var link *widget.Hyperlink
	for _, o := range g.page.preview.Objects {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *widget.Hyperlink:
			link = x
		}
	}
	want := []string{"Comments: Our rules", "Comments should be civil.", "Please report comments that break them."}
	if len(texts) < 3 || strings.Join(texts[:3], "|") != strings.Join(want, "|") {
		t.Errorf("preview reads %q, want %q", texts, want)
	}
	if link == nil || link.Text != "Read the rules here" || link.URL.String() != "https://news.example.org/pages/comment-rules.html" {
		t.Errorf("preview link = %+v", link)
	}
	g.page.save("clearer")
	if store.count("SavePage page-1 base 1") != 1 || !strings.Contains(store.pages[0].Summary, "Please report") {
		t.Errorf("page save: calls %v, summary %q", store.calls, store.pages[0].Summary)
	}
}

func TestPeopleDirectory(t *testing.T) {
	store := newFakeStore(1)
	g, _ := newTestGUI(t, store)
	g.sidebar.SelectIndex(2)
	if g.people.count.Text != "1 person" {
		t.Errorf("people count = %q", g.people.count.Text)
	}
	test.Type(g.people.filter, "nobody")
	if len(g.people.shown) != 0 || !g.people.empty.Visible() {
		t.Errorf("filter nobody shows %d", len(g.people.shown))
	}
	g.people.filter.SetText("foreign")
	g.people.list.Select(0)
	g.person.role.SetText("Home Secretary")
	g.person.save()
	if store.count("SavePerson James Cleverly") != 1 || store.people[0].Role != "Home Secretary" {
		t.Errorf("person save: calls %v, %+v", store.calls, store.people[0])
	}
}

func TestPreferencesAreKept(t *testing.T) {
	g, w := newTestGUI(t, newFakeStore(1))
	g.showPrefs()
	test.Type(entryWithPlaceholder(t, w, "Shown as the author of your revisions"), "Jane Sub")
	test.Type(entryWithPlaceholder(t, w, "e.g. https://news.example.org"), "https://desk.example")
	for _, o := range objects(w) {
		if s, ok := o.(*widget.Select); ok && len(s.Options) == 3 && s.Options[2] == "Dark" {
			s.SetSelected("Dark")
		}
		if s, ok := o.(*widget.Select); ok && len(s.Options) == 4 && s.Options[3] == "Larger" {
			s.SetSelected("Larger")
		}
	}
	g.prefsDialog.Submit()
	p := fyne.CurrentApp().Preferences()
	if g.prefs.author() != "Jane Sub" || g.prefs.baseURL() != "https://desk.example" || p.String(prefTheme) != "dark" || p.Float(prefTextSize) != 1.3 {
		t.Errorf("preferences kept: author %q url %q theme %q size %v", g.prefs.author(), g.prefs.baseURL(), p.String(prefTheme), p.Float(prefTextSize))
	}
	th := fyne.CurrentApp().Settings().Theme()
	if got := th.Size("text"); got < 18 || got > 18.3 {
		t.Errorf("text size after Larger = %v", th.Size("text"))
	}
}

func TestMenuHasEveryAction(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(1))
	want := map[string]string{"New story": "CustomDesktop:Control+N", "Save revision…": "CustomDesktop:Control+S",
		"Find…": "CustomDesktop:Control+F", "Check": "CustomDesktop:Control+K", "Next story": (&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault}).ShortcutName(),
		"Previous story": (&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierShortcutDefault}).ShortcutName(), "Preferences…": "CustomDesktop:Control+,", "Quit": "CustomDesktop:Control+Q"}
	disabled := map[string]bool{}
	for _, m := range g.menu().Items {
		for _, it := range m.Items {
			if it.Disabled {
				disabled[it.Label] = true
				continue
			}
			if sc, ok := want[it.Label]; ok {
				if it.Shortcut == nil || it.Shortcut.ShortcutName() != sc {
					t.Errorf("%s has shortcut %v, want %s", it.Label, it.Shortcut, sc)
				}
				delete(want, it.Label)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("menu lacks %v", want)
	}
	for _, label := range []string{"Insert quote… (not available yet)", "Compare revisions… (not available yet)", "Export website… (not available yet)"} {
		if !disabled[label] {
			t.Errorf("menu lacks disabled %q", label)
		}
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

func TestQuitWithUnsavedChangesAsks(t *testing.T) {
	store := newFakeStore(2)
	g, w := newTestGUI(t, store)
	typeAtEnd(g.story.body, " Late words.")
	closed := false
	g.closeWindow = func() { closed = true }
	g.quit()
	tapButton(t, w, "Quit and keep them")
	if _, ok := store.working["id-00000"]; !ok {
		t.Errorf("quitting did not keep the changes; calls %v", store.calls)
	}
	if !closed {
		t.Errorf("the window did not close")
	}
}

func TestStatusMoveOverAnotherSaveIsAConflict(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	store.find("id-00001").Revision = 2
	g.story.status.SetSelected("Subbing")
	if store.count("SetStatus") != 0 || g.conflictDialog == nil {
		t.Errorf("moving a story saved meanwhile: calls %v, dialog %v", store.calls, g.conflictDialog)
	}
	if g.story.status.Selected != "Draft" {
		t.Errorf("after the refused move the status shows %q", g.story.status.Selected)
	}
}

func TestLeavingAnEditedPersonAsks(t *testing.T) {
	store := newFakeStore(2)
	g, w := newTestGUI(t, store)
	g.sidebar.SelectIndex(2)
	g.people.list.Select(0)
	g.person.role.SetText("Home Secretary")
	g.sidebar.SelectIndex(0)
	g.list.list.Select(1)
	if g.story.loaded.ID == "id-00001" {
		t.Fatalf("left an edited person without asking")
	}
	tapButton(t, w, "Save changes")
	if store.count("SavePerson") != 1 || g.story.loaded.ID != "id-00001" {
		t.Errorf("after Save changes: calls %v, story %s", store.calls, g.story.loaded.ID)
	}
}
