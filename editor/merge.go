package editor

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Conflict is a place where two sets of changes to the same base touch the
// same words: the words as they were (Base) and as each side left them.
// Before and After are a few unchanged words either side, to find the place.
type Conflict struct {
	Field  string `json:"field"`
	Base   string `json:"base"`
	Ours   string `json:"ours"`
	Theirs string `json:"theirs"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// conflictContext is how many tokens (words and the spaces between them) of
// context a conflict shows either side.
const conflictContext = 8

// mergeHunk is one side's change to the base: tokens [start, end) replaced by repl.
type mergeHunk struct {
	start, end int
	repl       []rune
	theirs     bool
}

// Merge3 merges two sets of changes made to base, word by word: ours and
// theirs are each diffed against base, and changes that touch different
// words are combined. Changes that overlap, or meet with not even a space
// between them, are conflicts unless both sides made the same change;
// merged then holds our version of each conflicting place, and the caller
// decides (the command line refuses to save, showing the conflicts).
func Merge3(base, ours, theirs string) (merged string, conflicts []Conflict) {
	var m merger
	return m.text("", base, ours, theirs), m.conflicts
}

// merger is one merge of two versions of a document, conflict by conflict:
// it lists the conflicts in the order it meets them, and keeps theirs at
// the i-th when take[i] is true, ours otherwise.
type merger struct {
	take      []bool
	conflicts []Conflict
}

// clash records c and says whether to keep their version of it.
func (mg *merger) clash(c Conflict) bool {
	i := len(mg.conflicts)
	mg.conflicts = append(mg.conflicts, c)
	return i < len(mg.take) && mg.take[i]
}

// text merges a text field word by word, naming it in the conflicts.
func (mg *merger) text(field, base, ours, theirs string) string {
	switch {
	case ours == theirs || theirs == base:
		return ours
	case ours == base:
		return theirs
	}
	m := newTokenMap()
	b := m.runes(diffTokenize(base))
	hunks := append(m.hunks(b, m.runes(diffTokenize(ours)), false), m.hunks(b, m.runes(diffTokenize(theirs)), true)...)
	slices.SortStableFunc(hunks, func(x, y mergeHunk) int {
		if x.start != y.start {
			return x.start - y.start
		}
		return x.end - y.end
	})
	var out []rune
	pos := 0
	for i := 0; i < len(hunks); {
		// A cluster of hunks that overlap or touch, from either side.
		start, end := hunks[i].start, hunks[i].end
		j := i + 1
		for j < len(hunks) && hunks[j].start <= end {
			end = max(end, hunks[j].end)
			j++
		}
		cluster := hunks[i:j]
		i = j
		out = append(out, b[pos:start]...)
		pos = end
		our, their := applyHunks(b, start, end, cluster, false), applyHunks(b, start, end, cluster, true)
		if !hasSide(cluster, true) || !hasSide(cluster, false) || slices.Equal(our, their) {
			if hasSide(cluster, false) {
				out = append(out, our...)
			} else {
				out = append(out, their...)
			}
			continue
		}
		if mg.clash(Conflict{
			Field:  field,
			Base:   m.text(b[start:end]),
			Ours:   m.text(our),
			Theirs: m.text(their),
			Before: m.text(b[max(0, start-conflictContext):start]),
			After:  m.text(b[end:min(len(b), end+conflictContext)]),
		}) {
			out = append(out, their...)
		} else {
			out = append(out, our...)
		}
	}
	out = append(out, b[pos:]...)
	return m.text(out)
}

// hunks lists the changes that turn base into side, in base's tokens.
func (m *tokenMap) hunks(base, side []rune, theirs bool) []mergeHunk {
	var out []mergeHunk
	pos := 0
	var cur *mergeHunk
	for _, d := range m.diff(base, side) {
		n := utf8.RuneCountInString(d.Text)
		if n == 0 {
			continue // go-diff's merge step can leave empty operations
		}
		if d.Type == diffmatchpatch.DiffEqual {
			cur = nil
			pos += n
			continue
		}
		if cur == nil {
			out = append(out, mergeHunk{start: pos, end: pos, theirs: theirs})
			cur = &out[len(out)-1]
		}
		if d.Type == diffmatchpatch.DiffDelete {
			pos += n
			cur.end = pos
		} else {
			cur.repl = append(cur.repl, []rune(d.Text)...)
		}
	}
	return out
}

// applyHunks gives one side's version of base[start:end] from the side's
// hunks in a cluster.
func applyHunks(base []rune, start, end int, cluster []mergeHunk, theirs bool) []rune {
	out := []rune{}
	pos := start
	for _, h := range cluster {
		if h.theirs != theirs {
			continue
		}
		out = append(out, base[pos:h.start]...)
		out = append(out, h.repl...)
		pos = h.end
	}
	return append(out, base[pos:end]...)
}

func hasSide(cluster []mergeHunk, theirs bool) bool {
	for _, h := range cluster {
		if h.theirs == theirs {
			return true
		}
	}
	return false
}

// value merges a value that changes as a whole, such as a status.
func (mg *merger) value(field, base, ours, theirs string) string {
	switch {
	case ours == theirs || theirs == base:
		return ours
	case ours == base:
		return theirs
	}
	if mg.clash(Conflict{Field: field, Base: base, Ours: ours, Theirs: theirs}) {
		return theirs
	}
	return ours
}

// MergeStories merges two revisions of a story made from the same base
// revision, field by field: the text fields word by word (Merge3), or as
// whole values where StoryField.Whole says so, the status as a whole value,
// the tags as a set, and the quotes as records, a record changed on one
// side only taking that side's version. What is not content (the ID,
// revision, times and corrections) is ours; on a conflict the result keeps
// our version of that place. Quote anchors are taken with their records and
// may need finding again in the merged body.
func MergeStories(base, ours, theirs *Story) (*Story, []Conflict) {
	return ResolveStories(base, ours, theirs, nil)
}

// ResolveStories merges as MergeStories does, and settles the conflicts as
// a person chose: at the i-th conflict (in the order MergeStories lists
// them, which the same three versions always repeat) it keeps their version
// when theirsAt[i] is true, ours otherwise. It still lists every conflict.
func ResolveStories(base, ours, theirs *Story, theirsAt []bool) (*Story, []Conflict) {
	mg := merger{take: theirsAt}
	out := &Story{
		ID: ours.ID, Revision: ours.Revision, CreatedAt: ours.CreatedAt, UpdatedAt: ours.UpdatedAt,
		PublishedAt: ours.PublishedAt, Corrections: slices.Clone(ours.Corrections),
	}
	for _, f := range storyFields {
		if f.Whole {
			f.Set(out, mg.value(f.Name, f.Get(base), f.Get(ours), f.Get(theirs)))
		} else {
			f.Set(out, mg.text(f.Name, f.Get(base), f.Get(ours), f.Get(theirs)))
		}
	}
	out.Status = Status(mg.value("status", string(base.Status), string(ours.Status), string(theirs.Status)))
	out.Tags = mergeSet(base.Tags, ours.Tags, theirs.Tags)
	out.Quotes = mg.quotes(base.Quotes, ours.Quotes, theirs.Quotes)
	mg.typed(out, base, ours, theirs)
	return out, mg.conflicts
}

// MergePages merges two revisions of a site page made from the same base,
// as MergeStories does for stories.
func MergePages(base, ours, theirs *Page) (*Page, []Conflict) {
	return ResolvePages(base, ours, theirs, nil)
}

// ResolvePages merges two revisions of a site page and settles the
// conflicts as chosen, as ResolveStories does for stories.
func ResolvePages(base, ours, theirs *Page, theirsAt []bool) (*Page, []Conflict) {
	mg := merger{take: theirsAt}
	out := *ours
	out.Title = mg.text("title", base.Title, ours.Title, theirs.Title)
	out.Summary = mg.text("summary", base.Summary, ours.Summary, theirs.Summary)
	out.Body = mg.text("body", base.Body, ours.Body, theirs.Body)
	out.Kind = PageKind(mg.value("kind", string(base.Kind), string(ours.Kind), string(theirs.Kind)))
	out.Slug = mg.value("slug", base.Slug, ours.Slug, theirs.Slug)
	return &out, mg.conflicts
}

// mergeSet keeps our items in our order, drops those theirs removed from
// base, and adds theirs added, in their order.
func mergeSet(base, ours, theirs []string) []string {
	out := []string{}
	for _, t := range ours {
		if !slices.Contains(base, t) || slices.Contains(theirs, t) {
			out = append(out, t)
		}
	}
	for _, t := range theirs {
		if !slices.Contains(base, t) && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// quotes merges quote records by ID (or words, for a quote with no ID):
// ours in our order, then those only theirs added. A conflict keeps the
// record as the chosen side has it, or drops it where that side removed it.
func (mg *merger) quotes(base, ours, theirs []Quote) []Quote {
	find := func(qs []Quote, key string) *Quote {
		for i := range qs {
			if diffQuoteKey(&qs[i]) == key {
				return &qs[i]
			}
		}
		return nil
	}
	out := []Quote{}
	// conflict records a clash over a record and adds the chosen side's
	// version of it, when that side has one.
	conflict := func(key string, b, o, t *Quote) {
		c := Conflict{Field: "quotes[" + strings.TrimPrefix(strings.TrimPrefix(key, "id:"), "text:") + "]"}
		c.Base, c.Ours, c.Theirs = describeQuotes(b, o, t)
		keep := o
		if mg.clash(c) {
			keep = t
		}
		if keep != nil {
			out = append(out, *keep)
		}
	}
	for i := range ours {
		o := &ours[i]
		key := diffQuoteKey(o)
		b, t := find(base, key), find(theirs, key)
		switch {
		case b == nil && t == nil: // we added it
			out = append(out, *o)
		case b == nil: // both added it
			if sameQuoteRecord(o, t) {
				out = append(out, *o)
			} else {
				conflict(key, nil, o, t)
			}
		case t == nil: // they removed it
			if !sameQuoteRecord(o, b) {
				conflict(key, b, o, nil)
			}
		case sameQuoteRecord(o, b):
			out = append(out, *t)
		case !sameQuoteRecord(t, b) && !sameQuoteRecord(o, t):
			conflict(key, b, o, t)
		default:
			out = append(out, *o)
		}
	}
	for i := range theirs {
		t := &theirs[i]
		key := diffQuoteKey(t)
		if find(ours, key) != nil {
			continue
		}
		switch b := find(base, key); {
		case b == nil: // they added it
			out = append(out, *t)
		case !sameQuoteRecord(t, b): // we removed it, they changed it
			conflict(key, b, nil, t)
		}
	}
	return out
}

// sameQuoteRecord compares two quote records, leaving out their anchors.
func sameQuoteRecord(a, b *Quote) bool {
	return slices.Equal(diffQuoteFields(a), diffQuoteFields(b))
}

// describeQuotes writes the fields in which three versions of a quote
// record differ, "(removed)" for a missing one.
func describeQuotes(qs ...*Quote) (base, ours, theirs string) {
	var present []*Quote
	for _, q := range qs {
		if q != nil {
			present = append(present, q)
		}
	}
	differs := map[string]bool{}
	for _, q := range present {
		for i, f := range diffQuoteFields(q) {
			if f != diffQuoteFields(present[0])[i] {
				differs[f[0]] = true
			}
		}
	}
	desc := make([]string, 3)
	for n, q := range qs {
		if q == nil {
			desc[n] = "(removed)"
			continue
		}
		var parts []string
		for _, f := range diffQuoteFields(q) {
			if differs[f[0]] {
				parts = append(parts, f[0]+": "+f[1])
			}
		}
		desc[n] = strings.Join(parts, "; ")
	}
	return desc[0], desc[1], desc[2]
}
