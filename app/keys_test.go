package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// These helpers deliver keys and clicks as Fyne's desktop driver does: a
// key's press and release go to whatever has the keyboard at that moment,
// a shortcut to the menu first, then to the focused widget.

func keyDown(w fyne.Window, name fyne.KeyName) {
	if k, ok := w.Canvas().Focused().(desktop.Keyable); ok {
		k.KeyDown(&fyne.KeyEvent{Name: name})
	}
}

func keyUp(w fyne.Window, name fyne.KeyName) {
	if k, ok := w.Canvas().Focused().(desktop.Keyable); ok {
		k.KeyUp(&fyne.KeyEvent{Name: name})
	}
}

// pressKey types a key that is not a shortcut.
func pressKey(w fyne.Window, name fyne.KeyName) {
	keyDown(w, name)
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
	} else if on := w.Canvas().OnTypedKey(); on != nil {
		on(&fyne.KeyEvent{Name: name})
	}
	keyUp(w, name)
}

// typeRunes types text into whatever has the keyboard.
func typeRunes(w fyne.Window, text string) {
	for _, r := range text {
		if f := w.Canvas().Focused(); f != nil {
			f.TypedRune(r)
		}
	}
}

// shortcut types a shortcut with its modifiers held: each modifier's press
// goes to the widget focused then, the shortcut to the menu's item for it
// (or the focused widget), the releases to what has the keyboard after.
func shortcut(t *testing.T, g *gui, w fyne.Window, key fyne.KeyName, mods fyne.KeyModifier) {
	t.Helper()
	held := []fyne.KeyName{desktop.KeyControlLeft}
	if mods&fyne.KeyModifierShift != 0 {
		held = append(held, desktop.KeyShiftLeft)
	}
	if mods&fyne.KeyModifierAlt != 0 {
		held = append(held, desktop.KeyAltLeft)
	}
	for _, k := range held {
		keyDown(w, k)
	}
	var sc fyne.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mods}
	if mods == fyne.KeyModifierShortcutDefault {
		// The driver turns these into Fyne's own shortcuts.
		switch key {
		case fyne.KeyZ:
			sc = &fyne.ShortcutUndo{}
		case fyne.KeyY:
			sc = &fyne.ShortcutRedo{}
		case fyne.KeyA:
			sc = &fyne.ShortcutSelectAll{}
		}
	}
	ran := false
	for _, m := range g.menu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil && !ran {
				it.Action()
				ran = true
			}
		}
	}
	if !ran {
		if s, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
			s.TypedShortcut(sc)
		}
	}
	for i := len(held) - 1; i >= 0; i-- {
		keyUp(w, held[i])
	}
}

// clickRow clicks in the entry at the start of row (0 for the first line).
func clickRow(w fyne.Window, e fyne.CanvasObject, row int) {
	h := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height
	pos := fyne.NewPos(theme.InnerPadding()/2, theme.InnerPadding()+h*(float32(row)+0.5))
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary}
	if m, ok := e.(desktop.Mouseable); ok {
		m.MouseDown(ev)
		m.MouseUp(ev)
	}
	if tp, ok := e.(fyne.Tappable); ok {
		tp.Tapped(&ev.PointEvent)
	}
}

const fourParagraphs = "First paragraph of the story.\n\nSecond paragraph of the story.\n\nThird paragraph of the story.\n\nFourth paragraph of the story."

// TestAShortcutThatOpensADialogLeavesNoKeyHeld is issue 12's first defect:
// after Ctrl+Shift+Q, even cancelled, a click in the body selected from the
// old cursor to the click, and the next key replaced the selection.
func TestAShortcutThatOpensADialogLeavesNoKeyHeld(t *testing.T) {
	for _, tc := range []struct {
		name string
		key  fyne.KeyName
		mods fyne.KeyModifier
	}{
		{"insert quote", fyne.KeyQ, fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		{"save revision", fyne.KeyS, fyne.KeyModifierShortcutDefault},
		{"preferences", fyne.KeyComma, fyne.KeyModifierShortcutDefault},
		{"compare", fyne.KeyD, fyne.KeyModifierShortcutDefault},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := newFakeStore(1)
			store.stories[0].Body = fourParagraphs
			g, w := newTestGUI(t, store)
			w.Resize(fyne.NewSize(1400, 900))
			body := g.story.body
			w.Canvas().Focus(body)
			body.CursorRow, body.CursorColumn = 0, 5
			shortcut(t, g, w, tc.key, tc.mods)
			if g.topDialog() == nil {
				t.Fatalf("the shortcut opened no dialog")
			}
			pressKey(w, fyne.KeyEscape)
			if g.topDialog() != nil {
				t.Fatalf("Escape left %q open", g.topDialog().title)
			}
			if w.Canvas().Focused() != body {
				t.Errorf("after the dialog the keyboard is with %T, not the body", w.Canvas().Focused())
			}
			clickRow(w, body, 4) // the third paragraph
			typeRunes(w, "X")
			for _, p := range strings.Split(fourParagraphs, "\n\n") {
				if !strings.Contains(body.Text, p[1:]) {
					t.Errorf("after a click and a key the body lost %q: %q", p, body.Text)
				}
			}
			if !strings.Contains(body.Text, "XThird paragraph") {
				t.Errorf("the key did not land at the click: %q", body.Text)
			}
		})
	}
}

