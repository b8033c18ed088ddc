package main

import (
	"flag"
	"fmt"

	"copydesk/editor"
)

var statusCmd = &command{name: "status", args: "ID STATUS [--note TEXT]", summary: "move a story through the workflow: draft, subbing, ready, published, spiked", minArgs: 2, maxArgs: 2,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		note := fs.String("note", "", "a note on the revision")
		author := fs.String("author", defaultAuthor(), "who is making the change")
		return func(e *env, args []string) error {
			st, err := editor.ParseStatus(args[1])
			if err != nil {
				return usagef("%v", err)
			}
			s, err := e.db.FindStory(e.ctx, args[0])
			if err != nil {
				return err
			}
			from := s.Status
			s, err = e.db.SetStatus(e.ctx, s.ID, s.Revision, st, editor.RevisionMeta{Author: *author, Note: *note})
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
	}}
