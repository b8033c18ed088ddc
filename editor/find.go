package editor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindOptions say how Find matches: by case or not, whole words only or not.
type FindOptions struct {
	MatchCase bool
	WholeWord bool
}

// Span is a stretch of text by byte offsets, end exclusive.
type Span struct{ Start, End int }

// Find returns every place the words query occur in text, in order and
// without overlapping. Without MatchCase, letters match whatever their case
// (Unicode simple folding); with WholeWord a match must not start or end
// inside a word.
func Find(text, query string, opt FindOptions) []Span {
	if query == "" {
		return nil
	}
	var out []Span
	for i := 0; i < len(text); {
		n, ok := matchAt(text, i, query, opt.MatchCase)
		if ok && (!opt.WholeWord || wordBoundary(text, i) && wordBoundary(text, i+n)) {
			out = append(out, Span{i, i + n})
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

// matchAt reports whether query occurs at text[i:], and how many bytes of
// text it covers there.
func matchAt(text string, i int, query string, matchCase bool) (int, bool) {
	if matchCase {
		return len(query), strings.HasPrefix(text[i:], query)
	}
	j := i
	for _, q := range query {
		if j >= len(text) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if r != q && unicode.SimpleFold(r) != q && !foldsTo(r, q) {
			return 0, false
		}
		j += size
	}
	return j - i, true
}

// foldsTo reports whether r and q are the same letter in another case.
func foldsTo(r, q rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == q {
			return true
		}
	}
	return false
}

// wordBoundary reports whether offset i of text is not inside a word.
func wordBoundary(text string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i:])
	return i == 0 || i == len(text) || !isWordRune(before) || !isWordRune(after)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// Replace returns text with every span (in order, not overlapping) replaced
// by with.
func Replace(text string, spans []Span, with string) string {
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		b.WriteString(text[at:sp.Start])
		b.WriteString(with)
		at = sp.End
	}
	b.WriteString(text[at:])
	return b.String()
}
