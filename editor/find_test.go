package editor_test

import (
	"fmt"
	"testing"

	"copydesk/editor"
)

func TestFind(t *testing.T) {
	const text = "The Council met. The council’s plan: councils, COUNCIL, Ångström ångström."
	for _, tt := range []struct {
		query string
		opt   editor.FindOptions
		want  string
	}{
		{"council", editor.FindOptions{}, "[Council@4 council@21 council@39 COUNCIL@49]"},
		{"council", editor.FindOptions{MatchCase: true}, "[council@21 council@39]"},
		{"council", editor.FindOptions{WholeWord: true}, "[Council@4 COUNCIL@49]"},
		{"Council", editor.FindOptions{MatchCase: true, WholeWord: true}, "[Council@4]"},
		{"ångström", editor.FindOptions{}, "[Ångström@58 ångström@69]"},
		{"", editor.FindOptions{}, "[]"},
		{"parliament", editor.FindOptions{}, "[]"},
	} {
		var got []string
		for _, sp := range editor.Find(text, tt.query, tt.opt) {
			got = append(got, fmt.Sprintf("%s@%d", text[sp.Start:sp.End], sp.Start))
		}
		if s := fmt.Sprint(got); s != tt.want {
			t.Errorf("Find(%q, %+v) = %s, want %s", tt.query, tt.opt, s, tt.want)
		}
	}
}

func TestReplace(t *testing.T) {
	text := "cat, Cat and cathedral"
	spans := editor.Find(text, "cat", editor.FindOptions{WholeWord: true})
	if got, want := editor.Replace(text, spans, "dog"), "dog, dog and cathedral"; got != want {
		t.Errorf("Replace = %q, want %q", got, want)
	}
}
