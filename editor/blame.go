package editor

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// BlameRevision is one revision's body, with who made the revision and when.
type BlameRevision struct {
	Seq    int
	Author string
	At     time.Time
	Body   string
}

// ParagraphBlame names the revision that last changed a paragraph of the
// newest body. Start and End are byte offsets of the paragraph in that body,
// end exclusive.
type ParagraphBlame struct {
	Text   string    `json:"text"`
	Start  int       `json:"start"`
	End    int       `json:"end"`
	Seq    int       `json:"seq"`
	Author string    `json:"author"`
	At     time.Time `json:"created_at"`
}

// Blame attributes each paragraph of the last revision's body to the
// revision that last changed it. revs are in order, oldest first. A
// paragraph counts as changed by any edit to its text, however small; a
// paragraph moved unchanged within one revision keeps its attribution, as
// does one a revision left alone (a status change, say). Paragraphs are
// separated by blank lines.
func Blame(revs []BlameRevision) []ParagraphBlame {
	if len(revs) == 0 {
		return []ParagraphBlame{}
	}
	var prev []string          // the previous revision's paragraphs
	var prevBy []BlameRevision // and who last changed each
	for _, r := range revs {
		paras := blameParagraphs(r.Body)
		by := make([]BlameRevision, len(paras))
		attributeParagraphs(prev, prevBy, paras, by, r)
		prev, prevBy = paras, by
	}
	last := revs[len(revs)-1]
	spans := blameSpans(last.Body)
	out := make([]ParagraphBlame, len(spans))
	for i, sp := range spans {
		out[i] = ParagraphBlame{
			Text: last.Body[sp[0]:sp[1]], Start: sp[0], End: sp[1],
			Seq: prevBy[i].Seq, Author: prevBy[i].Author, At: prevBy[i].At,
		}
	}
	return out
}

// attributeParagraphs fills by for paras, revision r's paragraphs, from the
// attribution of the previous revision's.
func attributeParagraphs(prev []string, prevBy []BlameRevision, paras []string, by []BlameRevision, r BlameRevision) {
	m := newTokenMap()
	a, b := m.runes(prev), m.runes(paras)
	diffs := diffmatchpatch.New().DiffMainRunes(a, b, false)
	moved := map[string][]BlameRevision{} // deleted paragraphs by text
	i := 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		if d.Type == diffmatchpatch.DiffDelete {
			for k := i; k < i+n; k++ {
				moved[prev[k]] = append(moved[prev[k]], prevBy[k])
			}
		}
		if d.Type != diffmatchpatch.DiffInsert {
			i += n
		}
	}
	i, j := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			copy(by[j:j+n], prevBy[i:i+n])
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			i += n
		case diffmatchpatch.DiffInsert:
			for k := j; k < j+n; k++ {
				if from := moved[paras[k]]; len(from) > 0 {
					by[k], moved[paras[k]] = from[0], from[1:]
				} else {
					by[k] = r
				}
			}
			j += n
		}
	}
}

func blameParagraphs(body string) []string {
	spans := blameSpans(body)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = body[sp[0]:sp[1]]
	}
	return out
}

// blameSpans finds the paragraphs of body, blocks of lines separated by
// blank lines, as byte ranges without their surrounding space.
func blameSpans(body string) [][2]int {
	var out [][2]int
	start := -1 // of the current paragraph
	end := 0
	for pos := 0; pos <= len(body); {
		eol := strings.IndexByte(body[pos:], '\n')
		if eol < 0 {
			eol = len(body)
		} else {
			eol += pos
		}
		line := body[pos:eol]
		if strings.TrimSpace(line) == "" {
			if start >= 0 {
				out = append(out, trimSpaceSpan(body, start, end))
				start = -1
			}
		} else {
			if start < 0 {
				start = pos
			}
			end = eol
		}
		pos = eol + 1
	}
	if start >= 0 {
		out = append(out, trimSpaceSpan(body, start, end))
	}
	return out
}

func trimSpaceSpan(s string, start, end int) [2]int {
	text := s[start:end]
	trimmed := strings.TrimLeftFunc(text, unicode.IsSpace)
	start += len(text) - len(trimmed)
	end = start + len(strings.TrimRightFunc(trimmed, unicode.IsSpace))
	return [2]int{start, end}
}
