package editor

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// anchorContext is how much text before and after a quote its anchor keeps,
// in bytes (rounded to whole characters).
const anchorContext = 32

// NewAnchor anchors the words body[start:end].
func NewAnchor(body string, start, end int) Anchor {
	p := start - anchorContext
	for p > 0 && !utf8.RuneStart(body[p]) {
		p--
	}
	s := end + anchorContext
	if s >= len(body) {
		s = len(body)
	}
	for s < len(body) && !utf8.RuneStart(body[s]) {
		s++
	}
	return Anchor{Exact: body[start:end], Prefix: body[max(p, 0):start], Suffix: body[end:s], Start: start, End: end}
}

// QuoteState says whether a quote's words are still in the body as recorded.
type QuoteState string

// The states of a quote.
const (
	QuoteStateOK      QuoteState = "ok"      // the words are in the body, between quotation marks, unchanged
	QuoteStateChanged QuoteState = "changed" // found, but the words inside the marks differ from the record
	QuoteStateMissing QuoteState = "missing" // no quoted words in the body are close enough to the record
)

// QuoteEdit is one step of the word diff between a quote's recorded words and
// the words now in the body.
type QuoteEdit struct {
	Op   string `json:"op"` // "equal", "insert" (in the body, not in the record) or "delete"
	Text string `json:"text"`
}

// Placement is where a quote was found in the current body.
type Placement struct {
	State  QuoteState
	Anchor Anchor      // the new anchor; the old one when the quote is missing
	Edits  []QuoteEdit // the word diff of record and body; empty when ok
}

// Changed lists the words of the record that the body changed, and what it
// has instead: "threat → menace".
func (p Placement) Changed() []string {
	var out []string
	for i := 0; i < len(p.Edits); i++ {
		e := p.Edits[i]
		switch e.Op {
		case "delete":
			if i+1 < len(p.Edits) && p.Edits[i+1].Op == "insert" {
				out = append(out, strings.TrimSpace(e.Text)+" → "+strings.TrimSpace(p.Edits[i+1].Text))
				i++
				continue
			}
			out = append(out, strings.TrimSpace(e.Text)+" → (cut)")
		case "insert":
			out = append(out, "(added) "+strings.TrimSpace(e.Text))
		}
	}
	return out
}

// minQuoteSimilarity is the share of a quote's words that quoted words in the
// body must keep to be taken for it, changed, rather than reported missing.
const minQuoteSimilarity = 0.5

// Place finds a quote in the body after edits. Only words between quotation
// marks can be the quote: words whose marks were deleted are missing. The
// quoted words that match the record exactly win, the nearest to the old
// anchor first; otherwise the most similar, with a lead for those where the
// fuzzy matcher locates the quote's opening words near the old anchor.
func Place(body string, q Quote) Placement {
	return newQuotePlacer(body).place(q)
}

// Reanchor moves the anchor of each quote to where Place finds it in body
// and returns their states, in order. A missing quote keeps its old anchor;
// a changed one is anchored to the words that now stand in its place, while
// its Text stays the record of what was said.
func Reanchor(body string, quotes []Quote) []QuoteState {
	pl := newQuotePlacer(body)
	states := make([]QuoteState, len(quotes))
	for i := range quotes {
		p := pl.place(quotes[i])
		states[i] = p.State
		quotes[i].Anchor = p.Anchor
	}
	return states
}

// quotePlacer holds a body's quoted spans, read once for all its quotes.
type quotePlacer struct {
	body   string
	spans  []QuotedSpan
	words  []string         // QuoteWords of each span
	folded [][]string       // their words, folded for comparing
	counts []int            // words in each span
	byText map[string][]int // span indexes by their words
	byBare map[string][]int // span indexes by their words less a final full stop or comma
}

func newQuotePlacer(body string) *quotePlacer {
	pl := &quotePlacer{body: body, spans: QuotedSpans(body), byText: map[string][]int{}, byBare: map[string][]int{}}
	for i, s := range pl.spans {
		w := QuoteWords(body[s.Start:s.End])
		f := quoteFoldedWords(w)
		pl.words = append(pl.words, w)
		pl.folded = append(pl.folded, f)
		pl.counts = append(pl.counts, len(f))
		pl.byText[w] = append(pl.byText[w], i)
		pl.byBare[bareQuote(w)] = append(pl.byBare[bareQuote(w)], i)
	}
	return pl
}

func (pl *quotePlacer) place(q Quote) Placement {
	want := q.Text
	if want == "" {
		want = QuoteWords(q.Anchor.Exact)
	}
	best := pl.nearest(pl.byText[want], q.Anchor)
	if best < 0 {
		// A full stop or comma that moved across the closing mark, or that
		// house style turned one into the other before an attribution, does
		// not change what was said.
		best = pl.nearest(pl.byBare[bareQuote(want)], q.Anchor)
	}
	if best >= 0 {
		s := pl.spans[best]
		return Placement{State: QuoteStateOK, Anchor: NewAnchor(pl.body, s.Start, s.End)}
	}
	wantWords := quoteFoldedWords(want)
	n := len(wantWords)
	wantCounts := make(map[string]int, n)
	for _, w := range wantWords {
		wantCounts[w]++
	}
	// Near the old anchor first: an edit moves a quote a little, and a long
	// story need not be compared quote by quote with every other.
	lo := sort.Search(len(pl.spans), func(i int) bool { return pl.spans[i].End >= q.Anchor.Start-nearQuote })
	hi := sort.Search(len(pl.spans), func(i int) bool { return pl.spans[i].Start > q.Anchor.End+nearQuote })
	cands := pl.similar(wantCounts, n, lo, hi)
	if len(cands) == 0 && (lo > 0 || hi < len(pl.spans)) {
		cands = pl.similar(wantCounts, n, 0, len(pl.spans))
	}
	// When several spans are alike, the one where the fuzzy matcher finds the
	// quote's opening words, near the old anchor, takes a lead.
	hint := -1
	if len(cands) > 1 {
		hint = locateQuote(pl.body, q.Anchor, want)
	}
	bestScore := 0.0
	for _, c := range cands {
		s := pl.spans[c.span]
		score := c.share
		if hint >= 0 && hint >= s.Open && hint <= s.End {
			score += 0.25
		}
		if best < 0 || score > bestScore {
			best, bestScore = c.span, score
		}
	}
	if best < 0 {
		return Placement{State: QuoteStateMissing, Anchor: q.Anchor}
	}
	s := pl.spans[best]
	return Placement{State: QuoteStateChanged, Anchor: NewAnchor(pl.body, s.Start, s.End), Edits: quoteWordDiff(want, pl.words[best])}
}

