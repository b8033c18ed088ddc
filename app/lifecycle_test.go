package app

import (
	"errors"
	"strings"
	"testing"
)

// errDisk stands for a write that fails after the one before it worked.
var errDisk = errors.New("disk I/O error")

func TestPageSaveWhoseCleanupFailsIsStillASave(t *testing.T) {
	store := newFakeStore(1)
	g, _ := newTestGUI(t, store)
	g.sidebar.SelectIndex(1)
	g.pages.list.Select(0)
	typeAtEnd(g.page.body, " First change.")
	store.dropErr = errDisk
	g.page.sess.save("")
	if store.count("SavePage page-1 base 1") != 1 || store.pages[0].Revision != 2 {
		t.Fatalf("the save did not happen: calls %v", store.calls)
	}
	if strings.Contains(dialogText(g), "disk") {
		t.Errorf("a save that worked is reported as failed: %q", dialogText(g))
	}
	if g.page.sess.base != 2 {
		t.Errorf("after the save the editor is based on revision %d, want 2", g.page.sess.base)
	}
	store.dropErr = nil
	typeAtEnd(g.page.body, " Second change.")
	g.page.sess.save("")
	if store.count("SavePage page-1 base 2") != 1 || store.pages[0].Revision != 3 {
		t.Errorf("the next save clashed with the first: calls %v, error %q", store.calls, dialogText(g))
	}
}

func TestSaveAsACopyWhoseCleanupFailsIsStillACopy(t *testing.T) {
	store := newFakeStore(3)
	g, w := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.body, " My paragraph.")
	store.find("id-00001").Revision = 2 // someone else saved meanwhile
	g.story.sess.save("")
	store.dropErr = errDisk
	tapButton(t, w, "Save mine as a new story")
	if store.count("CreateStory") != 1 {
		t.Fatalf("no copy created; calls %v", store.calls)
	}
	if strings.Contains(dialogText(g), "disk") {
		t.Errorf("a copy that was saved is reported as failed: %q", dialogText(g))
	}
	if g.story.loaded.ID == "id-00001" {
		t.Errorf("after saving the copy the editor still shows the original")
	}
}

func TestAPageConflictOffersWhatAStoryOffers(t *testing.T) {
	store := newFakeStore(1)
	g, w := newTestGUI(t, store)
	g.showList(listPages)
	g.pages.list.Select(0)
	typeAtEnd(g.page.body, " Mine.")
	store.pages[0].Revision = 2 // someone else saved meanwhile
	g.page.sess.save("")
	if openDialog(g, "The page changed while you were editing") == nil {
		t.Fatalf("no conflict dialog for a page; error %q, dialogs %v", dialogText(g), g.dialogs)
	}
	tapButton(t, w, "Save mine as a new page")
	if store.count("CreatePage Comments: Our rules (your version)") != 1 || len(store.pages) != 2 {
		t.Fatalf("no copy of the page; calls %v", store.calls)
	}
	if g.page.loaded.ID == "page-1" || !strings.HasSuffix(g.page.body.Text, " Mine.") {
		t.Errorf("after saving a copy the editor shows %s with body %q", g.page.loaded.ID, g.page.body.Text)
	}
}

func TestARecoveredPageSaysWhenAndCanBeDiscarded(t *testing.T) {
	store := newFakeStore(1)
	g, _ := newTestGUI(t, store)
	g.showList(listPages)
	g.pages.list.Select(0)
	typeAtEnd(g.page.body, " Moderators reply within a day.")
	g.autosave()
	g2, _ := openTestGUI(t, store)
	text := g2.page.sess.bannerText.Text
	if g2.current != g2.page || !strings.Contains(text, "Recovered unsaved changes from ") || !strings.Contains(text, " to the body (5 more words).") {
		t.Fatalf("banner = %q", text)
	}
	g2.page.sess.discardRecovered()
	g2.topDialog().submit()
	if _, ok := store.working["page-1"]; ok || g2.page.body.Text != "Be civil." || g2.page.sess.banner.Visible() {
		t.Errorf("after Discard: working copy kept %v, body %q", ok, g2.page.body.Text)
	}
}
