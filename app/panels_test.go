package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

const quotedBody = "Sir Iain Duncan Smith said China was a “direct threat” to the UK.\n\n" +
	"Foreign Office minister James Cleverly replied: “He will understand that we take these matters extremely seriously.”\n\n" +
	"A long paragraph follows so that the body wraps over several rows in the entry, which is where moving a cursor by rows and columns can go wrong if it is done carelessly."

// quoteStory is a story whose body holds two quotes, with three records:
// one as in the body, one whose words the body changed, one no longer there.
func quoteStory(store *fakeStore) *editor.Story {
	s := store.stories[0]
	s.Body = quotedBody
	s.Quotes = []editor.Quote{
		{ID: "q-ok", Speaker: "Iain Duncan Smith", Text: "direct threat", Source: "Hansard", Anchor: editor.NewAnchor(quotedBody, 45, 62)},
		{ID: "q-changed", Speaker: "James Cleverly", Role: "Foreign Office minister",
			Text: "He will understand that we take these matters very seriously.", Verb: "replied"},
		{ID: "q-missing", Speaker: "James Cleverly", Text: "maliciously spreading lies and disinformation"},
	}
	// Anchored as the store anchors them when it saves.
	editor.Reanchor(s.Body, s.Quotes)
	return s
}

func cardTexts(o fyne.CanvasObject) string {
	var parts []string
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, " | ")
}

func TestSelectRangeSelectsTheWords(t *testing.T) {
	test.NewTempApp(t)
	e := &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord}
	w := test.NewWindow(container.NewStack(e))
	defer w.Close()
	w.Resize(fyne.NewSize(300, 600))
	e.SetText(quotedBody)
	for _, want := range []string{"“direct threat”", "He will understand that we take these matters extremely seriously.", "cursor by rows and columns can go wrong", "Sir", "carelessly."} {
		start := strings.Index(quotedBody, want)
		selectRange(w, e, start, start+len(want))
		if got := e.SelectedText(); got != want {
			t.Errorf("selectRange(%q) selected %q", want, got)
		}
	}
	// Typing replaces the selection, as after a person's own selection.
	start := strings.Index(quotedBody, "direct")
	selectRange(w, e, start, start+len("direct"))
	test.Type(e, "grave")
	if !strings.Contains(e.Text, "“grave threat”") {
		t.Errorf("typing over the selection gave %q", e.Text[:80])
	}
}

func TestQuotesPanelShowsStatesAndSelects(t *testing.T) {
	store := newFakeStore(2)
	quoteStory(store)
	g, _ := newTestGUI(t, store)
	p := g.story.quotes
	if unsaved(g.story) {
		t.Errorf("opening a story with changed and missing quotes marks it as edited")
	}
	if len(p.placements) != 3 {
		t.Fatalf("placements: %+v", p.placements)
	}
	var states []editor.QuoteState
	for _, pl := range p.placements {
		states = append(states, pl.State)
	}
	if fmt.Sprint(states) != "[ok changed missing]" {
		t.Errorf("states = %v, want [ok changed missing]", states)
	}
	if p.alert.Text != "1 changed, 1 missing" || !p.alert.Visible() {
		t.Errorf("alert = %q", p.alert.Text)
	}
	changed := cardTexts(p.box.Objects[2])
	if !strings.Contains(changed, "✗ Changed in the text") || !strings.Contains(changed, "very → extremely") || !strings.Contains(changed, "Foreign Office minister") {
		t.Errorf("changed card reads %q", changed)
	}
	if missing := cardTexts(p.box.Objects[4]); !strings.Contains(missing, "✗ No longer in the text") || !strings.Contains(missing, "no source") {
		t.Errorf("missing card reads %q", missing)
	}
	test.Tap(p.box.Objects[0].(*tapCard))
	if got := g.story.body.SelectedText(); got != "“direct threat”" && got != "direct threat" {
		t.Errorf("tapping the first quote selected %q", got)
	}
	test.Tap(p.box.Objects[2].(*tapCard))
	if got := g.story.body.SelectedText(); !strings.Contains(got, "He will understand that we take these matters extremely seriously") {
		t.Errorf("tapping the changed quote selected %q", got)
	}
	// Editing the body back to the recorded words makes the quote OK again.
	g.story.body.SetText(strings.Replace(g.story.body.Text, "extremely", "very", 1))
	if p.placements[1].State != editor.QuoteStateOK || p.alert.Text != "1 missing" {
		t.Errorf("after the fix: %v, alert %q", p.placements[1].State, p.alert.Text)
	}
}

