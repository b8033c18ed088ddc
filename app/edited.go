package app

import "copydesk/editor"

// What a keystroke changed, and the body's word count kept up to date from
// it: the work a keystroke does in a long body stays the size of the edit.

// editedStretch is where after differs from before: p bytes at the start
// and s at the end are the same in both, and do not overlap. It compares 64
// bytes at a time first, so a 30 KB body costs microseconds.
func editedStretch(before, after string) (p, s int) {
	n := min(len(before), len(after))
	for p+64 <= n && before[p:p+64] == after[p:p+64] {
		p += 64
	}
	for p < n && before[p] == after[p] {
		p++
	}
	for s+64 <= n-p && before[len(before)-s-64:len(before)-s] == after[len(after)-s-64:len(after)-s] {
		s += 64
	}
	for s < n-p && before[len(before)-1-s] == after[len(after)-1-s] {
		s++
	}
	return p, s
}

// wordCount is a text's editor.CountWords, counted again after an edit only
// over the words the edit touched.
type wordCount struct {
	text  string
	words int
	known bool
}

// of is the number of words in text.
func (w *wordCount) of(text string) int {
	switch {
	case !w.known:
		w.words, w.known = editor.CountWords(text), true
	case text != w.text:
		p, s := editedStretch(w.text, text)
		// Widened to a space on each side (or the ends), the words around
		// the stretch are the same in both and count the same.
		from := p
		for from > 0 && !isSpaceByte(text[from-1]) {
			from--
		}
		oldTo, newTo := len(w.text)-s, len(text)-s
		for oldTo < len(w.text) && !isSpaceByte(w.text[oldTo]) {
			oldTo++
			newTo++
		}
		w.words += editor.CountWords(text[from:newTo]) - editor.CountWords(w.text[from:oldTo])
	}
	w.text = text
	return w.words
}

// isSpaceByte is an ASCII space, which no byte of a longer UTF-8 sequence is.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}
