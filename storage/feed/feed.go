// Package feed turns a store's change feed (a Changes query over a cursor)
// into a channel of changes, for the engines' Watch: polling, woken early
// when the engine hears of a commit (PostgreSQL's LISTEN/NOTIFY).
package feed

import (
	"context"
	"time"

	"copydesk/editor"
)

// Query is an engine's Changes.
type Query func(ctx context.Context, since editor.Cursor) ([]editor.Change, editor.Cursor, error)

// maxBackoff is the longest wait between tries while the database cannot be
// reached.
const maxBackoff = 5 * time.Second

// Watch sends on the channel it returns every change after since (resolving
// editor.CursorNow first), in order, asking query every interval and
// whenever wake has a value; while query fails it tries again, waiting
// longer each time up to a few seconds. The channel is closed when ctx ends.
func Watch(ctx context.Context, since editor.Cursor, query Query, every time.Duration, wake <-chan struct{}) <-chan editor.Change {
	out := make(chan editor.Change, 64)
	go func() {
		defer close(out)
		wait := every
		timer := time.NewTimer(0) // the first query at once
		defer timer.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-timer.C:
			case <-wake:
				if !timer.Stop() {
					select {
					case <-timer.C:
					default:
					}
				}
			}
			next, err := drain(ctx, since, query, out)
			since = next
			switch {
			case ctx.Err() != nil:
				return
			case err != nil:
				wait = min(max(wait*2, every), maxBackoff)
			default:
				wait = every
			}
			timer.Reset(wait)
		}
	}()
	return out
}

// drain sends every change after since and returns the cursor after the
// last one sent.
func drain(ctx context.Context, since editor.Cursor, query Query, out chan<- editor.Change) (editor.Cursor, error) {
	for {
		changes, next, err := query(ctx, since)
		if err != nil {
			return since, err
		}
		if since == editor.CursorNow {
			return next, nil
		}
		for _, c := range changes {
			select {
			case out <- c:
			case <-ctx.Done():
				return since, ctx.Err()
			}
			since = c.Cursor
		}
		if len(changes) == 0 {
			return since, nil
		}
	}
}
