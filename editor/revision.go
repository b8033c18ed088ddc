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
}

// Validate reports a note or author that cannot be saved.
func (m RevisionMeta) Validate() error {
	return firstError(
		checkSingleLine("author", m.Author), checkLen("author", m.Author, LineFieldMax),
		checkLen("note", m.Note, StandfirstMax),
	)
}

// Correction is a note published with a story that changed after it went out.
type Correction struct {
	Note string    `json:"note"`
	At   time.Time `json:"at"`
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
