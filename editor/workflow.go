package editor

import (
	"fmt"
	"strings"
)

// moves are the workflow's steps (DESIGN.md): draft → subbing → ready →
// published, a step back while subbing, a published story withdrawn to
// ready, and any story spiked and brought back as a draft.
var moves = map[Status][]Status{
	StatusDraft:     {StatusSubbing, StatusSpiked},
	StatusSubbing:   {StatusDraft, StatusReady, StatusSpiked},
	StatusReady:     {StatusSubbing, StatusPublished, StatusSpiked},
	StatusPublished: {StatusReady, StatusSpiked},
	StatusSpiked:    {StatusDraft},
}

// Moves lists the statuses a story may move to from s, in workflow order.
func Moves(s Status) []Status {
	var out []Status
	for _, st := range Statuses {
		for _, m := range moves[s] {
			if m == st {
				out = append(out, st)
			}
		}
	}
	return out
}

// CheckMove reports a move the workflow does not allow, naming the moves
// it does. Staying where it is, is no move and allowed.
func CheckMove(from, to Status) error {
	if err := to.Validate(); err != nil {
		return err
	}
	if from == to {
		return nil
	}
	for _, m := range moves[from] {
		if m == to {
			return nil
		}
	}
	allowed := make([]string, 0, 3)
	for _, m := range Moves(from) {
		allowed = append(allowed, string(m))
	}
	return invalid("status", "cannot move from %s to %s: from %s a story goes to %s (the workflow is draft → subbing → ready → published)",
		from, to, from, strings.Join(allowed, " or "))
}

// PublishBlockers are the findings that stop a story being published: its
// errors. A desk may publish over them only with a stated reason.
func PublishBlockers(findings []Finding) []Finding {
	var out []Finding
	for _, f := range findings {
		if f.Severity == SeverityError {
			out = append(out, f)
		}
	}
	return out
}

// MoveNote is the revision note of a status move: the move itself
// ("ready → published"), then what the person added, and for a story
// published over its errors the desk's reason, so the history says what
// happened and why.
func MoveNote(from, to Status, note, override string, blockers int) string {
	parts := []string{fmt.Sprintf("%s → %s", from, to)}
	if note = strings.TrimSpace(note); note != "" {
		parts = append(parts, note)
	}
	if override = strings.TrimSpace(override); override != "" {
		word := "errors"
		if blockers == 1 {
			word = "error"
		}
		parts = append(parts, fmt.Sprintf("published over %d %s by the desk: %s", blockers, word, override))
	}
	return strings.Join(parts, "; ")
}
