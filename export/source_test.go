package export_test

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/export"
)

// memoSource is a Source that keeps memos as a store would, and counts the
// stories it hands out whole.
type memoSource struct {
	stories []editor.Story
	pages   []editor.Page
	memos   map[string]editor.ExportMemo
	read    int // stories handed out whole
}

func newMemoSource(stories []editor.Story, pages []editor.Page) *memoSource {
	return &memoSource{stories: stories, pages: pages, memos: map[string]editor.ExportMemo{}}
}

func (m *memoSource) PublishedHeads(context.Context) ([]editor.Story, error) {
	var out []editor.Story
	for _, s := range m.stories {
		if s.Status != editor.StatusPublished {
			continue
		}
		if s.Headline != "" {
			s.Body = ""
		}
		s.Quotes, s.Corrections = nil, nil
		out = append(out, s)
	}
	return out, nil
}

func (m *memoSource) StoriesByID(_ context.Context, ids []string) ([]editor.Story, error) {
	var out []editor.Story
	for _, s := range m.stories {
		if slices.Contains(ids, s.ID) {
			out = append(out, s)
		}
	}
	m.read += len(out)
	return out, nil
}

func (m *memoSource) Pages(context.Context) ([]editor.Page, error) { return m.pages, nil }

func (m *memoSource) ExportMemos(context.Context) ([]editor.ExportMemo, error) {
	var out []editor.ExportMemo
	for _, e := range m.memos {
		e.HTMLKey, e.HTML = nil, nil
		out = append(out, e)
	}
	return out, nil
}

func (m *memoSource) ExportHTML(_ context.Context, ids []string) ([]editor.ExportMemo, error) {
	var out []editor.ExportMemo
	for _, id := range ids {
		if e, ok := m.memos[id]; ok {
			out = append(out, e)
		}
	}
	return out, nil
}

func (m *memoSource) SaveExportMemos(_ context.Context, memos []editor.ExportMemo, keep []string) error {
	for _, e := range memos {
		m.memos[e.StoryID] = e
	}
	for id, e := range m.memos {
		if !slices.Contains(keep, id) {
			e.HTMLKey, e.HTML = nil, nil
			m.memos[id] = e
		}
	}
	return nil
}

// touch changes story i's body as a save would, with a new revision.
func (m *memoSource) touch(i int, words string) {
	s := &m.stories[i]
	s.Body += "\n\n" + words
	s.Revision++
	s.UpdatedAt = s.UpdatedAt.Add(time.Hour)
}

func exportFrom(t *testing.T, dir string, site export.Site, src export.Source) *export.Report {
	t.Helper()
	rep, err := export.ExportFrom(context.Background(), dir, site, src, export.Options{})
	if err != nil {
		t.Fatalf("ExportFrom(%s) = %v", dir, err)
	}
	return rep
}

// sameTree fails unless the folders hold the same files with the same bytes.
func sameTree(t *testing.T, what, a, b string) {
	t.Helper()
	ta, tb := readTree(t, a), readTree(t, b)
	for path, data := range tb {
		if !bytes.Equal(data, ta[path]) {
			t.Errorf("%s: %s differs from the export without memos", what, path)
		}
	}
	if len(ta) != len(tb) {
		t.Errorf("%s: %d files, the export without memos %d", what, len(ta), len(tb))
	}
}

// An export that reads through memos writes the same site as one handed
// every story whole, and reads whole only the stories that changed.
func TestMemosGiveTheSameSite(t *testing.T) {
	stories := generateStories(120, 200)
	stories[7].Headline = "" // titled by its body
	stories[3].Corrections = []editor.Correction{{Note: "An earlier version misspelt the name.", At: stories[3].UpdatedAt.Add(time.Minute)}}
	pages := benchPages()
	src := newMemoSource(stories, pages)
	dir := t.TempDir()
	exportFrom(t, dir, testSite, src)
	if src.read != len(stories) {
		t.Errorf("first export read %d stories whole, want all %d", src.read, len(stories))
	}

	steps := []struct {
		name     string
		change   func()
		site     export.Site
		wantRead int // stories read whole by the export after the change
	}{
		{"nothing changed", func() {}, testSite, 0},
		// The newest story is in the feeds: the others' HTML comes from memos.
		{"the newest story's body", func() { src.touch(len(stories)-1, "A new paragraph.") }, testSite, 1},
		{"an old story's body", func() { src.touch(2, "A late addition.") }, testSite, 1},
		{"a quote confirmed", func() { src.stories[5].Quotes[0].ConfirmedBy = "ayesha"; src.stories[5].Revision++ }, testSite, 1},
		{"a correction", func() {
			s := &src.stories[9]
			s.Corrections = append(s.Corrections, editor.Correction{Note: "Corrected the date.", At: s.UpdatedAt.Add(time.Hour)})
			s.Revision++
		}, testSite, 1},
		{"the site's name", func() {}, export.Site{Name: "The Other Paper", BaseURL: testSite.BaseURL}, len(stories)},
	}
	for _, st := range steps {
		st.change()
		src.read = 0
		exportFrom(t, dir, st.site, src)
		if src.read != st.wantRead {
			t.Errorf("after %s, the export read %d stories whole, want %d", st.name, src.read, st.wantRead)
		}
		fresh := t.TempDir()
		if _, err := export.Export(context.Background(), fresh, st.site, src.stories, pages, nil); err != nil {
			t.Fatal(err)
		}
		sameTree(t, "after "+st.name, dir, fresh)
	}

	// A new folder with every memo in place is the same site too.
	other := t.TempDir()
	exportFrom(t, other, steps[len(steps)-1].site, src)
	fresh := t.TempDir()
	if _, err := export.Export(context.Background(), fresh, steps[len(steps)-1].site, src.stories, pages, nil); err != nil {
		t.Fatal(err)
	}
	sameTree(t, "a new folder", other, fresh)
}

// HTML kept under another key (another version of the code, another site)
// is not used: the feeds' stories are rendered again.
func TestMemoHTMLUnderAnotherKeyIsNotUsed(t *testing.T) {
	stories := generateStories(80, 200)
	pages := benchPages()
	src := newMemoSource(stories, pages)
	dir := t.TempDir()
	exportFrom(t, dir, testSite, src)
	kept := 0
	for id, e := range src.memos {
		if len(e.HTML) > 0 {
			kept++
			e.HTML = []byte("<p>stale</p>")
			e.HTMLKey = append([]byte(nil), e.HTMLKey...)
			e.HTMLKey[0] ^= 1
			src.memos[id] = e
		}
	}
	if kept == 0 {
		t.Fatal("the export kept no HTML for the feeds")
	}
	src.touch(len(stories)-1, "One more line.")
	src.read = 0
	exportFrom(t, dir, testSite, src)
	if src.read != kept {
		t.Errorf("the export read %d stories whole, want the %d whose HTML was under another key", src.read, kept)
	}
	fresh := t.TempDir()
	if _, err := export.Export(context.Background(), fresh, testSite, src.stories, pages, nil); err != nil {
		t.Fatal(err)
	}
	sameTree(t, "HTML under another key", dir, fresh)
}
