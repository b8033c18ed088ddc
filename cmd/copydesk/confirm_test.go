package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
)

// setDeskRequires saves the desk setting require_confirmed_speakers, as
// the app's Preferences do.
func setDeskRequires(t *testing.T, dsn string, require bool) {
	t.Helper()
	db, err := storage.Open(context.Background(), dsn, storage.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.SaveDeskSettings(context.Background(), &editor.DeskSettings{RequireConfirmedSpeakers: require}); err != nil {
		t.Fatalf("SaveDeskSettings: %v", err)
	}
}

// TestQuotesConfirm: quotes --confirm records who confirmed a speaker and
// when, in a new revision; check warns about every other speaker, and with
// --require-confirmed they are errors that stop publishing.
func TestQuotesConfirm(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		id, _, _ := strings.Cut(c.ok("import", sampleWirePath), "\t")
		type row struct {
			ID          string
			Speaker     struct{ Name string }
			ConfirmedBy string  `json:"confirmed_by"`
			ConfirmedAt *string `json:"confirmed_at"`
		}
		var quotes []row
		c.json(&quotes, "quotes", id)
		if len(quotes) < 2 {
			t.Fatalf("quotes = %+v, want at least two", quotes)
		}
		for _, q := range quotes {
			if q.ConfirmedBy != "" || q.ConfirmedAt != nil {
				t.Errorf("an imported quote is confirmed already: %+v", q)
			}
		}
		unconfirmed := func(args ...string) (n int, severity string) {
			t.Helper()
			out, _, _ := c.run("", append([]string{"check", id, "--json"}, args...)...)
			var f struct {
				Findings []struct{ Severity, Kind, Message string }
			}
			if err := json.Unmarshal([]byte(out), &f); err != nil {
				t.Fatalf("check --json: %v: %q", err, out)
			}
			for _, x := range f.Findings {
				if x.Kind == "unconfirmed_speaker" {
					n, severity = n+1, x.Severity
				}
			}
			return n, severity
		}
		if n, sev := unconfirmed(); n != len(quotes) || sev != "warning" {
			t.Errorf("check: %d unconfirmed_speaker %ss, want %d warnings", n, sev, len(quotes))
		}

		tests := []struct {
			name string
			args []string
			code int
			want string // in stderr
		}{
			{"no such quote", []string{"--confirm", "nope"}, 2, "no quote with that ID"},
			{"one quote by its ID", []string{"--confirm", quotes[0].ID, "--author", "Ann Editor"}, 0, "confirmed " + quotes[0].Speaker.Name},
			{"again: nothing to save", []string{"--confirm", quotes[0].ID, "--author", "Ann Editor"}, 0, "already confirmed"},
		}
		shared := c.author != "Test Sub" // on a shared desk the confirmer is the database user
		if shared {
			tests[1].args, tests[2].args = tests[1].args[:2], tests[2].args[:2]
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, errOut, code := c.run("", append([]string{"quotes", id}, tt.args...)...)
				if code != tt.code || !strings.Contains(errOut, tt.want) {
					t.Errorf("quotes %s: exit %d %q, want exit %d and %q", strings.Join(tt.args, " "), code, errOut, tt.code, tt.want)
				}
			})
		}
		c.json(&quotes, "quotes", id)
		if quotes[0].ConfirmedBy == "" || quotes[0].ConfirmedAt == nil || quotes[0].ConfirmedBy != map[bool]string{false: "Ann Editor", true: c.author}[shared] {
			t.Errorf("after --confirm: %+v, want confirmed by Ann Editor with a time", quotes[0])
		}
		if quotes[1].ConfirmedBy != "" {
			t.Errorf("--confirm one quote confirmed another: %+v", quotes[1])
		}
		if hist := c.ok("revisions", id); !strings.Contains(hist, "speaker confirmed: "+quotes[0].Speaker.Name) {
			t.Errorf("history has no revision for the confirmation:\n%s", hist)
		}
		if n, sev := unconfirmed("--require-confirmed"); n != len(quotes)-1 || sev != "error" {
			t.Errorf("check --require-confirmed: %d unconfirmed_speaker %ss, want %d errors", n, sev, len(quotes)-1)
		}
		// The desk's shared setting does what the flag does.
		setDeskRequires(t, c.db, true)
		if n, sev := unconfirmed(); n != len(quotes)-1 || sev != "error" {
			t.Errorf("check with the desk requiring confirmed speakers: %d unconfirmed_speaker %ss, want %d errors", n, sev, len(quotes)-1)
		}
		setDeskRequires(t, c.db, false)
		for _, to := range []string{"subbing", "ready"} {
			c.ok("status", id, to)
		}
		publish := []struct {
			args []string
			stop bool // the unconfirmed speakers stop publishing
		}{{nil, false}, {[]string{"--require-confirmed"}, true}}
		for _, p := range publish {
			out, errOut, code := c.run("", append([]string{"status", id, "published"}, p.args...)...)
			if code != 1 || strings.Contains(out, "nobody has confirmed") != p.stop {
				t.Errorf("status published %v: exit %d, stdout %q, stderr %q; want exit 1 and unconfirmed speakers among the errors: %v", p.args, code, out, errOut, p.stop)
			}
		}
		c.ok("quotes", id, "--confirm", "all")
		if n, _ := unconfirmed("--require-confirmed"); n != 0 {
			t.Errorf("after --confirm all, %d speakers are unconfirmed", n)
		}
	})
}
