package export_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRulesPageNoneMeansNone: a story whose rules page is None (empty) has
// no rules block, even when the site has a rules page; one that names it
// has it.
func TestRulesPageNoneMeansNone(t *testing.T) {
	for _, tt := range []struct {
		rulesPage string
		want      bool
	}{
		{"", false},
		{"comment-rules", true},
		{"no-such-page", false},
	} {
		t.Run(tt.rulesPage, func(t *testing.T) {
			stories, pages := sampleSite(t)
			stories[0].RulesPage = tt.rulesPage
			dir := t.TempDir()
			exportTo(t, dir, stories[:1], pages)
			page, err := os.ReadFile(filepath.Join(dir, "articles", stories[0].Slug+".html"))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(page), `<aside class="rules"`); got != tt.want {
				t.Errorf("rules page %q: rules block shown %v, want %v", tt.rulesPage, got, tt.want)
			}
		})
	}
}