// TestDialogsAnswerEscapeAndReturn checks that each dialog opens with its
// first field focused, closes on Escape and takes its default on Return.
func TestDialogsAnswerEscapeAndReturn(t *testing.T) {
	store := newFakeStore(2)
	g, w := newTestGUI(t, store)
	g.insertQuote()
	if f := w.Canvas().Focused(); f != g.quoteDialog.speaker {
		t.Errorf("Insert quote opens with %T focused, want the speaker", f)
	}
	// Asked for again, it goes back to the dialog on screen.
	first := g.quoteDialog
	w.Canvas().Unfocus()
	g.insertQuote()
	if g.quoteDialog != first || len(g.dialogs) != 1 || w.Canvas().Focused() != first.speaker {
		t.Errorf("Insert quote twice: %d dialogs, focus on %T", len(g.dialogs), w.Canvas().Focused())
	}
	pressKey(w, fyne.KeyEscape)
	if g.topDialog() != nil {
		t.Errorf("Escape did not close Insert quote")
	}

	typeAtEnd(g.story.body, " More.")
	g.saveCurrent()
	typeRunes(w, "subbed")
	pressKey(w, fyne.KeyReturn)
	if store.count("SaveStory") != 1 || store.metas[len(store.metas)-1].Note != "subbed" {
		t.Errorf("Return in the note did not save: calls %v", store.calls)
	}

	g.showPrefs()
	w.Canvas().FocusNext() // off the first field: Escape still reaches the dialog
	pressKey(w, fyne.KeyEscape)
	if g.topDialog() != nil {
		t.Errorf("Escape did not close Preferences from its second field")
	}

	// With nothing focused, the window hands the keys to the dialog.
	b := g.message("Test", "Nothing to focus.", "OK")
	w.Canvas().Unfocus()
	pressKey(w, fyne.KeyReturn)
	if !b.closed {
		t.Errorf("Return did not press OK")
	}
	g.confirm("Spike?", "Really?", "Spike", func(bool) {})
	tapped := false
	for _, btn := range g.topDialog().buttons {
		if btn.Text == "Cancel" {
			w.Canvas().Focus(btn)
		}
	}
	g.topDialog().choices[0].do = func() { tapped = true }
	pressKey(w, fyne.KeyEscape)
	if !tapped || g.topDialog() != nil {
		t.Errorf("Escape on a focused button did not cancel")
	}
}

// TestTabOrderOfTheStoryFields follows Tab through the editor.
func TestTabOrderOfTheStoryFields(t *testing.T) {
	g, w := newTestGUI(t, newFakeStore(1))
	e := g.story
	want := []fyne.Focusable{e.headline, e.standfirst, e.byline, e.dateline, e.section, e.tags, e.body, e.credit, e.rules}
	names := []string{"headline", "standfirst", "byline", "dateline", "section", "tags", "body", "credit", "rules page"}
	w.Canvas().Focus(e.headline)
	for i := 1; i < len(want); i++ {
		w.Canvas().FocusNext()
		if got := w.Canvas().Focused(); got != want[i] {
			t.Fatalf("Tab from the %s went to %T, want the %s", names[i-1], got, names[i])
		}
	}
	for _, f := range []fyne.Focusable{e.standfirst, e.body} {
		if tb, ok := f.(fyne.Tabbable); ok && tb.AcceptsTab() {
			t.Errorf("%T keeps Tab for itself", f)
		}
	}
	// Ctrl+Tab types a tab in the body.
	w.Canvas().Focus(e.body)
	e.body.CursorRow, e.body.CursorColumn = 0, 0
	e.body.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl})
	if !strings.HasPrefix(e.body.Text, "\t") {
		t.Errorf("Ctrl+Tab typed nothing: %q", e.body.Text)
	}
}
