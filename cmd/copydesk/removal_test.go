package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/cli"
)

// TestExportRefusesToEmptyTheSite: exporting from a database that has lost
// most of the site's articles (the wrong --db, one emptied by mistake) is
// refused with exit 1, naming --allow-removal, and changes nothing; with
// --allow-removal it goes ahead (issue 13, item 2).
func TestExportRefusesToEmptyTheSite(t *testing.T) {
	live := newCLI(t)
	live.ok("sample")
	live.publish("sir-iain-direct-threat-from-china")
	site := filepath.Join(t.TempDir(), "site")
	live.ok("export", "--out", site)
	article := filepath.Join(site, "articles", "sir-iain-direct-threat-from-china.html")
	if _, err := os.Stat(article); err != nil {
		t.Fatal(err)
	}

	other := newCLI(t)
	other.ok("sample") // its story is a draft: nothing published
	_, errOut, code := other.run("", "export", "--out", site)
	if code != cli.ExitProblem || !strings.Contains(errOut, "--allow-removal") || !strings.Contains(errOut, "1 of the 1 articles") {
		t.Errorf("export that removes the whole site: exit %d %q, want 1 naming --allow-removal", code, errOut)
	}
	if _, err := os.Stat(article); err != nil {
		t.Errorf("the refused export removed the article: %v", err)
	}
	other.ok("export", "--out", site, "--allow-removal")
	if _, err := os.Stat(article); !os.IsNotExist(err) {
		t.Errorf("with --allow-removal the article is still there: %v", err)
	}
}

// TestExportIntoABusyFolderExitsOne: a folder another export holds is not
// bad usage and not a failure: exit 1, saying so.
func TestExportIntoABusyFolderExitsOne(t *testing.T) {
	c := newCLI(t)
	c.ok("sample")
	site := filepath.Join(t.TempDir(), "site")
	c.ok("export", "--out", site)
	busy := filepath.Join(site, ".copydesk", "busy")
	if err := os.WriteFile(busy, []byte(fmt.Sprintln(os.Getpid())), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := c.run("", "export", "--out", site); code != cli.ExitProblem || !strings.Contains(errOut, "another export is writing") {
		t.Errorf("export into a busy folder: exit %d %q, want 1", code, errOut)
	}
}
