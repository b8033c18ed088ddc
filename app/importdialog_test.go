package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage/sqlite"
)

// importingStore is the fake store with the optional Import capability.
type importingStore struct {
	*fakeStore
	imported []string
}

func (s *importingStore) Import(ctx context.Context, stories []*editor.Story, people []editor.Person, meta editor.RevisionMeta, _ func(done, total int)) error {
	for _, st := range stories {
		st.Normalize()
		if err := st.Validate(); err != nil {
			return err
		}
		if err := s.CreateStory(ctx, st, meta); err != nil {
			return err
		}
		s.imported = append(s.imported, st.Headline+" ("+meta.Note+")")
	}
	return nil
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportDialogSavesGoodFilesAndNamesBadOnes: as `copydesk import` does,
// the dialog saves each good file, names each bad one with its reason, and
// the story list shows the new stories afterwards.
func TestImportDialogSavesGoodFilesAndNamesBadOnes(t *testing.T) {
	store := &importingStore{fakeStore: newFakeStore(2)}
	g, _ := newTestGUI(t, store)
	good := writeTemp(t, "storm.txt", "Storm hits the coast\nWinds battered the town overnight.\n")
	post := writeTemp(t, "council.md", "---\ntitle: Council votes\nslug: council_votes\n---\nThe council voted.\n")
	bad := writeTemp(t, "data.json", `{"items": [1]}`)

	x := g.showImport()
	if x == nil {
		t.Fatal("showImport() = nil for a store that imports")
	}
	x.setFiles([]string{good, bad, post, good})
	if len(x.files) != 3 || x.start.Disabled() {
		t.Fatalf("files = %q (Import disabled %v), want the three files once each", x.files, x.start.Disabled())
	}
	test.Tap(x.start)

	if got, want := strings.Join(store.imported, "; "), "Storm hits the coast (imported from storm.txt); Council votes (imported from council.md)"; got != want {
		t.Errorf("imported %q, want %q", got, want)
	}
	report := x.report.Text
	for _, want := range []string{"✓ storm.txt: Storm hits the coast", "✓ council.md: Council votes\n    council.md:3: slug \"council_votes\" is not one copydesk makes", "✗ data.json: is JSON that is not a ninjs news item"} {
		if !strings.Contains(report, want) {
			t.Errorf("report = %q, want a line with %q", report, want)
		}
	}
	if !strings.Contains(x.state.Text, "Imported 2 stories. 1 file was not imported") {
		t.Errorf("state = %q, want the count of stories and of failed files", x.state.Text)
	}
	if n := g.list.length(); n != 4 {
		t.Errorf("story list shows %d stories after the import, want 4", n)
	}
	if !x.start.Disabled() || x.running() {
		t.Errorf("after the import: Import enabled %v, running %v; want the files cleared and nothing running", !x.start.Disabled(), x.running())
	}
}

// TestImportMenuNeedsAnImporter: a store without Import offers no import.
func TestImportMenuNeedsAnImporter(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(1))
	if x := g.showImport(); x != nil {
		t.Errorf("showImport() on a store that cannot import = %v, want nil", x)
	}
	if it := g.importMenuItem(fyne.NewMenuItem("Import…", nil)); !it.Disabled {
		t.Errorf("Import… enabled for a store that cannot import")
	}
}

// TestImportDialogAppliesNotices: as `copydesk import` does, a feed's
// cancellation marks the story it names by the feed's ID (spiked, the
// notice in its editor's note) rather than importing as a story, and the
// dialog's list says so; a notice for a story not here is named as refused.
func TestImportDialogAppliesNotices(t *testing.T) {
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "desk.db"), sqlite.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	quake := &editor.Story{Headline: "Quake shakes the city", Body: "The ground shook.", FeedID: "XNW-20261203-0042"}
	if err := db.CreateStory(t.Context(), quake, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
		t.Fatal(err)
	}
	g, _ := newTestGUI(t, db)
	notice, err := filepath.Abs("../editor/wire/testdata/feeds/nitf-canceled.xml")
	if err != nil {
		t.Fatal(err)
	}
	stray := writeTemp(t, "stray.xml", `<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><docdata management-status="withheld"><doc-id id-string="XNW-NOT-HERE"/></docdata></head>
<body><body.content><p>Withheld.</p></body.content></body></nitf>
`)
	good := writeTemp(t, "storm.txt", "Storm hits the coast\nWinds battered the town overnight.\n")

	x := g.showImport()
	x.setFiles([]string{notice, stray, good})
	test.Tap(x.start)

	report := x.report.Text
	for _, want := range []string{
		"⊘ nitf-canceled.xml: a notice that cancels the story XNW-20261203-0042: Quake shakes the city is now spiked",
		"✗ stray.xml: is a notice that withholds the story XNW-NOT-HERE, which no story here came from",
		"✓ storm.txt: Storm hits the coast",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report = %q, want a line with %q", report, want)
		}
	}
	if !strings.Contains(x.state.Text, "Imported 1 story. Applied 1 notice. 1 file was not imported") {
		t.Errorf("state = %q, want the stories, the notices and the failed files counted", x.state.Text)
	}
	s, err := db.Story(t.Context(), quake.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Status != editor.StatusSpiked || !strings.HasPrefix(s.EdNote, "Cancelled by the feed on ") || !strings.Contains(s.EdNote, "Story withdrawn.") {
		t.Errorf("the named story after the notice: status %q, ed_note %q; want spiked with the notice in its note", s.Status, s.EdNote)
	}
	if n, _ := db.CountStories(t.Context(), ""); n != 2 {
		t.Errorf("%d stories after the import, want 2 (the notice is no new story)", n)
	}
}
