package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"

	"copydesk/editor"
	"copydesk/editor/wire"
	"copydesk/internal/cli"
	"copydesk/internal/wirefile"
)

// importSetup does the work of cli.ImportCmd.
func importSetup(fs *flag.FlagSet) func(*cli.Env, []string) error {
	o := importOptions{}
	fs.BoolVar(&o.dryRun, "dry-run", false, "parse only: print the story, its quotes, people, boilerplate and feed metadata found; save nothing")
	fs.BoolVar(&o.asJSON, "json", false, "print JSON")
	author := cli.AuthorFlag(fs, "who is importing")
	fs.StringVar(&o.status, "status", "", "give every story this status, whatever its file says (e.g. draft, for an archive's published posts)")
	fs.BoolVar(&o.allOrNothing, "all-or-nothing", false, "save nothing unless every file is good, all in one transaction")
	return func(e *cli.Env, files []string) error {
		who, err := author(e)
		if err != nil {
			return err
		}
		o.author = who
		return runImport(e, files, o)
	}
}

type importOptions struct {
	dryRun, asJSON, allOrNothing bool
	author, status               string
}

// importResult is what `import --json` prints for each file: the story saved,
// or why the file was not imported.
type importResult struct {
	ID       string `json:"id,omitempty"`
	Slug     string `json:"slug,omitempty"`
	Headline string `json:"headline,omitempty"`
	Quotes   int    `json:"quotes"`
	File     string `json:"file"`
	Error    string `json:"error,omitempty"`
	// Notice is the feed's cancellation or withdrawal the file is; ID
	// names the story it marked (or, in a dry run, would mark).
	Notice *wire.Notice `json:"notice,omitempty"`
}

// noticeResult is what `import --json` prints for a notice that was applied.
func noticeResult(oc wire.Outcome) importResult {
	s := oc.Story
	return importResult{ID: s.ID, Slug: s.Slug, Headline: s.Headline, Quotes: len(s.Quotes), File: oc.Name, Notice: oc.Notice}
}

// runImport imports each file in a transaction of its own, so that a bad
// file is reported (by name, with its reason) and the good ones are saved;
// the command then exits 1. With --all-or-nothing every file is read first
// and all are saved in one transaction, or none when any is bad. A dry run
// reads as a real import does and reports the same failures.
func runImport(e *cli.Env, files []string, o importOptions) error {
	var status editor.Status
	if o.status != "" {
		st, err := editor.ParseStatus(o.status)
		if err != nil {
			return cli.Usagef("--status %q is not a status; use draft, subbing, ready, published or spiked", o.status)
		}
		status = st
	}
	progress := cli.NewProgress(e.Stderr, "importing", len(files))
	meta := editor.RevisionMeta{Kind: editor.RevisionImport, Author: o.author}
	b := wire.Batch{
		Read:     func(name string) ([]byte, error) { return readImportFile(e, name) },
		Status:   status,
		Progress: progress.Set,
	}
	b.Notice = func(ctx context.Context, name string, n *wire.Notice) (*editor.Story, error) {
		// With --all-or-nothing the notices are applied once the stories are saved.
		return applyNotice(e, name, n, meta, o.dryRun || o.allOrNothing)
	}
	if !o.dryRun && !o.allOrNothing {
		b.Save = func(ctx context.Context, name string, r *wire.Result) (*editor.Story, error) {
			s, people := r.ToStory()
			m := meta
			m.Note = "imported from " + editor.ShownName(filepath.Base(name))
			if err := e.DB.Import(ctx, []*editor.Story{&s}, people, m, nil); err != nil {
				return nil, err
			}
			return &s, nil
		}
	}
	outcomes := b.Run(e.Ctx, files)
	progress.Done()
	if err := e.Ctx.Err(); err != nil {
		// The files saved before Ctrl+C stay saved: say which they are.
		if !o.dryRun {
			printImported(e, outcomes, o.asJSON)
		}
		return err
	}
	if !o.dryRun {
		for _, oc := range outcomes {
			if oc.Result != nil {
				for _, w := range oc.Result.Warnings {
					fmt.Fprintln(e.Stderr, "warning:", w)
				}
			}
		}
	}
	if o.allOrNothing && wire.Failed(outcomes) == 0 && !o.dryRun {
		if err := saveAll(e, outcomes, meta); err != nil {
			return err
		}
		for i, oc := range outcomes {
			if oc.Notice != nil {
				s, err := applyNotice(e, oc.Name, oc.Notice, meta, false)
				if err != nil {
					return err
				}
				outcomes[i].Story = s
			}
		}
	}
	if o.allOrNothing && wire.Failed(outcomes) > 0 {
		reportFailures(e, outcomes)
		return fmt.Errorf("nothing was imported: %w", firstFailure(outcomes))
	}
	if o.dryRun {
		if err := printDryRun(e, outcomes, o.asJSON); err != nil {
			return err
		}
	} else if err := printImported(e, outcomes, o.asJSON); err != nil {
		return err
	}
	return batchError(e, outcomes, o.asJSON)
}

