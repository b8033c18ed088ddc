package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"copydesk/editor"
)

func TestChangedFieldsNamesThemAsTheEditorDoes(t *testing.T) {
	a := &editor.Story{Headline: "Budget", Body: "One.", Status: editor.StatusDraft}
	for _, tt := range []struct {
		edit func(*editor.Story)
		want string
	}{
		{func(*editor.Story) {}, "story"},
		{func(s *editor.Story) { s.Body = "One. Two three." }, "body (2 more words)"},
		{func(s *editor.Story) { s.Headline, s.RulesPage = "Budget cut", "comment-rules" }, "headline and rules page"},
		{func(s *editor.Story) { s.Byline, s.Tags, s.Status = "B", []string{"tax"}, editor.StatusReady }, "byline, tags and status"},
		{func(s *editor.Story) { s.Quotes = []editor.Quote{{ID: "q1", Text: "words"}} }, "quotes"},
	} {
		b := *a
		tt.edit(&b)
		if got := changedFields(storyDoc{a}, storyDoc{&b}); got != tt.want {
			t.Errorf("changedFields(%+v, %+v) = %q, want %q", a, b, got, tt.want)
		}
	}
}

// TestEditorShowsEveryTextField: each of the domain's text fields has its
// widget, filled from the story and read back into it, except the slug,
// which the editor names on the first save and shows in its meta line.
func TestEditorShowsEveryTextField(t *testing.T) {
	store := newFakeStore(1)
	g, _ := newTestGUI(t, store)
	s := store.stories[0]
	shown := map[string]bool{}
	for _, in := range g.story.inputs {
		shown[in.field.Name] = true
	}
	for _, f := range editor.StoryFields() {
		if f.Name == "slug" {
			continue
		}
		if !shown[f.Name] {
			t.Errorf("the story editor has no widget for %s", f.Name)
			continue
		}
		if f.Slug {
			continue // a choice of pages, tested with the rules page
		}
		e := entryOf(g.story.widgets[f.Name])
		_, wraps := g.story.widgets[f.Name].(*wrapLine) // one line, shown wrapped
		if e == nil || e.Text != f.Get(s) || (e.MultiLine && !wraps) == f.SingleLine() {
			t.Errorf("%s: entry %v, want one showing %q, multi-line %v", f.Name, e, f.Get(s), !f.SingleLine())
			continue
		}
		e.SetText("Changed " + f.Name)
		if got := f.Get(g.story.story()); got != "Changed "+f.Name {
			t.Errorf("after typing in %s the story holds %q", f.Name, got)
		}
	}
}

// TestFirstSaveTriesTheNextSlugWhenOneIsTaken: a story begun empty is named
// after its headline on its first save; when another story has that slug
// (the store says so with a *editor.ConflictError of kind slug), the next
// one is tried. A conflict of another kind is not retried under a new name.
func TestFirstSaveTriesTheNextSlugWhenOneIsTaken(t *testing.T) {
	for _, tt := range []struct {
		name  string
		err   error
		want  string
		saves int
	}{
		{"slug taken", &editor.ConflictError{Kind: editor.ConflictSlug, Noun: "story", Value: "council-tax-to-rise"}, "council-tax-to-rise-2", 2},
		{"revision moved on", &editor.ConflictError{Kind: editor.ConflictRevision, Noun: "story", Current: 2, Base: 1}, "story", 1},
	} {
		store := newFakeStore(1)
		g, _ := newTestGUI(t, store)
		g.newStory()
		test.Type(g.story.headline, "Council tax to rise")
		id := g.story.loaded.ID
		store.saveErr = tt.err
		g.story.sess.save("")
		if got, n := store.find(id).Slug, store.count("SaveStory "+id); got != tt.want || n != tt.saves {
			t.Errorf("%s: slug after the first save = %q after %d saves, want %q after %d", tt.name, got, n, tt.want, tt.saves)
		}
	}
}
