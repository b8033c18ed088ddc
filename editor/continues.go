package editor

import (
	"sort"
	"strings"
	"unicode"
)

// Continuations reports, for each quote as placed in body, whether it is the
// second piece of a quotation its attribution interrupts: in “A,” said X.
// “B.” the quote “B.” continues “A”. It does when the quote before it in the
// body has the same speaker and only a short attribution, in the same
// paragraph and ending in punctuation, stands between them. Quotes missing
// from the body continue nothing.
func Continuations(body string, quotes []Quote, placed []Placement) []bool {
	out := make([]bool, len(quotes))
	if len(placed) != len(quotes) {
		return out
	}
	var order []int
	for i, p := range placed {
		if p.State != QuoteStateMissing && p.Anchor.End <= len(body) && p.Anchor.Start <= p.Anchor.End {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return placed[order[a]].Anchor.Start < placed[order[b]].Anchor.Start })
	for k := 1; k < len(order); k++ {
		prev, cur := order[k-1], order[k]
		if quotes[cur].Speaker == "" || !sameSpeaker(quotes[prev], quotes[cur]) {
			continue
		}
		from, to := placed[prev].Anchor.End, placed[cur].Anchor.Start
		if from > to {
			continue
		}
		out[cur] = interruptedBy(body[from:to])
	}
	return out
}

func sameSpeaker(a, b Quote) bool {
	if a.PersonID != "" && b.PersonID != "" {
		return a.PersonID == b.PersonID
	}
	return a.Speaker == b.Speaker
}

// interruptedBy reports whether the text between two quotes' words is only
// an attribution: ,” said X. “ — one closing and one opening mark, a few
// words, no paragraph break, and punctuation before the second piece.
func interruptedBy(gap string) bool {
	if strings.Contains(gap, "\n") {
		return false
	}
	closeAt := strings.IndexAny(gap, "”\"")
	openAt := strings.LastIndexAny(gap, "“\"")
	if closeAt < 0 || openAt <= closeAt {
		return false
	}
	clause := strings.TrimSpace(gap[closeAt+len(string([]rune(gap[closeAt:])[0])) : openAt])
	if strings.ContainsAny(clause, "“”\"") {
		return false
	}
	words := strings.Fields(clause)
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	last := []rune(clause)
	end := last[len(last)-1]
	return end == '.' || end == ',' || end == ':' || end == ';' || end == '—' || end == '–' || unicode.Is(unicode.Pd, end)
}
