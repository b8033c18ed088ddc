// Package savetrace times the phases of a save, for the load test: a
// caller puts a *Trace in the context, and an engine adds the time each
// phase took. Without a trace in the context, timing costs one context
// lookup per phase.
package savetrace

import (
	"context"
	"time"
)

// Phase is one step of a save.
type Phase int

// The phases of a save, in the order they happen.
const (
	Acquire  Phase = iota // waiting for a connection of the pool (or SQLite's one writer)
	ReadBase              // reading the current row and the revision the edit started from
	Merge                 // planning the save: the 3-way merge and the save rules
	Write                 // writing the revision, the row and its notes
	Commit                // committing the transaction
	Notify                // telling the desk's other clients
	Phases                // the number of phases
)

var names = [Phases]string{"acquire", "read base", "merge", "write", "commit", "notify"}

// String is the phase's name.
func (p Phase) String() string { return names[p] }

// Trace holds the time each phase of one save took, and how many attempts
// the save made.
type Trace struct {
	Took     [Phases]time.Duration
	Attempts int
}

type key struct{}

// With returns a context that carries t.
func With(ctx context.Context, t *Trace) context.Context { return context.WithValue(ctx, key{}, t) }

// From returns the trace ctx carries, or nil.
func From(ctx context.Context) *Trace {
	t, _ := ctx.Value(key{}).(*Trace)
	return t
}

// Since adds the time since start to phase p and returns now, the start of
// the next phase. A nil trace only returns now.
func (t *Trace) Since(p Phase, start time.Time) time.Time {
	now := time.Now()
	if t != nil {
		t.Took[p] += now.Sub(start)
	}
	return now
}

// Attempt counts one attempt of the save's transaction.
func (t *Trace) Attempt() {
	if t != nil {
		t.Attempts++
	}
}
