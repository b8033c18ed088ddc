package main

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"copydesk/editor"
)

var peopleCmd = &command{name: "people", args: "[--json]", summary: "list the people directory", maxArgs: 0,
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
	}}
