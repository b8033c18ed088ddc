package cli

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"copydesk/editor"
	"copydesk/export/redline"
	"copydesk/internal/termdiff"
)

var diffCmd = &Command{Name: "diff", Args: "ID [A [B]] [--format text|html|json]", Summary: "word diff of two revisions (default: the last two); 'published' and 'current' may stand for a number", MinArgs: 1, MaxArgs: 3,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		format := fs.String("format", "text", "text (markers, colour on a terminal), html (a standalone redline page) or json")
		full := fs.Bool("full", false, "show long fields whole, not only the changed paragraphs")
		return func(e *Env, args []string) error {
			return runDiff(e, args, *format, *full)
		}
	}}

var blameCmd = &Command{Name: "blame", Args: "ID [--json]", Summary: "each paragraph of a story's body with the revision, author and time that last changed it", MinArgs: 1, MaxArgs: 1,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		return func(e *Env, args []string) error {
			s, err := e.DB.FindStory(e.Ctx, args[0])
			if err != nil {
				return err
			}
			history, revs, err := e.DB.StoryHistory(e.Ctx, s.ID)
			if err != nil {
				return err
			}
			in := make([]editor.BlameRevision, len(history))
			for i, h := range history {
				in[i] = editor.BlameRevision{Seq: revs[i].Seq, Author: revs[i].Author, At: revs[i].CreatedAt, Body: h.Body}
			}
			blame := editor.Blame(in)
			if *asJSON {
				return WriteJSON(e.Stdout, blame)
			}
			for _, p := range blame {
				author := p.Author
				if author == "" {
					author = "—"
				}
				fmt.Fprintf(e.Stdout, "r%-4d %-18s %s  %s\n", p.Seq, shorten(author, 18), p.At.Local().Format("2006-01-02 15:04"), shorten(p.Text, 90))
			}
			return nil
		}
	}}

func runDiff(e *Env, args []string, format string, full bool) error {
	if format != "text" && format != "json" && format != "html" {
		return Usagef("--format %q: use text, html or json", format)
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
	title := ""
	if d.story != nil {
		title = d.story.Title()
		a, _, err := e.DB.StoryRevision(e.Ctx, d.story.ID, from)
		if err != nil {
			return err
		}
		b, _, err := e.DB.StoryRevision(e.Ctx, d.story.ID, to)
		if err != nil {
			return err
		}
		diff = editor.DiffStories(a, b)
	} else {
		a, _, err := e.DB.PageRevision(e.Ctx, d.page.ID, from)
		if err != nil {
			return err
		}
		b, _, err := e.DB.PageRevision(e.Ctx, d.page.ID, to)
		if err != nil {
			return err
		}
		diff = editor.DiffPages(a, b)
		title = d.page.Title
	}
	switch format {
	case "json":
		return WriteJSON(e.Stdout, diff)
	case "html":
		return redline.Write(e.Stdout, diff, redline.Options{Title: title,
			From: revisionLabel(e, d, from), To: revisionLabel(e, d, to)})
	}
	return termdiff.WriteDiff(e.Stdout, diff, termdiff.Options{Color: isTerminal(e.Stdout), Context: 1, Full: full})
}

func (d doc) revision() int {
	if d.story != nil {
		return d.story.Revision
	}
	return d.page.Revision
}

// revisionArg reads a revision number, or "current", or "published" (the
// revision at which a story last went live).
func revisionArg(e *Env, d doc, arg string) (int, error) {
	switch strings.ToLower(arg) {
	case "current":
		return d.revision(), nil
	case "published":
		if d.story == nil {
			return 0, Usagef("pages are not published on their own; give a revision number")
		}
		seq, err := e.DB.PublishedRevision(e.Ctx, d.story.ID)
		if err != nil {
			return 0, err
		}
		return seq, nil
	}
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 {
		return 0, Usagef("%q is not a revision: give a number, current or published", arg)
	}
	if n > d.revision() {
		return 0, Usagef("revision %d does not exist; the newest is %d", n, d.revision())
	}
	return n, nil
}

// revisionLabel names a revision for a redline: its number, time, author and note.
func revisionLabel(e *Env, d doc, seq int) string {
	revs, err := e.DB.Revisions(e.Ctx, d.pageOrStoryID())
	if err != nil || seq < 1 || seq > len(revs) {
		return fmt.Sprintf("revision %d", seq)
	}
	r := revs[seq-1]
	label := fmt.Sprintf("revision %d, %s", r.Seq, r.CreatedAt.UTC().Format("2 Jan 2006 15:04 UTC"))
	if r.Author != "" {
		label += ", " + r.Author
	}
	if r.Note != "" {
		label += " (" + r.Note + ")"
	}
	return label
}

// conflictMessage shows both versions of each clashing place.
func conflictMessage(file string, base int, conflicts []editor.Conflict) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s changes the same words as revisions saved since revision %d; nothing was saved:", file, base)
	for _, c := range conflicts {
		fmt.Fprintf(&b, "\n  %s: …%s[%s]%s… was changed to [%s] since, and to [%s] in %s", c.Field, c.Before, c.Base, c.After, c.Ours, c.Theirs, file)
	}
	return b.String()
}
