package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportTimeZone: export --time-zone shows the site's times in that
// zone; machine-readable times stay UTC; an unknown zone is bad usage.
func TestExportTimeZone(t *testing.T) {
	c := newCLI(t)
	in := writeFile(t, "story.md", "---\nheadline: Council sets its budget\nbyline: A Reporter\nsection: Local\ndate: 2026-07-01T09:30:00Z\nstatus: published\n---\nThe council set its budget.\n")
	c.ok("import", in)
	if _, errOut, code := c.run("", "export", "--out", t.TempDir(), "--time-zone", "Mars/Olympus"); code != 2 || !strings.Contains(errOut, "--time-zone") {
		t.Errorf("export --time-zone Mars/Olympus: exit %d %q, want 2 naming --time-zone", code, errOut)
	}
	out := t.TempDir()
	c.ok("export", "--out", out, "--time-zone", "Europe/London")
	page, err := os.ReadFile(filepath.Join(out, "articles", "council-sets-its-budget.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<time datetime="2026-07-01T09:30:00Z">1 July 2026, 10:30 BST</time>`; !strings.Contains(string(page), want) {
		t.Errorf("the article has no %s:\n%s", want, page)
	}
}
