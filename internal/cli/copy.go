package cli

import (
	"flag"
	"fmt"

	"copydesk/storage"
)

var copyCmd = &Command{Name: "copy", Args: "--to DB", Summary: "copy the whole database, every revision with its hash, into an empty one (a file or a postgres:// URL)", MaxArgs: 0,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		to := fs.String("to", "", "the empty database to copy into: a file path or a postgres:// URL (made when it does not exist)")
		return func(e *Env, _ []string) error {
			if *to == "" {
				return Usagef("give the database to copy into with --to FILE or --to postgres://…")
			}
			if *to == e.DBPath {
				return Usagef("--to %s is the database being copied; give another", *to)
			}
			dst, err := storage.Open(e.Ctx, *to, storage.OpenOrCreate)
			if err != nil {
				return Usagef("--to: %v", err)
			}
			defer dst.Close()
			bar := NewProgress(e.Stderr, "copying", 0)
			report, err := storage.Copy(e.Ctx, e.DB, dst, func(done, total int) { bar.Set(done, total) })
			bar.Done()
			if err != nil {
				return err
			}
			fmt.Fprintf(e.Stdout, "copied %d stories, %d pages and %d people, %d revisions, each checked by its SHA-256, from %s to %s\n",
				report.Stories, report.Pages, report.People, report.Revisions, e.DB.Path(), dst.Path())
			return nil
		}
	}}
