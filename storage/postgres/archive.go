package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
)

// The copy between databases (storage.Copy) reads and writes whole
// documents through these. Writing keeps each revision's author, which the
// desk allows its owner only: a desk is copied in by its administrator.

// Empty reports whether the desk holds no story, page or person.
func (d *DB) Empty(ctx context.Context) (bool, error) {
	var n int
	err := d.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM stories) + (SELECT count(*) FROM pages) + (SELECT count(*) FROM people)`).Scan(&n)
	return n == 0, err
}

// Documents lists the IDs of every story and page, the oldest first.
func (d *DB) Documents(ctx context.Context) (stories, pages []string, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id FROM stories ORDER BY created_at, id`)
		if err != nil {
			return err
		}
		if stories, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT id FROM pages ORDER BY created_at, id`)
		if err != nil {
			return err
		}
		pages, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return err
	})
	return stories, pages, err
}

// ReadArchive reads a story or page with every revision's content.
func (d *DB) ReadArchive(ctx context.Context, id string) (a *editor.Archive, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		a = &editor.Archive{}
		if a.Story, err = findStoryByID(ctx, tx, id); errors.Is(err, editor.ErrNotFound) {
			a.Page, err = findPageByID(ctx, tx, id)
		}
		if err != nil {
			return err
		}
		revs, texts, err := allContents(ctx, tx, id)
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		a.Revisions = revs
		for _, t := range texts {
			a.Contents = append(a.Contents, []byte(t))
		}
		return nil
	})
	return a, err
}

// WriteArchive writes a story or page the desk does not have, with its
// revisions as they were.
func (d *DB) WriteArchive(ctx context.Context, a *editor.Archive) error {
	return d.write(ctx, &permission{editor.RoleDesk, "copy a desk in (its owner does that)"}, func(tx pgx.Tx) error {
		kind := "story"
		if a.Page != nil {
			kind = "page"
		}
		var prev []byte
		for i, rev := range a.Revisions {
			author := rev.Author
			if err := d.insertRevisionAs(ctx, tx, kind, a.ID(), rev, &author, a.Contents[i], prev); err != nil {
				return err
			}
			prev = a.Contents[i]
		}
		if p := a.Page; p != nil {
			_, err := tx.Exec(ctx, `INSERT INTO pages (`+pageColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
				p.ID, p.Slug, string(p.Kind), p.Title, p.Summary, p.Body, p.Revision, p.CreatedAt, p.UpdatedAt)
			return err
		}
		_, err := tx.Exec(ctx, insertStory, storyArgs(a.Story)...)
		return err
	})
}

// AddPeople adds people with their IDs.
func (d *DB) AddPeople(ctx context.Context, people []editor.Person) error {
	return d.write(ctx, &permission{editor.RoleEditor, "edit the people directory"}, func(tx pgx.Tx) error {
		now := d.now()
		for _, p := range people {
			if _, err := tx.Exec(ctx, `INSERT INTO people (`+personColumns+`, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
				p.ID, p.Name, p.Honorific, p.ShortName, p.Role, p.Organisation, now); err != nil {
				return fmt.Errorf("person %q: %w", p.Name, err)
			}
		}
		return nil
	})
}
