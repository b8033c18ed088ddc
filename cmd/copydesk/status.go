package main

import (
	"flag"
	"fmt"
	"strings"

	"copydesk/editor"
)

var statusCmd = &command{name: "status", args: "ID STATUS [--note TEXT] [--override REASON]", summary: "move a story through the workflow: draft, subbing, ready, published, spiked", minArgs: 2, maxArgs: 2,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		note := fs.String("note", "", "a note on the revision")
		author := fs.String("author", defaultAuthor(), "who is making the change")
		override := fs.String("override", "", "publish over the check's errors, giving the desk's reason (recorded in the revision)")
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
			if from == st {
				fmt.Fprintf(e.stdout, "%s is already %s\n", s.Title(), st)
				return nil
			}
			if err := editor.CheckMove(from, st); err != nil {
				return err
			}
			blockers := 0
			if st == editor.StatusPublished {
				people, err := e.db.People(e.ctx)
				if err != nil {
					return err
				}
				fs := editor.PublishBlockers(editor.Check(s, people))
				blockers = len(fs)
				if blockers > 0 && strings.TrimSpace(*override) == "" {
					printFindings(e, s, fs)
					return &problemError{fmt.Sprintf("%s was not published: %s must be fixed first (a desk editor may publish over them with --override REASON)",
						s.Title(), countOf(fs, editor.SeverityError))}
				}
			}
			reason := ""
			if blockers > 0 {
				reason = *override
			}
			meta := editor.RevisionMeta{Author: *author, Note: editor.MoveNote(from, st, *note, reason, blockers)}
			s, err = e.db.SetStatus(e.ctx, s.ID, s.Revision, st, meta)
			if err != nil {
				return withNoteFlag(err)
			}
			fmt.Fprintf(e.stdout, "%s: %s → %s (revision %d)\n", s.Title(), from, st, s.Revision)
			if reason != "" {
				fmt.Fprintf(e.stdout, "published over the check's errors by the desk; the reason is in the revision note: %s\n", meta.Note)
			}
			return nil
		}
	}}
