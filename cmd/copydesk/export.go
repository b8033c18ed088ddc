package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the zone names of --time-zone and Preferences, on any machine

	"copydesk/export"
	"copydesk/internal/cli"
)

// exportSetup does the work of cli.ExportCmd.
func exportSetup(fs *flag.FlagSet) func(*cli.Env, []string) error {
	out := fs.String("out", "", "the folder to write the site into (created when missing)")
	baseURL := fs.String("base-url", "", "the address the site is served from, for feeds and sitemaps (default "+export.DefaultBaseURL+")")
	name := fs.String("name", "", "the site's name, shown in the masthead and feeds")
	asJSON := fs.Bool("json", false, "print what was written as JSON")
	zone := fs.String("time-zone", "", "the time zone the site shows times in, by its IANA name (\"Europe/London\"; default UTC)")
	allowRemoval := fs.Bool("allow-removal", false, "let the export remove more than half of the site's articles (refused without it)")
	verify := fs.Bool("verify", false, "read back every file the last export wrote and rewrite any edited or removed by hand since")
	return func(e *cli.Env, _ []string) error {
		if strings.TrimSpace(*out) == "" {
			return cli.Usagef("--out: give the folder to write the site into")
		}
		loc, err := siteLocation(*zone)
		if err != nil {
			return cli.Usagef("--time-zone: %v", err)
		}
		site := export.Site{Name: *name, BaseURL: *baseURL, Location: loc}
		if err := site.Validate(); err != nil {
			return cli.Usagef("%s", strings.TrimPrefix(err.Error(), "export: "))
		}
		// The export's garbage is collected only once the heap reaches
		// exportHeap: an export with little to do is over before that, and
		// a full one streams, so it stays under it (issue 16: at most
		// 150 MB at its peak).
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(exportHeap))
		bar := cli.NewProgress(e.Stderr, "exporting", 0)
		report, err := export.ExportFrom(e.Ctx, *out, site, e.DB, export.Options{Progress: bar.Set, AllowRemoval: *allowRemoval, Verify: *verify})
		bar.Done()
		var re *export.RemovalError
		if errors.As(err, &re) {
			return cli.Problemf("export refused: it would remove %d of the %d articles of the site in %s, more than half, because they are not published in %s; "+
				"check --db and --out, and pass --allow-removal if that is what you want; nothing was changed", re.Removed, re.Articles, *out, e.DBPath)
		}
		if errors.Is(err, export.ErrBusy) {
			// Not bad usage and not a failure: run it again once the other is done.
			return cli.Problemf("%s; the site in %s was left as it was", strings.TrimPrefix(err.Error(), "export: "), *out)
		}
		if err != nil {
			return fmt.Errorf("%w; the site in %s was left as it was", err, *out)
		}
		if *asJSON {
			return writeReportJSON(e.Stdout, report)
		}
		fmt.Fprintf(e.Stdout, "%s: %d published stories, %d pages; %d files written, %d unchanged, %d removed in %d ms\n",
			*out, report.Stories(), report.Pages(), report.Count(export.StateWritten), report.Count(export.StateUnchanged),
			report.Count(export.StateRemoved), report.DurationMS)
		return nil
	}
}

// exportHeap is the heap an export may grow to before its garbage is
// collected.
const exportHeap = 96 << 20

// siteLocation is the time zone named zone, UTC when it is empty; the
// zone database is built in (time/tzdata), so a machine without one
// still knows the names.
func siteLocation(zone string) (*time.Location, error) {
	zone = strings.TrimSpace(zone)
	if zone == "" {
		return time.UTC, nil
	}
	if zone == "Local" {
		return nil, fmt.Errorf("%q is this machine's zone, which another machine would read differently; name the zone, e.g. Europe/London", zone)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, fmt.Errorf("%q is not a time zone the zone database knows; write its IANA name, e.g. Europe/London", zone)
	}
	return loc, nil
}

// writeReportJSON writes an export's report as cli.WriteJSON does, byte for
// byte, without reflection or indenting it afresh: for a site of 20,000
// files, those took most of an export with nothing to do.
func writeReportJSON(w io.Writer, r *export.Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("{\n  \"files\": ")
	switch {
	case r.Files == nil:
		bw.WriteString("null")
	case len(r.Files) == 0:
		bw.WriteString("[]")
	default:
		bw.WriteByte('[')
		for i, f := range r.Files {
			if i > 0 {
				bw.WriteByte(',')
			}
			for j, field := range [4][2]string{{"path", f.Path}, {"kind", string(f.Kind)}, {"id", f.ID}, {"state", string(f.State)}} {
				if j == 0 {
					bw.WriteString("\n    {")
				} else {
					bw.WriteByte(',')
				}
				bw.WriteString("\n      \"" + field[0] + "\": ")
				if err := writeJSONString(bw, field[1]); err != nil {
					return err
				}
			}
			bw.WriteString("\n    }")
		}
		bw.WriteString("\n  ]")
	}
	bw.WriteString(",\n  \"duration_ms\": " + strconv.FormatInt(r.DurationMS, 10) + "\n}\n")
	return bw.Flush()
}

// writeJSONString writes s as a JSON string the way cli.WriteJSON does: as it
// is when it holds only printable ASCII that needs no escape (a path, a
// kind, an ID), else through encoding/json.
func writeJSONString(w *bufio.Writer, s string) error {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		plain = s[i] >= 0x20 && s[i] < 0x7f && s[i] != '"' && s[i] != '\\'
	}
	if plain {
		w.WriteByte('"')
		w.WriteString(s)
		w.WriteByte('"')
		return nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
	return nil
}