func TestInsertQuoteFromTheDirectory(t *testing.T) {
	store := newFakeStore(2)
	g, w := newTestGUI(t, store)
	body := g.story.body
	typeAtEnd(body, "\n\nThe minister was asked about China.")
	g.insertQuote()
	q := g.quoteDialog
	if q == nil || !strings.Contains(q.where.Text, "about China.") {
		t.Fatalf("dialog says %q", q.where.Text)
	}
	test.Tap(q.insert)
	if !q.problem.Visible() || !strings.Contains(q.problem.Text, "Choose who said it") {
		t.Errorf("inserting with no speaker says %q", q.problem.Text)
	}
	q.speaker.SetSelected(personChoice(store.people[0]))
	if q.role.Text != "Foreign Office minister" {
		t.Errorf("role = %q", q.role.Text)
	}
	test.Type(q.words, "we take these matters extremely seriously.")
	q.verb.SetText("told MPs")
	test.Type(q.source, "Hansard")
	q.kind.SetSelected("speech")
	want := "“we take these matters extremely seriously,” told MPs Foreign Office minister Mr James Cleverly."
	if q.preview.Text != want {
		t.Errorf("preview = %q, want %q", q.preview.Text, want)
	}
	tapButton(t, w, "Insert quote")
	if !strings.HasSuffix(body.Text, "about China.\n\n"+want) {
		t.Fatalf("body after insert: %q, want it to end %q", body.Text, want)
	}
	recs := g.story.quotes.shown
	if len(recs) != 1 || recs[0].PersonID != "p-1" || recs[0].Source != "Hansard" || recs[0].SourceKind != editor.SourceSpeech || recs[0].ID == "" {
		t.Fatalf("records = %+v", recs)
	}
	if recs[0].ConfirmedBy != "A Tester" || recs[0].ConfirmedAt == nil {
		t.Errorf("a quote the desk inserted is not confirmed by them: %+v", recs[0])
	}
	if g.story.quotes.placements[0].State != editor.QuoteStateOK {
		t.Errorf("inserted quote is %v", g.story.quotes.placements[0].State)
	}
	// The cursor is after the quote: typing goes there.
	test.Type(body, " More.")
	if !strings.HasSuffix(body.Text, "Cleverly. More.") {
		t.Errorf("typing after the insert: %q", body.Text)
	}
	g.story.sess.save("")
	saved := store.find(g.story.loaded.ID)
	if len(saved.Quotes) != 1 || saved.Quotes[0].Text != "we take these matters extremely seriously" {
		t.Fatalf("saved quotes = %+v", saved.Quotes)
	}
	if unsaved(g.story) {
		t.Errorf("after saving, the story still reads as changed")
	}
}

func TestInsertQuoteAddsANewPerson(t *testing.T) {
	store := newFakeStore(1)
	g, w := newTestGUI(t, store)
	g.insertQuote()
	q := g.quoteDialog
	q.speaker.SetSelected(newPersonChoice)
	if !q.newBox.Visible() {
		t.Fatalf("the new-person fields are hidden")
	}
	test.Type(q.words, "It is a matter for the police")
	tapButton(t, w, "Insert quote")
	if !strings.Contains(q.problem.Text, "name") || store.count("SavePerson") != 0 {
		t.Errorf("no name: problem %q, calls %v", q.problem.Text, store.calls)
	}
	test.Type(q.newPerson.name, "Yvette Cooper")
	test.Type(q.newPerson.honorific, "Ms")
	test.Type(q.newPerson.shortName, "Ms Cooper")
	test.Type(q.role, "Home Secretary")
	tapButton(t, w, "Insert quote")
	if store.count("SavePerson Yvette Cooper") != 1 {
		t.Errorf("calls %v", store.calls)
	}
	if !strings.Contains(g.story.body.Text, "said Home Secretary Ms Yvette Cooper") {
		t.Errorf("body = %q", g.story.body.Text)
	}
	if recs := g.story.quotes.shown; len(recs) != 1 || recs[0].Speaker != "Yvette Cooper" || recs[0].Role != "Home Secretary" {
		t.Errorf("records = %+v", recs)
	}
}

