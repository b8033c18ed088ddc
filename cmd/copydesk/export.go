package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"copydesk/editor"
	"copydesk/export"
)

var exportCmd = &command{name: "export", args: "--out DIR [--base-url URL] [--name NAME] [--allow-removal] [--json]", summary: "write the website: published stories and all pages", maxArgs: 0,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		out := fs.String("out", "", "the folder to write the site into (created when missing)")
		baseURL := fs.String("base-url", "", "the address the site is served from, for feeds and sitemaps (default "+export.DefaultBaseURL+")")
		name := fs.String("name", "", "the site's name, shown in the masthead and feeds")
		asJSON := fs.Bool("json", false, "print what was written as JSON")
		allowRemoval := fs.Bool("allow-removal", false, "let the export remove more than half of the site's articles (refused without it)")
		return func(e *env, _ []string) error {
			if strings.TrimSpace(*out) == "" {
				return usagef("--out: give the folder to write the site into")
			}
			site := export.Site{Name: *name, BaseURL: *baseURL}
			if err := site.Validate(); err != nil {
				return usagef("%s", strings.TrimPrefix(err.Error(), "export: "))
			}
			stories, err := e.db.StoriesWithStatus(e.ctx, editor.StatusPublished)
			if err != nil {
				return err
			}
			pages, err := e.db.Pages(e.ctx)
			if err != nil {
				return err
			}
			bar := newProgress(e.stderr, "exporting", 0)
			report, err := export.ExportWith(e.ctx, *out, site, stories, pages, export.Options{Progress: bar.set, AllowRemoval: *allowRemoval})
			bar.done()
			var re *export.RemovalError
			if errors.As(err, &re) {
				return &problemError{fmt.Sprintf("export refused: it would remove %d of the %d articles of the site in %s, more than half, because they are not published in %s; "+
					"check --db and --out, and pass --allow-removal if that is what you want; nothing was changed", re.Removed, re.Articles, *out, e.dbPath)}
			}
			if errors.Is(err, export.ErrBusy) {
				// Not bad usage and not a failure: run it again once the other is done.
				return &problemError{fmt.Sprintf("%s; the site in %s was left as it was", strings.TrimPrefix(err.Error(), "export: "), *out)}
			}
			if err != nil {
				return fmt.Errorf("%w; the site in %s was left as it was", err, *out)
			}
			if *asJSON {
				return writeJSON(e.stdout, report)
			}
			fmt.Fprintf(e.stdout, "%s: %d published stories, %d pages; %d files written, %d unchanged, %d removed in %d ms\n",
				*out, len(stories), len(pages), report.Count(export.StateWritten), report.Count(export.StateUnchanged),
				report.Count(export.StateRemoved), report.DurationMS)
			return nil
		}
	}}
