package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/cli"
)

// TestCopyToADeskAndBack: SQLite into PostgreSQL and back gives the same
// stories, revisions with the same hashes, pages and people.
func TestCopyToADeskAndBack(t *testing.T) {
	file := newCLI(t)
	file.ok("sample")
	id, _, _ := strings.Cut(file.ok("import", sampleWirePath), "\t")
	md := writeFile(t, "a.md", strings.Replace(file.ok("show", id, "--format", "md"), "outspoken", "vocal", 1))
	file.ok("update", id, md)
	file.publish(id, "--override", "the wire copy has no headline yet")

	desk := newDeskCLI(t)
	out, errOut, code := file.run("", "copy", "--to", desk.db)
	if code != 0 || !strings.Contains(out, "copied 2 stories, 1 pages and") || !strings.Contains(out, "each checked by its SHA-256") {
		t.Fatalf("copy --to the desk: exit %d %q %q", code, out, errOut)
	}
	back := &runner{t: t, db: filepath.Join(t.TempDir(), "back.db")}
	if _, errOut, code := desk.run("", "copy", "--to", back.db); code != 0 {
		t.Fatalf("copy --to a new file: exit %d %q", code, errOut)
	}
	for _, c := range []*runner{desk, back} {
		if got, want := content(t, c), content(t, file); got != want {
			t.Errorf("%s holds other content than the original:\n%s\nwant\n%s", c.db, got, want)
		}
	}
	if _, errOut, code := file.run("", "copy", "--to", back.db); code != cli.ExitUsage || !strings.Contains(errOut, "already holds") {
		t.Errorf("copy into a database with content: exit %d %q, want 2", code, errOut)
	}
	if _, _, code := file.run("", "copy"); code != cli.ExitUsage {
		t.Errorf("copy without --to: exit %d, want 2", code)
	}
}

// content is what a copy must keep, as the command line shows it.
func content(t *testing.T, c *runner) string {
	var b strings.Builder
	var list []storyJSON
	c.json(&list, "stories")
	for _, s := range list {
		b.WriteString(c.ok("show", s.ID, "--json"))
		b.WriteString(c.ok("revisions", s.ID, "--json"))
		var revs []struct{ Seq int }
		if err := json.Unmarshal([]byte(c.ok("revisions", s.ID, "--json")), &revs); err != nil {
			t.Fatal(err)
		}
		for _, r := range revs {
			b.WriteString(c.ok("show", s.ID, "--rev", fmt.Sprint(r.Seq), "--json"))
		}
	}
	b.WriteString(c.ok("pages", "--json"))
	b.WriteString(c.ok("people", "--json"))
	b.WriteString(c.ok("revisions", "comment-rules", "--json"))
	return b.String()
}
