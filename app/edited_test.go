package app

import (
	"math/rand"
	"strings"
	"testing"

	"copydesk/editor"
)

// TestWordCountFollowsEdits: the count kept up to date from each edit is
// the whole text's count after every one of 3,000 random edits (letters,
// spaces, newlines, a no-break space, accented letters; inserted, deleted
// and replaced anywhere), and editedStretch brackets each edit.
func TestWordCountFollowsEdits(t *testing.T) {
	pieces := []string{"a", "word", " ", "  ", "\n", "\n\n", "\u00a0", "é", "“", "”", "£12m", "-", "x y"}
	rng := rand.New(rand.NewSource(12))
	text := benchStory(200).Body
	var w wordCount
	if got, want := w.of(text), editor.CountWords(text); got != want {
		t.Fatalf("first count %d, want %d", got, want)
	}
	for i := 0; i < 3000; i++ {
		before := text
		runes := []rune(text)
		at := rng.Intn(len(runes) + 1)
		cut := 0
		if rng.Intn(2) == 0 {
			cut = min(rng.Intn(6), len(runes)-at)
		}
		ins := ""
		if rng.Intn(3) != 0 {
			ins = pieces[rng.Intn(len(pieces))]
		}
		text = string(runes[:at]) + ins + string(runes[at+cut:])
		if got, want := w.of(text), editor.CountWords(text); got != want {
			t.Fatalf("edit %d (%q cut %d at %d): counted %d, want %d", i, ins, cut, at, got, want)
		}
		p, s := editedStretch(before, text)
		if !strings.HasPrefix(text, before[:p]) || !strings.HasSuffix(text, before[len(before)-s:]) || p+s > min(len(before), len(text)) {
			t.Fatalf("edit %d: stretch %d,%d does not bracket it", i, p, s)
		}
	}
}
