package cli

import (
	"errors"
	"flag"
	"fmt"

	"copydesk/editor"
)

var updateCmd = &Command{Name: "update", Args: "ID FILE [--note TEXT] [--kind K] [--author NAME]", Summary: "save a story or page from a file in the 'show --format md' form as a new revision", MinArgs: 2, MaxArgs: 2,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		note := fs.String("note", "", "a note on the revision (\"subbed\", \"legalled\")")
		kind := changeKindFlag(fs)
		author := AuthorFlag(fs, "who is making the revision")
		return func(e *Env, args []string) error {
			meta, err := checkpointMeta(e, kind, author, *note)
			if err != nil {
				return err
			}
			return runUpdate(e, args[0], args[1], meta)
		}
	}}

// runUpdate saves a story or page from a Markdown file. Fields the file's front
// matter leaves out keep their current values; the body is always the file's.
func runUpdate(e *Env, ref, file string, meta editor.RevisionMeta) error {
	d, err := findDoc(e, ref)
	if err != nil {
		return err
	}
	data, err := readInput(e, file)
	if err != nil {
		return err
	}
	if d.page != nil {
		return updatePage(e, d.page, file, data, meta)
	}
	cur := d.story
	f, err := editor.ParseStoryMarkdown(file, data)
	if err != nil {
		return err
	}
	for _, w := range f.Warnings {
		fmt.Fprintln(e.Stderr, "warning:", w)
	}
	base, err := baseRevision(e, ref, file, f.Revision, cur.Revision, cur.Title())
	if err != nil {
		return err
	}
	old := cur
	if base < cur.Revision {
		// The file was made from an older revision: the store merges its
		// changes with those saved since, word by word, or refuses a clash.
		if old, _, err = e.DB.StoryRevision(e.Ctx, cur.ID, base); err != nil {
			return err
		}
	}
	next := applyStoryFile(old, f)
	res, err := e.DB.MergeStory(e.Ctx, &next, base, meta)
	if err != nil {
		return explainSaveError(file, err)
	}
	reportMerge(e, file, base, res)
	reportSave(e, res.Saved, next.Revision)
	return nil
}

// applyStoryFile is base with the file's body and the fields its front
// matter sets: every text field, the tags, the status and the newsroom
// fields it gives.
func applyStoryFile(base *editor.Story, f *editor.StoryFile) editor.Story {
	next := *base
	next.Body = f.Story.Body
	for _, field := range editor.StoryFields() {
		if f.Set[field.Name] {
			field.Set(&next, field.Get(&f.Story))
		}
	}
	if f.Set["tags"] {
		next.Tags = f.Story.Tags
	}
	if f.Set["status"] {
		next.Status = f.Story.Status
	}
	f.ApplyTyped(&next)
	return next
}

// changeKindFlag is --kind: what a change to a published story is for its
// readers. Its function returns the kind, or a usage error naming the flag.
func changeKindFlag(fs *flag.FlagSet) func() (editor.ChangeKind, error) {
	kind := fs.String("kind", "", "for a published story: correction (the default) or clarification (a public note), update (shown as \"Updated\" with its time) or fix (a minor fix, in the history only)")
	return func() (editor.ChangeKind, error) {
		k := editor.ChangeKind(*kind)
		if err := k.Validate(); err != nil {
			return "", Usagef("--kind %q is not a kind of change; use correction, clarification, update or fix", *kind)
		}
		return k, nil
	}
}

// withNoteFlag tells a person at the command line how to give the correction
// note a change to a published story needs.
func withNoteFlag(err error) error {
	var ve *editor.ValidationError
	if errors.As(err, &ve) && ve.Field == "note" {
		return Usagef("%v; give it with --note TEXT, and nothing was saved", err)
	}
	return err
}

func updatePage(e *Env, cur *editor.Page, file string, data []byte, meta editor.RevisionMeta) error {
	f, err := editor.ParsePageMarkdown(file, data)
	if err != nil {
		return err
	}
	for _, w := range f.Warnings {
		fmt.Fprintln(e.Stderr, "warning:", w)
	}
	base, err := baseRevision(e, cur.Slug, file, f.Revision, cur.Revision, cur.Title)
	if err != nil {
		return err
	}
	next := f.Page
	next.ID = cur.ID
	res, err := e.DB.MergePage(e.Ctx, &next, base, meta)
	if err != nil {
		return explainSaveError(file, err)
	}
	reportMerge(e, file, base, res)
	reportSave(e, res.Saved, next.Revision)
	return nil
}

// explainSaveError shows a clash place by place, and tells a person at the
// command line how to give the correction note a change to a published
// story needs.
func explainSaveError(file string, err error) error {
	var ce *editor.ConflictError
	if errors.As(err, &ce) && ce.Kind == editor.ConflictClash {
		return &problemError{conflictMessage(file, ce.Base, ce.Conflicts)}
	}
	return withNoteFlag(err)
}

// reportMerge says when a file's changes were merged with revisions saved
// after the one it was made from.
func reportMerge(e *Env, file string, base int, res editor.SaveResult) {
	if res.MergedWith > 0 {
		fmt.Fprintf(e.Stderr, "%s was based on revision %d; its changes were merged with revisions %d to %d\n", file, base, base+1, res.MergedWith)
	}
}

// baseRevision checks the revision a file says it was based on against the
// current one; a file that names none is taken as based on the current one.
func baseRevision(e *Env, ref, file string, fileRev, current int, title string) (int, error) {
	switch {
	case fileRev == 0:
		fmt.Fprintf(e.Stderr, "warning: %s names no revision; taking it as an edit of the current revision %d\n", file, current)
		return current, nil
	case fileRev > current:
		return 0, Usagef("%s: revision: %d does not exist yet; %q is at revision %d", file, fileRev, title, current)
	}
	return fileRev, nil
}

func reportSave(e *Env, saved bool, rev int) {
	if saved {
		fmt.Fprintf(e.Stdout, "saved revision %d\n", rev)
	} else {
		fmt.Fprintf(e.Stdout, "no changes; revision %d is current\n", rev)
	}
}
