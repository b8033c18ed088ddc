package main

import (
	"flag"
	"fmt"

	"copydesk/editor"
)

var statusCmd = &command{name: "status", args: "ID STATUS | STATUS ID... [--note TEXT]", summary: "move stories through the workflow: draft, subbing, ready, published, spiked", minArgs: 2, maxArgs: -1,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		note := fs.String("note", "", "a note on the revision")
		author := fs.String("author", defaultAuthor(), "who is making the change")
		return func(e *env, args []string) error {
			st, ids, err := statusArgs(args)
			if err != nil {
				return err
			}
			meta := editor.RevisionMeta{Author: *author, Note: *note}
			if len(ids) == 1 {
				return moveStory(e, ids[0], st, meta)
			}
			// Each story moves on its own: one that cannot (not found, a
			// failed check) is named, and the others still move.
			failed := 0
			for _, id := range ids {
				if err := moveStory(e, id, st, meta); err != nil {
					failed++
					fmt.Fprintf(e.stderr, "copydesk status: %s: %s\n", id, oneLine(err.Error()))
				}
			}
			if failed > 0 {
				return &problemError{fmt.Sprintf("%d of %d stories were not moved to %s; the others were", failed, len(ids), st)}
			}
			return nil
		}
	}}

// statusArgs reads `ID STATUS` (one story) or `STATUS ID...` (many).
func statusArgs(args []string) (editor.Status, []string, error) {
	if len(args) == 2 {
		if st, err := editor.ParseStatus(args[1]); err == nil {
			return st, args[:1], nil
		}
	}
	st, err := editor.ParseStatus(args[0])
	if err != nil {
		if len(args) == 2 {
			_, err = editor.ParseStatus(args[1])
		}
		return "", nil, usagef("%v", err)
	}
	return st, args[1:], nil
}

func moveStory(e *env, id string, st editor.Status, meta editor.RevisionMeta) error {
	s, err := e.db.FindStory(e.ctx, id)
	if err != nil {
		return err
	}
	from := s.Status
	s, err = e.db.SetStatus(e.ctx, s.ID, s.Revision, st, meta)
	if err != nil {
		return withNoteFlag(err)
	}
	if from == st {
		fmt.Fprintf(e.stdout, "%s is already %s\n", s.Title(), st)
		return nil
	}
	fmt.Fprintf(e.stdout, "%s: %s → %s (revision %d)\n", s.Title(), from, st, s.Revision)
	return nil
}
