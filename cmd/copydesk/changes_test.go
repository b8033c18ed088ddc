package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKindsOfChangeAtTheCommandLine: update --kind says what a change to a
// published story is; the public kinds are kept and exported, a minor fix
// is only in the revision's note, and an unknown kind is bad usage.
func TestKindsOfChangeAtTheCommandLine(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		in := writeFile(t, "story.md", "---\nheadline: Council sets its budget\nbyline: A Reporter\nsection: Local\n---\nThe council set its budget on Monday.\n")
		id, _, _ := strings.Cut(c.ok("import", in), "\t")
		c.publish(id, "--override", "test")
		edit := func(old, new string) string {
			t.Helper()
			return writeFile(t, "edit.md", strings.Replace(c.ok("show", id, "--format", "md"), old, new, 1))
		}
		before := c.fingerprint()
		if _, errOut, code := c.run("", "update", id, edit("Monday", "Tuesday"), "--kind", "retraction", "--note", "x"); code != 2 || !strings.Contains(errOut, "--kind") {
			t.Errorf("update --kind retraction: exit %d %q, want 2 naming --kind", code, errOut)
		}
		if _, errOut, code := c.run("", "update", id, edit("Monday", "Tuesday"), "--kind", "fix"); code != 2 || !strings.Contains(errOut, "--note") {
			t.Errorf("update --kind fix without a note: exit %d %q, want 2 and a word on --note", code, errOut)
		}
		if c.fingerprint() != before {
			t.Errorf("a refused update changed the database")
		}
		c.ok("update", id, edit("Monday", "Tuesday"), "--kind", "correction", "--note", "An earlier version gave the wrong day.")
		c.ok("update", id, edit("budget", "budgett"), "--kind", "fix", "--note", "typo")
		c.ok("update", id, edit("budgett", "budget"), "--kind", "clarification", "--note", "The budget is for next year.")
		c.ok("update", id, edit("Tuesday.", "Tuesday. Councillors voted 30 to 12."), "--kind", "update", "--note", "Adds the vote.")
		var s struct {
			Corrections []struct{ Kind, Note string } `json:"corrections"`
		}
		c.json(&s, "show", id)
		want := []string{"correction: An earlier version gave the wrong day.", "clarification: The budget is for next year.", "update: Adds the vote."}
		var got []string
		for _, c := range s.Corrections {
			got = append(got, c.Kind+": "+c.Note)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("show --json corrections = %q, want %q", got, want)
		}
		var revs []struct{ Kind, Note string }
		c.json(&revs, "revisions", id)
		var notes []string
		for _, r := range revs[len(revs)-4:] {
			notes = append(notes, r.Note)
		}
		wantNotes := []string{"An earlier version gave the wrong day.", "Minor fix: typo", "Clarification: The budget is for next year.", "Update: Adds the vote."}
		if strings.Join(notes, "|") != strings.Join(wantNotes, "|") {
			t.Errorf("revision notes = %q, want %q", notes, wantNotes)
		}
		out := t.TempDir()
		c.ok("export", "--out", out)
		page, err := os.ReadFile(filepath.Join(out, "articles", "council-sets-its-budget.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"An earlier version gave the wrong day.", `<span class="change-kind">Clarification:</span> The budget is for next year.`, "· Updated <time"} {
			if !strings.Contains(string(page), w) {
				t.Errorf("the exported article has no %q", w)
			}
		}
		if strings.Contains(string(page), "typo") || strings.Contains(string(page), "Adds the vote") {
			t.Errorf("the exported article shows a minor fix's or an update's note")
		}
	})
}
