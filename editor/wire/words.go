package wire

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a clause, with its byte offsets in
// the body.
type token struct {
	text       string
	start, end int
}

func (t token) isWord() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (t token) lower() string { return strings.ToLower(strings.TrimSuffix(t.text, ".")) }

// capitalised reports whether the word starts with a capital letter, as names do.
func (t token) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// tokenize splits text[from:to] into words and punctuation marks. A word keeps
// inner apostrophes, hyphens and the dots of abbreviations ("U.S.", "Mr.").
func tokenize(text string, from, to int) []token {
	var toks []token
	i := from
	for i < to {
		r, size := utf8.DecodeRuneInString(text[i:to])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < to {
				r2, s2 := utf8.DecodeRuneInString(text[j:to])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += s2
					continue
				}
				if strings.ContainsRune("’'-.", r2) && j+s2 < to {
					r3, _ := utf8.DecodeRuneInString(text[j+s2 : to])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						j += s2
						continue
					}
				}
				if r2 == '.' && isAbbreviation(text[i:j]) {
					j += s2
				}
				break
			}
			toks = append(toks, token{text[i:j], i, j})
			i = j
		default:
			toks = append(toks, token{text[i : i+size], i, i + size})
			i += size
		}
	}
	return toks
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = set("mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "rev", "rep", "reps", "sen", "sens",
	"gov", "govs", "lt", "gen", "col", "capt", "cmdr", "maj", "sgt", "adm", "supt", "insp", "det", "hon", "messrs",
	"inc", "co", "corp", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
	"u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g", "i.e", "ft", "mt", "pres", "atty", "dept", "univ", "ave", "blvd")

func isAbbreviation(word string) bool {
	w := strings.ToLower(strings.TrimSuffix(word, "."))
	if abbreviations[w] {
		return true
	}
	// Initials: "J." in "Michael J. Fox", "F.B.I".
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	return strings.Count(w, ".") >= 1 && len(w) <= 6 && !strings.ContainsAny(w, "aeiou")
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// sentenceStart is the offset where the sentence holding offset at begins,
// looking no further back than from.
func sentenceStart(text string, from, at int) int {
	for i := at - 1; i > from; i-- {
		c := text[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		if j >= at || spaceAt(text, j) == 0 {
			continue
		}
		for j < at && spaceAt(text, j) > 0 {
			j += spaceAt(text, j)
		}
		if j == at {
			return at
		}
		r, _ := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '“' && r != '"' {
			continue
		}
		if c == '.' && endsWithAbbreviation(text[from:i+1]) {
			continue
		}
		return j
	}
	return from
}

// sentenceEnd is the offset just after the punctuation that ends the sentence
// holding offset at, looking no further than to.
func sentenceEnd(text string, at, to int) int {
	for i := at; i < to; i++ {
		c := text[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		if j < to && spaceAt(text, j) == 0 {
			continue
		}
		if c == '.' && endsWithAbbreviation(text[at:i+1]) {
			continue
		}
		return j
	}
	return to
}

// spaceAt is the size of the space character at text[i], or 0: a space, a
// line break or a no-break space, which web copy is full of.
func spaceAt(text string, i int) int {
	switch {
	case text[i] == ' ' || text[i] == '\n' || text[i] == '\t':
		return 1
	case strings.HasPrefix(text[i:], "\u00a0"):
		return 2
	}
	return 0
}

func endsWithAbbreviation(s string) bool {
	s = strings.TrimSuffix(s, ".")
	k := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '“' || r == '"' })
	word := s[k+1:]
	if k >= 0 {
		_, size := utf8.DecodeRuneInString(s[k:])
		word = s[k+size:]
	}
	return word != "" && isAbbreviation(word+".")
}
