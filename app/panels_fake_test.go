package app

import (
	"context"
	"fmt"
	"strings"

	"copydesk/editor"
)

// The fake store's methods for the History panel and the export.

func (f *fakeStore) RestoreStory(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (*editor.Story, bool, error) {
	old, _, err := f.StoryRevision(ctx, id, seq)
	if err != nil {
		return nil, false, err
	}
	return f.restoreFrom(ctx, old, meta)
}

// restoreFrom saves old's content as the story's newest revision.
func (f *fakeStore) restoreFrom(ctx context.Context, old *editor.Story, meta editor.RevisionMeta) (*editor.Story, bool, error) {
	id := old.ID
	f.called(fmt.Sprintf("RestoreStory %s %d %s", id, old.Revision, meta.Note))
	cur := f.find(id)
	if cur.Status == editor.StatusPublished && strings.TrimSpace(meta.Note) == "" {
		return nil, false, &editor.ValidationError{Field: "note", Problem: "is empty"}
	}
	meta.Kind = editor.RevisionRestore
	next := *cur
	next.ApplyContent(old.Content())
	saved, err := f.SaveStory(ctx, &next, cur.Revision, meta)
	return &next, saved, err
}

func (f *fakeStore) RestorePage(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (*editor.Page, bool, error) {
	f.called(fmt.Sprintf("RestorePage %s %d %s", id, seq, meta.Note))
	old, ok := f.pageVersions[id][seq]
	if !ok {
		return nil, false, editor.ErrNotFound
	}
	cur, err := f.Page(ctx, id)
	if err != nil {
		return nil, false, err
	}
	next := *cur
	next.ApplyContent(old.Content())
	saved, err := f.SavePage(ctx, &next, cur.Revision, meta)
	return &next, saved, err
}

func (f *fakeStore) PublishedRevision(_ context.Context, id string) (int, error) {
	f.called("PublishedRevision " + id)
	s := f.find(id)
	if s == nil || s.Status != editor.StatusPublished {
		return 0, fmt.Errorf("%s has never been published: %w", id, editor.ErrNotFound)
	}
	return 1, nil
}

func (f *fakeStore) StoriesWithStatus(_ context.Context, status editor.Status) ([]editor.Story, error) {
	f.called("StoriesWithStatus " + string(status))
	var out []editor.Story
	for _, s := range f.filtered(status) {
		out = append(out, *s)
	}
	return out, nil
}
