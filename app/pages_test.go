package app

import (
	"strings"
	"testing"

	"copydesk/editor"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

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
	g.page.sess.save("clearer")
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

func TestPageChangesComeBackAfterACrash(t *testing.T) {
	store := newFakeStore(1)
	g, _ := newTestGUI(t, store)
	g.sidebar.SelectIndex(1)
	g.pages.list.Select(0)
	typeAtEnd(g.page.body, " Moderators reply within a day.")
	g.autosave()
	if wc, ok := store.working["page-1"]; !ok || wc.DocKind != "page" {
		t.Fatalf("autosave of a page wrote %+v", store.working)
	}
	g2, _ := openTestGUI(t, store)
	if g2.current != g2.page || g2.page.body.Text != "Be civil. Moderators reply within a day." || !g2.page.sess.banner.Visible() {
		t.Errorf("after restart: page body %q, banner %v", g2.page.body.Text, g2.page.sess.banner.Visible())
	}
}

func TestCtrlSSavesThePersonOnScreen(t *testing.T) {
	store := newFakeStore(1)
	g, _ := newTestGUI(t, store)
	g.sidebar.SelectIndex(2)
	g.people.list.Select(0)
	g.person.shortName.SetText("James Cleverly")
	g.saveCurrent()
	if store.count("SavePerson") != 1 || store.people[0].ShortName != "James Cleverly" {
		t.Errorf("Save on a person: calls %v", store.calls)
	}
}

func TestNewSitePage(t *testing.T) {
	store := newFakeStore(1)
	g, w := newTestGUI(t, store)
	g.newPage()
	test.Type(entryWithPlaceholder(t, w, "e.g. Corrections policy"), "Corrections policy")
	g.topDialog().submit()
	if store.count("CreatePage Corrections policy") != 1 {
		t.Fatalf("calls %v", store.calls)
	}
	if g.current != g.page || g.page.titleEntry.Text != "Corrections policy" || g.page.kind.Selected != "Policy" {
		t.Errorf("new page editor shows %q (%s)", g.page.titleEntry.Text, g.page.kind.Selected)
	}
	if g.pages.count.Text != "2 pages" {
		t.Errorf("pages count = %q", g.pages.count.Text)
	}
}

func TestRestorePageRevision(t *testing.T) {
	store := newFakeStore(1)
	old := *store.pages[0]
	old.Revision, old.Summary = 1, "The rules as they first stood."
	store.pages[0].Revision = 2
	store.pageVersions = map[string]map[int]editor.Page{"page-1": {1: old}}
	g, w := newTestGUI(t, store)
	g.sidebar.SelectIndex(1)
	g.pages.list.Select(0)
	if g.current != g.page {
		t.Fatalf("the page did not open")
	}

	typeAtEnd(g.page.summary, " Unsaved.")
	g.restoreRevision(1)
	if openDialog(g, "Restore revision") != nil || !strings.Contains(dialogText(g), "unsaved changes") || store.count("RestorePage") != 0 {
		t.Fatalf("restore over unsaved changes: %q, calls %v", dialogText(g), store.calls)
	}
	g.page.sess.save("")

	g.restoreRevision(1)
	if openDialog(g, "Restore revision") == nil {
		t.Fatal("no confirmation before restoring")
	}
	if store.count("RestorePage") != 0 {
		t.Fatalf("restored before the confirmation: %v", store.calls)
	}
	tapButton(t, w, "Restore revision 1")
	if store.count("RestorePage page-1 1") != 1 {
		t.Fatalf("calls %v", store.calls)
	}
	if g.page.summary.Text != "The rules as they first stood." {
		t.Errorf("after restore the summary reads %q", g.page.summary.Text)
	}
	if !strings.Contains(g.saveState.Text, "Restored revision 1") {
		t.Errorf("status %q", g.saveState.Text)
	}
}

func TestAddAPerson(t *testing.T) {
	store := newFakeStore(1)
	g, w := newTestGUI(t, store)
	g.sidebar.SelectIndex(2)
	tapButton(t, w, "New person…")
	if g.person.heading.Text != "New person" || g.person.name.Text != "" {
		t.Fatalf("new person form shows %q, name %q", g.person.heading.Text, g.person.name.Text)
	}
	g.person.save()
	if store.count("SavePerson ") != 1 || len(store.people) != 1 || !strings.Contains(dialogText(g), "name") {
		t.Errorf("saving a person with no name: calls %v, people %d, error %q", store.calls, len(store.people), dialogText(g))
	}
	test.Type(g.person.name, "Priti Patel")
	test.Type(g.person.role, "Home Secretary")
	g.person.save()
	if len(store.people) != 2 || store.people[1].Name != "Priti Patel" || store.people[1].Role != "Home Secretary" {
		t.Fatalf("directory after adding: %+v", store.people)
	}
	if g.person.heading.Text != "Priti Patel" || g.person.person.ID == "" {
		t.Errorf("after saving the form shows %q, id %q", g.person.heading.Text, g.person.person.ID)
	}
	if g.people.count.Text != "2 people" {
		t.Errorf("people count = %q", g.people.count.Text)
	}
}
