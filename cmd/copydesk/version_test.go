package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"copydesk/internal/cli"
)

func TestVersionIsFyneAppVersion(t *testing.T) {
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if cli.Version != string(m[1]) {
		t.Errorf("cli.Version = %q, FyneApp.toml's Version = %q: keep them the same", cli.Version, m[1])
	}
	for _, arg := range []string{"--version", "version"} {
		var out, errs bytes.Buffer
		if code := run([]string{arg}, nil, &out, &errs); code != cli.ExitOK || !strings.HasPrefix(out.String(), "copydesk version "+cli.Version+" (") {
			t.Errorf("copydesk %s = exit %d, %q (stderr %q), want exit 0, \"copydesk version %s (…)\"", arg, code, out.String(), errs.String(), cli.Version)
		}
	}
}
