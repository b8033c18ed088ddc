// Command seed fills a new copydesk database with many stories, for measuring
// start-up and scrolling: go run -tags sqlite_fts5 ./scripts/seed -n 10000 -db FILE
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"copydesk/editor"
	"copydesk/storage"
)

func main() {
	n := flag.Int("n", 10000, "how many stories")
	path := flag.String("db", "", "the database file to create")
	flag.Parse()
	if *path == "" {
		fmt.Fprintln(os.Stderr, "seed: give -db FILE")
		os.Exit(2)
	}
	db, err := storage.Open(*path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
	defer db.Close()
	para := strings.Repeat("The council said the budget would be set next month after a consultation. ", 10)
	stories := make([]*editor.Story, *n)
	for i := range stories {
		stories[i] = &editor.Story{Headline: fmt.Sprintf("Story %d about the council budget", i),
			Byline: "Press Association", Section: "Politics",
			Body: strings.Repeat(para+"\n\n", 8), Status: editor.Statuses[i%len(editor.Statuses)]}
	}
	if err := db.CreateStories(context.Background(), stories, editor.RevisionMeta{Kind: editor.RevisionImport, Author: "seed"}, nil); err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
	fmt.Printf("seed: %d stories in %s\n", *n, *path)
}
