package app

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
)

// spellingStory opens a story whose body has two slips, a house word and a
// name from the people directory.
func spellingStory(t *testing.T) (*gui, fyne.Window, *fakeStore) {
	t.Helper()
	store := newFakeStore(1)
	store.stories[0].Body = "The councl met in Walthamstow.\n\nMr Cleverly said the plan was sound and teh vote was close."
	store.desk.HouseWords = []string{"Walthamstow"}
	g, w := newTestGUI(t, store)
	w.Resize(fyne.NewSize(1360, 840))
	w.Canvas().Capture()
	return g, w, store
}

// TestSpellingUnderlinesMisspeltWords: the slips are underlined, on screen,
// and the house word and the directory's name are not; a fix typed in
// removes its underline, a new slip gets one.
func TestSpellingUnderlinesMisspeltWords(t *testing.T) {
	g, w, _ := spellingStory(t)
	body := g.story.body
	if got, want := body.misspeltWords(), []string{"councl", "teh"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("underlined %q, want %q", got, want)
	}
	if len(body.marks) != 2 || body.marks[0].max.X <= body.marks[0].min.X {
		t.Fatalf("marks drawn %+v, want two with a width", body.marks)
	}
	if body.marks[1].min.Y <= body.marks[0].min.Y {
		t.Errorf("the second paragraph's mark is at y %v, not under the first's %v", body.marks[1].min.Y, body.marks[0].min.Y)
	}

	w.Canvas().Focus(body)
	body.CursorRow, body.CursorColumn = 0, 9 // after "The counc"
	test.Type(body, "i")
	if got, want := body.misspeltWords(), []string{"teh"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after fixing council, underlined %q, want %q", got, want)
	}
	body.CursorRow, body.CursorColumn = 0, 0
	test.Type(body, "Yesterdya ")
	if got, want := body.misspeltWords(), []string{"Yesterdya", "teh"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after typing a slip, underlined %q, want %q", got, want)
	}
}

// TestSpellingSuggestionReplacesTheWord: right-clicking a misspelt word
// offers the dictionary's spelling; choosing it replaces the word in one step
// that Undo takes back.
func TestSpellingSuggestionReplacesTheWord(t *testing.T) {
	g, w, _ := spellingStory(t)
	body := g.story.body
	m := body.marks[0]
	at := fyne.NewPos((m.min.X+m.max.X)/2, (m.min.Y+m.max.Y)/2)
	if got, ok := body.markAt(at); !ok || got.span != m.span {
		t.Fatalf("markAt(%v) = %+v, %v; want the mark of councl", at, got, ok)
	}
	test.TapSecondaryAt(body, at)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("right-click on %q showed no menu", "councl")
	}
	w.Canvas().Overlays().Remove(top)
	menu := body.spellMenu(m.span, "councl")
	var labels []string
	var council *fyne.MenuItem
	for _, it := range menu.Items {
		labels = append(labels, it.Label)
		if it.Label == "council" {
			council = it
		}
	}
	if council == nil || labels[len(labels)-1] != "Add “councl” to house words" {
		t.Fatalf("menu %q, want council among the suggestions and Add to house words last", labels)
	}
	before := body.Text
	council.Action()
	if want := strings.Replace(before, "councl", "council", 1); body.Text != want {
		t.Fatalf("after choosing council, body %q, want %q", body.Text, want)
	}
	if got := body.misspeltWords(); !reflect.DeepEqual(got, []string{"teh"}) {
		t.Errorf("after the fix, underlined %q, want [teh]", got)
	}
	body.TypedShortcut(&fyne.ShortcutUndo{})
	if body.Text != before {
		t.Errorf("Undo left %q, want %q", body.Text, before)
	}
}

// TestAddToHouseWords: a word added from the menu is stored for the desk and
// is no longer underlined.
func TestAddToHouseWords(t *testing.T) {
	g, _, store := spellingStory(t)
	body := g.story.body
	menu := body.spellMenu(body.marks[1].span, "teh")
	menu.Items[len(menu.Items)-1].Action()
	if got := store.desk.HouseWords; !reflect.DeepEqual(got, []string{"teh", "Walthamstow"}) {
		t.Errorf("stored house words %q, want [teh Walthamstow]", got)
	}
	if got := body.misspeltWords(); !reflect.DeepEqual(got, []string{"councl"}) {
		t.Errorf("underlined %q, want [councl]", got)
	}
}

// TestRequireConfirmedSpeakersIsTheDesks: the setting is read from the
// desk's shared settings, not the person's preferences, and Preferences
// saves it there.
func TestRequireConfirmedSpeakersIsTheDesks(t *testing.T) {
	store := newFakeStore(1)
	store.desk.RequireConfirmedSpeakers = true
	g, _ := newTestGUI(t, store)
	if !g.checkOptions().RequireConfirmedSpeakers {
		t.Fatalf("checkOptions() = %+v with the desk requiring confirmed speakers", g.checkOptions())
	}
	g.saveDeskSettings(editor.DeskSettings{HouseWords: []string{"Leyton"}})
	if store.desk.RequireConfirmedSpeakers || !reflect.DeepEqual(store.desk.HouseWords, []string{"Leyton"}) || g.checkOptions().RequireConfirmedSpeakers {
		t.Errorf("after saving, store has %+v and the window checks with %+v", store.desk, g.checkOptions())
	}
}
