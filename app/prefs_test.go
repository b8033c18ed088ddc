package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestPreferencesAreKept(t *testing.T) {
	g, w := newTestGUI(t, newFakeStore(1))
	g.showPrefs()
	author := entryWithPlaceholder(t, w, "Shown as the author of your revisions")
	entryOf(author).SetText("")
	test.Type(author, "Jane Sub")
	test.Type(entryWithPlaceholder(t, w, "e.g. https://news.example.org"), "https://desk.example")
	for _, o := range objects(w) {
		if s, ok := o.(*choiceSelect); ok && len(s.Options) == 3 && s.Options[2] == "Dark" {
			s.SetSelected("Dark")
		}
		if s, ok := o.(*choiceSelect); ok && len(s.Options) == 4 && s.Options[3] == "Larger" {
			s.SetSelected("Larger")
		}
	}
	g.topDialog().submit()
	p := fyne.CurrentApp().Preferences()
	if g.prefs.author() != "Jane Sub" || g.prefs.baseURL() != "https://desk.example" || p.String(prefTheme) != "dark" || p.Float(prefTextSize) != 1.3 {
		t.Errorf("preferences kept: author %q url %q theme %q size %v", g.prefs.author(), g.prefs.baseURL(), p.String(prefTheme), p.Float(prefTextSize))
	}
	th := fyne.CurrentApp().Settings().Theme()
	if got := th.Size("text"); got < 18 || got > 18.3 {
		t.Errorf("text size after Larger = %v", th.Size("text"))
	}
}

func TestMenuHasEveryAction(t *testing.T) {
	g, _ := newTestGUI(t, newFakeStore(1))
	want := map[string]string{"New story": "CustomDesktop:Control+N", "Save revision…": "CustomDesktop:Control+S",
		"Find in story…": "CustomDesktop:Control+F", "Find and replace…": "CustomDesktop:Control+H",
		"Search everything…": "CustomDesktop:Shift+Control+F", "History": "CustomDesktop:Shift+Control+H", "Redo": "CustomDesktop:Shift+Control+Z", "Check": "CustomDesktop:Control+K", "Next story": (&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault}).ShortcutName(),
		"Previous story": (&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierShortcutDefault}).ShortcutName(), "Preferences…": "CustomDesktop:Control+,", "Quit": "CustomDesktop:Control+Q"}
	disabled := map[string]bool{}
	for _, m := range g.menu().Items {
		for _, it := range m.Items {
			if it.Disabled {
				disabled[it.Label] = true
				continue
			}
			if sc, ok := want[it.Label]; ok {
				if it.Shortcut == nil || it.Shortcut.ShortcutName() != sc {
					t.Errorf("%s has shortcut %v, want %s", it.Label, it.Shortcut, sc)
				}
				delete(want, it.Label)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("menu lacks %v", want)
	}
	if !disabled["Export website…"] {
		t.Errorf("Export website… is enabled with no exporter")
	}
}

func TestSiteAddressMustBeAURL(t *testing.T) {
	for in, ok := range map[string]bool{"": true, "https://news.example.org": true, "http://localhost:8080/site": true,
		"news.example.org": false, "ftp://x.org": false, "https://": false} {
		if got := validBaseURL(in) == nil; got != ok {
			t.Errorf("validBaseURL(%q) ok = %v, want %v", in, got, ok)
		}
	}
}
