package cli

import (
	"flag"
	"fmt"
	"strings"

	"copydesk/editor"
)

var statusCmd = &Command{Name: "status", Args: "ID STATUS | STATUS ID... [--note TEXT] [--override REASON] [--require-confirmed]", Summary: "move stories through the workflow: draft, subbing, ready, published, spiked", MinArgs: 2, MaxArgs: -1,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		note := fs.String("note", "", "a note on the revision")
		author := AuthorFlag(fs, "who is making the change")
		override := fs.String("override", "", "publish over the check's errors, giving the desk's reason (recorded in the revision)")
		require := requireConfirmedFlag(fs)
		return func(e *Env, args []string) error {
			st, ids, err := statusArgs(args)
			if err != nil {
				return err
			}
			who, err := author(e)
			if err != nil {
				return err
			}
			opt, err := checkOptions(e, *require)
			if err != nil {
				return err
			}
			m := move{to: st, author: who, note: *note, override: *override, check: opt}
			if len(ids) == 1 {
				return m.story(e, ids[0])
			}
			// Each story moves on its own: one that cannot (not found, a
			// failed check) is named, and the others still move.
			failed := 0
			for _, id := range ids {
				if err := m.story(e, id); err != nil {
					failed++
					fmt.Fprintf(e.Stderr, "copydesk status: %s: %s\n", id, OneLine(err.Error()))
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
		return "", nil, Usagef("%v", err)
	}
	return st, args[1:], nil
}

// move is one workflow move as the command line asks for it.
type move struct {
	to                     editor.Status
	author, note, override string
	check                  editor.CheckOptions // the desk's settings for the check before publishing
}

// story moves one story: only along the workflow's moves, and to published
// only when check finds no error, unless the desk overrides with a reason.
func (m move) story(e *Env, id string) error {
	s, err := e.DB.FindStory(e.Ctx, id)
	if err != nil {
		return err
	}
	from := s.Status
	if from == m.to {
		fmt.Fprintf(e.Stdout, "%s is already %s\n", s.Title(), m.to)
		return nil
	}
	if err := editor.CheckMove(from, m.to); err != nil {
		return err
	}
	blockers := 0
	if m.to == editor.StatusPublished {
		people, err := e.DB.People(e.Ctx)
		if err != nil {
			return err
		}
		fs := editor.PublishBlockers(editor.CheckWith(s, people, m.check))
		blockers = len(fs)
		if blockers > 0 && strings.TrimSpace(m.override) == "" {
			printFindings(e, s, fs)
			return &problemError{fmt.Sprintf("%s was not published: %s must be fixed first (a desk editor may publish over them with --override REASON)",
				s.Title(), countOf(fs, editor.SeverityError))}
		}
	}
	reason := ""
	if blockers > 0 {
		reason = m.override
	}
	meta := editor.RevisionMeta{Author: m.author, Note: editor.MoveNote(from, m.to, m.note, reason, blockers)}
	s, err = e.DB.SetStatus(e.Ctx, s.ID, s.Revision, m.to, meta)
	if err != nil {
		return withNoteFlag(err)
	}
	fmt.Fprintf(e.Stdout, "%s: %s → %s (revision %d)\n", s.Title(), from, m.to, s.Revision)
	if reason != "" {
		fmt.Fprintf(e.Stdout, "published over the check's errors by the desk; the reason is in the revision note: %s\n", meta.Note)
	}
	return nil
}
