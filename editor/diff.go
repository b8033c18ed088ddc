package editor

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// OpKind says what a diff operation does to the old text.
type OpKind string

// The kinds of diff operation; their names are part of the JSON contract
// (DESIGN.md, "diff --format json").
const (
	OpEqual  OpKind = "equal"
	OpInsert OpKind = "insert"
	OpDelete OpKind = "delete"
)

// Op is one step of a word diff: text kept, inserted or deleted. The equal and
// delete texts of a diff, joined, give the old text; the equal and insert texts
// give the new one.
type Op struct {
	Op   OpKind `json:"op"`
	Text string `json:"text"`
}

// DiffText compares two texts word by word: both are split into word, space
// and punctuation tokens, the token sequences are diffed and cleaned up
// semantically, so a change reads as a subeditor's mark ("said" → "says")
// rather than as changed letters. Adjacent operations of the same kind are
// merged; identical texts give one equal operation, or none when both are
// empty. The result is never nil, so that it encodes as a JSON array.
func DiffText(old, new string) []Op {
	return diffTokens(diffTokenize(old), diffTokenize(new))
}

// diffTokens diffs two token sequences.
func diffTokens(a, b []string) []Op {
	m := newTokenMap()
	return m.ops(m.diff(m.runes(a), m.runes(b)))
}

// diffWork bounds the work one diff may do, counted in the steps of the
// search for its fewest changes (see searchWithin). Past it what is left is
// marked replaced whole, which is still exact; two unrelated 10,000-word texts
// would otherwise take seconds. The bound is work, not time, so the same two
// texts give the same diff on a quiet machine and on a loaded one.
const diffWork = 20_000_000

// diffSafety is go-diff's own time limit, a net that edits within diffWork
// stay far inside. A time limit also lets go-diff split a long diff at a
// shared middle stretch first, which it does only when it has one.
const diffSafety = 10 * time.Second

// diff diffs two sequences of token runes and cleans the result up
// semantically.
func (m *tokenMap) diff(a, b []rune) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = diffSafety
	work := diffWork
	raw := diffByLines(dmp, m, a, b, &work)
	clean := dmp.DiffCleanupSemantic(cloneDiffs(raw))
	if !m.whole(clean) {
		// go-diff's cleanup measures some lengths in bytes and others in
		// runes, which could split a multi-byte token rune; the raw diff is
		// always whole runes, so fall back to it rather than lose text.
		return raw
	}
	return clean
}

// diffRunes diffs a and b when the search for their fewest changes fits in
// the work left, and takes what it spent from it; otherwise the stretch
// between their common prefix and suffix is marked deleted and inserted
// whole.
func diffRunes(dmp *diffmatchpatch.DiffMatchPatch, a, b []rune, work *int) []diffmatchpatch.Diff {
	p := tokenPrefix(a, b)
	s := tokenSuffix(a[p:], b[p:])
	if p+s == len(a) || p+s == len(b) {
		return dmp.DiffMainRunes(a, b, false) // only insertions or only deletions
	}
	if spent, ok := searchWithin(a[p:len(a)-s], b[p:len(b)-s], *work); ok {
		*work -= spent
		return dmp.DiffMainRunes(a, b, false)
	}
	var out []diffmatchpatch.Diff
	add := func(op diffmatchpatch.Operation, r []rune) {
		if len(r) > 0 {
			out = append(out, diffmatchpatch.Diff{Type: op, Text: string(r)})
		}
	}
	add(diffmatchpatch.DiffEqual, a[:p])
	add(diffmatchpatch.DiffDelete, a[p:len(a)-s])
	add(diffmatchpatch.DiffInsert, b[p:len(b)-s])
	add(diffmatchpatch.DiffEqual, a[len(a)-s:])
	return out
}

// searchWithin runs Myers' greedy search for the fewest insertions and
// deletions that turn a into b (the search go-diff's bisection runs from both
// ends), counting each diagonal it tries and each token it compares, and
// reports what it spent and whether it finished within work. Finding d
// changes costs at least d² steps, so no more than √work changes are tried.
func searchWithin(a, b []rune, work int) (spent int, ok bool) {
	n, m := len(a), len(b)
	dmax := min(n+m, int(math.Sqrt(float64(work)))+1)
	off := dmax + 1
	v := make([]int, 2*dmax+3) // v[off+k]: the furthest x reached on diagonal k
	for d := 0; d <= dmax; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			start := x
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			spent += 1 + x - start
			v[off+k] = x
			if x >= n && y >= m {
				return spent, true
			}
			if spent > work {
				return spent, false
			}
		}
	}
	return spent, false
}

// tokenPrefix is the number of runes a and b start with alike.
func tokenPrefix(a, b []rune) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// tokenSuffix is the number of runes a and b end with alike.
func tokenSuffix(a, b []rune) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[len(a)-1-i] != b[len(b)-1-i] {
			return i
		}
	}
	return n
}

