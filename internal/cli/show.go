package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"copydesk/editor"
)

var showCmd = &Command{Name: "show", Args: "ID [--rev N] [--json | --format md]", Summary: "show a story or page, or one of its revisions", MinArgs: 1, MaxArgs: 1,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		rev := fs.Int("rev", 0, "show this revision instead of the current one")
		asJSON := fs.Bool("json", false, "print JSON")
		format := fs.String("format", "text", "text, json or md (Markdown with YAML front matter, the form 'update' reads)")
		return func(e *Env, args []string) error {
			if *asJSON {
				*format = "json"
			}
			if *format != "text" && *format != "json" && *format != "md" {
				return Usagef("--format %q: use text, json or md", *format)
			}
			doc, err := findDoc(e, args[0])
			if err != nil {
				return err
			}
			if *rev < 0 {
				return Usagef("--rev %d: revisions are numbered from 1", *rev)
			}
			if doc.story != nil {
				s := doc.story
				if *rev > 0 {
					if s, _, err = e.DB.StoryRevision(e.Ctx, s.ID, *rev); err != nil {
						return err
					}
				}
				return printStory(e.Stdout, s, *format)
			}
			p := doc.page
			if *rev > 0 {
				if p, _, err = e.DB.PageRevision(e.Ctx, p.ID, *rev); err != nil {
					return err
				}
			}
			return printPage(e.Stdout, p, *format)
		}
	}}

func printStory(w io.Writer, s *editor.Story, format string) error {
	switch format {
	case "json":
		return WriteJSON(w, jsonStory(s))
	case "md":
		_, err := w.Write(editor.FormatStoryMarkdown(s))
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\n\n", s.Title())
	lines := [][2]string{
		{"id", s.ID}, {"status", string(s.Status)}, {"revision", strconv.Itoa(s.Revision)},
		{"updated", s.UpdatedAt.Local().Format(time.DateTime)},
	}
	// The text fields in the editor's order; the title is above, the body below.
	for _, f := range editor.StoryFields() {
		if f.Name != "headline" && f.Name != "body" {
			lines = append(lines, [2]string{f.Name, f.Get(s)})
		}
	}
	lines = append(lines, [2]string{"tags", strings.Join(s.Tags, ", ")},
		[2]string{"quotes", strconv.Itoa(len(s.Quotes))}, [2]string{"words", strconv.Itoa(s.Words())})
	for _, f := range lines {
		if f[1] != "" {
			fmt.Fprintf(tw, "%s\t%s\n", f[0], f[1])
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", s.Body)
	return err
}

func printPage(w io.Writer, p *editor.Page, format string) error {
	switch format {
	case "json":
		return WriteJSON(w, p)
	case "md":
		_, err := w.Write(editor.FormatPageMarkdown(p))
		return err
	}
	_, err := fmt.Fprintf(w, "%s\n\nid        %s\nslug      %s\nkind      %s\nrevision  %d\n\n%s\n\n%s\n", p.Title, p.ID, p.Slug, p.Kind, p.Revision, p.Summary, p.Body)
	return err
}
