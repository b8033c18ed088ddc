package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"copydesk/editor"
)

func init() {
	register(&command{name: "import", args: "FILE... [--dry-run] [--json]", summary: "import wire copy (plain text) or Markdown with front matter as stories", minArgs: 1, maxArgs: -1,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			dryRun := fs.Bool("dry-run", false, "parse only: print what was found, save nothing")
			asJSON := fs.Bool("json", false, "print JSON")
			author := fs.String("author", defaultAuthor(), "who is importing")
			return func(e *env, files []string) error {
				return runImport(e, files, *dryRun, *asJSON, *author)
			}
		}})
}

// parsed is one file read for import.
type parsed struct {
	file   string
	format string
	f      *editor.StoryFile
}

// importResult is what `import --json` prints for each story saved.
type importResult struct {
	ID       string `json:"id"`
	Slug     string `json:"slug"`
	Headline string `json:"headline"`
	File     string `json:"file"`
}

// dryRunResult is DESIGN.md's `import --dry-run --json` shape.
type dryRunResult struct {
	Format      string          `json:"format"`
	Story       dryRunStory     `json:"story"`
	People      []editor.Person `json:"people"`
	Quotes      []any           `json:"quotes"`
	Boilerplate []any           `json:"boilerplate"`
	Warnings    []string        `json:"warnings"`
}

type dryRunStory struct {
	Headline   string   `json:"headline"`
	Standfirst string   `json:"standfirst"`
	Byline     string   `json:"byline"`
	Dateline   string   `json:"dateline"`
	Body       string   `json:"body"`
	Credit     string   `json:"credit"`
	Section    string   `json:"section"`
	Tags       []string `json:"tags"`
}

// runImport parses every file first, then saves them all in one transaction,
// so that one bad file saves nothing. Each is a draft, or has the status its
// front matter gives.
func runImport(e *env, files []string, dryRun, asJSON bool, author string) error {
	var all []parsed
	progress := newProgress(e.stderr, "reading", len(files))
	for _, file := range files {
		p, err := parseImport(e, file)
		if err != nil {
			progress.done()
			return err
		}
		all = append(all, p)
		progress.step()
	}
	progress.done()
	if dryRun {
		return printDryRun(e, all, asJSON)
	}
	stories := make([]*editor.Story, len(all))
	for i, p := range all {
		s := p.f.Story
		if !p.f.Date.IsZero() {
			s.CreatedAt = p.f.Date
			if s.Status == editor.StatusPublished {
				d := p.f.Date
				s.PublishedAt = &d
			}
		}
		stories[i] = &s
	}
	note := "imported"
	if len(all) == 1 {
		note = "imported from " + filepath.Base(all[0].file)
	}
	progress = newProgress(e.stderr, "saving", len(all))
	err := e.db.CreateStories(e.ctx, stories, editor.RevisionMeta{Kind: editor.RevisionImport, Author: author, Note: note},
		func(done, total int) { progress.set(done, total) })
	progress.done()
	if err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	results := make([]importResult, len(all))
	for i, s := range stories {
		results[i] = importResult{ID: s.ID, Slug: s.Slug, Headline: s.Headline, File: all[i].file}
	}
	if asJSON {
		return writeJSON(e.stdout, results)
	}
	for _, s := range stories {
		fmt.Fprintf(e.stdout, "%s\t%s\n", s.ID, s.Title())
	}
	return nil
}

func parseImport(e *env, file string) (parsed, error) {
	data, err := readInput(e, file)
	if err != nil {
		return parsed{}, err
	}
	p := parsed{file: file}
	switch strings.ToLower(filepath.Ext(file)) {
	case ".md", ".markdown", ".mdown":
		p.format = "markdown"
		p.f, err = editor.ParseStoryMarkdown(file, data)
	case ".xml", ".nitf":
		return parsed{}, usagef("%s: NITF XML import is not available yet; save the story as plain text or Markdown", file)
	default:
		p.format = "text"
		p.f, err = editor.ParsePlainText(file, data)
	}
	if err != nil {
		return parsed{}, err
	}
	for _, w := range p.f.Warnings {
		fmt.Fprintln(e.stderr, "warning:", w)
	}
	return p, nil
}

func printDryRun(e *env, all []parsed, asJSON bool) error {
	var out []dryRunResult
	for _, p := range all {
		s := p.f.Story
		tags := s.Tags
		if tags == nil {
			tags = []string{}
		}
		warnings := p.f.Warnings
		if warnings == nil {
			warnings = []string{}
		}
		out = append(out, dryRunResult{Format: p.format, Story: dryRunStory{Headline: s.Headline, Standfirst: s.Standfirst,
			Byline: s.Byline, Dateline: s.Dateline, Body: s.Body, Credit: s.Credit, Section: s.Section, Tags: tags},
			People: []editor.Person{}, Quotes: []any{}, Boilerplate: []any{}, Warnings: warnings})
	}
	if asJSON {
		if len(out) == 1 {
			return writeJSON(e.stdout, out[0])
		}
		return writeJSON(e.stdout, out)
	}
	for i, r := range out {
		fmt.Fprintf(e.stdout, "%s (%s): %q, %d words\n", all[i].file, r.Format, r.Story.Headline, editor.CountWords(r.Story.Body))
	}
	return nil
}
