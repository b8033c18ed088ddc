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

const (
	// maxBackoff is the longest wait between tries while the database
	// cannot be reached.
	maxBackoff = 5 * time.Second
	// afterWake is how long the feed is read every burstEvery after a
	// wake-up: a commit announced may not be readable at once (on
	// PostgreSQL, until the transactions begun before it end).
	afterWake  = 2 * time.Second
	burstEvery = 200 * time.Millisecond
)

// Watch sends on the channel it returns every change after since (resolving
// editor.CursorNow first), in order, asking query every interval, and
// whenever wake has a value (then often for a moment); while query fails it
// tries again, waiting longer each time up to a few seconds. The channel is
// closed when ctx ends.
func Watch(ctx context.Context, since editor.Cursor, query Query, every time.Duration, wake <-chan struct{}) <-chan editor.Change {
	out := make(chan editor.Change, 64)
	go func() {
		defer close(out)
		backoff := time.Duration(0)
		var burstUntil time.Time
		timer := time.NewTimer(0) // the first query at once
		defer timer.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-timer.C:
			case <-wake:
				burstUntil = time.Now().Add(afterWake)
				timer.Stop()
			}
			next, err := drain(ctx, since, query, out)
			since = next
			wait := every
			switch {
			case ctx.Err() != nil:
				return
			case err != nil:
				backoff = min(max(backoff*2, every), maxBackoff)
				wait = backoff
			default:
				backoff = 0
				if time.Now().Before(burstUntil) {
					wait = burstEvery
				}
			}
			timer.Reset(wait)
		}
	}()
	return out
}

// drain sends every change after since and returns the cursor to ask from
// next.
func drain(ctx context.Context, since editor.Cursor, query Query, out chan<- editor.Change) (editor.Cursor, error) {
	for {
		changes, next, err := query(ctx, since)
		if err != nil {
			return since, err
		}
		for _, c := range changes {
			select {
			case out <- c:
			case <-ctx.Done():
				return since, ctx.Err()
			}
		}
		if len(changes) == 0 {
			return next, nil
		}
		since = next
	}
}
