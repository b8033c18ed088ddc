package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"copydesk/editor"
)

func init() {
	register(&command{name: "diff", args: "ID [A [B]] [--format text|json]", summary: "word diff of two revisions (default: the last two); 'published' and 'current' may stand for a number", minArgs: 1, maxArgs: 3,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			format := fs.String("format", "text", "text (markers, colour on a terminal) or json")
			full := fs.Bool("full", false, "show long fields whole, not only the changed paragraphs")
			return func(e *env, args []string) error {
				return runDiff(e, args, *format, *full)
			}
		}})
}

func runDiff(e *env, args []string, format string, full bool) error {
	if format != "text" && format != "json" {
		return usagef("--format %q: use text or json", format)
	}
	d, err := findDoc(e, args[0])
	if err != nil {
		return err
	}
	current := d.revision()
	from, to := current-1, current
	if len(args) >= 2 {
		if from, err = revisionArg(e, d, args[1]); err != nil {
			return err
		}
		to = current
	}
	if len(args) == 3 {
		if to, err = revisionArg(e, d, args[2]); err != nil {
			return err
		}
	}
	if from < 1 {
		from = 1
	}
	var diff editor.StoryDiff
	if d.story != nil {
		a, _, err := e.db.StoryRevision(e.ctx, d.story.ID, from)
		if err != nil {
			return err
		}
		b, _, err := e.db.StoryRevision(e.ctx, d.story.ID, to)
		if err != nil {
			return err
		}
		diff = editor.DiffStories(a, b)
	} else {
		a, _, err := e.db.PageRevision(e.ctx, d.page.ID, from)
		if err != nil {
			return err
		}
		b, _, err := e.db.PageRevision(e.ctx, d.page.ID, to)
		if err != nil {
			return err
		}
		diff = editor.DiffPages(a, b)
	}
	if format == "json" {
		return writeJSON(e.stdout, diff)
	}
	return editor.WriteDiffText(e.stdout, diff, editor.TextOptions{Color: isTerminal(e.stdout), Context: 1, Full: full})
}

func (d doc) revision() int {
	if d.story != nil {
		return d.story.Revision
	}
	return d.page.Revision
}

// revisionArg reads a revision number, or "current", or "published" (the
// revision at which a story last went live).
func revisionArg(e *env, d doc, arg string) (int, error) {
	switch strings.ToLower(arg) {
	case "current":
		return d.revision(), nil
	case "published":
		if d.story == nil {
			return 0, usagef("pages are not published on their own; give a revision number")
		}
		seq, err := e.db.PublishedRevision(e.ctx, d.story.ID)
		if err != nil {
			return 0, err
		}
		return seq, nil
	}
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 {
		return 0, usagef("%q is not a revision: give a number, current or published", arg)
	}
	if n > d.revision() {
		return 0, usagef("revision %d does not exist; the newest is %d", n, d.revision())
	}
	return n, nil
}

// writeConflicts shows both versions of each clashing place.
func conflictMessage(file string, base int, conflicts []editor.Conflict) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s changes the same words as revisions saved since revision %d; nothing was saved:", file, base)
	for _, c := range conflicts {
		fmt.Fprintf(&b, "\n  %s: …%s[%s]%s… was changed to [%s] since, and to [%s] in %s", c.Field, c.Before, c.Base, c.After, c.Ours, c.Theirs, file)
	}
	return b.String()
}
