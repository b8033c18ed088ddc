package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"copydesk/editor"
)

// document is a story or a site page as the editing lifecycle handles it
// (docSession): what it needs to read, save, copy and compare one, written
// once for both kinds.
type document interface {
	kind() *docKind
	id() string
	name() string
	rev() int
	updated() time.Time
	content() []byte
	// published reports that a change to it is a correction readers see.
	published() bool
	// withContent is a copy holding revision content c, tidied as a save would.
	withContent(c []byte) (document, error)
	// merge merges the changes theirs made to base into this version,
	// word by word, keeping their words at the i-th conflict when
	// theirsAt[i] is true and ours otherwise; the result keeps this
	// version's revision.
	merge(base, theirs document, theirsAt []bool) (document, []editor.Conflict, error)
	// diff compares it with a later version of itself.
	diff(to document) editor.StoryDiff
	// save writes it as a new revision over revision base, taking the
	// revision, time and anchors the store gives it.
	save(ctx context.Context, st Store, base int, meta editor.RevisionMeta) (bool, error)
}

// docKind is what the lifecycle reads for one kind of document.
type docKind struct {
	noun string // "story" or "page", as working copies and messages name it
	read func(ctx context.Context, st Store, id string) (document, error)
	// revision reads revision seq as it was.
	revision func(ctx context.Context, st Store, id string, seq int) (document, *editor.Revision, error)
	restore  func(ctx context.Context, st Store, id string, seq int, meta editor.RevisionMeta) (document, bool, error)
}

var (
	storyKind = newDocKind("story", func(s *editor.Story) document { return storyDoc{s} },
		Store.Story, Store.StoryRevision, Store.RestoreStory)
	pageKind = newDocKind("page", func(p *editor.Page) document { return pageDoc{p} },
		Store.Page, Store.PageRevision, Store.RestorePage)
)

// newDocKind makes the docKind of documents of type T from the store's
// methods for them.
func newDocKind[T any](noun string, wrap func(T) document,
	read func(Store, context.Context, string) (T, error),
	revision func(Store, context.Context, string, int) (T, *editor.Revision, error),
	restore func(Store, context.Context, string, int, editor.RevisionMeta) (T, bool, error)) *docKind {
	return &docKind{
		noun: noun,
		read: func(ctx context.Context, st Store, id string) (document, error) {
			d, err := read(st, ctx, id)
			if err != nil {
				return nil, err
			}
			return wrap(d), nil
		},
		revision: func(ctx context.Context, st Store, id string, seq int) (document, *editor.Revision, error) {
			d, r, err := revision(st, ctx, id, seq)
			if err != nil {
				return nil, nil, err
			}
			return wrap(d), r, nil
		},
		restore: func(ctx context.Context, st Store, id string, seq int, meta editor.RevisionMeta) (document, bool, error) {
			d, saved, err := restore(st, ctx, id, seq, meta)
			if err != nil {
				return nil, false, err
			}
			return wrap(d), saved, nil
		},
	}
}

// storyDoc is a story as a document.
type storyDoc struct{ *editor.Story }

func (d storyDoc) kind() *docKind     { return storyKind }
func (d storyDoc) id() string         { return d.ID }
func (d storyDoc) name() string       { return d.Title() }
func (d storyDoc) rev() int           { return d.Revision }
func (d storyDoc) updated() time.Time { return d.UpdatedAt }
func (d storyDoc) content() []byte    { return d.Content() }
func (d storyDoc) published() bool    { return d.Status == editor.StatusPublished }
func (d storyDoc) diff(to document) editor.StoryDiff {
	return editor.DiffStories(d.Story, to.(storyDoc).Story)
}

func (d storyDoc) withContent(c []byte) (document, error) {
	s := *d.Story
	if err := s.ApplyContent(c); err != nil {
		return nil, err
	}
	s.Normalize()
	return storyDoc{&s}, nil
}

func (d storyDoc) merge(base, theirs document, theirsAt []bool) (document, []editor.Conflict, error) {
	m, conflicts := editor.ResolveStories(base.(storyDoc).Story, d.Story, theirs.(storyDoc).Story, theirsAt)
	out, err := d.withContent(m.Content())
	return out, conflicts, err
}

func (d storyDoc) save(ctx context.Context, st Store, base int, meta editor.RevisionMeta) (bool, error) {
	s := d.Story
	// A story begun empty got a stand-in slug ("story", "story-2"); its first
	// save with a headline names it after the headline, as an import would.
	slugs := []string{s.Slug}
	if standInSlug.MatchString(s.Slug) && s.PublishedAt == nil && s.Headline != "" {
		if b := editor.Slugify(s.Headline); b != "" {
			slugs = []string{b, b + "-2", b + "-3", b + "-4", s.Slug}
		}
	}
	var saved bool
	var err error
	for _, slug := range slugs {
		s.Slug = slug
		saved, err = st.SaveStory(ctx, s, base, meta)
		var ce *editor.ConflictError
		if !errors.As(err, &ce) || ce.Kind != editor.ConflictSlug {
			break
		}
	}
	return saved, err
}

// pageDoc is a site page as a document.
type pageDoc struct{ *editor.Page }

func (d pageDoc) kind() *docKind { return pageKind }
func (d pageDoc) id() string     { return d.ID }
func (d pageDoc) name() string {
	if d.Title == "" {
		return "Untitled page"
	}
	return d.Title
}
func (d pageDoc) rev() int           { return d.Revision }
func (d pageDoc) updated() time.Time { return d.UpdatedAt }
func (d pageDoc) content() []byte    { return d.Content() }
func (d pageDoc) published() bool    { return false }
func (d pageDoc) diff(to document) editor.StoryDiff {
	return editor.DiffPages(d.Page, to.(pageDoc).Page)
}

func (d pageDoc) withContent(c []byte) (document, error) {
	p := *d.Page
	if err := p.ApplyContent(c); err != nil {
		return nil, err
	}
	p.Normalize()
	return pageDoc{&p}, nil
}

func (d pageDoc) merge(base, theirs document, theirsAt []bool) (document, []editor.Conflict, error) {
	m, conflicts := editor.ResolvePages(base.(pageDoc).Page, d.Page, theirs.(pageDoc).Page, theirsAt)
	out, err := d.withContent(m.Content())
	return out, conflicts, err
}

func (d pageDoc) save(ctx context.Context, st Store, base int, meta editor.RevisionMeta) (bool, error) {
	return st.SavePage(ctx, d.Page, base, meta)
}

// changedFields names the fields that differ between two versions of a
// document, as the editor labels them: "body (8 more words)", "headline
// and tags".
func changedFields(from, to document) string {
	var names []string
	d := from.diff(to)
	for _, f := range d.Fields {
		if !f.Changed() {
			continue
		}
		name := strings.ToLower(label(f.Field))
		if f.Field == "body" {
			if n := editor.CountWords(f.New()) - editor.CountWords(f.Old()); n > 0 {
				name = fmt.Sprintf("body (%s)", plural(n, "more word", "more words"))
			}
		}
		names = append(names, name)
	}
	if len(d.Quotes) > 0 {
		names = append(names, "quotes")
	}
	switch len(names) {
	case 0:
		return from.kind().noun
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
