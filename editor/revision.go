package editor

import "time"

// RevisionKind says why a revision was made.
type RevisionKind string

// The kinds of revision.
const (
	RevisionImport     RevisionKind = "import"
	RevisionCheckpoint RevisionKind = "checkpoint"
	RevisionStatus     RevisionKind = "status"
	RevisionRestore    RevisionKind = "restore"
	RevisionCorrection RevisionKind = "correction"
)

// Revision describes one immutable snapshot of a story or page: its sequence
// number (1 for the first), why and by whom it was made, and the SHA-256 of its
// content. History is never rewritten: restoring makes a new revision.
type Revision struct {
	Seq       int          `json:"seq"`
	Kind      RevisionKind `json:"kind"`
	Author    string       `json:"author"`
	Note      string       `json:"note"`
	CreatedAt time.Time    `json:"created_at"`
	SHA256    string       `json:"sha256"`
	Words     int          `json:"words"`
}

// RevisionMeta is what the person saving says about a new revision.
type RevisionMeta struct {
	Kind   RevisionKind
	Author string
	Note   string
	// Change says what a change to a published story is for its readers;
	// "" is a correction. It is ignored for a story not published.
	Change ChangeKind
}

// Validate reports a note, author or kind of change that cannot be saved.
func (m RevisionMeta) Validate() error {
	return firstError(
		checkSingleLine("author", m.Author), checkLen("author", m.Author, LineFieldMax),
		checkLen("note", m.Note, StandfirstMax), m.Change.Validate(),
	)
}

// ChangeKind is what a change to a published story is, as newsrooms tell
// readers: a correction or a clarification (a public note), an update (the
// story is marked "Updated" with its time), or a minor fix such as a typo
// (kept in the revision's note, not shown to readers).
type ChangeKind string

// The kinds of change to a published story.
const (
	ChangeCorrection    ChangeKind = "correction"
	ChangeClarification ChangeKind = "clarification"
	ChangeUpdate        ChangeKind = "update"
	ChangeFix           ChangeKind = "fix"
)

// ChangeKinds lists the kinds of change, in the order they are offered.
func ChangeKinds() []ChangeKind {
	return []ChangeKind{ChangeCorrection, ChangeClarification, ChangeUpdate, ChangeFix}
}

// Validate reports a kind that is none of ChangeKinds; "" is a correction.
func (k ChangeKind) Validate() error {
	switch k {
	case "", ChangeCorrection, ChangeClarification, ChangeUpdate, ChangeFix:
		return nil
	}
	return invalid("kind", "%q is not a kind of change; use correction, clarification, update or fix", string(k))
}

// Or is k, or d when k is "".
func (k ChangeKind) Or(d ChangeKind) ChangeKind {
	if k == "" {
		return d
	}
	return k
}

// Label names the kind as a person reads it: "Correction", "Minor fix".
func (k ChangeKind) Label() string {
	switch k.Or(ChangeCorrection) {
	case ChangeClarification:
		return "Clarification"
	case ChangeUpdate:
		return "Update"
	case ChangeFix:
		return "Minor fix"
	}
	return "Correction"
}

// Public reports whether readers are told of the change: all but a minor fix.
func (k ChangeKind) Public() bool { return k != ChangeFix }

// Correction is a public note of a change made to a story after it went
// out: a correction, a clarification or an update. A minor fix has none.
type Correction struct {
	// Kind is ChangeCorrection, ChangeClarification or ChangeUpdate; ""
	// (from before there were kinds) is a correction.
	Kind ChangeKind `json:"kind"`
	Note string     `json:"note"`
	At   time.Time  `json:"at"`
}

// Validate reports a revision that cannot have been made: a sequence number
// below 1, an unknown kind or a malformed SHA-256.
func (r *Revision) Validate() error {
	if r.Seq < 1 {
		return invalid("seq", "is %d; revisions are numbered from 1", r.Seq)
	}
	switch r.Kind {
	case RevisionImport, RevisionCheckpoint, RevisionStatus, RevisionRestore, RevisionCorrection:
	default:
		return invalid("kind", "%q is not a revision kind; use import, checkpoint, status, restore or correction", string(r.Kind))
	}
	if len(r.SHA256) != 64 {
		return invalid("sha256", "is %d characters long; a SHA-256 in hex has 64", len(r.SHA256))
	}
	return RevisionMeta{Kind: r.Kind, Author: r.Author, Note: r.Note}.Validate()
}
