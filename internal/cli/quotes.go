package cli

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

var quotesCmd = &Command{Name: "quotes", Args: "ID [--json] [--confirm QUOTE [--author NAME] [--note TEXT] [--kind K]]", Summary: "a story's attributed quotes and whether each still matches the text; --confirm records that a person confirmed a speaker", MinArgs: 1, MaxArgs: 1,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		confirm := fs.String("confirm", "", "confirm the speaker of this quote (its ID, or a unique start of it; \"all\" for every quote with a speaker), saved as a new revision")
		author := AuthorFlag(fs, "who confirms the speaker")
		note := fs.String("note", "", "a note on the revision (a published story needs one)")
		kind := changeKindFlag(fs)
		return func(e *Env, args []string) error {
			s, err := e.DB.FindStory(e.Ctx, args[0])
			if err != nil {
				return err
			}
			if *confirm != "" {
				meta, err := checkpointMeta(e, kind, author, *note)
				if err != nil {
					return err
				}
				if s, err = confirmSpeakers(e, s, *confirm, meta); err != nil {
					return err
				}
			}
			rows := quoteRows(s)
			if *asJSON {
				return WriteJSON(e.Stdout, rows)
			}
			if len(rows) == 0 {
				fmt.Fprintf(e.Stderr, "%s has no attributed quotes\n", s.Title())
				return nil
			}
			tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "STATE\tSPEAKER\tQUOTE\tSOURCE")
			for _, q := range rows {
				fmt.Fprintf(tw, "%s\t%s\t“%s”\t%s\n", q.State, q.Speaker.Name, shorten(q.Text, 60), q.Source)
			}
			return tw.Flush()
		}
	}}

var checkCmd = &Command{Name: "check", Args: "ID [--json] [--require-confirmed]", Summary: "pre-publication checks; exit 1 when any finding is an error", MinArgs: 1, MaxArgs: 1,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		require := requireConfirmedFlag(fs)
		return func(e *Env, args []string) error {
			s, err := e.DB.FindStory(e.Ctx, args[0])
			if err != nil {
				return err
			}
			people, err := e.DB.People(e.Ctx)
			if err != nil {
				return err
			}
			notes, err := e.DB.Notes(e.Ctx, s.ID)
			if err != nil {
				return err
			}
			opt, err := checkOptions(e, *require)
			if err != nil {
				return err
			}
			findings := editor.CheckNotes(editor.CheckWith(s, people, opt), notes)
			if findings == nil {
				findings = []editor.Finding{}
			}
			if *asJSON {
				if err := WriteJSON(e.Stdout, struct {
					Findings []editor.Finding `json:"findings"`
				}{findings}); err != nil {
					return err
				}
			} else {
				printFindings(e, s, findings)
			}
			if editor.HasErrors(findings) {
				return &problemError{fmt.Sprintf("%s has %s that must be fixed before publishing",
					s.Title(), countOf(findings, editor.SeverityError))}
			}
			return nil
		}
	}}

// quoteRow is one line of `quotes --json` (DESIGN.md).
type quoteRow struct {
	ID         string            `json:"id"`
	Text       string            `json:"text"`
	Speaker    quoteSpeaker      `json:"speaker"`
	Verb       string            `json:"verb"`
	Partial    bool              `json:"partial"`
	Source     string            `json:"source"`
	SourceKind editor.SourceKind `json:"source_kind"`
	SaidOn     string            `json:"said_on"`
	VerifiedBy string            `json:"verified_by"`
	VerifiedAt *time.Time        `json:"verified_at"`
	// ConfirmedBy and ConfirmedAt say who confirmed the speaker and when;
	// "" and null for an attribution that is still a suggestion.
	ConfirmedBy string            `json:"confirmed_by"`
	ConfirmedAt *time.Time        `json:"confirmed_at"`
	State       editor.QuoteState `json:"state"`
	Changed     []string          `json:"changed,omitempty"`
	Start       int               `json:"start"`
	End         int               `json:"end"`
	Continues   bool              `json:"continues,omitempty"` // the second piece of a quote its attribution interrupts
}

type quoteSpeaker struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}

func quoteRows(s *editor.Story) []quoteRow {
	rows := []quoteRow{}
	placed := make([]editor.Placement, len(s.Quotes))
	for i, q := range s.Quotes {
		placed[i] = editor.Place(s.Body, q)
	}
	continues := editor.Continuations(s.Body, s.Quotes, placed)
	for i, q := range s.Quotes {
		p := placed[i]
		rows = append(rows, quoteRow{Continues: continues[i], ID: q.ID, Text: q.Text, Speaker: quoteSpeaker{ID: q.PersonID, Name: q.Speaker, Role: q.Role},
			Verb: q.Verb, Partial: q.Partial, Source: q.Source, SourceKind: q.SourceKind, SaidOn: q.SaidOn,
			VerifiedBy: q.VerifiedBy, VerifiedAt: q.VerifiedAt, ConfirmedBy: q.ConfirmedBy, ConfirmedAt: q.ConfirmedAt, State: p.State, Changed: p.Changed(),
			Start: p.Anchor.Start, End: p.Anchor.End})
	}
	return rows
}

