package editor

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Note is a remark between editor and subeditor about some words of a
// story's body ("check this figure with the council"). It is anchored to
// the words as a quote is, and follows them through every save; a note
// whose words were cut stays, detached, until it is resolved.
//
// Notes are the desk's conversation about the text, not the text: they are
// kept beside the story rather than in its revision content, so adding or
// resolving one makes no revision (a note on a published story is no public
// correction), a restore of an old revision keeps the notes made since, and
// nothing that exports a story can reach them.
type Note struct {
	ID         string     `json:"id"`
	StoryID    string     `json:"story_id"`
	Anchor     Anchor     `json:"anchor"`
	Detached   bool       `json:"detached"` // the anchored words are no longer in the body
	Text       string     `json:"text"`
	Author     string     `json:"author"`
	CreatedAt  time.Time  `json:"created_at"`
	Resolved   bool       `json:"resolved"`
	ResolvedBy string     `json:"resolved_by"`
	ResolvedAt *time.Time `json:"resolved_at"`
}

// NoteTextMax is the longest note a save accepts, in characters.
const NoteTextMax = 4000

// Validate reports the first field that cannot be saved, naming it.
func (n *Note) Validate() error {
	if strings.TrimSpace(n.Text) == "" {
		return invalid("text", "is empty; write what the note says")
	}
	if strings.TrimSpace(n.Anchor.Exact) == "" {
		return invalid("anchor", "has no words; a note is anchored to words in the body")
	}
	if n.Anchor.Start < 0 || n.Anchor.End < n.Anchor.Start {
		return invalid("anchor", "runs from %d to %d; give a start before its end", n.Anchor.Start, n.Anchor.End)
	}
	if !utf8.ValidString(n.Text) {
		return invalid("text", "is not valid UTF-8")
	}
	if n.Resolved && n.ResolvedAt == nil {
		return invalid("resolved_at", "is empty, but the note is resolved; say when")
	}
	if !n.Resolved && (n.ResolvedBy != "" || n.ResolvedAt != nil) {
		return invalid("resolved", "is false, but the note names who resolved it; reopening clears both")
	}
	return firstError(checkLen("text", n.Text, NoteTextMax),
		checkSingleLine("author", n.Author), checkLen("author", n.Author, LineFieldMax),
		checkSingleLine("resolved_by", n.ResolvedBy), checkLen("resolved_by", n.ResolvedBy, LineFieldMax))
}

// Open reports whether the note still wants an answer.
func (n *Note) Open() bool { return !n.Resolved }

