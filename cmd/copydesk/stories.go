package main

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"copydesk/editor"
)

var newCmd = &command{name: "new", args: "--headline TEXT [--json]", summary: "create an empty draft story", maxArgs: 0, creates: true,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		headline := fs.String("headline", "", "the story's headline")
		asJSON := fs.Bool("json", false, "print the new story as JSON")
		author := authorFlag(fs, "who is making it")
		return func(e *env, _ []string) error {
			who, err := author(e)
			if err != nil {
				return err
			}
			s := &editor.Story{Headline: *headline}
			if err := e.db.CreateStory(e.ctx, s, editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: who}); err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(e.stdout, jsonStory(s))
			}
			fmt.Fprintf(e.stdout, "%s\t%s\n", s.ID, s.Title())
			return nil
		}
	}}

var storiesCmd = &command{name: "stories", args: "[--status S] [--json]", summary: "list stories, the most recently changed first", maxArgs: 0,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		status := fs.String("status", "", "only stories with this status (draft, subbing, ready, published, spiked)")
		asJSON := fs.Bool("json", false, "print JSON")
		return func(e *env, _ []string) error {
			var filter editor.StoryFilter
			if *status != "" {
				st, err := editor.ParseStatus(*status)
				if err != nil {
					return usagef("--status: %v", err)
				}
				filter.Status = st
			}
			list, err := e.db.ListStories(e.ctx, filter)
			if err != nil {
				return err
			}
			if *asJSON {
				if list == nil {
					list = []editor.StorySummary{}
				}
				return writeJSON(e.stdout, list)
			}
			if len(list) == 0 {
				fmt.Fprintln(e.stderr, "no stories; add one with 'copydesk import FILE' or 'copydesk new --headline TEXT'")
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
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
