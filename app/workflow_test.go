package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

func TestSpikingAsksFirst(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	g.story.status.SetSelected("Spiked")
	if store.count("SetStatus") != 0 || g.topDialog() == nil {
		t.Fatalf("spiking did not ask first; calls %v", store.calls)
	}
	g.topDialog().cancel()
	if g.story.status.Selected != "Draft" || store.count("SetStatus") != 0 {
		t.Errorf("cancelling left status %q, calls %v", g.story.status.Selected, store.calls)
	}
	g.story.status.SetSelected("Subbing")
	if store.count("SetStatus id-00001 subbing") != 1 {
		t.Errorf("moving to subbing (not destructive) did not happen at once: %v", store.calls)
	}
	g.story.status.SetSelected("Spiked")
	g.topDialog().submit()
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
	if g.story.body.Text != "Body of story 1. Unsaved." || !unsaved(g.story) {
		t.Errorf("after the move body %q, dirty %v", g.story.body.Text, unsaved(g.story))
	}
	g.story.sess.save("")
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
	if cur := store.find("id-00001"); cur.Status != editor.StatusDraft || cur.Revision != 2 || openDialog(g, "The story changed") == nil {
		t.Errorf("moving a story saved meanwhile: store has %s at %d, dialogs %v", cur.Status, cur.Revision, g.dialogs)
	}
	if g.story.status.Selected != "Draft" {
		t.Errorf("after the refused move the status shows %q", g.story.status.Selected)
	}
}

func TestPublishingFollowsTheWorkflow(t *testing.T) {
	store := newFakeStore(3)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1) // a draft
	g.story.status.SetSelected("Published")
	if store.count("SetStatus") != 0 || g.story.status.Selected != "Draft" || !strings.Contains(dialogText(g), "cannot move from draft to published") {
		t.Errorf("draft straight to published: calls %v, status %q, error %q", store.calls, g.story.status.Selected, dialogText(g))
	}
}

func TestErrorsStopPublishingUnlessTheDeskSaysWhy(t *testing.T) {
	store := newFakeStore(3)
	s := store.find("id-00001")
	s.Status, s.Body, s.Headline = editor.StatusReady, "", strings.Repeat("Long headline ", 8)[:103]
	g, w := newTestGUI(t, store)
	g.list.list.Select(1)
	g.story.status.SetSelected("Published")
	d := openDialog(g, "Publishing is stopped by the checks")
	if d == nil || store.count("SetStatus") != 0 {
		t.Fatalf("a story with no body: dialogs %v, calls %v", g.dialogs, store.calls)
	}
	if texts := strings.Join(labelTexts(w), "|"); !strings.Contains(texts, "No body") || !strings.Contains(texts, "Headline is 103 characters") {
		t.Errorf("the dialog does not list the error and the warning: %q", texts)
	}
	pressKey(w, fyne.KeyReturn) // the default is to cancel
	if store.count("SetStatus") != 0 || g.story.status.Selected != "Ready" {
		t.Fatalf("Return published over the errors: %v, status %q", store.calls, g.story.status.Selected)
	}
	g.story.status.SetSelected("Published")
	tapButton(t, w, "Publish over the errors")
	if store.count("SetStatus") != 0 || openDialog(g, "Publishing is stopped") == nil {
		t.Fatalf("published over the errors without a reason: %v", store.calls)
	}
	test.Type(entryWithPlaceholder(t, w, "Why it must go out now, for the history"), "breaking: body to follow")
	tapButton(t, w, "Publish over the errors")
	if store.count("SetStatus id-00001 published") != 1 {
		t.Fatalf("calls %v", store.calls)
	}
	want := "ready → published; published over 1 error by the desk: breaking: body to follow"
	if got := store.metas[len(store.metas)-1].Note; got != want {
		t.Errorf("revision note = %q, want %q", got, want)
	}
}

func TestPublishConfirmationListsWarningsAndUnsavedEdits(t *testing.T) {
	store := newFakeStore(3)
	s := store.find("id-00001")
	s.Status, s.Byline = editor.StatusReady, ""
	g, w := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.body, " Unsaved words.")
	g.story.status.SetSelected("Published")
	d := openDialog(g, "Publish this story?")
	if d == nil {
		t.Fatalf("no confirmation; dialogs %v", g.dialogs)
	}
	texts := strings.Join(labelTexts(w), "|")
	if !strings.Contains(texts, "No byline") || !strings.Contains(texts, "unsaved changes to the body") {
		t.Errorf("the confirmation reads %q", texts)
	}
	tapButton(t, w, "Publish")
	if store.count("SetStatus id-00001 published") != 1 || store.metas[len(store.metas)-1].Note != "ready → published" {
		t.Errorf("calls %v, note %q", store.calls, store.metas[len(store.metas)-1].Note)
	}
	if !strings.HasSuffix(g.story.body.Text, " Unsaved words.") {
		t.Errorf("publishing lost the unsaved words: %q", g.story.body.Text)
	}
}

// labelTexts lists the labels' texts on the window, dialogs included.
func labelTexts(w fyne.Window) []string {
	var out []string
	for _, x := range objects(w) {
		if l, ok := x.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}
