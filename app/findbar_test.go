package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestFindAndReplaceInTheStory(t *testing.T) {
	store := newFakeStore(1)
	store.stories[0].Body = "The Council met. The council’s plan: councils, COUNCIL.\n\nA council tax rise."
	g, w := newTestGUI(t, store)
	f := g.story.find
	shortcut(t, g, w, fyne.KeyH, fyne.KeyModifierShortcutDefault)
	if !f.visible() || f.replaceRow.Hidden || f.replace.Hidden || w.Canvas().Focused() != f.find {
		t.Fatalf("Ctrl+H: bar shown %v, replace row hidden %v, focus %T", f.visible(), f.replace.Hidden, w.Canvas().Focused())
	}
	typeRunes(w, "council")
	w.Canvas().FocusNext() // Tab, as the window's driver does it
	if w.Canvas().Focused() != f.replace {
		t.Errorf("Tab from Find went to %T, want the Replace field", w.Canvas().Focused())
	}
	w.Canvas().FocusPrevious()
	if f.count.Text != "5 matches" {
		t.Errorf("count = %q, want 5 matches", f.count.Text)
	}
	f.wholeWord.SetChecked(true)
	f.matchCase.SetChecked(true)
	if f.count.Text != "1 match" {
		t.Errorf("whole words, match case: count = %q, want 1 match", f.count.Text)
	}
	f.matchCase.SetChecked(false)
	pressKey(w, fyne.KeyReturn) // Enter in the find field: the first match
	if got := g.story.body.SelectedText(); got != "Council" || f.count.Text != "1 of 3" {
		t.Errorf("first match: selected %q, count %q", got, f.count.Text)
	}
	f.replace.SetText("authority")
	f.replaceOne()
	body := g.story.body.Text
	if !strings.HasPrefix(body, "The authority met.") || g.story.body.SelectedText() != "COUNCIL" {
		t.Errorf("after Replace: %q, selected %q", body, g.story.body.SelectedText())
	}
	f.replaceAll()
	if got := g.story.body.Text; got != "The authority met. The council’s plan: councils, authority.\n\nA authority tax rise." {
		t.Errorf("after Replace all: %q", got)
	}
	// Replace all is one step to undo, then Replace one.
	if w.Canvas().Focused() != g.story.body {
		t.Fatalf("after Replace all the keyboard is with %T", w.Canvas().Focused())
	}
	shortcut(t, g, w, fyne.KeyZ, fyne.KeyModifierShortcutDefault)
	if g.story.body.Text != body {
		t.Errorf("one Undo after Replace all: %q, want %q", g.story.body.Text, body)
	}
	shortcut(t, g, w, fyne.KeyZ, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	if !strings.HasSuffix(g.story.body.Text, "A authority tax rise.") {
		t.Errorf("Ctrl+Shift+Z did not redo the Replace all: %q", g.story.body.Text)
	}
	pressKey(w, fyne.KeyEscape)
	if f.visible() {
		t.Errorf("Escape in the body left the bar open")
	}
}

func TestCtrlHomeAndEndInTheBody(t *testing.T) {
	store := newFakeStore(1)
	store.stories[0].Body = fourParagraphs
	g, w := newTestGUI(t, store)
	w.Canvas().Focus(g.story.body)
	shortcut(t, g, w, fyne.KeyEnd, fyne.KeyModifierShortcutDefault)
	typeRunes(w, "!")
	if !strings.HasSuffix(g.story.body.Text, "story.!") {
		t.Errorf("Ctrl+End then a key: %q", g.story.body.Text)
	}
	shortcut(t, g, w, fyne.KeyHome, fyne.KeyModifierShortcutDefault)
	typeRunes(w, "¶")
	if !strings.HasPrefix(g.story.body.Text, "¶First") {
		t.Errorf("Ctrl+Home then a key: %q", g.story.body.Text)
	}
}
