package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"copydesk/editor"
)

var quotesCmd = &command{name: "quotes", args: "ID [--json]", summary: "a story's attributed quotes and whether each still matches the text", minArgs: 1, maxArgs: 1,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		return func(e *env, args []string) error {
			s, err := e.db.FindStory(e.ctx, args[0])
			if err != nil {
				return err
			}
			rows := quoteRows(s)
			if *asJSON {
				return writeJSON(e.stdout, rows)
			}
			if len(rows) == 0 {
				fmt.Fprintf(e.stderr, "%s has no attributed quotes\n", s.Title())
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "STATE\tSPEAKER\tQUOTE\tSOURCE")
			for _, q := range rows {
				fmt.Fprintf(tw, "%s\t%s\t“%s”\t%s\n", q.State, q.Speaker.Name, shorten(q.Text, 60), q.Source)
			}
			return tw.Flush()
		}
	}}

var checkCmd = &command{name: "check", args: "ID [--json]", summary: "pre-publication checks; exit 1 when any finding is an error", minArgs: 1, maxArgs: 1,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		return func(e *env, args []string) error {
			s, err := e.db.FindStory(e.ctx, args[0])
			if err != nil {
				return err
			}
			people, err := e.db.People(e.ctx)
			if err != nil {
				return err
			}
			notes, err := e.db.Notes(e.ctx, s.ID)
			if err != nil {
				return err
			}
			findings := editor.CheckNotes(editor.Check(s, people), notes)
			if findings == nil {
				findings = []editor.Finding{}
			}
			if *asJSON {
				if err := writeJSON(e.stdout, struct {
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
	State      editor.QuoteState `json:"state"`
	Changed    []string          `json:"changed,omitempty"`
	Start      int               `json:"start"`
	End        int               `json:"end"`
	Continues  bool              `json:"continues,omitempty"` // the second piece of a quote its attribution interrupts
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
			VerifiedBy: q.VerifiedBy, VerifiedAt: q.VerifiedAt, State: p.State, Changed: p.Changed(),
			Start: p.Anchor.Start, End: p.Anchor.End})
	}
	return rows
}

func printFindings(e *env, s *editor.Story, findings []editor.Finding) {
	if len(findings) == 0 {
		fmt.Fprintf(e.stdout, "%s: no findings\n", s.Title())
		return
	}
	fmt.Fprintf(e.stdout, "%s: %s, %s, %s\n", s.Title(), countOf(findings, editor.SeverityError),
		countOf(findings, editor.SeverityWarning), countOf(findings, editor.SeverityInfo))
	for _, f := range findings {
		where := ""
		if f.End > f.Start {
			where = fmt.Sprintf(" [%d–%d]", f.Start, f.End)
		}
		fmt.Fprintf(e.stdout, "  %-7s %s%s\n", f.Severity, f.Message, where)
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
