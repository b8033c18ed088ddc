package cli

import (
	"flag"
	"fmt"
	"strconv"

	"copydesk/editor"
)

var restoreCmd = &Command{Name: "restore", Args: "ID REV [--note TEXT] [--kind K]", Summary: "make an old revision of a story or page current again, as a new revision", MinArgs: 2, MaxArgs: 2,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		note := fs.String("note", "", "a note on the revision (a correction note, when the story is published)")
		kind := changeKindFlag(fs)
		author := AuthorFlag(fs, "who is restoring")
		return func(e *Env, args []string) error {
			change, err := kind()
			if err != nil {
				return err
			}
			seq, err := strconv.Atoi(args[1])
			if err != nil || seq < 1 {
				return Usagef("%q is not a revision number; 'copydesk revisions %s' lists them", args[1], args[0])
			}
			d, err := findDoc(e, args[0])
			if err != nil {
				return err
			}
			who, err := author(e)
			if err != nil {
				return err
			}
			meta := editor.RevisionMeta{Author: who, Note: *note, Change: change}
			var title string
			var rev int
			var saved bool
			if d.story != nil {
				restored, ok, err := e.DB.RestoreStory(e.Ctx, d.story.ID, seq, meta)
				if err != nil {
					return withNoteFlag(err)
				}
				title, rev, saved = restored.Title(), restored.Revision, ok
			} else {
				restored, ok, err := e.DB.RestorePage(e.Ctx, d.page.ID, seq, meta)
				if err != nil {
					return err
				}
				title, rev, saved = restored.Title, restored.Revision, ok
			}
			if !saved {
				fmt.Fprintf(e.Stdout, "%s already reads as revision %d did; nothing to restore\n", title, seq)
				return nil
			}
			fmt.Fprintf(e.Stdout, "restored revision %d of %s as revision %d\n", seq, title, rev)
			return nil
		}
	}}
