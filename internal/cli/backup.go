package cli

import (
	"flag"
	"fmt"

	"copydesk/storage"
)

var backupCmd = &Command{Name: "backup", Args: "FILE", Summary: "copy the database to FILE while it stays in use", MinArgs: 1, MaxArgs: 1,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		return func(e *Env, args []string) error {
			b, ok := e.DB.(storage.Backuper)
			if !ok {
				return Usagef("%s is a shared desk, which its server backs up; use the server's tools (pg_dump), or 'copydesk copy --to FILE.db'", e.DB.Path())
			}
			if err := b.Backup(e.Ctx, args[0]); err != nil {
				return err
			}
			fmt.Fprintf(e.Stdout, "backed up %s to %s\n", e.DB.Path(), args[0])
			return nil
		}
	}}
