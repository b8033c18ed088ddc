package cli

import (
	"flag"
	"fmt"
	"text/tabwriter"
)

var revisionsCmd = &Command{Name: "revisions", Args: "ID [--json]", Summary: "a story's or page's revision history", MinArgs: 1, MaxArgs: 1,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		return func(e *Env, args []string) error {
			d, err := findDoc(e, args[0])
			if err != nil {
				return err
			}
			id := d.pageOrStoryID()
			revs, err := e.DB.Revisions(e.Ctx, id)
			if err != nil {
				return err
			}
			if *asJSON {
				return WriteJSON(e.Stdout, revs)
			}
			tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "REV\tWHEN\tKIND\tAUTHOR\tWORDS\tNOTE")
			for _, r := range revs {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\n", r.Seq, r.CreatedAt.Local().Format("2006-01-02 15:04"), r.Kind, r.Author, r.Words, r.Note)
			}
			return tw.Flush()
		}
	}}
