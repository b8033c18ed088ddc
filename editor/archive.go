package editor

import "fmt"

// Archive is a whole story or page as a copy between databases moves it:
// its current state (a story with its quotes and corrections) and every
// revision with its content, the content exactly as stored, so that each
// keeps its SHA-256.
type Archive struct {
	Story     *Story // a story, or
	Page      *Page  // a page
	Revisions []Revision
	Contents  [][]byte // Contents[i] is the content of Revisions[i]
}

// ID is the story's or page's ID.
func (a *Archive) ID() string {
	if a.Story != nil {
		return a.Story.ID
	}
	return a.Page.ID
}

// Verify checks that the archive is whole: one of a story and a page, its
// revisions numbered from 1 without a gap up to its current revision, and
// each content matching its revision's SHA-256.
func (a *Archive) Verify() error {
	if (a.Story == nil) == (a.Page == nil) {
		return fmt.Errorf("archive: give a story or a page")
	}
	current := 0
	if a.Story != nil {
		current = a.Story.Revision
	} else {
		current = a.Page.Revision
	}
	if len(a.Revisions) != current || len(a.Contents) != current {
		return fmt.Errorf("%s: %d revisions and %d contents for a document at revision %d: %w", a.ID(), len(a.Revisions), len(a.Contents), current, ErrCorrupt)
	}
	for i, r := range a.Revisions {
		if r.Seq != i+1 {
			return fmt.Errorf("%s: revision %d is numbered %d: %w", a.ID(), i+1, r.Seq, ErrCorrupt)
		}
		if ContentHash(a.Contents[i]) != r.SHA256 {
			return fmt.Errorf("%s: revision %d does not match its SHA-256: %w", a.ID(), r.Seq, ErrCorrupt)
		}
	}
	return nil
}
