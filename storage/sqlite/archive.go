package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"copydesk/editor"
	"copydesk/editor/revpack"
)

// The copy between databases (storage.Copy) reads and writes whole
// documents through these.

// Empty reports whether the database holds no story, page or person.
func (d *DB) Empty(ctx context.Context) (bool, error) {
	var n int
	err := d.rdb.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM stories) + (SELECT count(*) FROM pages) + (SELECT count(*) FROM people)`).Scan(&n)
	return n == 0, err
}

// Documents lists the IDs of every story and page, the oldest first.
func (d *DB) Documents(ctx context.Context) (stories, pages []string, err error) {
	err = d.read(ctx, func(q querier) error {
		if stories, err = ids(ctx, q, `SELECT id FROM stories ORDER BY created_at, id`); err != nil {
			return err
		}
		pages, err = ids(ctx, q, `SELECT id FROM pages ORDER BY created_at, id`)
		return err
	})
	return stories, pages, err
}

func ids(ctx context.Context, q querier, query string) ([]string, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// ReadArchive reads a story or page with every revision's content.
func (d *DB) ReadArchive(ctx context.Context, id string) (a *editor.Archive, err error) {
	err = d.read(ctx, func(q querier) error {
		a = &editor.Archive{}
		if a.Story, err = findStoryByID(ctx, q, id); errors.Is(err, editor.ErrNotFound) {
			a.Page, err = findPageByID(ctx, q, id)
		}
		if err != nil {
			return err
		}
		revs, texts, err := allContents(ctx, q, id)
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		a.Revisions = revs
		a.Contents = texts
		return nil
	})
	return a, err
}

// WriteArchive writes a story or page this database does not have, with
// its revisions as they were.
func (d *DB) WriteArchive(ctx context.Context, a *editor.Archive) error {
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		kind := "story"
		if a.Page != nil {
			kind = "page"
		}
		var prev []byte
		var chain revpack.Chain
		for i, rev := range a.Revisions {
			var err error
			if chain, err = insertRevisionRow(ctx, tx, kind, a.ID(), rev, a.Contents[i], prev, chain); err != nil {
				return false, err
			}
			prev = a.Contents[i]
		}
		if p := a.Page; p != nil {
			if _, err := tx.ExecContext(ctx, `INSERT INTO pages (`+pageColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				p.ID, p.Slug, string(p.Kind), p.Title, p.Summary, p.Body, p.Revision, formatTime(p.CreatedAt), formatTime(p.UpdatedAt)); err != nil {
				return false, err
			}
			return true, nil
		}
		s := a.Story
		if _, err := tx.ExecContext(ctx, insertStory, storyArgs(s)...); err != nil {
			return false, err
		}
		for i, c := range s.Corrections {
			// Ordinals keep the corrections' order; later ones take their
			// revision's number, which is higher.
			if _, err := tx.ExecContext(ctx, `INSERT INTO corrections (story_id, seq, kind, note, at) VALUES (?, ?, ?, ?, ?)`,
				s.ID, i+1, string(c.Kind.Or(editor.ChangeCorrection)), c.Note, formatTime(c.At)); err != nil {
				return false, err
			}
		}
		return true, replaceQuotes(ctx, tx, s)
	})
}

// AddPeople adds people with their IDs.
func (d *DB) AddPeople(ctx context.Context, people []editor.Person) error {
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		now := formatTime(d.now())
		for i := range people {
			p := &people[i]
			if _, err := tx.ExecContext(ctx, `INSERT INTO people (`+personColumns+`, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, p.Name, p.Honorific, p.ShortName, p.Role, p.Organisation, now, now); err != nil {
				return false, fmt.Errorf("person %q: %w", p.Name, err)
			}
		}
		return true, nil
	})
}
