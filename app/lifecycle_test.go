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
