package app

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	_ "copydesk/internal/plainlocale"
)

// fakeStore is an in-memory Store that records the windows of the list asked for.
type fakeStore struct {
	mu      sync.Mutex
	stories []*editor.Story // newest first
	listed  []editor.StoryFilter
}

func newFakeStore(n int) *fakeStore {
	f := &fakeStore{}
	base := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		st := editor.StatusDraft
		if i%3 == 0 {
			st = editor.StatusPublished
		}
		f.stories = append(f.stories, &editor.Story{ID: fmt.Sprintf("id-%05d", i), Slug: fmt.Sprintf("story-%d", i),
			Headline: fmt.Sprintf("Story number %d", i), Body: fmt.Sprintf("Body of story %d.", i), Status: st,
			Byline: "Press Association", Revision: 1, UpdatedAt: base.Add(-time.Duration(i) * time.Minute)})
	}
	return f
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
	for _, s := range f.stories {
		if s.ID == id {
			c := *s
			return &c, nil
		}
	}
	return nil, editor.ErrNotFound
}

func (f *fakeStore) Search(_ context.Context, q string, limit int) ([]editor.SearchHit, error) {
	var hits []editor.SearchHit
	for _, s := range f.stories {
		if strings.Contains(strings.ToLower(s.Headline), strings.ToLower(q)) && len(hits) < limit {
			hits = append(hits, editor.SearchHit{Kind: "story", ID: s.ID, Title: s.Headline})
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
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	g := newGUI(w, store, syncRun)
	w.SetContent(g.build())
	w.Resize(fyne.NewSize(1000, 700))
	g.start()
	return g, w
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

func TestSelectingShowsTheStory(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(30))
	if g.view.current == nil || g.view.current.ID != "id-00000" {
		t.Errorf("on opening the view shows %+v, want the newest story", g.view.current)
	}
	g.list.list.Select(2)
	if g.view.current == nil || g.view.current.ID != "id-00002" {
		t.Fatalf("selecting row 2 showed %+v", g.view.current)
	}
	if got := g.view.headline.String(); got != "Story number 2" {
		t.Errorf("headline shows %q", got)
	}
	if got := g.view.fieldValues["Byline"].Text; got != "Press Association" {
		t.Errorf("byline shows %q", got)
	}
	if got := g.view.body.String(); !strings.Contains(got, "Body of story 2.") {
		t.Errorf("body shows %q", got)
	}
	if g.view.placeholder.Visible() {
		t.Errorf("placeholder still shown")
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
	test.Type(g.list.search, "zzz")
	g.list.runSearchNow()
	if !g.list.empty.Visible() || !strings.Contains(g.list.empty.Text, "No story matches") {
		t.Errorf("no-match search shows %q", g.list.empty.Text)
	}
	g.list.search.SetText("")
	g.list.runSearchNow()
	if got := g.list.list.Length(); got != 30 {
		t.Errorf("cleared search: %d rows, want 30", got)
	}
}

func TestEmptyDatabaseSaysWhatToDo(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(0))
	if !g.view.placeholder.Visible() {
		t.Errorf("placeholder hidden with no story to show")
	}
	if !g.list.empty.Visible() || !strings.Contains(g.list.empty.Text, "copydesk import") {
		t.Errorf("empty database shows %q (visible %v)", g.list.empty.Text, g.list.empty.Visible())
	}
}
