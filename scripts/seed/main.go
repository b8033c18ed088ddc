// Command seed fills a new copydesk database with many stories, for measuring
// start-up, scrolling and export:
//
//	go run -tags sqlite_fts5 ./scripts/seed -n 10000 -db FILE-OR-URL [-status published] [-words 800] [-hugo DIR]
//
// Stories take the statuses in turn unless -status gives one; each has about
// -words words in paragraphs of about 80, with a quote in every fourth.
// -hugo also writes the same stories as a Hugo site in DIR, one Markdown
// file with front matter each, for measuring an export against Hugo's
// build; seed then prints the bytes of Markdown the stories make.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

func main() {
	n := flag.Int("n", 10000, "how many stories")
	path := flag.String("db", "", "the database file to create")
	status := flag.String("status", "", "give every story this status (default: the statuses in turn)")
	words := flag.Int("words", 800, "about how many words each story has")
	hugo := flag.String("hugo", "", "also write the stories as a Hugo site into this folder")
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
	if *hugo != "" {
		size, err := writeHugoSite(*hugo, stories)
		if err != nil {
			fmt.Fprintln(os.Stderr, "seed:", err)
			os.Exit(1)
		}
		fmt.Printf("seed: the same stories as a Hugo site in %s: %d bytes of Markdown\n", *hugo, size)
	}
}

// hugoLayouts are the fewest templates that make Hugo write a page per
// story, its section lists, feeds and sitemap, as the export does.
var hugoLayouts = map[string]string{
	"hugo.toml": "baseURL = 'https://news.example.com/'\ntitle = 'News'\nlanguageCode = 'en-gb'\n",
	"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title>` +
		`<meta name="description" content="{{ .Description }}"></head><body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>` +
		`{{ range site.Sections }} <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</header>{{ block "main" . }}{{ end }}</body></html>`,
	"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Description }}</p>` +
		`<p>{{ .Params.byline }} · <time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p>` +
		`{{ .Content }}<p>{{ .Params.credit }}</p></article>{{ end }}`,
	"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>{{ end }}`,
}

// writeHugoSite writes the stories as a Hugo site in dir and returns the
// bytes of their Markdown files.
func writeHugoSite(dir string, stories []*editor.Story) (int64, error) {
	for name, text := range hugoLayouts {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return 0, err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return 0, err
		}
	}
	var size int64
	for i, s := range stories {
		at := s.CreatedAt
		if s.PublishedAt != nil {
			at = *s.PublishedAt
		}
		md := fmt.Sprintf("---\ntitle: %q\ndescription: %q\nbyline: %q\ncredit: %q\ndate: %s\n---\n\n%s\n",
			s.Headline, s.Standfirst, s.Byline, s.Credit, at.UTC().Format(time.RFC3339), s.Body)
		p := filepath.Join(dir, "content", strings.ToLower(s.Section), fmt.Sprintf("story-%d.md", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return 0, err
		}
		if err := os.WriteFile(p, []byte(md), 0o644); err != nil {
			return 0, err
		}
		size += int64(len(md))
	}
	return size, nil
}