// diffByLines diffs token runes a and b line by line first, then token by
// token inside the lines that changed, as go-diff's line mode does for
// characters: a long story with a few edits is then diffed in a fraction of
// the time, and the result is the same but for rare, equally valid choices.
func diffByLines(dmp *diffmatchpatch.DiffMatchPatch, m *tokenMap, a, b []rune, work *int) []diffmatchpatch.Diff {
	la, lb := m.lines(a), m.lines(b)
	if len(la) < 3 && len(lb) < 3 {
		return diffRunes(dmp, a, b, work)
	}
	lineIDs := newLineIndex()
	lineRunes := func(lines [][]rune) []rune {
		out := make([]rune, len(lines))
		for i, l := range lines {
			out[i] = lineIDs.id(l)
		}
		return out
	}
	var out []diffmatchpatch.Diff
	var del, ins []rune
	flush := func() {
		if len(del) > 0 || len(ins) > 0 {
			out = append(out, diffRunes(dmp, del, ins, work)...)
		}
		del, ins = del[:0], ins[:0]
	}
	ia, ib := 0, 0
	for _, d := range diffRunes(dmp, lineRunes(la), lineRunes(lb), work) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			var eq []rune
			for _, l := range la[ia : ia+n] {
				eq = append(eq, l...)
			}
			out = append(out, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(eq)})
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			for _, l := range la[ia : ia+n] {
				del = append(del, l...)
			}
			ia += n
		case diffmatchpatch.DiffInsert:
			for _, l := range lb[ib : ib+n] {
				ins = append(ins, l...)
			}
			ib += n
		}
	}
	flush()
	return dmp.DiffCleanupMerge(out)
}

// lineIndex gives each distinct line of token runes its own rune, finding
// lines by a hash of their runes rather than converting each to a string.
type lineIndex struct {
	byHash map[uint64][]lineID
	n      int
}

type lineID struct {
	line []rune
	id   rune
}

func newLineIndex() *lineIndex {
	return &lineIndex{byHash: map[uint64][]lineID{}}
}

func (x *lineIndex) id(line []rune) rune {
	h := lineHash(line)
	for _, l := range x.byHash[h] {
		if slices.Equal(l.line, line) {
			return l.id
		}
	}
	id := tokenRuneFor(x.n)
	x.n++
	x.byHash[h] = append(x.byHash[h], lineID{line, id})
	return id
}

// lineHash is the FNV-1a hash of a line's runes.
func lineHash(line []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range line {
		h = (h ^ uint64(r)) * 1099511628211
	}
	return h
}

// lines splits token runes after each token that holds a line break.
func (m *tokenMap) lines(rs []rune) [][]rune {
	var out [][]rune
	start := 0
	for i, r := range rs {
		if strings.IndexByte(m.tokens[tokenIndex(r)], '\n') >= 0 {
			out = append(out, rs[start:i+1])
			start = i + 1
		}
	}
	if start < len(rs) {
		out = append(out, rs[start:])
	}
	return out
}

func cloneDiffs(d []diffmatchpatch.Diff) []diffmatchpatch.Diff {
	return append([]diffmatchpatch.Diff(nil), d...)
}

// tokenMap gives each distinct token its own rune, so that go-diff's
// character diff becomes a token diff.
type tokenMap struct {
	index  map[string]rune
	tokens []string
}

func newTokenMap() *tokenMap {
	return &tokenMap{index: map[string]rune{}}
}

// tokenRuneFor maps the nth distinct token to a valid rune, skipping the
// surrogate range, which does not survive a round trip through a string.
func tokenRuneFor(n int) rune {
	if n >= 0xD800 {
		n += 0x800
	}
	return rune(n)
}

func tokenIndex(r rune) int {
	n := int(r)
	if n >= 0xE000 {
		n -= 0x800
	}
	return n
}

func (m *tokenMap) runes(tokens []string) []rune {
	out := make([]rune, len(tokens))
	for i, t := range tokens {
		r, ok := m.index[t]
		if !ok {
			r = tokenRuneFor(len(m.tokens))
			m.index[t] = r
			m.tokens = append(m.tokens, t)
		}
		out[i] = r
	}
	return out
}

// whole reports whether every diff text is a sequence of token runes.
func (m *tokenMap) whole(diffs []diffmatchpatch.Diff) bool {
	for _, d := range diffs {
		for s := d.Text; s != ""; {
			r, size := utf8.DecodeRuneInString(s)
			if r == utf8.RuneError && size <= 1 {
				return false
			}
			if i := tokenIndex(r); i < 0 || i >= len(m.tokens) {
				return false
			}
			s = s[size:]
		}
	}
	return true
}

// ops maps a diff of token runes, as whole accepts, back to text.
func (m *tokenMap) ops(diffs []diffmatchpatch.Diff) []Op {
	out := []Op{}
	var sb strings.Builder
	for _, d := range diffs {
		sb.Reset()
		for _, r := range d.Text {
			sb.WriteString(m.tokens[tokenIndex(r)])
		}
		out = appendOp(out, opKind(d.Type), sb.String())
	}
	return out
}

// text joins the tokens that runes stand for.
func (m *tokenMap) text(rs []rune) string {
	var sb strings.Builder
	for _, r := range rs {
		sb.WriteString(m.tokens[tokenIndex(r)])
	}
	return sb.String()
}

func opKind(t diffmatchpatch.Operation) OpKind {
	switch t {
	case diffmatchpatch.DiffInsert:
		return OpInsert
	case diffmatchpatch.DiffDelete:
		return OpDelete
	}
	return OpEqual
}

// appendOp adds an operation, merging it into the last one of the same kind.
func appendOp(ops []Op, kind OpKind, text string) []Op {
	if text == "" {
		return ops
	}
	if n := len(ops); n > 0 && ops[n-1].Op == kind {
		ops[n-1].Text += text
		return ops
	}
	return append(ops, Op{Op: kind, Text: text})
}

// OldText joins the equal and delete texts of ops: the text before the change.
func OldText(ops []Op) string {
	return joinOps(ops, OpDelete)
}

// NewText joins the equal and insert texts of ops: the text after the change.
func NewText(ops []Op) string {
	return joinOps(ops, OpInsert)
}

func joinOps(ops []Op, side OpKind) string {
	var sb strings.Builder
	for _, o := range ops {
		if o.Op == OpEqual || o.Op == side {
			sb.WriteString(o.Text)
		}
	}
	return sb.String()
}
