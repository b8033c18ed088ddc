// Command seed fills a new copydesk database with many stories, for measuring
// start-up, scrolling and export:
//
//	go run -tags sqlite_fts5 ./scripts/seed -n 10000 -db FILE-OR-URL [-status published] [-words 800]
//
// Stories take the statuses in turn unless -status gives one; each has about
// -words words in paragraphs of about 80, with a quote in every fourth.
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
	status := flag.String("status", "", "give every story this status (default: the statuses in turn)")
	words := flag.Int("words", 800, "about how many words each story has")
	flag.Parse()
	var only editor.Status
	if *status != "" {
		st, err := editor.ParseStatus(*status)
		if err != nil {
			fmt.Fprintln(os.Stderr, "seed: -status:", err)
			os.Exit(2)
		}
		only = st
	}
	if *path == "" {
		fmt.Fprintln(os.Stderr, "seed: give -db FILE")
		os.Exit(2)
	}
	db, err := storage.Open(context.Background(), *path, storage.OpenOrCreate)
	if err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
	defer db.Close()
	sections := []string{"Politics", "News", "Business", "Sport", "Culture"}
	stories := make([]*editor.Story, *n)
	for i := range stories {
		var paras []string
		for w := 0; w < *words; w += 80 {
			p := fmt.Sprintf("The council said item %d of the budget for story %d would be set next month after a consultation. ", w/80, i)
			p = strings.Repeat(p, 5)
			if (w/80)%4 == 1 {
				p += fmt.Sprintf("“We will listen to every resident before we decide on item %d,” the leader of the council said.", w/80)
			}
			paras = append(paras, strings.TrimSpace(p))
		}
		st := only
		if st == "" {
			st = editor.Statuses[i%len(editor.Statuses)]
		}
		stories[i] = &editor.Story{Headline: fmt.Sprintf("Story %d about the council budget", i),
			Standfirst: "What the council plans to spend, and where.", Byline: "Press Association",
			Section: sections[i%len(sections)], Credit: "Reporting by Press Association.",
			Body: strings.Join(paras, "\n\n"), Status: st}
	}
	if err := db.CreateStories(context.Background(), stories, editor.RevisionMeta{Kind: editor.RevisionImport, Author: "seed"}, nil); err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
	fmt.Printf("seed: %d stories in %s\n", *n, *path)
}