func TestChecksPanelFindsQuotesAndJumps(t *testing.T) {
	store := newFakeStore(2)
	quoteStory(store)
	g, w := newTestGUI(t, store)
	typeAtEnd(g.story.body, "\n\nCritics called it “a betrayal of trust”.")
	var unattributed, changed *editor.Finding
	for i, f := range g.story.checks.shown {
		switch f.Kind {
		case editor.KindUnattributed:
			unattributed = &g.story.checks.shown[i]
		case editor.KindChangedQuote:
			changed = &g.story.checks.shown[i]
		}
	}
	if unattributed == nil || changed == nil || changed.Severity != editor.SeverityError {
		t.Fatalf("findings = %+v", g.story.checks.shown)
	}
	if !strings.Contains(changed.Message, "very → extremely") {
		t.Errorf("changed finding = %q", changed.Message)
	}
	for i, o := range g.story.checks.box.Objects {
		if g.story.checks.shown[i] == *unattributed {
			test.Tap(o.(*tapCard))
		}
	}
	if got := g.story.body.SelectedText(); !strings.Contains(got, "a betrayal of trust") {
		t.Errorf("tapping the unattributed finding selected %q", got)
	}
	// A field finding focuses the field.
	g.story.byline.SetText("")
	tapped := false
	for i, f := range g.story.checks.shown {
		if f.Field == "byline" {
			test.Tap(g.story.checks.box.Objects[i].(*tapCard))
			tapped = true
		}
	}
	if !tapped || w.Canvas().Focused() != g.story.byline {
		t.Errorf("tapping the byline finding did not focus the byline (found %v)", tapped)
	}
}

// historyStore is the fake store with real old versions of a story.
type historyStore struct {
	*fakeStore
	versions map[int]editor.Story
}

func (h *historyStore) StoryRevision(ctx context.Context, id string, seq int) (*editor.Story, *editor.Revision, error) {
	h.called(fmt.Sprintf("StoryRevision %s %d", id, seq))
	v, ok := h.versions[seq]
	if !ok {
		return h.fakeStore.StoryRevision(ctx, id, seq)
	}
	r := h.revs[id][seq-1]
	return &v, &r, nil
}

func (h *historyStore) RestoreStory(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (*editor.Story, bool, error) {
	old, _, err := h.StoryRevision(ctx, id, seq)
	if err != nil {
		return nil, false, err
	}
	return h.restoreFrom(ctx, old, meta)
}

func newHistoryStore() (*historyStore, *editor.Story) {
	f := newFakeStore(1)
	s := f.stories[0]
	v1, v2 := *s, *s
	v1.Revision, v1.Body = 1, "The minister said the plan was sound.\n\nIt will cost £2bn."
	v2.Revision, v2.Body, v2.Headline = 2, "The minister said the plan was risky.\n\nIt will cost £2bn.", "Plan is risky, says minister"
	*s = v2
	f.revs[s.ID] = append(f.revs[s.ID], editor.Revision{Seq: 2, Kind: editor.RevisionCheckpoint, Note: "subbed"})
	return &historyStore{fakeStore: f, versions: map[int]editor.Story{1: v1, 2: v2}}, s
}

func richTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range test.LaidOutObjects(o) {
		if r, ok := x.(*widget.RichText); ok {
			out = append(out, r.String())
		}
	}
	return out
}

