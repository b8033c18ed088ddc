package editor

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// titleMaxRunes is the longest first line that can read as a title.
const titleMaxRunes = 150

// ParsePlainText reads a story from plain text. Paragraphs are separated by
// blank lines, and the lines inside one are joined; text with no blank line at
// all, as wire copy is filed, has a paragraph on each line. A first paragraph
// that reads as a title (one short line with no closing punctuation, followed
// by more text) becomes the headline. The result is a draft; warnings say what
// the reader should look at.
func ParsePlainText(name string, data []byte) (*StoryFile, error) {
	if !utf8.Valid(data) {
		return nil, &FileError{Name: name, Err: fmt.Errorf("is not UTF-8 text; save it as UTF-8 and import it again")}
	}
	text := normalizeNewlines(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	paras := Paragraphs(text)
	if len(paras) == 0 {
		return nil, &FileError{Name: name, Err: fmt.Errorf("holds no text")}
	}
	f := &StoryFile{Set: map[string]bool{}}
	s := &f.Story
	if len(paras) > 1 && readsAsTitle(paras[0]) {
		s.Headline = paras[0]
		paras = paras[1:]
		f.Set["headline"] = true
	} else {
		f.Warnings = append(f.Warnings, name+": no headline found; the story was imported without one")
	}
	s.Body = strings.Join(paras, "\n\n")
	s.Normalize()
	if err := s.Validate(); err != nil {
		return nil, &FileError{Name: name, Err: err}
	}
	return f, nil
}

// Paragraphs splits text into paragraphs as ParsePlainText does, trimmed and
// with empty ones dropped.
func Paragraphs(text string) []string {
	text = normalizeNewlines(text)
	var raw []string
	if hasBlankLine(text) {
		for _, block := range splitBlank(text) {
			raw = append(raw, strings.Join(strings.Fields(block), " "))
		}
	} else {
		raw = strings.Split(text, "\n")
	}
	var out []string
	for _, p := range raw {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func hasBlankLine(text string) bool {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			return true
		}
	}
	return false
}

// splitBlank splits text at lines holding only white space.
func splitBlank(text string) []string {
	var blocks []string
	var cur []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, strings.Join(cur, "\n"))
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		blocks = append(blocks, strings.Join(cur, "\n"))
	}
	return blocks
}

// readsAsTitle reports whether a paragraph looks like a headline: short, and
// not ending as a sentence or a quotation does.
func readsAsTitle(p string) bool {
	if utf8.RuneCountInString(p) > titleMaxRunes || CountWords(p) < 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune(".,;:\"”’)…-", last)
}
