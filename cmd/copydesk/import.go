package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"copydesk/editor"
	"copydesk/editor/wire"
)

var importCmd = &command{name: "import", args: "FILE... [--dry-run] [--json]", summary: "import wire copy (plain text, NITF XML) or Markdown with front matter as stories", minArgs: 1, maxArgs: -1, creates: true,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		dryRun := fs.Bool("dry-run", false, "parse only: print the story, its quotes, people and boilerplate found; save nothing")
		asJSON := fs.Bool("json", false, "print JSON")
		author := fs.String("author", defaultAuthor(), "who is importing")
		return func(e *env, files []string) error {
			return runImport(e, files, *dryRun, *asJSON, *author)
		}
	}}

// parsed is one file read for import: what was found, and the story and
// people to save.
type parsed struct {
	file   string
	result *wire.Result
	story  editor.Story
	people []editor.Person
}

// importResult is what `import --json` prints for each story saved.
type importResult struct {
	ID       string `json:"id"`
	Slug     string `json:"slug"`
	Headline string `json:"headline"`
	Quotes   int    `json:"quotes"`
	File     string `json:"file"`
}

// runImport parses every file first, then saves them all, with the people
// they quote, in one transaction, so that one bad file saves nothing. Each is
// a draft, or has the status its front matter gives.
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
	for _, p := range all {
		for _, w := range p.result.Warnings {
			fmt.Fprintln(e.stderr, "warning:", w)
		}
	}
	stories := make([]*editor.Story, len(all))
	var people []editor.Person
	for i := range all {
		stories[i] = &all[i].story
		people = append(people, all[i].people...)
	}
	note := "imported"
	if len(all) == 1 {
		note = "imported from " + filepath.Base(all[0].file)
	}
	progress = newProgress(e.stderr, "saving", len(all))
	err := e.db.Import(e.ctx, stories, people, editor.RevisionMeta{Kind: editor.RevisionImport, Author: author, Note: note},
		func(done, total int) { progress.set(done, total) })
	progress.done()
	if err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	if asJSON {
		results := make([]importResult, len(all))
		for i, s := range stories {
			results[i] = importResult{ID: s.ID, Slug: s.Slug, Headline: s.Headline, Quotes: len(s.Quotes), File: all[i].file}
		}
		return writeJSON(e.stdout, results)
	}
	for _, s := range stories {
		fmt.Fprintf(e.stdout, "%s\t%s\n", s.ID, s.Title())
	}
	return nil
}

// parseImport reads one file: Markdown by its extension, anything else as
// wire copy (plain text or NITF XML, told apart by content). Markdown bodies
// have their quotes found as wire bodies do.
func parseImport(e *env, file string) (parsed, error) {
	data, err := readInput(e, file)
	if err != nil {
		return parsed{}, err
	}
	p := parsed{file: file}
	switch strings.ToLower(filepath.Ext(file)) {
	case ".md", ".markdown", ".mdown":
		f, err := editor.ParseStoryMarkdown(file, data)
		if err != nil {
			return parsed{}, err
		}
		p.result = markdownResult(f)
		p.story, p.people = p.result.Draft()
		// The wire result carries what wire copy has; the file may say more.
		for _, field := range editor.StoryFields() {
			field.Set(&p.story, field.Get(&f.Story))
		}
		p.story.Status = f.Story.Status
		if !f.Date.IsZero() {
			p.story.CreatedAt = f.Date
			if p.story.Status == editor.StatusPublished {
				d := f.Date
				p.story.PublishedAt = &d
			}
		}
	default:
		if p.result, err = wire.Parse(file, data); err != nil {
			return parsed{}, err
		}
		p.story, p.people = p.result.Draft()
	}
	return p, nil
}

// markdownResult describes a Markdown file as wire.Parse describes wire copy,
// with the quotes of its body found.
func markdownResult(f *editor.StoryFile) *wire.Result {
	s := f.Story
	tags := s.Tags
	if tags == nil {
		tags = []string{}
	}
	quotes, people := wire.FindQuotes(s.Body)
	warnings := f.Warnings
	if warnings == nil {
		warnings = []string{}
	}
	return &wire.Result{Format: "markdown",
		Story: wire.Story{Headline: s.Headline, Standfirst: s.Standfirst, Byline: s.Byline, Dateline: s.Dateline,
			Body: s.Body, Credit: s.Credit, Section: s.Section, Tags: tags},
		People: people, Quotes: quotes, Boilerplate: []wire.Boilerplate{}, Warnings: warnings}
}

func printDryRun(e *env, all []parsed, asJSON bool) error {
	if asJSON {
		if len(all) == 1 {
			return writeJSON(e.stdout, all[0].result)
		}
		results := make([]*wire.Result, len(all))
		for i, p := range all {
			results[i] = p.result
		}
		return writeJSON(e.stdout, results)
	}
	for _, p := range all {
		r := p.result
		fmt.Fprintf(e.stdout, "%s (%s): %q, %d words, %d quotes, %d people\n", p.file, r.Format, r.Story.Headline,
			editor.CountWords(r.Story.Body), len(r.Quotes), len(r.People))
		for _, q := range r.Quotes {
			text := q.Text
			if len([]rune(text)) > 60 {
				text = string([]rune(text)[:60]) + "…"
			}
			kind := ""
			if q.Partial {
				kind = " (partial)"
			}
			fmt.Fprintf(e.stdout, "  “%s”%s — %s\n", text, kind, q.Speaker)
		}
		for _, b := range r.Boilerplate {
			fmt.Fprintf(e.stdout, "  boilerplate, kept out of the body: %s\n", b.Title)
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(e.stdout, "  warning: %s\n", w)
		}
	}
	return nil
}
