package editor

import (
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
// marks can be the quote: words whose marks were deleted are missing. Among
// the quoted spans, the one the fuzzy matcher locates near the old anchor is
// preferred, then the most similar.
func Place(body string, q Quote) Placement {
	want := q.Text
	if want == "" {
		want = QuoteWords(q.Anchor.Exact)
	}
	spans := QuotedSpans(body)
	if len(spans) == 0 {
		return Placement{State: QuoteStateMissing, Anchor: q.Anchor}
	}
	hint := locateQuote(body, q.Anchor, want)
	best, bestScore := -1, 0.0
	for i, s := range spans {
		got := QuoteWords(body[s.Start:s.End])
		if got == want {
			score := 2.0
			if hint >= 0 && hint >= s.Open && hint <= s.End {
				score = 3
			}
			score -= float64(quoteDistance(s.Start-q.Anchor.Start)) / float64(len(body)+1)
			if best < 0 || score > bestScore {
				best, bestScore = i, score
			}
			continue
		}
		sim := quoteSimilarity(want, got)
		if sim < minQuoteSimilarity {
			continue
		}
		if hint >= 0 && hint >= s.Open && hint <= s.End {
			sim += 0.25
		}
		if best < 0 || sim > bestScore {
			best, bestScore = i, sim
		}
	}
	if best < 0 {
		return Placement{State: QuoteStateMissing, Anchor: q.Anchor}
	}
	s := spans[best]
	p := Placement{State: QuoteStateOK, Anchor: NewAnchor(body, s.Start, s.End)}
	if got := QuoteWords(body[s.Start:s.End]); got != want {
		p.State = QuoteStateChanged
		p.Edits = quoteWordDiff(want, got)
	}
	return p
}

// Reanchor moves the anchor of each quote to where Place finds it in body
// and returns their states, in order. A missing quote keeps its old anchor;
// a changed one is anchored to the words that now stand in its place, while
// its Text stays the record of what was said.
func Reanchor(body string, quotes []Quote) []QuoteState {
	states := make([]QuoteState, len(quotes))
	for i := range quotes {
		p := Place(body, quotes[i])
		states[i] = p.State
		quotes[i].Anchor = p.Anchor
	}
	return states
}

// locateQuote uses go-diff's fuzzy matcher to find where the quote's opening words
// now stand, near where they were; -1 when it finds nothing.
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
	dmp := diffmatchpatch.New()
	dmp.MatchDistance = 5000
	return dmp.MatchMain(body, pattern, min(a.Start, len(body)))
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

// quoteSimilarity is the share of words two texts have in common, against the
// longer of the two.
func quoteSimilarity(a, b string) float64 {
	wa, wb := quoteFoldedWords(a), quoteFoldedWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range wa {
		count[w]++
	}
	shared := 0
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			shared++
		}
	}
	return float64(shared) / float64(max(len(wa), len(wb)))
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
