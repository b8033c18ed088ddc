package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/storage"
)

// TestLengthTarget: the word count shows the difference from the story's
// target and turns amber a tenth or more over or under it; the target is
// saved with the story.
func TestLengthTarget(t *testing.T) {
	var id string
	g, _, db := openSQLiteGUI(t, func(ctx context.Context, db storage.Store) {
		s := &editor.Story{Headline: "Council sets its budget", Body: strings.TrimSpace(strings.Repeat("word ", 95))}
		if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
		id = s.ID
	})
	if got := g.story.bodyCount.Text; got != "95 words" {
		t.Errorf("with no target the count reads %q", got)
	}
	test.Type(g.story.targetEntry(), "100")
	for _, tt := range []struct {
		add  string
		want string
		imp  widget.Importance
	}{
		{"", "95 words · 5 under 100", widget.MediumImportance},
		{" five more words here too", "100 words · on target (100)", widget.MediumImportance},
		{" nine more words for the count to run over", "109 words · 9 over 100", widget.MediumImportance},
		{" one", "110 words · 10 over 100", widget.WarningImportance},
	} {
		if tt.add != "" {
			typeAtEnd(g.story.body, tt.add)
		}
		if got := g.story.bodyCount; got.Text != tt.want || got.Importance != tt.imp {
			t.Errorf("count reads %q (importance %v), want %q (%v)", got.Text, got.Importance, tt.want, tt.imp)
		}
	}
	g.story.body.SetText("Short.")
	if got := g.story.bodyCount; got.Text != "1 word · 99 under 100" || got.Importance != widget.WarningImportance {
		t.Errorf("far under, the count reads %q (importance %v)", got.Text, got.Importance)
	}
	g.story.sess.save("")
	s, err := db.Story(context.Background(), id)
	if err != nil || s.TargetWords != "100" {
		t.Fatalf("the saved story's target = %q, %v", s.TargetWords, err)
	}
	g.story.targetEntry().SetText("about 400")
	found := false
	for _, f := range g.story.checks.shown {
		found = found || (f.Field == "target_words" && f.Severity == editor.SeverityError)
	}
	if !found {
		t.Errorf("a target that is not a number is not reported by the checks: %+v", g.story.checks.shown)
	}
}
