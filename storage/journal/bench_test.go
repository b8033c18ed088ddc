package journal_test

import (
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage/journal"
)

// BenchmarkKeep is one autosave into the journal: a working copy of a
// 1,000-word story, written durably (synchronous=FULL) every time.
func BenchmarkKeep(b *testing.B) {
	j, err := journal.Open(filepath.Join(b.TempDir(), journal.FileName))
	if err != nil {
		b.Fatal(err)
	}
	defer j.Close()
	s := editor.Story{Headline: "Council sets budget", Body: strings.Repeat("Ten words of a story that the editor is typing now. ", 100)}
	wc := &editor.WorkingCopy{DocID: "s1", DocKind: "story", Base: 3, Content: s.Content(), User: "ann", Client: "laptop"}
	for b.Loop() {
		if err := j.Keep(ctx, desk, wc); err != nil {
			b.Fatal(err)
		}
	}
}
