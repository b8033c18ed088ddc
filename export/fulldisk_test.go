package export_test

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"copydesk/editor"
	"copydesk/export"
)

// leftovers lists the staged and temporary files anywhere under dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if n := d.Name(); strings.HasPrefix(n, ".staged-") || strings.HasSuffix(n, ".tmp") || strings.HasSuffix(n, ".new") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// public is the site as readers see it: every file outside .copydesk.
func public(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return map[string][]byte{}
	}
	tree := readTree(t, dir)
	maps.DeleteFunc(tree, func(p string, _ []byte) bool { return strings.HasPrefix(p, ".copydesk/") })
	return tree
}

// TestFullDiskLeavesTheSiteAsItWas: an export whose writes fail part-way
// (a full disk, simulated by a write that stops half-way), whether on a
// page, a file of a new folder, the new manifest or the journal, leaves the
// public site byte for byte as it was with nothing staged in it, and the
// next export succeeds and leaves nothing behind either.
func TestFullDiskLeavesTheSiteAsItWas(t *testing.T) {
	enospc := syscall.ENOSPC
	for _, tc := range []struct {
		name  string
		first bool // the failing export is the folder's first
		fail  func(n int64, name string) bool
	}{
		{"third file", false, func(n int64, _ string) bool { return n == 3 }},
		{"manifest", false, func(_ int64, name string) bool { return name == export.ManifestNewForTest }},
		{"journal", false, func(_ int64, name string) bool { return name == export.JournalForTest }},
		{"first export, third file", true, func(n int64, _ string) bool { return n == 3 }},
		{"first export, manifest", true, func(_ int64, name string) bool { return name == export.ManifestNewForTest }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stories, pages := sampleSite(t)
			dir := filepath.Join(t.TempDir(), "site")
			if !tc.first {
				exportTo(t, dir, stories, pages)
			}
			before := public(t, dir)
			changed := append([]editor.Story{}, stories...)
			for i := range changed {
				changed[i].Headline += " (updated)"
			}
			changed = append(changed, editor.Story{ID: "new-1", Slug: "a-new-story", Headline: "A new story", Body: "Text.",
				Section: "Features", Status: editor.StatusPublished, CreatedAt: stories[0].CreatedAt, UpdatedAt: stories[0].UpdatedAt,
				PublishedAt: stories[0].PublishedAt})

			var writes atomic.Int64
			restore := export.SetFailWriteForTest(func(name string) error {
				if tc.fail(writes.Add(1), name) {
					return enospc
				}
				return nil
			})
			_, err := export.Export(t.Context(), dir, testSite, changed, pages, nil)
			restore()
			if !errors.Is(err, enospc) {
				t.Fatalf("Export on a full disk = %v, want ENOSPC", err)
			}
			if left := leftovers(t, dir); len(left) > 0 {
				t.Errorf("the failed export left %v", left)
			}
			if after := public(t, dir); !maps.EqualFunc(before, after, func(a, b []byte) bool { return string(a) == string(b) }) {
				t.Errorf("the failed export changed the public site: %d files before, %d after", len(before), len(after))
			}

			exportTo(t, dir, changed, pages)
			if left := leftovers(t, dir); len(left) > 0 {
				t.Errorf("the export after the failure left %v", left)
			}
			fresh := filepath.Join(t.TempDir(), "fresh")
			exportTo(t, fresh, changed, pages)
			if a, b := public(t, dir), public(t, fresh); !maps.EqualFunc(a, b, func(x, y []byte) bool { return string(x) == string(y) }) {
				t.Errorf("the site after the failure differs from a fresh export of the same stories")
			}
		})
	}
}

// TestNextExportCleansEveryLeftover: whatever an export killed part-way
// left (staged files beside pages, a staged folder, temporary files of the
// manifest), the next one removes, even though that export's claim on the
// folder was released.
func TestNextExportCleansEveryLeftover(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	for _, p := range []string{"articles/.staged-0-7", ".staged-3-1", "sections/.staged-1-2", ".copydesk/manifest.tsv.new.tmp", ".copydesk/commit.tsv.tmp", ".copydesk/manifest.tsv.new"} {
		if err := os.WriteFile(filepath.Join(dir, p), []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, ".staged-dir-features"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".staged-dir-features/x.html"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	exportTo(t, dir, stories, pages)
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("the next export left %v", left)
	}
}
