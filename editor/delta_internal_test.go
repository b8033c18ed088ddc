package editor

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

func TestSkipRunes(t *testing.T) {
	alphabet := []rune("ab é中😀\n")
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		runes := make([]rune, r.IntN(40))
		for i := range runes {
			runes[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := []byte(string(runes))
		offsets := make([]int, 0, len(runes)+1) // byte offset of each code point, and the end
		for i := range string(s) {
			offsets = append(offsets, i)
		}
		offsets = append(offsets, len(s))
		for from := range offsets {
			for n := 0; from+n < len(offsets); n++ {
				if got := skipRunes(s, offsets[from], n); got != offsets[from+n] {
					t.Fatalf("skipRunes(%q, %d, %d) = %d, want %d", s, offsets[from], n, got, offsets[from+n])
				}
				if got := skipRunesBack(s, offsets[from+n], n); got != offsets[from] {
					t.Fatalf("skipRunesBack(%q, %d, %d) = %d, want %d", s, offsets[from+n], n, got, offsets[from])
				}
			}
		}
		if len(offsets)-1 != utf8.RuneCount(s) {
			t.Fatalf("test setup: %d offsets for %d code points", len(offsets)-1, utf8.RuneCount(s))
		}
	}
}

func TestApplyDeltaWrongLength(t *testing.T) {
	// A chain that lost count of its text's length must fail, not panic:
	// here the runs before the longest end after those behind it begin.
	old := []byte("abc")
	if got, _, err := new(deltaApplier).apply(nil, old, 7, "=2\t-3\t=2"); err == nil {
		t.Errorf("applyDelta(%q as 7 code points, =2 -3 =2) = %q, want an error", old, got)
	}
}
