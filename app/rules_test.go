package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage"
)

// TestNewStoriesTakeTheDefaultRulesPage: the rules page chosen in
// Preferences is linked under each new story; None there links none.
func TestNewStoriesTakeTheDefaultRulesPage(t *testing.T) {
	g, w, db := openSQLiteGUI(t, func(ctx context.Context, db storage.Store) {
		p := &editor.Page{Slug: "comment-rules", Kind: editor.PageRules, Title: "Comments: Our rules", Summary: "Be civil.", Body: "Be civil."}
		if err := db.CreatePage(ctx, p, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
	})
	for _, tt := range []struct{ choice, want string }{
		{"Comments: Our rules", "comment-rules"},
		{"None", ""},
	} {
		g.showPrefs()
		found := false
		for _, o := range objects(w) {
			if s, ok := o.(*choiceSelect); ok && s.PlaceHolder == "Rules page" {
				s.SetSelected(tt.choice)
				found = true
			}
		}
		if !found {
			t.Fatal("Preferences has no default rules page")
		}
		g.topDialog().submit()
		g.newStory()
		if g.story.rules.Selected != tt.choice {
			t.Errorf("default %q: the new story's rules page shows %q", tt.choice, g.story.rules.Selected)
		}
		test.Type(g.story.headline, "Rates") // a new story is stored once typed in
		s, err := db.Story(context.Background(), g.story.loaded.ID)
		if err != nil {
			t.Fatal(err)
		}
		if s.RulesPage != tt.want {
			t.Errorf("default %q: the new story links %q, want %q", tt.choice, s.RulesPage, tt.want)
		}
	}
	if got := fyne.CurrentApp().Preferences().String(prefRules); got != "" {
		t.Errorf("preference kept as %q after None", got)
	}
}
