package main

import (
	"context"
	"fmt"
	"io/fs"

	"copydesk/assets"
	"copydesk/editor"
	"copydesk/storage"
)

// addSample adds the sample content: the Press Association story as a draft
// with two revisions, "as filed" and "subbed", and the "Comments: Our rules"
// page it links to. The page is added only when no page has its slug.
func addSample(ctx context.Context, db *storage.DB) (*editor.Story, *editor.Page, error) {
	files := assets.Sample()
	rules, err := readSamplePage(files, "comment-rules.md")
	if err != nil {
		return nil, nil, err
	}
	page, err := db.FindPage(ctx, rules.Slug)
	if err != nil {
		page = rules
		if err := db.CreatePage(ctx, page, editor.RevisionMeta{Kind: editor.RevisionImport, Author: "copydesk", Note: "sample"}); err != nil {
			return nil, nil, err
		}
	}

	filed, err := readSampleStory(files, "as-filed.md")
	if err != nil {
		return nil, nil, err
	}
	subbed, err := readSampleStory(files, "subbed.md")
	if err != nil {
		return nil, nil, err
	}
	filed.RulesPage, subbed.RulesPage = page.Slug, page.Slug
	if err := db.CreateStory(ctx, filed, editor.RevisionMeta{Kind: editor.RevisionImport, Author: "Press Association", Note: "as filed"}); err != nil {
		return nil, nil, err
	}
	subbed.ID = filed.ID
	if _, err := db.SaveStory(ctx, subbed, filed.Revision, editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: "Copydesk sample", Note: "subbed"}); err != nil {
		return nil, nil, err
	}
	return subbed, page, nil
}

func readSampleStory(files fs.FS, name string) (*editor.Story, error) {
	b, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, fmt.Errorf("sample %s: %w", name, err)
	}
	f, err := editor.ParseStoryMarkdown(name, b)
	if err != nil {
		return nil, err
	}
	return &f.Story, nil
}

func readSamplePage(files fs.FS, name string) (*editor.Page, error) {
	b, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, fmt.Errorf("sample %s: %w", name, err)
	}
	f, err := editor.ParsePageMarkdown(name, b)
	if err != nil {
		return nil, err
	}
	return &f.Page, nil
}
