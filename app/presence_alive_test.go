package app

import (
	"testing"
	"time"

	"copydesk/editor"
)

// TestADeadCopyIsNotSomeoneElse: after a kill and a restart, this person's
// earlier run on this installation, last seen before the restart, is not
// shown as someone editing; a second copy that beats since, another
// person, and the same person on another machine are.
func TestADeadCopyIsNotSomeoneElse(t *testing.T) {
	since := time.Date(2026, 12, 3, 16, 0, 0, 0, time.UTC)
	p := &presence{me: editor.Owner{User: "jane", Client: "home1-run2"}, home: "home1", since: since}
	for _, tc := range []struct {
		name  string
		other editor.Presence
		shown bool
	}{
		{"the killed run", editor.Presence{User: "jane", Client: "home1-run1", SeenAt: since.Add(-2 * time.Second)}, false},
		{"a second copy beating since", editor.Presence{User: "jane", Client: "home1-run3", SeenAt: since.Add(time.Second)}, true},
		{"another person", editor.Presence{User: "bob", Client: "home1-run1", SeenAt: since.Add(-2 * time.Second)}, true},
		{"jane on another machine", editor.Presence{User: "jane", Client: "home2-run1", SeenAt: since.Add(-2 * time.Second)}, true},
	} {
		got := p.alive([]editor.Presence{tc.other})
		if (len(got) == 1) != tc.shown {
			t.Errorf("%s: shown %v, want %v", tc.name, len(got) == 1, tc.shown)
		}
	}
}
