package cli

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"copydesk/editor"
)

var newCmd = &Command{Name: "new", Args: "--headline TEXT [--json]", Summary: "create an empty draft story", MaxArgs: 0, Creates: true,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		headline := fs.String("headline", "", "the story's headline")
		asJSON := fs.Bool("json", false, "print the new story as JSON")
		author := AuthorFlag(fs, "who is making it")
		return func(e *Env, _ []string) error {
			who, err := author(e)
			if err != nil {
				return err
			}
			s := &editor.Story{Headline: *headline}
			if err := e.DB.CreateStory(e.Ctx, s, editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: who}); err != nil {
				return err
			}
			if *asJSON {
				return WriteJSON(e.Stdout, jsonStory(s))
			}
			fmt.Fprintf(e.Stdout, "%s\t%s\n", s.ID, s.Title())
			return nil
		}
	}}

var storiesCmd = &Command{Name: "stories", Args: "[--status S] [--json]", Summary: "list stories, the most recently changed first", MaxArgs: 0,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		status := fs.String("status", "", "only stories with this status (draft, subbing, ready, published, spiked)")
		asJSON := fs.Bool("json", false, "print JSON")
		return func(e *Env, _ []string) error {
			var filter editor.StoryFilter
			if *status != "" {
				st, err := editor.ParseStatus(*status)
				if err != nil {
					return Usagef("--status: %v", err)
				}
				filter.Status = st
			}
			list, err := e.DB.ListStories(e.Ctx, filter)
			if err != nil {
				return err
			}
			if *asJSON {
				if list == nil {
					list = []editor.StorySummary{}
				}
				return WriteJSON(e.Stdout, list)
			}
			if len(list) == 0 {
				fmt.Fprintln(e.Stderr, "no stories; add one with 'copydesk import FILE' or 'copydesk new --headline TEXT'")
				return nil
			}
			tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSTATUS\tREV\tUPDATED\tHEADLINE")
			for _, s := range list {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", s.ID[:8], s.Status, s.Revision, s.UpdatedAt.Local().Format("2006-01-02 15:04"), s.Title)
			}
			return tw.Flush()
		}
	}}

// jsonStory makes the lists of a story encode as [] rather than null.
func jsonStory(s *editor.Story) *editor.Story {
	c := *s
	if c.Tags == nil {
		c.Tags = []string{}
	}
	if c.Quotes == nil {
		c.Quotes = []editor.Quote{}
	}
	if c.Corrections == nil {
		c.Corrections = []editor.Correction{}
	}
	return &c
}
