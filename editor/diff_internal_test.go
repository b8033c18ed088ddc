package editor

import (
	"slices"
	"testing"

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

func TestDiffRunesWork(t *testing.T) {
	dmp := diffmatchpatch.New()
	tests := []struct {
		name      string
		a, b      string
		work      int
		want      []diffmatchpatch.Diff
		leftAfter int
	}{
		{"over budget: the changed stretch replaced whole", "xabcy", "xabdy", 1, []diffmatchpatch.Diff{
			{Type: diffmatchpatch.DiffEqual, Text: "xab"}, {Type: diffmatchpatch.DiffDelete, Text: "c"},
			{Type: diffmatchpatch.DiffInsert, Text: "d"}, {Type: diffmatchpatch.DiffEqual, Text: "y"}}, 1},
		{"over budget, nothing alike", "abc", "xyz", 0, []diffmatchpatch.Diff{
			{Type: diffmatchpatch.DiffDelete, Text: "abc"}, {Type: diffmatchpatch.DiffInsert, Text: "xyz"}}, 0},
		{"nothing to diff", "", "", 0, nil, 0},
		{"within budget: the fewest changes", "abc", "abd", 100, []diffmatchpatch.Diff{
			{Type: diffmatchpatch.DiffEqual, Text: "ab"}, {Type: diffmatchpatch.DiffDelete, Text: "c"},
			{Type: diffmatchpatch.DiffInsert, Text: "d"}}, 100 - 5},
	}
	for _, tt := range tests {
		work := tt.work
		got := diffRunes(dmp, []rune(tt.a), []rune(tt.b), &work)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: diffRunes = %v, want %v", tt.name, got, tt.want)
		}
		if work != tt.leftAfter {
			t.Errorf("%s: work left = %d, want %d", tt.name, work, tt.leftAfter)
		}
	}
}

func TestSearchWithin(t *testing.T) {
	tests := []struct {
		a, b  string
		work  int
		spent int
		ok    bool
	}{
		{"", "", 10, 1, true},
		{"same", "same", 10, 5, true},
		{"abc", "abd", 100, 7, true},
		{"abc", "abd", 3, 4, false},   // gives up once past its work
		{"ab", "xyz", 1000, 18, true}, // 5 changes: 1+2+3+4+5 diagonals, then 3 of 6
		{"aaaa", "bbbb", 100, 41, true},
		{"aaaa", "bbbb", 20, 0, false},
	}
	for _, tt := range tests {
		spent, ok := searchWithin([]rune(tt.a), []rune(tt.b), tt.work)
		if ok != tt.ok || (tt.spent > 0 && spent != tt.spent) {
			t.Errorf("searchWithin(%q, %q, %d) = %d, %v, want %d, %v", tt.a, tt.b, tt.work, spent, ok, tt.spent, tt.ok)
		}
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