// applyNotice applies a feed's cancellation or withdrawal notice to the
// story it names (wire.ApplyNotice), saying so on stderr for each story it
// marks, and returns the last. A notice for a story copydesk does not have
// is refused (exit 1), naming the ID.
func applyNotice(e *cli.Env, name string, n *wire.Notice, meta editor.RevisionMeta, dryRun bool) (*editor.Story, error) {
	marked, err := wire.ApplyNotice(e.Ctx, e.DB, name, n, meta, dryRun)
	var ns *wire.NoStoryError
	if errors.As(err, &ns) {
		return nil, &editor.FileError{Name: name, Err: cli.Problemf("%s", ns.Error())}
	}
	if err != nil {
		return nil, err
	}
	if !dryRun {
		for _, s := range marked {
			fmt.Fprintf(e.Stderr, "copydesk import: %s: %s the story %s (%s); it is now spiked\n", name, n.Verb(), s.Title(), s.ID)
		}
	}
	return marked[len(marked)-1], nil
}

// saveAll saves every file's story, with the people they quote, in one
// transaction.
func saveAll(e *cli.Env, outcomes []wire.Outcome, meta editor.RevisionMeta) error {
	stories := make([]*editor.Story, 0, len(outcomes))
	var people []editor.Person
	for _, oc := range outcomes {
		if oc.Notice != nil {
			continue // applied after the stories are saved
		}
		s, p := oc.Result.ToStory()
		stories = append(stories, &s)
		people = append(people, p...)
	}
	meta.Note = "imported"
	if len(outcomes) == 1 {
		meta.Note = "imported from " + editor.ShownName(filepath.Base(outcomes[0].Name))
	}
	progress := cli.NewProgress(e.Stderr, "saving", len(stories))
	err := e.DB.Import(e.Ctx, stories, people, meta, func(done, total int) { progress.Set(done, total) })
	progress.Done()
	if err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	next := 0
	for i := range outcomes {
		if outcomes[i].Notice == nil {
			outcomes[i].Story = stories[next]
			next++
		}
	}
	return nil
}

// batchError is the command's error once every file has been tried: none
// when all were imported; the file's own error when the only file, or every
// file, failed (so that bad input still exits 2); else a problem (exit 1)
// after each failed file has been named on stderr.
func batchError(e *cli.Env, outcomes []wire.Outcome, asJSON bool) error {
	failed := wire.Failed(outcomes)
	if failed == 0 {
		return nil
	}
	if len(outcomes) == 1 {
		return outcomes[0].Reason()
	}
	if !asJSON {
		reportFailures(e, outcomes)
	}
	if failed == len(outcomes) {
		return fmt.Errorf("none of the %d files was imported: %w", failed, firstFailure(outcomes))
	}
	return cli.Problemf("%d of %d files were not imported; the others were", failed, len(outcomes))
}

