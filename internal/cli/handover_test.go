package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestHandOver: a binary that gives no window and no work for import,
// export and sample (bin/copydesk) execs the whole program next to it with
// the arguments it was given, and does the other commands itself.
func TestHandOver(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	self, err = filepath.EvalSymlinks(self)
	if err != nil {
		t.Fatal(err)
	}
	whole := filepath.Join(filepath.Dir(self), WholeProgram)
	real := execWhole
	t.Cleanup(func() { execWhole = real })
	db := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args []string
		exec bool
	}{
		{nil, true},
		{[]string{"--db", db}, true},
		{[]string{"--db=" + db, "--some-window-flag"}, true},
		{[]string{"import", "a.txt", "--dry-run"}, true},
		{[]string{"--db", db, "export", "--out", "site"}, true},
		{[]string{"sample"}, true},
		{[]string{"help", "import"}, true},
		{[]string{"--version"}, false},
		{[]string{"help"}, false},
		{[]string{"help", "show"}, false},
		{[]string{"--db", db, "stories"}, false},
		{[]string{"--db", db, "show", "x", "--rev", "2"}, false},
		{[]string{"--db", db, "diff", "x"}, false},
		{[]string{"--db", db, "revisions", "x"}, false},
		{[]string{"--db", db, "update", "x", "f.md"}, false},
		{[]string{"publish"}, false},
	}
	for _, tt := range tests {
		var gotPath string
		var gotArgv []string
		execWhole = func(path string, argv, env []string) error {
			gotPath, gotArgv = path, argv
			return errors.New("exec stopped by the test")
		}
		var out, errs bytes.Buffer
		code := Run(tt.args, strings.NewReader(""), &out, &errs, Program{})
		execed := gotArgv != nil
		if execed != tt.exec {
			t.Errorf("copydesk %q: handed over %v, want %v (exit %d, stderr %q)", tt.args, execed, tt.exec, code, errs.String())
			continue
		}
		if !execed {
			continue
		}
		if want := append([]string{whole}, tt.args...); gotPath != whole || !slices.Equal(gotArgv, want) {
			t.Errorf("copydesk %q: exec %s %q, want %s %q", tt.args, gotPath, gotArgv, whole, want)
		}
		if code != ExitFailure || !strings.Contains(errs.String(), "exec stopped by the test") {
			t.Errorf("copydesk %q: a failed exec gave exit %d, %q; want exit 3 and the reason", tt.args, code, errs.String())
		}
	}
}

// TestHandOverWithoutTheWholeProgram: when copydesk-window is not next to
// the binary, the message names what is missing, where, and what to do.
func TestHandOverWithoutTheWholeProgram(t *testing.T) {
	// The test binary's folder holds no copydesk-window, so the real exec
	// fails before it replaces anything.
	var out, errs bytes.Buffer
	code := Run([]string{"import", "a.txt"}, strings.NewReader(""), &out, &errs, Program{})
	msg := errs.String()
	if code != ExitFailure {
		t.Errorf("exit %d, want %d", code, ExitFailure)
	}
	for _, want := range []string{"'copydesk import'", WholeProgram, "make build", "nothing was done"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
}
