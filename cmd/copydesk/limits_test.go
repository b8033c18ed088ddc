package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		if code != exitUsage || !strings.Contains(errOut, huge) || !strings.Contains(errOut, "100.0 MB") || !strings.Contains(errOut, "up to 4.0 MB") {
			t.Errorf("%s of a 100 MB file: exit %d %q, want 2 naming the file and the limit", args[0], code, errOut)
		}
	}
}
