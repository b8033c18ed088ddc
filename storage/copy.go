package storage

import (
	"context"
	"errors"
	"fmt"

	"copydesk/editor"
)

// Archiver is a store whose whole content can be read out and written into
// another, every revision with its hash: what copy needs. Both engines are.
type Archiver interface {
	// Empty reports whether the store holds no story, page or person.
	Empty(ctx context.Context) (bool, error)
	// Documents lists the IDs of every story and page.
	Documents(ctx context.Context) (stories, pages []string, err error)
	// ReadArchive reads a story or page with every revision's content,
	// each checked against its SHA-256.
	ReadArchive(ctx context.Context, id string) (*editor.Archive, error)
	// WriteArchive writes a story or page that the store does not have,
	// with its revisions as they were (numbers, authors, times, hashes).
	WriteArchive(ctx context.Context, a *editor.Archive) error
	// AddPeople adds people with their IDs to a store that has none of them.
	AddPeople(ctx context.Context, people []editor.Person) error
	// WriteNotes adds notes as they were (IDs, authors, times, anchors) to
	// stories the store has.
	WriteNotes(ctx context.Context, notes []editor.Note) error
}

// ErrNotEmpty is a copy refused because its target holds something already.
var ErrNotEmpty = errors.New("target is not empty")

// CopyReport counts what a copy moved.
type CopyReport struct {
	Stories, Pages, People, Revisions, Notes int
}

// Copy copies everything in src (people, stories and pages with every
// revision, quotes, corrections and notes) into dst, which must be empty, and reads
// each document back from dst to check that every revision is there with
// the same SHA-256. Working copies, one person's unsaved typing on one
// machine, stay behind. progress, when not nil, is told how many documents
// are done.
func Copy(ctx context.Context, src, dst Store, progress func(done, total int)) (CopyReport, error) {
	var report CopyReport
	from, ok := src.(Archiver)
	if !ok {
		return report, fmt.Errorf("%s cannot be copied from", src.Path())
	}
	to, ok := dst.(Archiver)
	if !ok {
		return report, fmt.Errorf("%s cannot be copied into", dst.Path())
	}
	empty, err := to.Empty(ctx)
	if err != nil {
		return report, err
	}
	if !empty {
		return report, fmt.Errorf("%s already holds stories, pages or people; copy into a new, empty database, so that nothing there is mixed with the copy: %w",
			dst.Path(), ErrNotEmpty)
	}
	people, err := src.People(ctx)
	if err != nil {
		return report, err
	}
	if err := to.AddPeople(ctx, people); err != nil {
		return report, fmt.Errorf("copying the people directory: %w", err)
	}
	report.People = len(people)
	stories, pages, err := from.Documents(ctx)
	if err != nil {
		return report, err
	}
	all := append(stories, pages...)
	for i, id := range all {
		if err := ctx.Err(); err != nil {
			return report, err
		}
		a, err := from.ReadArchive(ctx, id)
		if err != nil {
			return report, err
		}
		if err := a.Verify(); err != nil {
			return report, fmt.Errorf("%s: %w", src.Path(), err)
		}
		if err := to.WriteArchive(ctx, a); err != nil {
			return report, fmt.Errorf("copying %s: %w", id, err)
		}
		back, err := to.ReadArchive(ctx, id)
		if err != nil {
			return report, fmt.Errorf("reading %s back from %s: %w", id, dst.Path(), err)
		}
		if err := sameRevisions(a, back); err != nil {
			return report, fmt.Errorf("%s: %w", dst.Path(), err)
		}
		if a.Story != nil {
			n, err := copyNotes(ctx, src, dst, to, id)
			if err != nil {
				return report, err
			}
			report.Stories++
			report.Notes += n
		} else {
			report.Pages++
		}
		report.Revisions += len(a.Revisions)
		if progress != nil {
			progress(i+1, len(all))
		}
	}
	return report, nil
}

// sameRevisions checks a document read back from the target against what
// was copied: every revision, with the same number, kind, author and SHA-256.
func sameRevisions(want, got *editor.Archive) error {
	if err := got.Verify(); err != nil {
		return err
	}
	if len(got.Revisions) != len(want.Revisions) {
		return fmt.Errorf("%s has %d revisions after the copy, want %d: %w", want.ID(), len(got.Revisions), len(want.Revisions), editor.ErrCorrupt)
	}
	for i, w := range want.Revisions {
		g := got.Revisions[i]
		if g.SHA256 != w.SHA256 || g.Kind != w.Kind || g.Author != w.Author || g.Note != w.Note || !g.CreatedAt.Equal(w.CreatedAt) {
			return fmt.Errorf("%s revision %d differs after the copy: %w", want.ID(), w.Seq, editor.ErrCorrupt)
		}
	}
	return nil
}

// copyNotes copies a story's notes and reads them back from dst.
func copyNotes(ctx context.Context, src, dst Store, to Archiver, id string) (int, error) {
	notes, err := src.Notes(ctx, id)
	if err != nil || len(notes) == 0 {
		return 0, err
	}
	if err := to.WriteNotes(ctx, notes); err != nil {
		return 0, fmt.Errorf("copying the notes on %s: %w", id, err)
	}
	back, err := dst.Notes(ctx, id)
	if err != nil {
		return 0, fmt.Errorf("reading the notes on %s back from %s: %w", id, dst.Path(), err)
	}
	if len(back) != len(notes) {
		return 0, fmt.Errorf("%s has %d notes on %s after the copy, want %d: %w", dst.Path(), len(back), id, len(notes), editor.ErrCorrupt)
	}
	return len(notes), nil
}
