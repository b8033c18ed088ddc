package editor

import (
	"slices"
	"testing"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

func TestTokenMapWholeRejectsSplitRunes(t *testing.T) {
	m := newTokenMap()
	tokens := make([]string, 300)
	for i := range tokens {
		tokens[i] = "w" + itoa(i)
	}
	r := m.runes(tokens)
	whole := string(r[200:202])
	tests := []struct {
		text string
		ok   bool
	}{
		{whole, true},
		{whole[:1], false},          // the first byte of a two-byte rune
		{string(rune(5000)), false}, // a rune no token maps to
	}
	for _, tt := range tests {
		diffs := []diffmatchpatch.Diff{{Type: diffmatchpatch.DiffEqual, Text: tt.text}}
		ok := m.whole(diffs)
		if ok != tt.ok {
			t.Errorf("tokenMap.whole(%q) = %v, want %v", tt.text, ok, tt.ok)
		}
		if !ok {
			continue
		}
		if ops := m.ops(diffs); len(ops) != 1 || ops[0].Text != "w200w201" {
			t.Errorf("tokenMap.ops(%q) = %v, want one equal op w200w201", tt.text, ops)
		}
	}
	for _, n := range []int{0, 0xD7FF, 0xD800, 0xFFFF, 0x10F7FF} {
		if got := tokenIndex(tokenRuneFor(n)); got != n {
			t.Errorf("tokenIndex(tokenRuneFor(%d)) = %d, want %d", n, got, n)
		}
		if r := tokenRuneFor(n); r >= 0xD800 && r < 0xE000 {
			t.Errorf("tokenRuneFor(%d) = %U, a surrogate", n, r)
		}
	}
}

func TestDiffRunesPastDeadline(t *testing.T) {
	dmp := diffmatchpatch.New()
	got := diffRunes(dmp, []rune("abc"), []rune("abd"), time.Now().Add(-time.Second))
	want := []diffmatchpatch.Diff{{Type: diffmatchpatch.DiffDelete, Text: "abc"}, {Type: diffmatchpatch.DiffInsert, Text: "abd"}}
	if !slices.Equal(got, want) {
		t.Errorf("diffRunes past its deadline = %v, want %v", got, want)
	}
	if got := diffRunes(dmp, nil, nil, time.Now().Add(-time.Second)); len(got) != 0 {
		t.Errorf("diffRunes(nil, nil) past its deadline = %v, want nothing", got)
	}
	got = diffRunes(dmp, []rune("abc"), []rune("abd"), time.Now().Add(time.Second))
	want = []diffmatchpatch.Diff{{Type: diffmatchpatch.DiffEqual, Text: "ab"}, {Type: diffmatchpatch.DiffDelete, Text: "c"}, {Type: diffmatchpatch.DiffInsert, Text: "d"}}
	if !slices.Equal(got, want) {
		t.Errorf("diffRunes in time = %v, want %v", got, want)
	}
}

func TestLineIndex(t *testing.T) {
	x := newLineIndex()
	a, b := []rune{1, 2, 3}, []rune{1, 2, 4}
	// A line with a's hash but other runes is already known: a must not
	// be taken for it.
	x.byHash[lineHash(a)] = []lineID{{line: b, id: 'b'}}
	x.n = 1000
	idA := x.id(a)
	if idA == 'b' {
		t.Errorf("lineIndex gave line %v the id of %v, which has the same hash", a, b)
	}
	if got := x.id([]rune{1, 2, 3}); got != idA {
		t.Errorf("lineIndex gave the same line two ids, %d and %d", idA, got)
	}
	if got := x.id(b); got == idA {
		t.Errorf("lineIndex gave different lines the same id %d", got)
	}
}