func TestCompareViewShowsInsertionsAndDeletions(t *testing.T) {
	store, _ := newHistoryStore()
	g, _ := newTestGUI(t, store)
	g.compareRevisions()
	v := g.compareDialog
	if v == nil || v.fromSeq != 1 || v.toSeq != 2 {
		t.Fatalf("compare view: %+v", v)
	}
	// Compare again while it is open shows the new pair in the same view.
	g.showCompare(storyKind, v.id, v.name, 2, 2)
	if g.compareDialog != v || len(g.dialogs) != 1 || v.fromSeq != 2 {
		t.Errorf("compare again: %d dialogs, from %d", len(g.dialogs), v.fromSeq)
	}
	g.showCompare(storyKind, v.id, v.name, 1, 2)
	if v.fromSeq != 1 {
		t.Fatalf("compare back to 1 and 2: from %d", v.fromSeq)
	}
	if !strings.Contains(v.stats.Text, "inserted") || v.from.Selected == "" || !strings.HasPrefix(v.to.Selected, "2 ·") {
		t.Errorf("stats %q, from %q, to %q", v.stats.Text, v.from.Selected, v.to.Selected)
	}
	inline := strings.Join(richTexts(v.body), "\n")
	if !strings.Contains(inline, "[-sound-]{+risky+}.") || !strings.Contains(inline, "[-Story number 0-]{+Plan is risky, says minister+}") {
		t.Errorf("inline diff reads %q", inline)
	}
	if strings.Contains(inline, "£2bn") {
		t.Errorf("an unchanged paragraph is shown with 'changed only': %q", inline)
	}
	// Fields are named as the editor names them.
	if labels := cardTexts(v.body); !strings.Contains(labels, "Headline") || !strings.Contains(labels, "Rules page") || strings.Contains(labels, "rules_page") {
		t.Errorf("compare view labels read %q, want the editor's (Headline, Rules page)", labels)
	}
	// The marks do not rely on colour: inserted words are bold, deleted italic.
	for _, x := range test.LaidOutObjects(v.body) {
		if r, ok := x.(*widget.RichText); ok {
			for _, s := range r.Segments {
				ts := s.(*widget.TextSegment)
				if strings.HasPrefix(ts.Text, "{+") && !ts.Style.TextStyle.Bold || strings.HasPrefix(ts.Text, "[-") && !ts.Style.TextStyle.Italic {
					t.Errorf("segment %q has style %+v", ts.Text, ts.Style.TextStyle)
				}
			}
		}
	}
	v.mode.SetSelected(modeSide)
	side := richTexts(v.body)
	var old, new string
	for _, s := range side {
		if strings.Contains(s, "sound") {
			old = s
		}
		if strings.Contains(s, "{+risky+}") {
			new = s
		}
	}
	if old == "" || new == "" || strings.Contains(old, "risky") || strings.Contains(new, "sound") {
		t.Errorf("side by side: %q", side)
	}
	v.changed.SetChecked(false)
	if all := strings.Join(richTexts(v.body), "\n"); !strings.Contains(all, "£2bn") {
		t.Errorf("all paragraphs: %q", all)
	}
	// Choosing the same revision both sides says so.
	v.to.SetSelectedIndex(0)
	if v.toSeq != 1 || !strings.Contains(cardTexts(v.body), "read the same") {
		t.Errorf("1 against 1: %q", cardTexts(v.body))
	}
}

func TestChangesSincePublished(t *testing.T) {
	store, s := newHistoryStore()
	s.Status = editor.StatusPublished
	g, _ := newTestGUI(t, store)
	g.changesSincePublished()
	if store.count("PublishedRevision "+s.ID) != 1 || g.compareDialog == nil || g.compareDialog.fromSeq != 1 || g.compareDialog.toSeq != 2 {
		t.Errorf("calls %v", store.calls)
	}
	s.Status = editor.StatusDraft
	g.compareDialog = nil
	g.changesSincePublished()
	if g.compareDialog != nil || !strings.Contains(g.saveState.Text, "never been published") {
		t.Errorf("a draft: status %q", g.saveState.Text)
	}
}

func TestRestoreAsksForACorrectionNote(t *testing.T) {
	store, s := newHistoryStore()
	s.Status = editor.StatusPublished
	store.versions[1] = func() editor.Story { v := store.versions[1]; v.Status = editor.StatusPublished; return v }()
	g, w := newTestGUI(t, store)
	g.restoreRevision(1)
	if openDialog(g, "Restore revision") == nil {
		t.Fatal("no confirmation")
	}
	tapButton(t, w, "Restore revision 1")
	if store.count("RestoreStory") != 0 {
		t.Fatalf("restored without a correction note: %v", store.calls)
	}
	note := entryWithPlaceholder(t, w, "What was corrected, as readers will see it")
	test.Type(note, "The plan was described as sound, not risky.")
	tapButton(t, w, "Restore revision 1")
	if store.count("RestoreStory "+s.ID+" 1 The plan was described as sound") != 1 {
		t.Fatalf("calls %v", store.calls)
	}
	if !strings.Contains(g.story.body.Text, "sound") || g.story.loaded.Revision != 3 {
		t.Errorf("after restore the editor shows revision %d: %q", g.story.loaded.Revision, g.story.body.Text)
	}
	if !strings.Contains(g.saveState.Text, "Restored revision 1 as revision 3") {
		t.Errorf("status %q", g.saveState.Text)
	}
}

func TestRestoreWaitsForUnsavedChanges(t *testing.T) {
	store, _ := newHistoryStore()
	g, _ := newTestGUI(t, store)
	typeAtEnd(g.story.body, " Unsaved words.")
	g.restoreRevision(1)
	if openDialog(g, "Restore revision") != nil || !strings.Contains(dialogText(g), "unsaved changes") || store.count("RestoreStory") != 0 {
		t.Errorf("restore over unsaved changes: %q, calls %v", dialogText(g), store.calls)
	}
}

