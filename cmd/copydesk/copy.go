package main

import (
	"flag"
	"fmt"

	"copydesk/storage"
)

var copyCmd = &command{name: "copy", args: "--to DB", summary: "copy the whole database, every revision with its hash, into an empty one (a file or a postgres:// URL)", maxArgs: 0,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		to := fs.String("to", "", "the empty database to copy into: a file path or a postgres:// URL (made when it does not exist)")
		return func(e *env, _ []string) error {
			if *to == "" {
				return usagef("give the database to copy into with --to FILE or --to postgres://…")
			}
			if *to == e.dbPath {
				return usagef("--to %s is the database being copied; give another", *to)
			}
			dst, err := storage.Open(e.ctx, *to, storage.OpenOrCreate)
			if err != nil {
				return usagef("--to: %v", err)
			}
			defer dst.Close()
			bar := newProgress(e.stderr, "copying", 0)
			report, err := storage.Copy(e.ctx, e.db, dst, func(done, total int) { bar.set(done, total) })
			bar.done()
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "copied %d stories, %d pages and %d people, %d revisions, each checked by its SHA-256, from %s to %s\n",
				report.Stories, report.Pages, report.People, report.Revisions, e.db.Path(), dst.Path())
			return nil
		}
	}}
