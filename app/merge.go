package app

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"copydesk/editor"
)

// Saving always merges first. A save from a base someone else has saved
// over since is not a dead end: their revisions and the edit are merged
// word by word (editor's merge, the one the command line uses) and the
// merge is saved; only a real clash, the same words changed on both sides,
// asks the person (clashview.go), and what they choose is what is saved.

// mergeTries bounds how often a save merges and tries again while others
// keep saving the same document; each try merges what they saved last.
const mergeTries = 5

// saveOutcome is what a save came to, for the UI goroutine.
type saveOutcome struct {
	doc     document // as saved, merged when its base had moved on
	changed bool     // false when there was nothing to save
	merged  *mergeNote
	clash   *clash
	err     error
	dropErr error
}

// mergeNote says what a save merged in: revisions after From up to To,
// by these authors, changing these fields.
type mergeNote struct {
	from, to int
	authors  []string
	fields   string
	chosen   int    // the clashes the person chose at
	words    string // the words that came in (theirWords), once known
}

// clash is a save that needs the person: mine and theirs (the document as
// saved now) both changed the same words of base.
type clash struct {
	base, mine, theirs document
	conflicts          []editor.Conflict
	note               *mergeNote
}

// saveMerging saves d as a revision over base, merging in what others saved
// since; it runs off the UI goroutine.
// note, when not nil, is what was merged in before (a clash settled); who
// is whose working copy a save drops.
func (s *docSession) saveMerging(d document, base int, meta editor.RevisionMeta, note *mergeNote, who editor.Owner) saveOutcome {
	g := s.g
	id := d.id()
	for try := 0; ; try++ {
		changed, err := d.save(g.ctx, g.store, base, meta)
		theirs := staleBase(err)
		if theirs <= base || try == mergeTries {
			out := saveOutcome{doc: d, changed: changed, merged: note, err: err}
			if err == nil && changed {
				liveLog("saved doc=%s rev=%d", id, d.rev())
			}
			if err == nil {
				out.dropErr = g.forget(id, who)
			}
			return out
		}
		from, _, err := s.kind.revision(g.ctx, g.store, id, base)
		if err != nil {
			return saveOutcome{err: err}
		}
		cur, err := s.kind.read(g.ctx, g.store, id)
		if err != nil {
			return saveOutcome{err: err}
		}
		note = s.noteMerge(note, from, cur, base)
		merged, conflicts, err := d.merge(from, cur, nil)
		if err != nil {
			return saveOutcome{err: err}
		}
		if len(conflicts) > 0 {
			return saveOutcome{clash: &clash{base: from, mine: d, theirs: cur, conflicts: conflicts, note: note}}
		}
		d, base = merged, cur.rev()
	}
}

// noteMerge adds to n the revisions after base up to cur's, with who made
// them and what they changed since from.
func (s *docSession) noteMerge(n *mergeNote, from, cur document, base int) *mergeNote {
	if n == nil {
		n = &mergeNote{from: base}
	}
	n.to = cur.rev()
	n.fields = changedFields(from, cur)
	revs, err := s.g.store.Revisions(s.g.ctx, cur.id())
	if err != nil {
		return n // the merge stands; only the names are missing
	}
	for _, r := range revs {
		if r.Seq > base && r.Seq <= n.to && r.Author != "" && !slices.Contains(n.authors, r.Author) {
			n.authors = append(n.authors, r.Author)
		}
	}
	return n
}

// staleBase is the revision someone else saved, when err says the save was
// of an older one; 0 otherwise.
func staleBase(err error) int {
	var ce *editor.ConflictError
	if errors.As(err, &ce) && (ce.Kind == editor.ConflictRevision || ce.Kind == editor.ConflictClash) {
		return ce.Current
	}
	return 0
}

// who names the revisions a merge brought in: "bob's revision 7",
// "revisions 7 to 9 by bob and ann".
func (n *mergeNote) who() string {
	by := strings.Join(n.authors, " and ")
	if n.to == n.from+1 {
		if by == "" {
			return fmt.Sprintf("revision %d", n.to)
		}
		return fmt.Sprintf("%s's revision %d", by, n.to)
	}
	s := fmt.Sprintf("revisions %d to %d", n.from+1, n.to)
	if by != "" {
		s += " by " + by
	}
	return s
}

// String is what the status bar says of a merged save.
func (n *mergeNote) String() string {
	s := fmt.Sprintf("merged in %s, which changed the %s", n.who(), n.fields)
	if n.words != "" {
		s += ": " + n.words
	}
	if n.chosen > 0 {
		s += fmt.Sprintf(", with your choice at %s", plural(n.chosen, "clash", "clashes"))
	}
	return s
}

// theirWords quotes the words a revision added over from, so a merge can
// say which words came in: “in Headingley and Chapeltown”, “Friday”. At
// most three places are quoted; "" when it only took words out.
func theirWords(from, to document) string {
	var quoted []string
	n := 0
	for _, f := range from.diff(to).Fields {
		for _, op := range f.Ops {
			w := strings.TrimSpace(op.Text)
			if op.Op != editor.OpInsert || w == "" {
				continue
			}
			if n++; n <= 3 {
				quoted = append(quoted, "“"+clip(w, 40)+"”")
			}
		}
	}
	if n > 3 {
		quoted = append(quoted, fmt.Sprintf("%d more", n-3))
	}
	return strings.Join(quoted, ", ")
}

// savedSince is what the fields should show once sent was saved as saved:
// the saved document, with whatever was typed into the fields meanwhile
// (now) merged over it.
func savedSince(sent, now, saved document) document {
	if bytes.Equal(now.content(), sent.content()) {
		return saved
	}
	merged, _, err := now.merge(sent, saved, nil)
	if err != nil {
		return now
	}
	return merged
}