// fakeExport records what the Export dialog asked for.
type fakeExport struct {
	mu      sync.Mutex
	out     string
	site    ExportSite
	stories int
	block   bool // wait for the context to end
	started chan struct{}
}

func (f *fakeExport) export(ctx context.Context, out string, site ExportSite, stories []editor.Story, pages []editor.Page, progress func(done, total int)) (ExportSummary, error) {
	f.mu.Lock()
	f.out, f.site, f.stories = out, site, len(stories)
	f.mu.Unlock()
	progress(1, 4)
	if f.block {
		close(f.started)
		<-ctx.Done()
		return ExportSummary{}, ctx.Err()
	}
	progress(4, 4)
	return ExportSummary{Written: 12, Unchanged: 3, Removed: 1, Duration: 340 * time.Millisecond}, nil
}

func TestExportDialogExportsAndRemembers(t *testing.T) {
	store := newFakeStore(6) // stories 0 and 3 are published
	g, w := newTestGUI(t, store)
	fe := &fakeExport{}
	g.exportSite = fe.export
	g.showExport()
	x := g.exportDialog
	dir := t.TempDir()
	x.folder.SetText("")
	tapButton(t, w, "Export")
	if fe.out != "" || !strings.Contains(x.state.Text, "Choose the folder") {
		t.Fatalf("no folder: %q", x.state.Text)
	}
	x.folder.SetText(dir)
	x.baseURL.SetText("news.example.org")
	tapButton(t, w, "Export")
	if fe.out != "" || !strings.Contains(x.state.Text, "http") {
		t.Fatalf("bad address: %q", x.state.Text)
	}
	x.baseURL.SetText("https://news.example.org/")
	tapButton(t, w, "Export")
	if fe.out != dir || fe.site.BaseURL != "https://news.example.org/" || fe.stories != 2 {
		t.Fatalf("export got %+v", fe)
	}
	if store.count("StoriesWithStatus published") != 1 {
		t.Errorf("calls %v", store.calls)
	}
	if !strings.Contains(x.state.Text, "12 files written, 3 unchanged, 1 removed") || !strings.Contains(x.state.Text, "340 ms") || !x.openSite.Visible() {
		t.Errorf("summary %q", x.state.Text)
	}
	var opened *url.URL
	x.openURL = func(u *url.URL) error { opened = u; return nil }
	tapButton(t, w, "Open the site in the browser")
	if opened == nil || opened.Scheme != "file" || opened.Path != dir+"/index.html" {
		t.Errorf("opened %v", opened)
	}
	tapButton(t, w, "Close")
	// Both settings are remembered for next time.
	g.showExport()
	if g.exportDialog.folder.Text != dir || g.exportDialog.baseURL.Text != "https://news.example.org/" {
		t.Errorf("remembered %q %q", g.exportDialog.folder.Text, g.exportDialog.baseURL.Text)
	}
}

func TestExportDialogCancels(t *testing.T) {
	store := newFakeStore(3)
	g, w := newTestGUI(t, store)
	fe := &fakeExport{block: true, started: make(chan struct{})}
	g.exportSite = fe.export
	// The work runs on a goroutine of its own, as in the app; its UI update
	// comes back to this goroutine, as fyne.Do brings it to the app's (the
	// test driver would run it on the worker, racing with the taps below).
	uis := make(chan func(), 1)
	g.run = func(work func() func()) {
		go func() { uis <- work() }()
	}
	g.showExport()
	x := g.exportDialog
	x.folder.SetText(t.TempDir())
	tapButton(t, w, "Export")
	<-fe.started
	if !x.running() || x.start.Disabled() == false || x.cancel.Text != "Cancel export" {
		t.Errorf("while running: start disabled %v, cancel %q", x.start.Disabled(), x.cancel.Text)
	}
	tapButton(t, w, "Cancel export")
	select {
	case ui := <-uis:
		ui()
	case <-time.After(5 * time.Second):
		t.Fatal("the export did not stop when cancelled")
	}
	if x.running() || !strings.Contains(x.state.Text, "cancelled") || !strings.Contains(x.state.Text, "left as it was") || x.openSite.Visible() {
		t.Errorf("after cancel: %q", x.state.Text)
	}
}

