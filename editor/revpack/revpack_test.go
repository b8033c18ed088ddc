package revpack_test

import (
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/revpack"
)

var words = strings.Fields(`the minister said “very serious” threat to <security> & trade
	China's “hostile” state — Sir Iain told the Commons "we must act" café naïve 10% £5bn
	reporting by Press Association`)

// randomText is n words with paragraph breaks, as an editor types them.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			if r.Intn(40) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(words[r.Intn(len(words))])
	}
	return b.String()
}

// runeCut is a random place in s on a code point's boundary.
func runeCut(r *rand.Rand, s string) int {
	if s == "" {
		return 0
	}
	i := r.Intn(len(s) + 1)
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// edit makes one random change to a story, as a save would: words typed,
// cut or replaced in the body (quote anchors following them), now and then
// another field, a quote added or dropped.
func edit(r *rand.Rand, s *editor.Story) {
	a := runeCut(r, s.Body)
	b := a + runeCut(r, s.Body[a:][:min(len(s.Body)-a, 40)])
	ins := ""
	if r.Intn(3) > 0 {
		ins = randomText(r, 1+r.Intn(4)) + " "
	}
	s.Body = s.Body[:a] + ins + s.Body[b:]
	for i := range s.Quotes {
		for _, p := range []*int{&s.Quotes[i].Anchor.Start, &s.Quotes[i].Anchor.End} {
			switch {
			case *p >= b:
				*p += len(ins) - (b - a)
			case *p > a:
				*p = a
			}
		}
	}
	switch r.Intn(12) {
	case 0:
		s.Headline = randomText(r, 6)
	case 1:
		s.Tags = append(s.Tags, words[r.Intn(len(words))])
	case 2:
		start := runeCut(r, s.Body)
		end := start + runeCut(r, s.Body[start:][:min(len(s.Body)-start, 30)])
		s.Quotes = append(s.Quotes, editor.Quote{ID: fmt.Sprint(r.Int()), Speaker: "Iain Duncan Smith", Text: s.Body[start:end],
			Verb: "said", Anchor: editor.Anchor{Exact: s.Body[start:end], Start: start, End: end}})
	case 3:
		if len(s.Quotes) > 0 {
			s.Quotes = s.Quotes[1:]
		}
	case 4:
		s.Body = ""
	}
}

// history makes n revisions of a story of words words by random edits.
func history(seed int64, n, words int) [][]byte {
	r := rand.New(rand.NewSource(seed))
	s := &editor.Story{Headline: "China threat", Body: randomText(r, words), Status: editor.StatusDraft}
	out := [][]byte{s.Content()}
	for len(out) < n {
		edit(r, s)
		out = append(out, s.Content())
	}
	return out
}

// stored packs a history as storage does, with revpack.Next.
func stored(contents [][]byte) (recs [][]byte, chains []revpack.Chain) {
	var c revpack.Chain
	var prev []byte
	for _, content := range contents {
		var rec []byte
		rec, c = revpack.Next(prev, content, c)
		recs, chains, prev = append(recs, rec), append(chains, c), content
	}
	return recs, chains
}

func sums(contents [][]byte) []string {
	out := make([]string, len(contents))
	for i, c := range contents {
		out[i] = editor.ContentHash(c)
	}
	return out
}

func TestRoundTripRandomEdits(t *testing.T) {
	for seed := int64(1); seed <= 30; seed++ {
		contents := history(seed, 150, 20+int(seed)*30)
		recs, chains := stored(contents)
		for i := range contents {
			start := i - chains[i].Depth
			if !revpack.IsSnapshot(recs[start]) {
				t.Fatalf("seed %d: revision %d's chain starts at %d, which is no snapshot", seed, i+1, start+1)
			}
			got, err := revpack.Rebuild(recs[start:i+1], editor.ContentHash(contents[i]))
			if err != nil || string(got) != string(contents[i]) {
				t.Fatalf("seed %d: Rebuild(revision %d) = %.80q, %v, want %.80q", seed, i+1, got, err, contents[i])
			}
		}
		all, err := revpack.RebuildAll(recs, sums(contents))
		if err != nil {
			t.Fatalf("seed %d: RebuildAll: %v", seed, err)
		}
		for i := range all {
			if string(all[i]) != string(contents[i]) {
				t.Fatalf("seed %d: RebuildAll revision %d = %.80q, want %.80q", seed, i+1, all[i], contents[i])
			}
		}
	}
}

func TestDeltaOfContentWithoutBody(t *testing.T) {
	story := (&editor.Story{Headline: "A", Body: "one two"}).Content()
	tests := [][2]string{
		{"no body at all", "no body either"},
		{string(story), `{"other":"thing"}`},
		{`{"x":1}`, string(story)},
		{`{"body":"a\u00e9"}`, `{"body":"a\u00e9b"}`}, // spelt as encoding/json would not
		{`{"body":"", "start":12}`, `{"body":"x", "start":13}`},
		{"", ""},
		{string(story), string((&editor.Story{Headline: "A", Body: "one\x01 two\t😀 \u2028 <b>&amp;</b> \"x\" \\ \r\n"}).Content())},
	}
	for _, tt := range tests {
		rec := revpack.Delta([]byte(tt[0]), []byte(tt[1]))
		got, err := revpack.Rebuild([][]byte{revpack.Snapshot([]byte(tt[0])), rec}, editor.ContentHash([]byte(tt[1])))
		if err != nil || string(got) != tt[1] {
			t.Errorf("Rebuild(Snapshot(%q), Delta(…, %q)) = %q, %v", tt[0], tt[1], got, err)
		}
	}
}

func TestRebuildCorrupt(t *testing.T) {
	contents := history(7, 40, 300)
	recs, chains := stored(contents)
	last := len(recs) - 1
	chain := recs[last-chains[last].Depth:]
	want := editor.ContentHash(contents[last])
	flip := func(b []byte, i int) []byte {
		c := append([]byte(nil), b...)
		c[i%len(c)] ^= 0x55
		return c
	}
	tests := []struct {
		name  string
		chain [][]byte
		sum   string
	}{
		{"nothing", nil, want},
		{"a delta first", chain[1:], want},
		{"another hash", chain, editor.ContentHash(contents[0])},
		{"an empty record", append(append([][]byte(nil), chain[:len(chain)-1]...), nil), want},
		{"an unknown kind", append(append([][]byte(nil), chain[:len(chain)-1]...), []byte{9, 1, 2}), want},
		{"a byte changed in the snapshot", append([][]byte{flip(chain[0], 7)}, chain[1:]...), want},
		{"a byte changed in the last delta", append(append([][]byte(nil), chain[:len(chain)-1]...), flip(chain[len(chain)-1], 1)), want},
		{"a delta too long for its base", [][]byte{revpack.Snapshot([]byte("ab")), {3, 200, 1}}, want},
	}
	for _, tt := range tests {
		got, err := revpack.Rebuild(tt.chain, tt.sum)
		if !errors.Is(err, editor.ErrCorrupt) {
			t.Errorf("%s: Rebuild = %.40q, %v, want an error wrapping ErrCorrupt", tt.name, got, err)
		}
	}
	bad := append([][]byte(nil), recs...)
	bad[20] = flip(bad[20], 2)
	if _, err := revpack.RebuildAll(bad, sums(contents)); !errors.Is(err, editor.ErrCorrupt) || !strings.Contains(err.Error(), "revision 2") {
		t.Errorf("RebuildAll with revision 21 damaged: %v, want ErrCorrupt naming a revision", err)
	}
}

func TestShouldSnapshot(t *testing.T) {
	tests := []struct {
		depth, chain, snap int
		want               bool
	}{
		{0, 10, 1000, false},
		{revpack.MaxChain - 1, 900, 1000, false},
		{revpack.MaxChain, 10, 1000, true},
		{3, 1001, 1000, true},
	}
	for _, tt := range tests {
		if got := revpack.ShouldSnapshot(tt.depth, tt.chain, tt.snap); got != tt.want {
			t.Errorf("ShouldSnapshot(%d, %d, %d) = %v, want %v", tt.depth, tt.chain, tt.snap, got, tt.want)
		}
	}
}

// TestSmallEditIsSmall: a word changed before every quote costs a few
// bytes, the anchors' offsets moving for nothing.
func TestSmallEditIsSmall(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	s := &editor.Story{Headline: "China threat", Body: randomText(r, 400)}
	for i := 0; i < 10; i++ {
		at := 1000 + 100*i
		s.Quotes = append(s.Quotes, editor.Quote{ID: fmt.Sprint(i), Anchor: editor.Anchor{Exact: s.Body[at : at+20], Start: at, End: at + 20}})
	}
	prev := s.Content()
	s.Body = "Breaking: " + s.Body
	for i := range s.Quotes {
		s.Quotes[i].Anchor.Start += 10
		s.Quotes[i].Anchor.End += 10
	}
	rec := revpack.Delta(prev, s.Content())
	if len(rec) > 20 {
		t.Errorf("Delta of a word typed before ten quotes is %d bytes (%q), want at most 20", len(rec), rec)
	}
}
