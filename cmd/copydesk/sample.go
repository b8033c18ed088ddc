package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"slices"
	"time"

	"copydesk/assets"
	"copydesk/editor"
	"copydesk/editor/wire"
	"copydesk/internal/cli"
	"copydesk/storage"
)

// sampleSetup does the work of cli.SampleCmd.
func sampleSetup(fs *flag.FlagSet) func(*cli.Env, []string) error {
	return func(e *cli.Env, _ []string) error {
		s, p, err := addSample(e.Ctx, e.DB)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "%s\t%s\n%s\t%s\n", s.ID, s.Title(), p.ID, p.Title)
		return nil
	}
}

// sampleWire is the Press Association story as it came off the wire, with the
// site's comment-rules block pasted under it.
const sampleWire = "pa-duncan-smith-china-threat.txt"

// addSample adds the sample content. The story is read from the wire copy as
// an import would read it (its quotes and the people quoted found, the rules
// block kept out of the body) and saved as revision 1, "as filed", with the
// desk's fields from as-filed.md; revision 2, "subbed", adds the headline and
// standfirst of subbed.md and tightens the intro. The "Comments: Our rules"
// page takes its summary from the rules block under the story; it is added
// only when no page has its slug.
func addSample(ctx context.Context, db storage.Store) (*editor.Story, *editor.Page, error) {
	// On a shared desk the server names the author: the database user.
	author := func(name string) string {
		if _, shared := db.(storage.Desk); shared {
			return ""
		}
		return name
	}
	files := assets.Sample()
	raw, err := fs.ReadFile(files, sampleWire)
	if err != nil {
		return nil, nil, fmt.Errorf("sample %s: %w", sampleWire, err)
	}
	res, err := wire.ParseFile(sampleWire, raw)
	if err != nil {
		return nil, nil, err
	}
	rules, err := readSample(files, "comment-rules.md", editor.ParsePageMarkdown)
	if err != nil {
		return nil, nil, err
	}
	page, err := db.FindPage(ctx, rules.Page.Slug)
	if err != nil {
		page = &rules.Page
		for _, b := range res.Boilerplate {
			if b.Title == page.Title {
				page.Summary = b.Text
			}
		}
		if page.Summary == "" {
			return nil, nil, fmt.Errorf("sample %s: no %q block under the story", sampleWire, page.Title)
		}
		if err := db.CreatePage(ctx, page, editor.RevisionMeta{Kind: editor.RevisionImport, Author: author("copydesk"), Note: "sample"}); err != nil {
			return nil, nil, err
		}
	}

	filedFile, err := readSample(files, "as-filed.md", editor.ParseStoryMarkdown)
	if err != nil {
		return nil, nil, err
	}
	subbedFile, err := readSample(files, "subbed.md", editor.ParseStoryMarkdown)
	if err != nil {
		return nil, nil, err
	}
	filed, people := res.ToStory()
	filed.Byline, filed.Section, filed.Tags = filedFile.Story.Byline, filedFile.Story.Section, filedFile.Story.Tags
	filed.RulesPage = page.Slug
	if err := db.Import(ctx, []*editor.Story{&filed}, people, editor.RevisionMeta{Kind: editor.RevisionImport, Author: author("Press Association"), Note: "as filed"}, nil); err != nil {
		return nil, nil, err
	}
	subbed := filed
	sub := subbedFile.Story
	subbed.Headline, subbed.Standfirst, subbed.Body, subbed.Slug = sub.Headline, sub.Standfirst, sub.Body, sub.Slug
	// The sub confirmed the speakers the import found, as a desk does before
	// they appear under "Quoted in this story".
	confirmer := author("Copydesk sample")
	if desk, shared := db.(storage.Desk); shared {
		confirmer = desk.User()
	}
	subbed.Quotes = slices.Clone(filed.Quotes)
	for i := range subbed.Quotes {
		if subbed.Quotes[i].Speaker != "" {
			if err := subbed.Quotes[i].ConfirmSpeaker(confirmer, time.Now()); err != nil {
				return nil, nil, err
			}
		}
	}
	if _, err := db.SaveStory(ctx, &subbed, filed.Revision, editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: author("Copydesk sample"), Note: "subbed"}); err != nil {
		return nil, nil, err
	}
	return &subbed, page, nil
}

// readSample reads one of the sample's Markdown files with parse.
func readSample[T any](files fs.FS, name string, parse func(string, []byte) (T, error)) (T, error) {
	var zero T
	b, err := fs.ReadFile(files, name)
	if err != nil {
		return zero, fmt.Errorf("sample %s: %w", name, err)
	}
	return parse(name, b)
}
