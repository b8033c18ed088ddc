package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"copydesk/app"
	"copydesk/editor"
	"copydesk/export"
	"copydesk/internal/cli"
	"copydesk/storage"
	"copydesk/storage/journal"
)

// The desktop app is handed the database through its own small interface.
var _ app.Store = storage.Store(nil)

// runDesktopArgs opens the desktop app: `copydesk [--db PATH]`.
func runDesktopArgs(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("copydesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "the database: a file, or a shared desk's postgres:// URL (default: $COPYDESK_DB, else "+cli.ShortPath(cli.DefaultDBPath())+")")
	if err := fs.Parse(args); err != nil {
		return cli.ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "copydesk: %q is not a command; run 'copydesk help' to list them\n", fs.Arg(0))
		return cli.ExitUsage
	}
	app.Run(app.Config{
		DBPath:  cli.ResolveDBPath(*dbPath),
		DBGiven: *dbPath != "" || os.Getenv("COPYDESK_DB") != "",
		Open: func(path string) (app.Store, bool, error) {
			// A shared desk is set up by its administrator (desk init), never
			// by a copy of the app that finds an empty database.
			mode := storage.OpenOrCreate
			if storage.IsURL(path) {
				mode = storage.OpenExisting
			}
			db, err := storage.Open(context.Background(), path, mode)
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
		Export: exportSite,
		OpenJournal: func(dir string) (app.Journal, error) {
			j, err := journal.Open(filepath.Join(dir, journal.FileName))
			if err != nil {
				return nil, err
			}
			return j, nil
		},
	})
	return cli.ExitOK
}

// exportSite writes the website for the desktop app's Export dialog.
func exportSite(ctx context.Context, out string, site app.ExportSite, stories []editor.Story, pages []editor.Page, progress func(done, total int)) (app.ExportSummary, error) {
	loc, err := siteLocation(site.TimeZone)
	if err != nil {
		return app.ExportSummary{}, err
	}
	report, err := export.ExportWith(ctx, out, export.Site{Name: site.Name, BaseURL: site.BaseURL, Location: loc}, stories, pages,
		export.Options{Progress: progress, AllowRemoval: site.AllowRemoval})
	var re *export.RemovalError
	if errors.As(err, &re) {
		return app.ExportSummary{}, &app.RemovalError{Removed: re.Removed, Articles: re.Articles}
	}
	if err != nil {
		return app.ExportSummary{}, err
	}
	return app.ExportSummary{
		Written: report.Count(export.StateWritten), Unchanged: report.Count(export.StateUnchanged),
		Removed: report.Count(export.StateRemoved), Duration: time.Duration(report.DurationMS) * time.Millisecond,
	}, nil
}