func TestMenuShortcutsForThePanels(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(1))
	g.exportSite = (&fakeExport{}).export
	ctrl := fyne.KeyModifierShortcutDefault
	want := map[string]string{
		"Insert quote…":      (&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: ctrl | fyne.KeyModifierShift}).ShortcutName(),
		"Compare revisions…": (&desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: ctrl}).ShortcutName(),
		"Export website…":    (&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl}).ShortcutName(),
	}
	for _, m := range g.menu().Items {
		for _, it := range m.Items {
			if sc, ok := want[it.Label]; ok {
				if it.Disabled || it.Shortcut == nil || it.Shortcut.ShortcutName() != sc {
					t.Errorf("%s: disabled %v, shortcut %v, want %s", it.Label, it.Disabled, it.Shortcut, sc)
				}
				delete(want, it.Label)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("menu lacks %v", want)
	}
}

func TestRemoveAMissingQuoteRecord(t *testing.T) {
	store := newFakeStore(2)
	quoteStory(store)
	g, w := newTestGUI(t, store)
	tapButton(t, w, "Remove this quote record…")
	if g.topDialog() == nil {
		t.Fatal("no confirmation")
	}
	tapButton(t, w, "Remove record")
	if n := len(g.story.quotes.shown); n != 2 {
		t.Fatalf("%d records left, want 2", n)
	}
	for _, f := range g.story.checks.shown {
		if f.Kind == editor.KindMissingQuote {
			t.Errorf("the removed quote is still reported: %q", f.Message)
		}
	}
	g.story.sess.save("")
	if saved := store.find(g.story.loaded.ID); len(saved.Quotes) != 2 || saved.Quotes[1].ID != "q-changed" {
		t.Errorf("saved quotes: %+v", saved.Quotes)
	}
}

func TestRecordTheWordsOfAChangedQuote(t *testing.T) {
	store := newFakeStore(2)
	quoteStory(store)
	g, w := newTestGUI(t, store)
	tapButton(t, w, "Record the words in the text…")
	if g.topDialog() == nil {
		t.Fatal("no confirmation")
	}
	tapButton(t, w, "Record these words")
	var rec editor.Quote
	for _, q := range g.story.quotes.shown {
		if q.ID == "q-changed" {
			rec = q
		}
	}
	body := g.story.body.Text
	if rec.Text == "He will understand that we take these matters very seriously." || !strings.Contains(body, rec.Text) {
		t.Fatalf("record reads %q, want the words in the body %q", rec.Text, body)
	}
	for i, pl := range g.story.quotes.placements {
		if g.story.quotes.shown[i].ID == "q-changed" && pl.State != editor.QuoteStateOK {
			t.Errorf("after recording the words the quote is %s", pl.State)
		}
	}
	g.story.sess.save("")
	for _, q := range store.find(g.story.loaded.ID).Quotes {
		if q.ID == "q-changed" && q.Text != rec.Text {
			t.Errorf("saved record reads %q, want %q", q.Text, rec.Text)
		}
	}
}

// removalExport refuses the first export as one that removes most of the
// site, as the real exporter does, and records whether the second allowed it.
type removalExport struct {
	calls []bool // AllowRemoval of each call
}

func (f *removalExport) export(_ context.Context, _ string, site ExportSite, _ []editor.Story, _ []editor.Page, _ func(done, total int)) (ExportSummary, error) {
	f.calls = append(f.calls, site.AllowRemoval)
	if !site.AllowRemoval {
		return ExportSummary{}, &RemovalError{Removed: 4, Articles: 5}
	}
	return ExportSummary{Removed: 4}, nil
}

// TestExportDialogConfirmsMassRemoval: an export that would remove most of
// the site asks first; Cancel exports nothing, confirming runs it again
// with AllowRemoval, once.
func TestExportDialogConfirmsMassRemoval(t *testing.T) {
	for _, confirm := range []bool{false, true} {
		g, w := newTestGUI(t, newFakeStore(6))
		fe := &removalExport{}
		g.exportSite = fe.export
		g.showExport()
		g.exportDialog.folder.SetText(t.TempDir())
		tapButton(t, w, "Export")
		if !strings.Contains(g.exportDialog.state.Text, "would remove 4 of the 5 articles") {
			t.Errorf("state after the refusal = %q", g.exportDialog.state.Text)
		}
		label := "Cancel"
		if confirm {
			label = "Export and remove"
		}
		tapButton(t, w, label)
		want := []bool{false}
		if confirm {
			want = []bool{false, true}
		}
		if fmt.Sprint(fe.calls) != fmt.Sprint(want) {
			t.Errorf("confirm %v: exports with AllowRemoval %v, want %v", confirm, fe.calls, want)
		}
	}
}
