package cli

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"copydesk/editor"
)

var pagesCmd = &Command{Name: "pages", Args: "[--json]", Summary: "list site pages (pages take show, update, revisions, diff and restore too, by slug)", MaxArgs: 0,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		return func(e *Env, _ []string) error {
			pages, err := e.DB.Pages(e.Ctx)
			if err != nil {
				return err
			}
			if *asJSON {
				if pages == nil {
					pages = []editor.Page{}
				}
				return WriteJSON(e.Stdout, pages)
			}
			if len(pages) == 0 {
				fmt.Fprintln(e.Stderr, "no pages; 'copydesk sample' adds the comment rules page")
				return nil
			}
			tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SLUG\tKIND\tREV\tTITLE")
			for _, p := range pages {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", p.Slug, p.Kind, p.Revision, p.Title)
			}
			return tw.Flush()
		}
	}}
