package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/cli"
)

// TestHugeFilesRefusedFromTheirSize: a 100 MB file given to import or
// update is refused with exit 2, naming it and the limit, before it is read
// (the file is sparse: reading it whole would take 100 MB).
func TestHugeFilesRefusedFromTheirSize(t *testing.T) {
	c := newCLI(t)
	c.ok("sample")
	huge := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, args := range [][]string{{"import", huge}, {"update", "sir-iain-direct-threat-from-china", huge}} {
		_, errOut, code := c.run("", args...)
		if code != cli.ExitUsage || !strings.Contains(errOut, huge) || !strings.Contains(errOut, "100.0 MB") || !strings.Contains(errOut, "up to 2.0 MB") {
			t.Errorf("%s of a 100 MB file: exit %d %q, want 2 naming the file and the limit", args[0], code, errOut)
		}
	}
}

// TestMessagesStayOnOneLine: a file whose name holds a line break is named
// on one line in the warning and in the revisions table; a --base-url with a
// query is refused, not silently cut; a taken slug on update is bad input
// (issue 13, item 11).
func TestMessagesStayOnOneLine(t *testing.T) {
	c := newCLI(t)
	c.ok("sample")
	name := filepath.Join(t.TempDir(), "new\nline.txt")
	if err := os.WriteFile(name, []byte("“Yes,” he said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := c.run("", "import", name)
	if code != 0 {
		t.Fatalf("import: exit %d %q", code, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		if !strings.HasPrefix(line, "warning: ") {
			t.Errorf("stderr line %q is not a whole warning", line)
		}
	}
	id := strings.Fields(out)[0]
	revs := c.ok("revisions", id)
	if lines := strings.Split(strings.TrimSpace(revs), "\n"); len(lines) != 2 || !strings.Contains(lines[1], `imported from new\nline.txt`) {
		t.Errorf("revisions table:\n%s\nwant a heading and one row naming new\\nline.txt", revs)
	}

	if _, errOut, code := c.run("", "export", "--out", t.TempDir(), "--base-url", "https://news.example.com/?utm=1"); code != cli.ExitUsage || !strings.Contains(errOut, "query") {
		t.Errorf("export --base-url with a query: exit %d %q, want 2 naming the query", code, errOut)
	}

	c.ok("new", "--headline", "Another story")
	md := c.ok("show", "another-story", "--format", "md")
	md = strings.Replace(md, "slug: another-story", "slug: sir-iain-direct-threat-from-china", 1)
	file := writeFile(t, "taken.md", md)
	if _, errOut, code := c.run("", "update", "another-story", file); code != cli.ExitUsage || !strings.Contains(errOut, "choose another") {
		t.Errorf("update to a taken slug: exit %d %q, want 2", code, errOut)
	}
}
