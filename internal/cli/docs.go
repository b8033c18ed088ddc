package cli

import (
	"errors"
	"fmt"

	"copydesk/editor"
	"copydesk/internal/wirefile"
)

// doc is a story or a page, as the commands that take either find them.
type doc struct {
	story *editor.Story
	page  *editor.Page
}

// findDoc finds a story by ID, prefix or slug, and failing that a page.
func findDoc(e *Env, ref string) (doc, error) {
	s, err := e.DB.FindStory(e.Ctx, ref)
	if err == nil {
		return doc{story: s}, nil
	}
	if !errors.Is(err, editor.ErrNotFound) {
		return doc{}, err
	}
	p, err := e.DB.FindPage(e.Ctx, ref)
	if err == nil {
		return doc{page: p}, nil
	}
	if !errors.Is(err, editor.ErrNotFound) {
		return doc{}, err
	}
	return doc{}, fmt.Errorf("no story or page has the ID or slug %q; 'copydesk stories' and 'copydesk pages' list them: %w", ref, editor.ErrNotFound)
}

func (d doc) pageOrStoryID() string {
	if d.story != nil {
		return d.story.ID
	}
	return d.page.ID
}

// readInput reads a file, or standard input for "-".
func readInput(e *Env, name string) ([]byte, error) {
	if name == "-" {
		return wirefile.ReadFrom("standard input", e.Stdin, -1)
	}
	return wirefile.Read(name)
}
