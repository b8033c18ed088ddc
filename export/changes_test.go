package export_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

// TestKindsOfChange exports a published story after each kind of change: a
// correction and a clarification are listed as notes, an update marks the
// page "Updated" with its time, and a minor fix shows readers nothing.
func TestKindsOfChange(t *testing.T) {
	pub := at("2026-05-04T09:00:00Z")
	later := func(m int) time.Time { return pub.Add(time.Duration(m) * time.Minute) }
	tests := []struct {
		name        string
		corrections []editor.Correction
		updated     time.Time
		want        []string
		wantNot     []string
	}{
		{name: "a minor fix", updated: later(10),
			wantNot: []string{"Updated", "corrections-heading", "Minor fix"}},
		{name: "a correction", updated: later(20),
			corrections: []editor.Correction{{Kind: editor.ChangeCorrection, Note: "A name was misspelt.", At: later(20)}},
			want: []string{`<h2 id="corrections-heading">Corrections</h2>`,
				`<li><time datetime="2026-05-04T09:20:00Z">4 May 2026, 09:20 UTC</time>: A name was misspelt.</li>`,
				`Updated <time datetime="2026-05-04T09:20:00Z">`}},
		{name: "a clarification, then a minor fix", updated: later(45),
			corrections: []editor.Correction{{Kind: editor.ChangeClarification, Note: "The figure is annual.", At: later(30)}},
			want: []string{`<h2 id="corrections-heading">Corrections and clarifications</h2>`,
				`: <span class="change-kind">Clarification:</span> The figure is annual.</li>`,
				`Updated <time datetime="2026-05-04T09:30:00Z">`},
			wantNot: []string{`2026-05-04T09:45:00Z">`}},
		{name: "an update", updated: later(60),
			corrections: []editor.Correction{{Kind: editor.ChangeUpdate, Note: "Adds the council's reply.", At: later(60)}},
			want:        []string{`Updated <time datetime="2026-05-04T10:00:00Z">4 May 2026, 10:00 UTC</time>`},
			wantNot:     []string{"corrections-heading", "council"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := editor.Story{ID: "s1", Slug: "changed", Headline: "Changed", Body: "Text.", Status: editor.StatusPublished,
				CreatedAt: pub, PublishedAt: &pub, UpdatedAt: tt.updated, Corrections: tt.corrections}
			dir := t.TempDir()
			exportTo(t, dir, []editor.Story{s}, nil)
			b, err := os.ReadFile(filepath.Join(dir, "articles", "changed.html"))
			if err != nil {
				t.Fatal(err)
			}
			page := string(b)
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("the article has no %q:\n%s", w, page)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(page, w) {
					t.Errorf("the article shows %q", w)
				}
			}
		})
	}
}
