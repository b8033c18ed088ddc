package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"copydesk/editor"
)

func init() {
	register(&command{name: "pages", args: "[--json]", summary: "list site pages (pages take show, update, revisions, diff and restore too, by slug)", maxArgs: 0,
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
		}})

	register(&command{name: "people", args: "[--json]", summary: "list the people directory", maxArgs: 0,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			asJSON := fs.Bool("json", false, "print JSON")
			return func(e *env, _ []string) error {
				people, err := e.db.People(e.ctx)
				if err != nil {
					return err
				}
				if *asJSON {
					if people == nil {
						people = []editor.Person{}
					}
					return writeJSON(e.stdout, people)
				}
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "NAME\tSHORT NAME\tROLE")
				for _, p := range people {
					fmt.Fprintf(tw, "%s\t%s\t%s\n", p.FullName(), p.ShortName, p.Role)
				}
				return tw.Flush()
			}
		}})

	register(&command{name: "search", args: "QUERY... [--json]", summary: "full-text search over stories, pages, quotes and people", minArgs: 1, maxArgs: -1,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			asJSON := fs.Bool("json", false, "print JSON")
			limit := fs.Int("limit", 20, "at most this many results")
			return func(e *env, words []string) error {
				hits, err := e.db.Search(e.ctx, strings.Join(words, " "), *limit)
				if err != nil {
					return err
				}
				if *asJSON {
					if hits == nil {
						hits = []editor.SearchHit{}
					}
					return writeJSON(e.stdout, hits)
				}
				if len(hits) == 0 {
					fmt.Fprintf(e.stderr, "nothing matches %q\n", strings.Join(words, " "))
					return nil
				}
				color := isTerminal(e.stdout)
				for _, h := range hits {
					fmt.Fprintf(e.stdout, "%-6s %s  %s\n       %s\n", h.Kind, h.ID[:8], h.Title, markSnippet(h, color))
				}
				return nil
			}
		}})

	register(&command{name: "revisions", args: "ID [--json]", summary: "a story's or page's revision history", minArgs: 1, maxArgs: 1,
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
		}})

	register(&command{name: "backup", args: "FILE", summary: "copy the database to FILE while it stays in use", minArgs: 1, maxArgs: 1,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				if err := e.db.Backup(e.ctx, args[0]); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "backed up %s to %s\n", e.db.Path(), args[0])
				return nil
			}
		}})

	register(&command{name: "sample", args: "", summary: "add the sample story and the comment rules page", maxArgs: 0,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			return func(e *env, _ []string) error {
				s, p, err := addSample(e.ctx, e.db)
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "%s\t%s\n%s\t%s\n", s.ID, s.Title(), p.ID, p.Title)
				return nil
			}
		}})
}

func (d doc) pageOrStoryID() string {
	if d.story != nil {
		return d.story.ID
	}
	return d.page.ID
}

// markSnippet shows a search snippet's matches: bold on a terminal, [brackets] elsewhere.
func markSnippet(h editor.SearchHit, color bool) string {
	open, close := "[", "]"
	if color {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	var b strings.Builder
	last := 0
	for _, span := range h.Highlights {
		b.WriteString(h.Snippet[last:span[0]])
		b.WriteString(open + h.Snippet[span[0]:span[1]] + close)
		last = span[1]
	}
	b.WriteString(h.Snippet[last:])
	return b.String()
}
