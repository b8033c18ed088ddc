package sqlite_test

import (
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
)

// BenchmarkCreateStories1000 imports 1,000 stories of about 800 words in one
// transaction, as `copydesk import` does with many files.
func BenchmarkCreateStories1000(b *testing.B) {
	para := strings.Repeat("The council said the budget would be set next month after a consultation. ", 10)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, _ := openBenchDB(b)
		stories := make([]*editor.Story, 1000)
		for j := range stories {
			stories[j] = &editor.Story{Headline: fmt.Sprintf("Story %d about the council budget", j), Body: strings.Repeat(para+"\n\n", 6)}
		}
		b.StartTimer()
		if err := db.CreateStories(ctx, stories, editor.RevisionMeta{Kind: editor.RevisionImport}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
