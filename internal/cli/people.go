package cli

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"copydesk/editor"
)

var peopleCmd = &Command{Name: "people", Args: "[--json]", Summary: "list the people directory", MaxArgs: 0,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		return func(e *Env, _ []string) error {
			people, err := e.DB.People(e.Ctx)
			if err != nil {
				return err
			}
			if *asJSON {
				if people == nil {
					people = []editor.Person{}
				}
				return WriteJSON(e.Stdout, people)
			}
			tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tSHORT NAME\tROLE")
			for _, p := range people {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", p.FullName(), p.ShortName, p.Role)
			}
			return tw.Flush()
		}
	}}
