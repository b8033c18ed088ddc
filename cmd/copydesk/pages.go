package main

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"copydesk/editor"
)

var pagesCmd = &command{name: "pages", args: "[--json]", summary: "list site pages (pages take show, update, revisions, diff and restore too, by slug)", maxArgs: 0,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		return func(e *env, _ []string) error {
			pages, err := e.db.Pages(e.ctx)
			if err != nil {
				return err
			}
			if *asJSON {
				if pages == nil {
					pages = []editor.Page{}
				}
				return writeJSON(e.stdout, pages)
			}
			if len(pages) == 0 {
				fmt.Fprintln(e.stderr, "no pages; 'copydesk sample' adds the comment rules page")
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SLUG\tKIND\tREV\tTITLE")
			for _, p := range pages {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", p.Slug, p.Kind, p.Revision, p.Title)
			}
			return tw.Flush()
		}
	}}
