package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"copydesk/app"
	"copydesk/storage"
)

// The desktop app is handed the database through its own small interface.
var _ app.Store = (*storage.DB)(nil)

// runDesktopArgs opens the desktop app: `copydesk [--db PATH]`.
func runDesktopArgs(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("copydesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "the database file (default: $COPYDESK_DB, else "+shortPath(defaultDBPath())+")")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "copydesk: %q is not a command; run 'copydesk help' to list them\n", fs.Arg(0))
		return exitUsage
	}
	app.Run(app.Config{
		DBPath: resolveDBPath(*dbPath),
		Open: func(path string) (app.Store, bool, error) {
			db, err := storage.Open(path)
			if err != nil {
				return nil, false, err
			}
			created := db.Created()
			if created {
				if _, _, err := addSample(context.Background(), db); err != nil {
					db.Close()
					return nil, false, fmt.Errorf("adding the sample content to %s: %w", path, err)
				}
			}
			return db, created, nil
		},
	})
	return exitOK
}
