package app

import (
	"context"
	"errors"

	"copydesk/editor"
)

// On a shared desk every autosave is also written to a journal on this
// computer (storage/journal, beside the app's preferences), first, so that
// a dropped network, a stopped server or a kill -9 loses at most the last
// tick of typing; opening a document takes the newer of the desk's working
// copy and the journal's.

// Journal is the local journal of working copies, by desk (the store's
// Path) and owner.
type Journal interface {
	Keep(ctx context.Context, desk string, wc *editor.WorkingCopy) error
	WorkingCopy(ctx context.Context, desk, docID string, who editor.Owner) (*editor.WorkingCopy, error)
	// WorkingCopies lists who's on desk, the most recent first.
	WorkingCopies(ctx context.Context, desk string, who editor.Owner) ([]editor.WorkingCopy, error)
	Forget(ctx context.Context, desk, docID string, who editor.Owner) error
	// The queue of saves waiting for the desk (offline.go), in order.
	Enqueue(ctx context.Context, desk string, p *editor.PendingSave) error
	Pending(ctx context.Context, desk string, who editor.Owner) ([]editor.PendingSave, error)
	Sent(ctx context.Context, id int64) error
}

// workingCopy is who's working copy of document id: the store's, or the
// journal's when that is newer or the store's cannot be read; nil when
// there is none. It runs off the UI goroutine.
func (g *gui) workingCopy(id string, who editor.Owner) (*editor.WorkingCopy, error) {
	wc, err := g.store.WorkingCopy(g.ctx, id, who)
	if errors.Is(err, editor.ErrNotFound) {
		wc, err = nil, nil
	}
	if g.journal == nil {
		return wc, err
	}
	kept, jerr := g.journal.WorkingCopy(g.ctx, g.store.Path(), id, who)
	if jerr != nil {
		return wc, err // nothing kept locally, or the journal unreadable: the desk's stands
	}
	if wc == nil || kept.SavedAt.After(wc.SavedAt) {
		return kept, nil
	}
	return wc, err
}

// keep writes wc to the journal, when there is one; off the UI goroutine.
func (g *gui) keep(wc *editor.WorkingCopy) error {
	if g.journal == nil {
		return nil
	}
	return g.journal.Keep(g.ctx, g.store.Path(), wc)
}

// forget drops who's copy of id from the store and the journal; the
// store's error is the one that counts, the journal's copy being only a
// safety net that the next autosave rewrites.
func (g *gui) forget(id string, who editor.Owner) error {
	if _, offline := g.store.(*journalStore); offline {
		return nil // started offline, the journal's copy is the story itself until the desk is back
	}
	err := g.store.DropWorkingCopy(g.ctx, id, who)
	if g.journal != nil && err == nil {
		err = g.journal.Forget(g.ctx, g.store.Path(), id, who)
	}
	return err
}
