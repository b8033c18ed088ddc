package app

import (
	"strings"
	"testing"

	"copydesk/editor"
)

func TestConflictKeepsTextAndSavesACopy(t *testing.T) {
	store := newFakeStore(3)
	g, w := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.body, " My paragraph.")
	store.find("id-00001").Revision = 2 // someone else saved meanwhile
	g.story.save("")
	if g.conflictDialog == nil {
		t.Fatalf("no conflict dialog; calls %v", store.calls)
	}
	if !strings.HasSuffix(g.story.body.Text, " My paragraph.") {
		t.Errorf("after the conflict the body is %q", g.story.body.Text)
	}
	tapButton(t, w, "Save mine as a new story")
	if store.count("CreateStory") != 1 {
		t.Fatalf("no copy created; calls %v", store.calls)
	}
	if g.story.loaded.ID == "id-00001" || !strings.HasSuffix(g.story.body.Text, " My paragraph.") {
		t.Errorf("after saving a copy the editor shows %s with body %q", g.story.loaded.ID, g.story.body.Text)
	}
	if store.stories[0].Body != "Body of story 1. My paragraph." || store.stories[0].Status != editor.StatusDraft {
		t.Errorf("copy saved as %+v", store.stories[0])
	}
}

func TestSpikingAsksFirst(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	g.story.status.SetSelected("Spiked")
	if store.count("SetStatus") != 0 || g.lastConfirm == nil {
		t.Fatalf("spiking did not ask first; calls %v", store.calls)
	}
	g.lastConfirm.Dismiss()
	if g.story.status.Selected != "Draft" || store.count("SetStatus") != 0 {
		t.Errorf("cancelling left status %q, calls %v", g.story.status.Selected, store.calls)
	}
	g.story.status.SetSelected("Subbing")
	if store.count("SetStatus id-00001 subbing") != 1 {
		t.Errorf("moving to subbing (not destructive) did not happen at once: %v", store.calls)
	}
	g.story.status.SetSelected("Spiked")
	g.lastConfirm.Confirm()
	if store.count("SetStatus id-00001 spiked") != 1 || g.story.loaded.Status != editor.StatusSpiked {
		t.Errorf("confirmed spike: calls %v, status %s", store.calls, g.story.loaded.Status)
	}
	if g.story.sess.base != 3 {
		t.Errorf("after two moves the editor is based on revision %d, want 3", g.story.sess.base)
	}
}

func TestStatusMoveKeepsUnsavedText(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.body, " Unsaved.")
	g.story.status.SetSelected("Subbing")
	if g.story.body.Text != "Body of story 1. Unsaved." || !g.story.sess.dirty(g.story.content()) {
		t.Errorf("after the move body %q, dirty %v", g.story.body.Text, g.story.sess.dirty(g.story.content()))
	}
	g.story.save("")
	if store.count("SaveStory id-00001 base 2") != 1 {
		t.Errorf("save after the move: calls %v", store.calls)
	}
}

func TestStatusMoveOverAnotherSaveIsAConflict(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	store.find("id-00001").Revision = 2
	g.story.status.SetSelected("Subbing")
	// The store refuses the move from the old base inside its transaction.
	if cur := store.find("id-00001"); cur.Status != editor.StatusDraft || cur.Revision != 2 || g.conflictDialog == nil {
		t.Errorf("moving a story saved meanwhile: store has %s at %d, dialog %v", cur.Status, cur.Revision, g.conflictDialog)
	}
	if g.story.status.Selected != "Draft" {
		t.Errorf("after the refused move the status shows %q", g.story.status.Selected)
	}
}
