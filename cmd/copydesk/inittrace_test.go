package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestHeadlessStartBuildsNoWindow runs this test binary again with
// GODEBUG=inittrace=1, which starts the same packages a headless command
// does, and checks what their initialisation allocates (bytes, which do not
// depend on how busy the machine is). Fyne is linked for the desktop, but
// its packages must not build anything before a window opens: the built-in
// translations were 930 KB at start-up until Fyne's lang read them lazily
// (third_party/fyne/lang.patch). copydesk's own packages compile their
// patterns, parsers and templates on first use (issue 16, item 2).
func TestHeadlessStartBuildsNoWindow(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("running %s with inittrace: %v\n%s", os.Args[0], err, stderr.String())
	}
	budgets := []struct {
		group  string
		match  func(pkg string) bool
		budget int
	}{
		{"Fyne and its translations", func(p string) bool {
			return strings.HasPrefix(p, "fyne.io/") || strings.Contains(p, "go-i18n") || strings.Contains(p, "go-locale")
		}, 64 << 10},
		{"copydesk's packages", func(p string) bool { return strings.HasPrefix(p, "copydesk/") }, 160 << 10},
	}
	got := make([]int, len(budgets))
	heaviest := make([]string, len(budgets))
	heaviestBytes := make([]int, len(budgets))
	lines := 0
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init PKG @T ms, C ms clock, B bytes, N allocs
		f := strings.Fields(sc.Text())
		if len(f) < 11 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		lines++
		b, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("inittrace line %q: bytes %q: %v", sc.Text(), f[7], err)
		}
		for i, g := range budgets {
			if g.match(f[1]) {
				got[i] += b
				if b > heaviestBytes[i] {
					heaviest[i], heaviestBytes[i] = f[1], b
				}
			}
		}
	}
	if lines == 0 {
		t.Fatalf("no inittrace lines in the output of %s:\n%s", os.Args[0], stderr.String())
	}
	for i, g := range budgets {
		if got[i] > g.budget {
			t.Errorf("initialising %s allocates %d bytes before any command runs, want at most %d; the heaviest is %s (%d bytes): build it on first use (sync.OnceValue). Fyne built without third_party/fyne/lang.patch (not through make or bin/go.work) allocates 930 KB in fyne.io/fyne/v2/lang",
				g.group, got[i], g.budget, heaviest[i], heaviestBytes[i])
		}
	}
}