// FindWords anchors the first place, at or after from, where words stand in
// the body; words are matched as given, then with their spacing loosened
// (a run of spaces or a line break matches any other). ok is false when the
// body does not have them.
func FindWords(body, words string, from int) (a Anchor, ok bool) {
	words = strings.TrimSpace(words)
	if words == "" {
		return Anchor{}, false
	}
	from = min(max(from, 0), len(body))
	if i := strings.Index(body[from:], words); i >= 0 {
		return NewAnchor(body, from+i, from+i+len(words)), true
	}
	if i := strings.Index(body, words); i >= 0 {
		return NewAnchor(body, i, i+len(words)), true
	}
	// The person typed one space where the body has a line break or two.
	fields := strings.Fields(words)
	for i := strings.Index(body, fields[0]); i >= 0; {
		if end, ok := matchFields(body, i, fields); ok {
			return NewAnchor(body, i, end), true
		}
		next := strings.Index(body[i+1:], fields[0])
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return Anchor{}, false
}

// matchFields reports whether the words fields stand in body from i,
// separated by any space, and where they end.
func matchFields(body string, i int, fields []string) (int, bool) {
	for k, f := range fields {
		if k > 0 {
			j := i
			for j < len(body) && strings.ContainsRune(" \t\n\r", rune(body[j])) {
				j++
			}
			if j == i {
				return 0, false
			}
			i = j
		}
		if !strings.HasPrefix(body[i:], f) {
			return 0, false
		}
		i += len(f)
	}
	return i, true
}

// ReanchorNotes moves each note's anchor from oldBody, the body it was
// anchored in, to newBody, and reports which notes changed. A note's words
// are followed through the edit (a word changed inside them moves the
// anchor to the words now there); words moved elsewhere are found by their
// text and context; a note whose words are gone keeps its old anchor and is
// marked detached, and is attached again when they come back.
func ReanchorNotes(oldBody, newBody string, notes []Note) (changed []int) {
	var diffs []diffmatchpatch.Diff
	for i := range notes {
		n := &notes[i]
		a, detached := n.Anchor, true
		if !n.Detached && inBody(oldBody, n.Anchor) {
			if diffs == nil {
				// Letter by letter, within the word diff's bound of work
				// (diffWork), so an anchor follows the same way however
				// busy the machine.
				dmp := diffmatchpatch.New()
				dmp.DiffTimeout = diffSafety
				work := diffWork
				diffs = diffRunes(dmp, []rune(oldBody), []rune(newBody), &work)
			}
			if m, ok := followAnchor(diffs, newBody, n.Anchor); ok {
				a, detached = m, false
			}
		}
		if detached {
			if m, ok := refindAnchor(newBody, n.Anchor); ok {
				a, detached = m, false
			}
		}
		if a != n.Anchor || detached != n.Detached {
			n.Anchor, n.Detached = a, detached
			changed = append(changed, i)
		}
	}
	return changed
}

// PlaceNotes anchors notes in body, which may differ from the body they were
// anchored in (an unsaved edit): each note's words found by text and
// context, nearest their old place; a note whose words are not found is
// marked detached. It is what a view of unsaved text shows.
func PlaceNotes(body string, notes []Note) []Note {
	out := make([]Note, len(notes))
	for i, n := range notes {
		if inBody(body, n.Anchor) {
			n.Anchor, n.Detached = NewAnchor(body, n.Anchor.Start, n.Anchor.End), false
		} else if a, ok := refindAnchor(body, n.Anchor); ok {
			n.Anchor, n.Detached = a, false
		} else {
			n.Detached = true
		}
		out[i] = n
	}
	return out
}

func inBody(body string, a Anchor) bool {
	return a.Start >= 0 && a.End <= len(body) && a.Start < a.End && body[a.Start:a.End] == a.Exact
}

// followAnchor maps an anchor through the diff of its body to the new one;
// ok is false when too little of its words is left there to be them.
func followAnchor(diffs []diffmatchpatch.Diff, newBody string, a Anchor) (Anchor, bool) {
	dmp := diffmatchpatch.New()
	start, end := dmp.DiffXIndex(diffs, a.Start), dmp.DiffXIndex(diffs, a.End)
	// DiffXIndex puts an offset inside deleted text at the deletion's
	// start; trim what the new body has around the words.
	start, end = min(max(start, 0), len(newBody)), min(max(end, 0), len(newBody))
	for start < end && isSpaceByte(newBody[start]) {
		start++
	}
	for end > start && isSpaceByte(newBody[end-1]) {
		end--
	}
	if start >= end {
		return a, false
	}
	for start > 0 && !utf8.RuneStart(newBody[start]) {
		start--
	}
	for end < len(newBody) && !utf8.RuneStart(newBody[end]) {
		end++
	}
	old := quoteFoldedWords(a.Exact)
	counts := make(map[string]int, len(old))
	for _, w := range old {
		counts[w]++
	}
	if sharedShare(counts, len(old), quoteFoldedWords(newBody[start:end])) < minQuoteSimilarity {
		return a, false
	}
	return NewAnchor(newBody, start, end), true
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// refindAnchor finds an anchor's exact words in body: where the text around
// them matches the anchor's context best, then nearest its old place.
func refindAnchor(body string, a Anchor) (Anchor, bool) {
	if a.Exact == "" {
		return a, false
	}
	best, bestScore := -1, -1
	for i, from := 0, 0; from <= len(body); i++ {
		k := strings.Index(body[from:], a.Exact)
		if k < 0 {
			break
		}
		at := from + k
		score := commonSuffix(body[:at], a.Prefix) + commonPrefix(body[at+len(a.Exact):], a.Suffix)
		if score > bestScore || (score == bestScore && abs(at-a.Start) < abs(best-a.Start)) {
			best, bestScore = at, score
		}
		from = at + 1
	}
	if best < 0 {
		return a, false
	}
	return NewAnchor(body, best, best+len(a.Exact)), true
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// KindOpenNote is the finding for a note nobody has resolved yet.
const KindOpenNote = "open_note"

// CheckNotes adds to a story's findings a warning for each open note, in
// the order of the body, and keeps the findings in Check's order.
func CheckNotes(findings []Finding, notes []Note) []Finding {
	var open []Note
	for _, n := range notes {
		if n.Open() {
			open = append(open, n)
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].Anchor.Start < open[j].Anchor.Start })
	out := append([]Finding{}, findings...)
	for _, n := range open {
		where := "on " + clipQuote(n.Anchor.Exact)
		if n.Detached {
			where = "on words no longer in the text (" + clipQuote(n.Anchor.Exact) + ")"
		}
		by := n.Author
		if by == "" {
			by = "someone"
		}
		out = append(out, Finding{Severity: SeverityWarning, Kind: KindOpenNote, Field: "body",
			Start: n.Anchor.Start, End: n.Anchor.End,
			Message: fmt.Sprintf("open note by %s %s: %s; answer it and resolve it", by, where, clipNote(n.Text))})
	}
	sortFindings(out)
	return out
}

// clipNote is a note's text on one line, cut to a length a list can show.
func clipNote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

// PrepareNote readies a new note on a story whose body is body: it gives
// the note its ID and time, opens it, checks it, and anchors it in body (a
// note on words not saved yet is detached until a save brings them).
func PrepareNote(n *Note, body, id string, now time.Time) error {
	n.ID, n.CreatedAt = id, now
	n.Resolved, n.ResolvedBy, n.ResolvedAt = false, "", nil
	if err := n.Validate(); err != nil {
		return err
	}
	*n = PlaceNotes(body, []Note{*n})[0]
	return nil
}

// SetResolved resolves the note in by's name, or reopens it, which forgets
// who had resolved it.
func (n *Note) SetResolved(resolved bool, by string, now time.Time) {
	if !resolved {
		n.Resolved, n.ResolvedBy, n.ResolvedAt = false, "", nil
		return
	}
	n.Resolved, n.ResolvedBy, n.ResolvedAt = true, by, &now
}
