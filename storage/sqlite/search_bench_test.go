package sqlite_test

import (
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
)

// BenchmarkSearch10k searches 10,000 stories of about 800 words: for a word
// every story has, for a one-letter prefix that matches every story, for two
// words, and for a word one story has.
func BenchmarkSearch10k(b *testing.B) {
	db, _ := openBenchDB(b)
	para := strings.Repeat("The council said the budget would be set next month after a consultation. ", 10)
	stories := make([]*editor.Story, 10000)
	for j := range stories {
		stories[j] = &editor.Story{Headline: fmt.Sprintf("Story %d about the council budget", j),
			Body: fmt.Sprintf("Item n%d of the agenda.\n\n", j) + strings.Repeat(para+"\n\n", 6)}
	}
	if err := db.CreateStories(ctx, stories, editor.RevisionMeta{Kind: editor.RevisionImport}, nil); err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"budget", "c", "council consultation", "n4321"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				hits, err := db.Search(ctx, q, 50)
				if err != nil || len(hits) == 0 {
					b.Fatalf("Search(%q) = %d hits, %v", q, len(hits), err)
				}
			}
		})
	}
}
