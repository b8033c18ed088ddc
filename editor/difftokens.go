package editor

import (
	"unicode"
	"unicode/utf8"
)

// CountOpWords counts the words inserted and deleted by ops.
func CountOpWords(ops []Op) (inserted, deleted int) {
	for _, o := range ops {
		switch o.Op {
		case OpInsert:
			inserted += countTokenWords(o.Text)
		case OpDelete:
			deleted += countTokenWords(o.Text)
		}
	}
	return inserted, deleted
}

// countTokenWords counts the word tokens of s, as the diff splits it, so
// that a changed "said," counts one word and a lone comma none.
func countTokenWords(s string) int {
	n := 0
	for _, t := range diffTokenize(s) {
		r, _ := utf8.DecodeRuneInString(t)
		if diffIsWordRune(r) {
			n++
		}
	}
	return n
}

// diffTokenize splits s into tokens whose concatenation is s: runs of white
// space, words (letters, digits and marks, with apostrophes and hyphens
// inside them, and the points and commas inside numbers), single ideographs
// (Chinese and Japanese put no spaces between words), and single other
// characters such as punctuation.
func diffTokenize(s string) []string {
	out := make([]string, 0, len(s)/3)
	for i := 0; i < len(s); {
		r, size := diffDecodeRune(s[i:])
		j := i + size
		switch {
		case diffIsSpace(r):
			for j < len(s) {
				r2, n := diffDecodeRune(s[j:])
				if !diffIsSpace(r2) {
					break
				}
				j += n
			}
		case diffIsIdeograph(r):
			// one token per character
		case diffIsWordRune(r):
			prev := r
			for j < len(s) {
				// Most words are plain ASCII letters.
				if c := s[j]; c < utf8.RuneSelf && asciiWord[c] {
					prev = rune(c)
					j++
					continue
				}
				r2, n := diffDecodeRune(s[j:])
				if diffIsWordRune(r2) && !diffIsIdeograph(r2) {
					prev = r2
					j += n
					continue
				}
				if j+n < len(s) {
					if next, n2 := diffDecodeRune(s[j+n:]); diffJoinsWord(prev, r2, next) {
						prev = next
						j += n + n2
						continue
					}
				}
				break
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// diffDecodeRune is utf8.DecodeRuneInString with a fast path for ASCII.
func diffDecodeRune(s string) (rune, int) {
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

func diffIsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// asciiWord marks the ASCII characters that make words.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	return t
}()

func diffIsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func diffIsIdeograph(r rune) bool {
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// diffJoinsWord reports whether mid, standing between prev and next, belongs to
// the word: "don't", "Duncan-Smith", "1,500", "3.5".
func diffJoinsWord(prev, mid, next rune) bool {
	if !diffIsWordRune(next) || diffIsIdeograph(next) {
		return false
	}
	switch mid {
	case '\'', '’', '-', '‐':
		return true
	case '.', ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}
