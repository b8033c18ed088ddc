package editor

import (
	"strings"
	"unicode"
)

// The markers a search engine puts around the matched words of a snippet:
// control characters that never occur in text a person typed.
const (
	SnippetOpen  = "\x01"
	SnippetClose = "\x02"
)

// SearchHit is one result of a full-text search: a story, page, quote or
// person, with a snippet of the matching text. Highlights are byte ranges of
// Snippet (start, end exclusive) that matched the query.
type SearchHit struct {
	Kind       string   `json:"kind"` // story, page, quote or person
	ID         string   `json:"id"`
	StoryID    string   `json:"story_id,omitempty"` // for a quote, the story it is in
	Title      string   `json:"title"`
	Snippet    string   `json:"snippet"`
	Highlights [][2]int `json:"highlights"`
}

// Unmark removes the snippet markers an engine put around matched words
// (SnippetOpen, SnippetClose), returning where they were as highlights, and
// folds white space so that a snippet reads as one line.
func Unmark(s string) (string, [][2]int) {
	var b strings.Builder
	var spans [][2]int
	start := -1
	for _, r := range s {
		switch string(r) {
		case SnippetOpen:
			start = b.Len()
		case SnippetClose:
			if start >= 0 {
				spans = append(spans, [2]int{start, b.Len()})
				start = -1
			}
		default:
			if unicode.IsSpace(r) {
				// Snippets read as one line: a run of spaces and line breaks is one space.
				if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
					b.WriteByte(' ')
				}
				continue
			}
			b.WriteRune(r)
		}
	}
	if spans == nil {
		spans = [][2]int{}
	}
	return strings.TrimRight(b.String(), " "), spans
}
