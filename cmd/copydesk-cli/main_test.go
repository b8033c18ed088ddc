package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

// TestLinksNoWindowOrRenderer: bin/copydesk starts like a shell tool only
// while it links nothing that builds tables, patterns or a window at start-up
// for work it does not do (issue 16, item 2). This test binary holds the same
// packages as bin/copydesk (and testing); the modules listed must stay in
// copydesk-window, which bin/copydesk execs for the window, import, export
// and the sample.
func TestLinksNoWindowOrRenderer(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Fatal("no build information in the test binary")
	}
	banned := []string{"fyne.io/", "github.com/go-gl/", "github.com/yuin/goldmark", "github.com/microcosm-cc/bluemonday",
		"github.com/gorilla/css", "github.com/BurntSushi/toml", "github.com/go-text/"}
	linked := 0
	for _, m := range info.Deps {
		linked++
		for _, b := range banned {
			if strings.HasPrefix(m.Path, b) {
				t.Errorf("the command line links %s %s; whatever needs it belongs in the whole program (cmd/copydesk), which bin/copydesk execs", m.Path, m.Version)
			}
		}
	}
	if linked == 0 {
		t.Fatal("the build information lists no modules; the test checks nothing")
	}
}
