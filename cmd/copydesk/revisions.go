package main

import (
	"flag"
	"fmt"
	"text/tabwriter"
)

var revisionsCmd = &command{name: "revisions", args: "ID [--json]", summary: "a story's or page's revision history", minArgs: 1, maxArgs: 1,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		return func(e *env, args []string) error {
			d, err := findDoc(e, args[0])
			if err != nil {
				return err
			}
			id := d.pageOrStoryID()
			revs, err := e.db.Revisions(e.ctx, id)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(e.stdout, revs)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "REV\tWHEN\tKIND\tAUTHOR\tWORDS\tNOTE")
			for _, r := range revs {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\n", r.Seq, r.CreatedAt.Local().Format("2006-01-02 15:04"), r.Kind, r.Author, r.Words, r.Note)
			}
			return tw.Flush()
		}
	}}