// nearest is the span among spans that starts closest to the old anchor; -1
// when there is none.
func (pl *quotePlacer) nearest(spans []int, a Anchor) int {
	best := -1
	for _, i := range spans {
		if best < 0 || quoteDistance(pl.spans[i].Start-a.Start) < quoteDistance(pl.spans[best].Start-a.Start) {
			best = i
		}
	}
	return best
}

// bareQuote is a quote's words without the full stop or comma that ends
// them: that mark belongs to the sentence around the quote as much as to the
// quote, and moves inside or outside the closing mark with house style.
func bareQuote(words string) string {
	return strings.TrimRight(strings.TrimRightFunc(words, unicode.IsSpace), ".,")
}

// nearQuote is how far from its old anchor, in bytes, a changed quote is
// looked for before the whole body is.
const nearQuote = 20000

// candidate is a quoted span like a quote's words, and how alike.
type candidate struct {
	span  int
	share float64
}

// similar lists the spans among spans[lo:hi] that keep enough of a quote's
// words to be taken for it.
func (pl *quotePlacer) similar(wantCounts map[string]int, n, lo, hi int) []candidate {
	var cands []candidate
	for i := lo; i < hi; i++ {
		// Similar enough needs at least half the words of the longer text.
		if float64(pl.counts[i]) < minQuoteSimilarity*float64(n) || float64(n) < minQuoteSimilarity*float64(pl.counts[i]) {
			continue
		}
		if share := sharedShare(wantCounts, n, pl.folded[i]); share >= minQuoteSimilarity {
			cands = append(cands, candidate{i, share})
		}
	}
	return cands
}

// locateQuote uses go-diff's fuzzy matcher to find where the quote's opening
// words now stand, near where they were; -1 when it finds nothing. It looks
// in a window around the old anchor, as far as the matcher would reach.
func locateQuote(body string, a Anchor, want string) int {
	pattern := want
	if len(pattern) > 32 {
		cut := 32
		for cut > 0 && !utf8.RuneStart(pattern[cut]) {
			cut--
		}
		pattern = pattern[:cut]
	}
	if pattern == "" {
		return -1
	}
	const distance = 1000
	from := max(0, min(a.Start, len(body))-distance)
	to := min(len(body), max(a.Start, 0)+len(want)+distance)
	dmp := diffmatchpatch.New()
	dmp.MatchDistance = distance
	loc := dmp.MatchMain(body[from:to], pattern, min(a.Start, len(body))-from)
	if loc < 0 {
		return -1
	}
	return from + loc
}

// quoteWordDiff compares two texts word by word: each word and each run of
// space becomes one rune, so the diff never splits a word.
func quoteWordDiff(from, to string) []QuoteEdit {
	ids := map[string]rune{}
	var vocab []string
	encode := func(s string) []rune {
		toks := quoteTokens(s)
		rs := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := ids[t]
			if !ok {
				r = rune(0xE000 + len(vocab)) // private use area, past any control rune
				if len(vocab) >= 0x1900 {
					r = rune(0xF0000 + len(vocab))
				}
				ids[t] = r
				vocab = append(vocab, t)
			}
			rs[i] = r
		}
		return rs
	}
	a, b := encode(from), encode(to)
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(a, b, false))
	edits := make([]QuoteEdit, 0, len(diffs))
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			if r >= 0xF0000 {
				sb.WriteString(vocab[r-0xF0000])
			} else {
				sb.WriteString(vocab[r-0xE000])
			}
		}
		op := "equal"
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = "insert"
		case diffmatchpatch.DiffDelete:
			op = "delete"
		}
		edits = append(edits, QuoteEdit{Op: op, Text: sb.String()})
	}
	return edits
}

// quoteTokens splits text into runs of word characters, runs of space, and
// single punctuation marks.
func quoteTokens(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += s2
			}
		case isQuoteWordRune(r):
			for j < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[j:])
				if !isQuoteWordRune(r2) && !(r2 == '’' || r2 == '\'' || r2 == '-') {
					break
				}
				j += s2
			}
		}
		toks = append(toks, s[i:j])
		i = j
	}
	return toks
}

func isQuoteWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sharedShare is the share of words two texts have in common, against the
// longer of the two: the first given by its word counts and length.
func sharedShare(counts map[string]int, n int, words []string) float64 {
	if n == 0 || len(words) == 0 {
		return 0
	}
	used := make(map[string]int, len(words))
	shared := 0
	for _, w := range words {
		if used[w] < counts[w] {
			used[w]++
			shared++
		}
	}
	return float64(shared) / float64(max(n, len(words)))
}

func quoteFoldedWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !isQuoteWordRune(r) && r != '’' && r != '\''
	})
}

func quoteDistance(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