func reportFailures(e *cli.Env, outcomes []wire.Outcome) {
	for _, oc := range outcomes {
		if oc.Err != nil {
			fmt.Fprintf(e.Stderr, "copydesk import: %s\n", cli.OneLine(oc.Reason().Error()))
		}
	}
}

// readImportFile reads a file to import, or standard input for "-".
func readImportFile(e *cli.Env, name string) ([]byte, error) {
	if name == "-" {
		return wirefile.ReadFrom("standard input", e.Stdin, -1)
	}
	return wirefile.Read(name)
}

func firstFailure(outcomes []wire.Outcome) error {
	for _, oc := range outcomes {
		if oc.Err != nil {
			return oc.Reason()
		}
	}
	return nil
}

func printImported(e *cli.Env, outcomes []wire.Outcome, asJSON bool) error {
	if asJSON {
		results := make([]importResult, 0, len(outcomes))
		for _, oc := range outcomes {
			res := importResult{File: oc.Name}
			if oc.Notice != nil && oc.Story != nil {
				res = noticeResult(oc)
			} else if s := oc.Story; s != nil {
				res.ID, res.Slug, res.Headline, res.Quotes = s.ID, s.Slug, s.Headline, len(s.Quotes)
			} else if oc.Err != nil {
				res.Error = cli.OneLine(oc.Reason().Error())
			}
			results = append(results, res)
		}
		return cli.WriteJSON(e.Stdout, results)
	}
	for _, oc := range outcomes {
		if s := oc.Story; s != nil && oc.Notice == nil {
			fmt.Fprintf(e.Stdout, "%s\t%s\n", s.ID, s.Title())
		}
	}
	return nil
}

// printDryRun prints what each file holds: one result as a JSON object, many
// as an array (a failed file as {"file", "error"}), or a summary a person reads.
func printDryRun(e *cli.Env, outcomes []wire.Outcome, asJSON bool) error {
	if asJSON {
		if len(outcomes) == 1 {
			if outcomes[0].Err != nil {
				return nil
			}
			if outcomes[0].Notice != nil {
				return cli.WriteJSON(e.Stdout, noticeResult(outcomes[0]))
			}
			return cli.WriteJSON(e.Stdout, outcomes[0].Result)
		}
		results := make([]any, len(outcomes))
		for i, oc := range outcomes {
			if oc.Err != nil {
				results[i] = importResult{File: oc.Name, Error: cli.OneLine(oc.Reason().Error())}
				continue
			}
			if oc.Notice != nil {
				results[i] = noticeResult(oc)
				continue
			}
			results[i] = oc.Result
		}
		return cli.WriteJSON(e.Stdout, results)
	}
	for _, oc := range outcomes {
		r := oc.Result
		if oc.Err != nil {
			continue
		}
		if oc.Notice != nil {
			fmt.Fprintf(e.Stdout, "%s: a notice that %s the story %s: %q (%s)\n", oc.Name, oc.Notice.Verb(), oc.Notice.FeedID, oc.Story.Title(), oc.Story.ID)
			continue
		}
		fmt.Fprintf(e.Stdout, "%s (%s): %q, %d words, %d quotes, %d people\n", oc.Name, r.Format, r.Story.Headline,
			editor.CountWords(r.Story.Body), len(r.Quotes), len(r.People))
		for _, q := range r.Quotes {
			text := q.Text
			if len([]rune(text)) > 60 {
				text = string([]rune(text)[:60]) + "…"
			}
			kind := ""
			if q.Partial {
				kind = " (partial)"
			}
			fmt.Fprintf(e.Stdout, "  “%s”%s — %s\n", text, kind, q.Speaker)
		}
		for _, b := range r.Boilerplate {
			fmt.Fprintf(e.Stdout, "  kept out of the body: %s\n", b.Title)
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(e.Stdout, "  warning: %s\n", w)
		}
	}
	return nil
}
