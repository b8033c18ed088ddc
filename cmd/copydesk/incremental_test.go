package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestIncrementalExportIsAFullExport: after every kind of change (a body, a
// headline, a section, a story withdrawn and published again, a page, and
// files removed, added or edited by hand in the output folder) the site an
// export brings up to date is byte for byte the one a full export of the
// same database writes into an empty folder, and an export with nothing
// changed since writes nothing.
func TestIncrementalExportIsAFullExport(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		c.ok("sample")
		c.publish("sir-iain-direct-threat-from-china", "--override", "the sample")
		var ids []string
		for i, section := range []string{"Politics", "Sport", "Sport", "Business"} {
			var s storyJSON
			c.json(&s, "new", "--headline", fmt.Sprintf("Story number %d", i))
			c.edit(s.ID, func(md string) string {
				md = strings.Replace(md, `section: ""`, "section: "+section, 1)
				return md + fmt.Sprintf("\nThe council met on day %d. “We will listen,” the leader said.\n", i)
			})
			c.publish(s.ID, "--override", "a test story")
			ids = append(ids, s.ID)
		}
		site := filepath.Join(t.TempDir(), "site")
		export := func(extra ...string) map[string]int {
			t.Helper()
			var r struct {
				Files []struct{ Path, State string }
			}
			c.json(&r, append([]string{"export", "--out", site, "--base-url", "https://news.example.com/"}, extra...)...)
			states := map[string]int{}
			for _, f := range r.Files {
				states[f.State]++
			}
			return states
		}
		check := func(step string) {
			t.Helper()
			full := filepath.Join(t.TempDir(), "full")
			c.ok("export", "--out", full, "--base-url", "https://news.example.com/")
			if diff := treeDiff(t, site, full); diff != "" {
				t.Errorf("after %s, the incrementally exported site differs from a full export: %s", step, diff)
			}
			if again := export(); again["written"] != 0 || again["removed"] != 0 {
				t.Errorf("after %s, an export with nothing changed wrote or removed files: %v", step, again)
			}
		}
		export()
		check("the first export")

		steps := []struct {
			name   string
			change func()
		}{
			{"a body edited", func() {
				c.edit(ids[1], func(md string) string { return md + "\nA paragraph added later.\n" })
			}},
			{"a headline edited", func() {
				c.edit(ids[2], func(md string) string {
					return strings.Replace(md, "Story number 2", "Story number two", 1)
				})
			}},
			{"a section changed", func() {
				c.edit(ids[0], func(md string) string { return strings.Replace(md, "section: Politics", "section: Weather", 1) })
			}},
			{"a story withdrawn", func() { c.ok("status", ids[3], "spiked") }},
			{"a story published again", func() {
				c.ok("status", ids[3], "draft")
				c.publish(ids[3], "--override", "a test story")
			}},
			{"the rules page edited", func() {
				md := writeFile(t, "rules.md", strings.Replace(c.ok("show", "comment-rules", "--format", "md"), "Be civil.", "Be kind.", 1))
				c.ok("update", "comment-rules", md)
			}},
			{"an article removed by hand", func() { removeOne(t, site, "articles") }},
			{"a feed removed by hand", func() { os.Remove(filepath.Join(site, "rss.xml")) }},
			{"a file added by hand", func() { os.WriteFile(filepath.Join(site, "articles", "notes.txt"), []byte("mine"), 0o644) }},
		}
		for _, st := range steps {
			st.change()
			export()
			if st.name == "a file added by hand" {
				// A file the export did not write is left alone.
				if err := os.Remove(filepath.Join(site, "articles", "notes.txt")); err != nil {
					t.Errorf("the export removed a file it did not write: %v", err)
				}
			}
			check(st.name)
		}

		// A file edited in place changes no folder: the export leaves it as
		// it is until its content changes, and --verify puts it right.
		edited := filepath.Join(site, "index.html")
		if err := os.WriteFile(edited, []byte("defaced"), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := export(); got["written"] != 0 {
			t.Errorf("an export without --verify rewrote %d files", got["written"])
		}
		if got := export("--verify"); got["written"] != 1 {
			t.Errorf("export --verify after one file was edited by hand wrote %d files, want 1", got["written"])
		}
		check("a file edited by hand and export --verify")
	})
}

// edit saves story id with its Markdown changed by change.
func (c *runner) edit(id string, change func(md string) string) {
	c.t.Helper()
	md := writeFile(c.t, "edit.md", change(c.ok("show", id, "--format", "md")))
	c.ok("update", id, md, "--note", "edited")
}

// removeOne removes the first file of a folder of the site.
func removeOne(t *testing.T, site, dir string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(site, dir))
	if err != nil || len(entries) == 0 {
		t.Fatalf("reading %s: %d entries, %v", dir, len(entries), err)
	}
	if err := os.Remove(filepath.Join(site, dir, entries[0].Name())); err != nil {
		t.Fatal(err)
	}
}

// treeDiff names the first files in which the sites in folders a and b
// differ, leaving out the export's own records, or is "".
func treeDiff(t *testing.T, a, b string) string {
	t.Helper()
	ta, tb := siteFiles(t, a), siteFiles(t, b)
	var diffs []string
	for p, da := range ta {
		if db, ok := tb[p]; !ok {
			diffs = append(diffs, p+" only in the incremental site")
		} else if !bytes.Equal(da, db) {
			diffs = append(diffs, p+" differs")
		}
	}
	for p := range tb {
		if _, ok := ta[p]; !ok {
			diffs = append(diffs, p+" missing")
		}
	}
	slices.Sort(diffs)
	return strings.Join(diffs[:min(5, len(diffs))], "; ")
}

func siteFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(filepath.ToSlash(rel), ".copydesk/") {
			return nil
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