func printFindings(e *Env, s *editor.Story, findings []editor.Finding) {
	if len(findings) == 0 {
		fmt.Fprintf(e.Stdout, "%s: no findings\n", s.Title())
		return
	}
	fmt.Fprintf(e.Stdout, "%s: %s, %s, %s\n", s.Title(), countOf(findings, editor.SeverityError),
		countOf(findings, editor.SeverityWarning), countOf(findings, editor.SeverityInfo))
	for _, f := range findings {
		where := ""
		if f.End > f.Start {
			where = fmt.Sprintf(" [%d–%d]", f.Start, f.End)
		}
		fmt.Fprintf(e.Stdout, "  %-7s %s%s\n", f.Severity, f.Message, where)
	}
}

func countOf(findings []editor.Finding, sev editor.Severity) string {
	n := 0
	for _, f := range findings {
		if f.Severity == sev {
			n++
		}
	}
	word := string(sev)
	if n != 1 {
		word += "s"
	}
	return fmt.Sprintf("%d %s", n, word)
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// confirmSpeakers records that who confirmed the speaker of the quote ref
// names (an ID or a unique start of one, or "all"), and saves the story as a
// new revision; a quote already confirmed keeps its first confirmation.
func confirmSpeakers(e *Env, s *editor.Story, ref string, meta editor.RevisionMeta) (*editor.Story, error) {
	who := meta.Author
	if desk, ok := e.DB.(storage.Desk); ok {
		who = desk.User()
	}
	var pick []int
	for i, q := range s.Quotes {
		switch {
		case ref == "all" && strings.TrimSpace(q.Speaker) != "":
			pick = append(pick, i)
		case ref != "all" && q.ID == ref:
			pick = []int{i} // an exact ID wins over IDs it starts
		case ref != "all" && strings.HasPrefix(q.ID, ref) && (len(pick) == 0 || s.Quotes[pick[0]].ID != ref):
			pick = append(pick, i)
		}
	}
	switch {
	case len(pick) == 0 && ref == "all":
		return nil, Usagef("--confirm all: %s has no quote with a speaker to confirm; nothing was saved", s.Title())
	case len(pick) == 0:
		return nil, Usagef("--confirm %q: %s has no quote with that ID (see quotes %s --json); nothing was saved", ref, s.Title(), s.ID)
	case len(pick) > 1 && ref != "all":
		return nil, Usagef("--confirm %q: %d quotes' IDs start so; give more of the ID, nothing was saved", ref, len(pick))
	}
	now := time.Now()
	var names []string
	for _, i := range pick {
		q := &s.Quotes[i]
		if q.SpeakerConfirmed() {
			continue
		}
		if err := q.ConfirmSpeaker(who, now); err != nil {
			return nil, Usagef("--confirm %q: %v; nothing was saved", q.ID, err)
		}
		names = append(names, q.Speaker)
	}
	if len(names) == 0 {
		fmt.Fprintf(e.Stderr, "%s: the speaker is already confirmed; nothing to save\n", s.Title())
		return s, nil
	}
	if meta.Note == "" && s.Status != editor.StatusPublished {
		meta.Note = "speaker confirmed: " + strings.Join(names, ", ")
	}
	if _, err := e.DB.SaveStory(e.Ctx, s, s.Revision, meta); err != nil {
		return nil, withNoteFlag(err)
	}
	fmt.Fprintf(e.Stderr, "%s: confirmed %s (revision %d)\n", s.Title(), strings.Join(names, ", "), s.Revision)
	return s, nil
}

// checkOptions are the checks' options: speakers must be confirmed when
// --require-confirmed says so or the desk's settings do.
func checkOptions(e *Env, require bool) (editor.CheckOptions, error) {
	s, err := e.DB.DeskSettings(e.Ctx)
	if err != nil {
		return editor.CheckOptions{}, err
	}
	return editor.CheckOptions{RequireConfirmedSpeakers: require || s.RequireConfirmedSpeakers}, nil
}

// requireConfirmedFlag makes every unconfirmed speaker an error that stops
// publication, as the desk setting require_confirmed_speakers does.
func requireConfirmedFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("require-confirmed", false, "every quote's speaker must be confirmed by a person: an unconfirmed one is an error, not a warning")
}

// checkpointMeta is the revision an edit from the command line makes: its
// --kind of change, --author and --note.
func checkpointMeta(e *Env, kind func() (editor.ChangeKind, error), author func(*Env) (string, error), note string) (editor.RevisionMeta, error) {
	change, err := kind()
	if err != nil {
		return editor.RevisionMeta{}, err
	}
	who, err := author(e)
	if err != nil {
		return editor.RevisionMeta{}, err
	}
	return editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: who, Note: note, Change: change}, nil
}
