package editor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuotedSpan is a stretch of a body inside double quotation marks: what a
// reader takes for quoted words, whoever said them.
type QuotedSpan struct {
	// Start and End are the byte offsets of the words inside the outer marks,
	// end exclusive, with surrounding space and a trailing comma left out
	// (house style puts the comma that leads into the attribution inside the
	// closing mark, but it is not part of what was said).
	Start, End int
	// Open is the offset of the opening mark; Close that of the closing mark,
	// or -1 when the quote is never closed.
	Open, Close int
	// Paragraphs counts the paragraphs the quote runs over: a quote that goes
	// on into the next paragraph repeats its opening mark there and closes
	// only at its end.
	Paragraphs int
}

// Closed reports whether the span ends with a closing mark.
func (s QuotedSpan) Closed() bool { return s.Close >= 0 }

// QuotedSpans finds every span inside double quotation marks (curly or
// straight) in body, in order. Single quotation marks are left alone: they
// are apostrophes or quotes nested inside a quote.
func QuotedSpans(body string) []QuotedSpan {
	var spans []QuotedSpan
	inside := false
	var cur QuotedSpan
	finish := func(end, closeAt int) {
		cur.Close = closeAt
		cur.Start, cur.End = trimQuoted(body, cur.Start, end)
		if cur.End > cur.Start {
			spans = append(spans, cur)
		}
		inside = false
	}
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		if r == '\n' && inside {
			if next, ok := continuationMark(body, i); ok {
				cur.Paragraphs++
				i = next
				continue
			}
			if blankLineAt(body, i) {
				finish(i, -1)
			}
			i += size
			continue
		}
		if r == '<' {
			// Marks inside an HTML tag (an alt text, a class) quote nobody.
			if end := HTMLTagEnd(body, i); end > i {
				i = end
				continue
			}
		}
		if !isDoubleMark(r) {
			i += size
			continue
		}
		switch markDirection(body, i, size, r, inside) {
		case markOpens:
			if inside {
				finish(i, -1)
			}
			inside = true
			cur = QuotedSpan{Start: i + size, Open: i, Paragraphs: 1}
		case markCloses:
			if inside {
				finish(i, i)
			}
		}
		i += size
	}
	if inside {
		finish(len(body), -1)
	}
	return spans
}

// QuoteWords is the quoted text of a span as a quote record keeps it: the
// opening marks repeated at the start of each continued paragraph removed.
func QuoteWords(exact string) string {
	if !strings.Contains(exact, "\n") {
		return exact
	}
	lines := strings.Split(exact, "\n")
	for i := 1; i < len(lines); i++ {
		l := strings.TrimLeftFunc(lines[i], unicode.IsSpace)
		if r, size := utf8.DecodeRuneInString(l); size > 0 && isDoubleMark(r) {
			l = l[size:]
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

func isDoubleMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟':
		return true
	}
	return false
}

type markKind int

const (
	markStray markKind = iota
	markOpens
	markCloses
)

// markDirection decides whether a double mark opens or closes a quote. Wire
// and web copy mixes curly and straight marks, and sometimes the wrong curly
// one, so the space around the mark counts first and the glyph second.
func markDirection(body string, i, size int, r rune, inside bool) markKind {
	before, _ := utf8.DecodeLastRuneInString(body[:i])
	after, _ := utf8.DecodeRuneInString(body[i+size:])
	openSide := i == 0 || unicode.IsSpace(before) || strings.ContainsRune("([{—–-/‘'", before)
	closeSide := i+size == len(body) || unicode.IsSpace(after) || unicode.IsPunct(after) && !strings.ContainsRune("‘'([{", after)
	switch {
	case openSide && !closeSide:
		return markOpens
	case closeSide && !openSide:
		if inside {
			return markCloses
		}
		return markStray
	}
	switch {
	case inside:
		return markCloses
	case r == '”':
		return markStray
	}
	return markOpens
}

// continuationMark reports whether the line break at i ends a paragraph that
// a quote runs on from: the next line starts with an opening mark. It returns
// the offset just after that mark.
func continuationMark(body string, i int) (int, bool) {
	j := i
	for j < len(body) && (body[j] == '\n' || body[j] == ' ' || body[j] == '\t' || body[j] == '\r') {
		j++
	}
	r, size := utf8.DecodeRuneInString(body[j:])
	if size == 0 || !isDoubleMark(r) || markDirection(body, j, size, r, false) != markOpens {
		return 0, false
	}
	return j + size, true
}

// blankLineAt reports whether the line break at i is followed by a blank line.
func blankLineAt(body string, i int) bool {
	for j := i + 1; j < len(body); j++ {
		switch body[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
			continue
		}
		return false
	}
	return true
}

// trimQuoted narrows [start, end) to the quoted words: no space at either end
// and no trailing comma.
func trimQuoted(body string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(body[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(body[start:end])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		end -= size
	}
	return start, end
}
