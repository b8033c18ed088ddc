package app

import (
	"strings"
	"testing"

	"copydesk/editor"
)

func TestAutosaveAndRecoveryAfterACrash(t *testing.T) {
	store := newFakeStore(5)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.body, " Words typed just before the crash.")
	g.autosave()
	wc, ok := store.working["id-00001"]
	if !ok {
		t.Fatalf("autosave wrote no working copy; calls %v", store.calls)
	}
	if store.count("SaveStory") != 0 {
		t.Errorf("autosave made a revision: %v", store.calls)
	}
	g.autosave()
	if n := store.count("SaveWorkingCopy"); n != 1 {
		t.Errorf("autosave with nothing new wrote again: %d writes", n)
	}
	if !strings.Contains(g.saveState.Text, "Unsaved changes · kept safe") {
		t.Errorf("status bar after autosave = %q", g.saveState.Text)
	}
	var back editor.Story
	back.ApplyContent(wc.Content)
	if !strings.Contains(back.Body, "Words typed just before the crash.") || wc.Base != 1 {
		t.Errorf("working copy = base %d body %q", wc.Base, back.Body)
	}

	// A new window on the same database, as after a crash, opens that story with the words.
	g2, _ := openTestGUI(t, store)
	if g2.story.loaded == nil || g2.story.loaded.ID != "id-00001" {
		t.Fatalf("after restart the editor shows %+v, want the story with unsaved changes", g2.story.loaded)
	}
	if !strings.Contains(g2.story.body.Text, "Words typed just before the crash.") {
		t.Errorf("after restart the body is %q", g2.story.body.Text)
	}
	if !g2.story.sess.banner.Visible() || !strings.HasPrefix(g2.story.sess.bannerText.Text, "Recovered unsaved changes from ") ||
		!strings.Contains(g2.story.sess.bannerText.Text, " to the body (6 more words).") {
		t.Errorf("banner = %q (visible %v)", g2.story.sess.bannerText.Text, g2.story.sess.banner.Visible())
	}
	if !strings.HasPrefix(g2.saveState.Text, "Unsaved changes") {
		t.Errorf("status bar after recovery = %q", g2.saveState.Text)
	}
}

func TestUndoingEveryChangeForgetsTheWorkingCopy(t *testing.T) {
	store := newFakeStore(2)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	g.story.dateline.SetText("London")
	g.autosave()
	g.story.dateline.SetText("")
	g.autosave()
	if _, ok := store.working["id-00001"]; ok {
		t.Errorf("working copy kept after the fields were back as saved")
	}
}

func TestLeavingAStoryKeepsItsChanges(t *testing.T) {
	store := newFakeStore(5)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	typeAtEnd(g.story.standfirst, "A standfirst not yet saved.")
	g.list.list.Select(2)
	if _, ok := store.working["id-00001"]; !ok {
		t.Fatalf("leaving the story did not keep its changes; calls %v", store.calls)
	}
	if !strings.Contains(g.saveState.Text, "are kept") {
		t.Errorf("status bar = %q, want it to say the changes are kept", g.saveState.Text)
	}
	if !g.unsaved["id-00001"] {
		t.Errorf("list does not mark the story as having unsaved changes")
	}
	g.list.list.Select(1)
	if g.story.standfirst.Text != "A standfirst not yet saved." {
		t.Errorf("coming back shows standfirst %q", g.story.standfirst.Text)
	}
}

func TestQuitWithUnsavedChangesAsks(t *testing.T) {
	store := newFakeStore(2)
	g, w := newTestGUI(t, store)
	typeAtEnd(g.story.body, " Late words.")
	closed := false
	g.closeWindow = func() { closed = true }
	g.quit()
	tapButton(t, w, "Quit and keep them")
	if _, ok := store.working["id-00000"]; !ok {
		t.Errorf("quitting did not keep the changes; calls %v", store.calls)
	}
	if !closed {
		t.Errorf("the window did not close")
	}
	if g.ctx.Err() == nil {
		t.Errorf("quitting left the window's context running")
	}
}

func TestLeavingAnEditedPersonAsks(t *testing.T) {
	store := newFakeStore(2)
	g, w := newTestGUI(t, store)
	g.sidebar.SelectIndex(2)
	g.people.list.Select(0)
	g.person.role.SetText("Home Secretary")
	g.sidebar.SelectIndex(0)
	g.list.list.Select(1)
	if g.story.loaded.ID == "id-00001" {
		t.Fatalf("left an edited person without asking")
	}
	tapButton(t, w, "Save changes")
	if store.count("SavePerson") != 1 || g.story.loaded.ID != "id-00001" {
		t.Errorf("after Save changes: calls %v, story %s", store.calls, g.story.loaded.ID)
	}
}

// TestAutosaveKeepsTheFieldsAsTheTickReadThem: autosave reads the fields on
// the UI goroutine and encodes and writes them in the writer. What is typed
// while the write waits is not in that working copy, and is in the next.
func TestAutosaveKeepsTheFieldsAsTheTickReadThem(t *testing.T) {
	store := newFakeStore(2)
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	var queued []func() func()
	g.write = func(work func() func()) { queued = append(queued, work) }
	drain := func() {
		for len(queued) > 0 {
			w := queued[0]
			queued = queued[1:]
			syncRun(w)
		}
	}
	typeAtEnd(g.story.body, " Typed before the tick.")
	g.autosave()
	if _, ok := store.working["id-00001"]; ok {
		t.Fatalf("the working copy was written before the writer ran")
	}
	typeAtEnd(g.story.body, " Typed while it waited.")
	drain()
	body := func() string {
		var back editor.Story
		back.ApplyContent(store.working["id-00001"].Content)
		return back.Body
	}
	if b := body(); !strings.HasSuffix(b, " Typed before the tick.") {
		t.Errorf("the first working copy's body ends %q", b[max(0, len(b)-60):])
	}
	g.autosave()
	drain()
	if b := body(); !strings.HasSuffix(b, " Typed before the tick. Typed while it waited.") {
		t.Errorf("the second working copy's body ends %q", b[max(0, len(b)-60):])
	}
	if n := store.count("SaveWorkingCopy"); n != 2 {
		t.Errorf("%d working copies written, want 2", n)
	}
	if !strings.Contains(g.saveState.Text, "Unsaved changes · kept safe") {
		t.Errorf("status bar after autosave = %q", g.saveState.Text)
	}
}
