package main

import (
	"flag"
	"fmt"

	"copydesk/storage"
)

var backupCmd = &command{name: "backup", args: "FILE", summary: "copy the database to FILE while it stays in use", minArgs: 1, maxArgs: 1,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		return func(e *env, args []string) error {
			b, ok := e.db.(storage.Backuper)
			if !ok {
				return usagef("%s is a shared desk, which its server backs up; use the server's tools (pg_dump), or 'copydesk copy --to FILE.db'", e.db.Path())
			}
			if err := b.Backup(e.ctx, args[0]); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "backed up %s to %s\n", e.db.Path(), args[0])
			return nil
		}
	}}
