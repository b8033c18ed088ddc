package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

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
	if len(g.story.sess.history.revs) != 1 || !strings.Contains(revisionLine(g.story.sess.history.revs[0]), "“as filed”") {
		t.Errorf("history = %+v", g.story.sess.history.revs)
	}
	if !strings.Contains(g.dbLabel.Text, "/tmp/fake.db") {
		t.Errorf("status bar names the database as %q", g.dbLabel.Text)
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
	g.topDialog().submit()
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
	if len(g.story.sess.history.revs) != 2 || g.story.sess.history.revs[0].Note != "subbed" {
		t.Errorf("history after save = %+v", g.story.sess.history.revs)
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

func TestValidationErrorKeepsText(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.body, " More.")
	store.saveErr = &editor.ValidationError{Field: "byline", Problem: "is 300 characters long; the limit is 200"}
	g.story.sess.save("")
	if !strings.Contains(dialogText(g), "The byline is 300 characters long") {
		t.Errorf("error dialog says %q", dialogText(g))
	}
	if g.story.body.Text != "Body of story 1. More." {
		t.Errorf("after the error the body is %q", g.story.body.Text)
	}
}

func TestNewStoryUsesTheDefaultCredit(t *testing.T) {
	store := newFakeStore(2)
	g, _ := newTestGUI(t, store)
	fyne.CurrentApp().Preferences().SetString(prefCredit, "Reporting by Press Association.")
	g.newStory()
	if store.count("CreateStory") != 0 {
		t.Fatalf("a new story was stored before anything was typed: calls %v", store.calls)
	}
	if g.story.credit.Text != "Reporting by Press Association." || g.story.headline.Text != "" {
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
	if !strings.HasPrefix(g.story.checks.shown[0].Message, "no headline") {
		t.Errorf("checks with no headline: %+v", g.story.checks.shown)
	}
	g.story.headline.SetText(strings.Repeat("long ", 20))
	var sawLimit bool
	for _, f := range g.story.checks.shown {
		sawLimit = sawLimit || strings.Contains(f.Message, "the house limit is 90")
	}
	if !sawLimit {
		t.Errorf("checks with a long headline: %+v", g.story.checks.shown)
	}
	if g.story.headlineCount.Importance != widget.DangerImportance {
		t.Errorf("over-long headline count is not marked")
	}
	g.story.byline.SetText(strings.Repeat("x", editor.LineFieldMax+1))
	var sawByline bool
	for _, f := range g.story.checks.shown {
		sawByline = sawByline || (f.Kind == editor.KindTooLong && strings.Contains(f.Message, "byline") && f.Severity == editor.SeverityError)
	}
	if !sawByline {
		t.Errorf("an over-long byline is not an error: %+v", g.story.checks.shown)
	}
}

func TestHistoryOpensAnOldRevision(t *testing.T) {
	store := newFakeStore(2)
	g, _ := newTestGUI(t, store)
	g.story.sess.history.list.Select(0)
	if store.count("StoryRevision id-00000 1") != 1 || openDialog(g, "Revision ") == nil {
		t.Errorf("choosing a revision: calls %v", store.calls)
	}
}

func TestQuotesPanelFollowsTheText(t *testing.T) {
	store := newFakeStore(2)
	store.stories[1].Body = "Mr Cleverly replied: “He will understand that we don't discuss intelligence.”"
	store.stories[1].Quotes = []editor.Quote{{ID: "q1", Speaker: "James Cleverly", Role: "Foreign Office minister",
		Text: "He will understand that we don't discuss intelligence.", Verb: "replied", SourceKind: editor.SourceWire}}
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	if len(g.story.quotes.shown) != 1 || g.story.quotes.count.Text != "1 attributed quote" || g.story.quotes.empty.Visible() {
		t.Fatalf("quotes panel: %+v, count %q", g.story.quotes.shown, g.story.quotes.count.Text)
	}
	if got := quoteTexts(g); !strings.Contains(got, "In the text as recorded.") {
		t.Errorf("quote card reads %q", got)
	}
	g.story.body.SetText(strings.Replace(g.story.body.Text, "will understand", "will surely understand", 1))
	if got := quoteTexts(g); !strings.Contains(got, "Changed in the text") {
		t.Errorf("after changing the quoted words the card reads %q", got)
	}
	var sawChanged bool
	for _, f := range g.story.checks.shown {
		sawChanged = sawChanged || f.Kind == editor.KindChangedQuote
	}
	if !sawChanged {
		t.Errorf("checks after changing the quoted words: %+v", g.story.checks.shown)
	}
}

// quoteTexts is every label in the quotes panel, joined.
func quoteTexts(g *gui) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(g.story.quotes.box) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "|")
		}
	}
	return b.String()
}

func TestNewStoryIsNamedAfterItsHeadlineOnFirstSave(t *testing.T) {
	store := newFakeStore(1)
	g, _ := newTestGUI(t, store)
	g.newStory()
	test.Type(g.story.headline, "Council tax to rise")
	g.story.sess.save("")
	if got := store.find(g.story.loaded.ID).Slug; got != "council-tax-to-rise" {
		t.Errorf("slug after the first save = %q, want council-tax-to-rise", got)
	}
	test.Type(g.story.headline, " again")
	g.story.sess.save("")
	if got := store.find(g.story.loaded.ID).Slug; got != "council-tax-to-rise" {
		t.Errorf("slug changed on a later save to %q", got)
	}
}

func TestRulesPageIsChosenFromThePages(t *testing.T) {
	store := newFakeStore(2)
	store.stories[1].RulesPage = "comment-rules"
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	if g.story.rules.Selected != "Comments: Our rules" {
		t.Fatalf("rules page shows %q, options %v", g.story.rules.Selected, g.story.rules.Options)
	}
	g.story.rules.SetSelected("None")
	g.story.sess.save("")
	if got := store.find("id-00001").RulesPage; got != "" {
		t.Errorf("after choosing None the story links %q", got)
	}
	if unsaved(g.story) {
		t.Errorf("still unsaved after saving")
	}
}
