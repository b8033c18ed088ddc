package cli

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"copydesk/editor"
)

var notesCmd = &Command{Name: "notes", Args: "ID [--open] [--json]", Summary: "the notes between editor and subeditor on a story, open and resolved", MinArgs: 1, MaxArgs: 1,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		openOnly := fs.Bool("open", false, "only the notes not yet resolved")
		return func(e *Env, args []string) error {
			s, err := e.DB.FindStory(e.Ctx, args[0])
			if err != nil {
				return err
			}
			notes, err := e.DB.Notes(e.Ctx, s.ID)
			if err != nil {
				return err
			}
			rows := []noteRow{}
			for _, n := range notes {
				if !*openOnly || n.Open() {
					rows = append(rows, newNoteRow(n))
				}
			}
			if *asJSON {
				return WriteJSON(e.Stdout, rows)
			}
			if len(rows) == 0 {
				fmt.Fprintf(e.Stderr, "%s has no notes\n", s.Title())
				return nil
			}
			tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSTATE\tAUTHOR\tWHEN\tON\tNOTE")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t“%s”\t%s\n", shortID(r.ID), r.State, r.Author,
					r.CreatedAt.Local().Format("2 Jan 15:04"), shorten(r.Words, 30), shorten(r.Text, 60))
			}
			return tw.Flush()
		}
	}}

var noteCmd = &Command{Name: "note", Args: `ID --at WORDS --text TEXT | ID --resolve NOTE | ID --reopen NOTE [--json]`, Summary: "add a note on words of a story's body, or resolve or reopen one (notes are never exported)", MinArgs: 1, MaxArgs: 1,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		at := fs.String("at", "", "the words of the body the note is about, as they stand in it")
		text := fs.String("text", "", "what the note says")
		resolve := fs.String("resolve", "", "resolve the note with this ID (or the first characters of it)")
		reopen := fs.String("reopen", "", "reopen the resolved note with this ID (or the first characters of it)")
		asJSON := fs.Bool("json", false, "print the note as JSON")
		author := AuthorFlag(fs, "who writes or resolves the note")
		return func(e *Env, args []string) error {
			adding := *at != "" || *text != ""
			actions := 0
			for _, on := range []bool{adding, *resolve != "", *reopen != ""} {
				if on {
					actions++
				}
			}
			if actions != 1 {
				return Usagef("give --at WORDS with --text TEXT to add a note, or --resolve NOTE, or --reopen NOTE; nothing was changed")
			}
			who, err := author(e)
			if err != nil {
				return err
			}
			s, err := e.DB.FindStory(e.Ctx, args[0])
			if err != nil {
				return err
			}
			var n *editor.Note
			if adding {
				if strings.TrimSpace(*text) == "" {
					return Usagef("--text is empty; write what the note says; nothing was changed")
				}
				a, ok := editor.FindWords(s.Body, *at, 0)
				if !ok {
					return Usagef("--at %q: the body of %s does not have those words; give them as they stand in it; nothing was changed", *at, s.Title())
				}
				n = &editor.Note{StoryID: s.ID, Anchor: a, Text: *text, Author: who}
				if err := e.DB.AddNote(e.Ctx, n); err != nil {
					return err
				}
			} else {
				ref := *resolve + *reopen
				id, err := findNoteID(e, s, ref)
				if err != nil {
					return err
				}
				if n, err = e.DB.ResolveNote(e.Ctx, s.ID, id, *resolve != "", who); err != nil {
					return err
				}
			}
			if *asJSON {
				return WriteJSON(e.Stdout, newNoteRow(*n))
			}
			switch {
			case adding:
				fmt.Fprintf(e.Stdout, "note %s added on “%s” in %s\n", n.ID, shorten(n.Anchor.Exact, 40), s.Title())
			case n.Resolved:
				fmt.Fprintf(e.Stdout, "note %s resolved\n", n.ID)
			default:
				fmt.Fprintf(e.Stdout, "note %s reopened\n", n.ID)
			}
			return nil
		}
	}}

// findNoteID finds the story's note whose ID is ref or starts with it.
func findNoteID(e *Env, s *editor.Story, ref string) (string, error) {
	notes, err := e.DB.Notes(e.Ctx, s.ID)
	if err != nil {
		return "", err
	}
	var found []string
	for _, n := range notes {
		if n.ID == ref {
			return n.ID, nil
		}
		if strings.HasPrefix(n.ID, ref) {
			found = append(found, n.ID)
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("%s has no note %q; 'copydesk notes %s' lists them: %w", s.Title(), ref, shortID(s.ID), editor.ErrNotFound)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%q starts %d of the notes on %s; give more of the ID: %w", ref, len(found), s.Title(), editor.ErrAmbiguous)
}

// noteRow is one note as `notes --json` and `note --json` print it
// (docs/contract.md).
type noteRow struct {
	ID         string     `json:"id"`
	State      string     `json:"state"` // "open" or "resolved"
	Text       string     `json:"text"`
	Author     string     `json:"author"`
	CreatedAt  time.Time  `json:"created_at"`
	ResolvedBy string     `json:"resolved_by"`
	ResolvedAt *time.Time `json:"resolved_at"`
	Words      string     `json:"words"`
	Start      int        `json:"start"`
	End        int        `json:"end"`
	Detached   bool       `json:"detached"`
}

func newNoteRow(n editor.Note) noteRow {
	state := "open"
	if n.Resolved {
		state = "resolved"
	}
	return noteRow{ID: n.ID, State: state, Text: n.Text, Author: n.Author, CreatedAt: n.CreatedAt,
		ResolvedBy: n.ResolvedBy, ResolvedAt: n.ResolvedAt, Words: n.Anchor.Exact,
		Start: n.Anchor.Start, End: n.Anchor.End, Detached: n.Detached}
}

func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}
