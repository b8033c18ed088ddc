package app

import (
	"context"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
)

// TestAllStatusesHidesTheSpiked: the list's All statuses leaves spiked
// stories out, counted and listed; Spiked lists them.
func TestAllStatusesHidesTheSpiked(t *testing.T) {
	g, _, _ := openSQLiteGUI(t, func(ctx context.Context, db storage.Store) {
		for _, h := range []string{"First draft", "Second draft", "Spiked story"} {
			s := &editor.Story{Headline: h, Body: "Text."}
			if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
				t.Fatal(err)
			}
			if h == "Spiked story" {
				if _, err := db.SetStatus(ctx, s.ID, s.Revision, editor.StatusSpiked, editor.RevisionMeta{}); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
	titles := func() string {
		var out []string
		for i := range g.list.length() {
			if s, ok := g.list.item(i); ok {
				out = append(out, s.Title)
			}
		}
		return strings.Join(out, ", ")
	}
	if got := titles(); got != "Second draft, First draft" || g.list.filter.Options[0] != "All statuses · 2" {
		t.Errorf("All statuses lists %q, filter %q; want the two drafts", got, g.list.filter.Options[0])
	}
	g.list.filter.SetSelected(g.list.filter.Options[1+len(editor.Statuses)-1])
	if got := titles(); got != "Spiked story" {
		t.Errorf("Spiked lists %q (filter %q)", got, g.list.filter.Selected)
	}
}
