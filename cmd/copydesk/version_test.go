package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
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
	if version != string(m[1]) {
		t.Errorf("version = %q, FyneApp.toml's Version = %q: keep them the same", version, m[1])
	}
	for _, arg := range []string{"--version", "version"} {
		var out, errs bytes.Buffer
		if code := run([]string{arg}, nil, &out, &errs); code != exitOK || !strings.HasPrefix(out.String(), "copydesk version "+version+" (") {
			t.Errorf("copydesk %s = exit %d, %q (stderr %q), want exit 0, \"copydesk version %s (…)\"", arg, code, out.String(), errs.String(), version)
		}
	}
}
