package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"copydesk/editor"
)

const noteColumns = `id, story_id, text, author, created_at, resolved, resolved_by, resolved_at, detached,
	anchor_exact, anchor_prefix, anchor_suffix, anchor_start, anchor_end`

// Notes lists the notes on a story, oldest first.
func (d *DB) Notes(ctx context.Context, storyID string) (notes []editor.Note, err error) {
	err = d.read(ctx, func(q querier) error {
		if _, err := storyBody(ctx, q, storyID); err != nil {
			return err
		}
		notes, err = findNotes(ctx, q, storyID)
		return err
	})
	return notes, err
}

// AddNote saves a new note on the story n.StoryID, anchored in its stored
// body (editor.PrepareNote), and fills in its ID, time and anchor.
func (d *DB) AddNote(ctx context.Context, n *editor.Note) error {
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		body, err := storyBody(ctx, tx, n.StoryID)
		if err != nil {
			return false, err
		}
		if err := editor.PrepareNote(n, body, d.NewID(), d.now()); err != nil {
			return false, err
		}
		return true, insertNote(ctx, tx, n)
	})
}

// WriteNotes adds notes as they were, for a copy of a database.
func (d *DB) WriteNotes(ctx context.Context, notes []editor.Note) error {
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		for i := range notes {
			if err := notes[i].Validate(); err != nil {
				return false, fmt.Errorf("note %s: %w", notes[i].ID, err)
			}
			if err := insertNote(ctx, tx, &notes[i]); err != nil {
				return false, err
			}
		}
		return true, nil
	})
}

func insertNote(ctx context.Context, tx *sql.Tx, n *editor.Note) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO notes (`+noteColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.StoryID, n.Text, n.Author, formatTime(n.CreatedAt), n.Resolved, n.ResolvedBy, formatTimePtr(n.ResolvedAt), n.Detached,
		n.Anchor.Exact, n.Anchor.Prefix, n.Anchor.Suffix, n.Anchor.Start, n.Anchor.End)
	return err
}

// ResolveNote resolves a story's note in by's name, or reopens it, and
// returns it as saved.
func (d *DB) ResolveNote(ctx context.Context, storyID, noteID string, resolved bool, by string) (n *editor.Note, err error) {
	err = d.write(ctx, func(tx *sql.Tx) (bool, error) {
		if n, err = findNote(ctx, tx, storyID, noteID); err != nil {
			return false, err
		}
		n.SetResolved(resolved, by, d.now())
		if err := n.Validate(); err != nil {
			return false, err
		}
		_, err = tx.ExecContext(ctx, `UPDATE notes SET resolved = ?, resolved_by = ?, resolved_at = ? WHERE id = ?`,
			n.Resolved, n.ResolvedBy, formatTimePtr(n.ResolvedAt), n.ID)
		return err == nil, err
	})
	return n, err
}

// reanchorNotes moves the anchors of a story's notes from its old body to
// the new one, inside the save's transaction.
func reanchorNotes(ctx context.Context, tx *sql.Tx, storyID, oldBody, newBody string) error {
	notes, err := findNotes(ctx, tx, storyID)
	if err != nil {
		return err
	}
	for _, i := range editor.ReanchorNotes(oldBody, newBody, notes) {
		a := notes[i].Anchor
		if _, err := tx.ExecContext(ctx, `UPDATE notes SET detached = ?, anchor_exact = ?, anchor_prefix = ?, anchor_suffix = ?,
			anchor_start = ?, anchor_end = ? WHERE id = ?`, notes[i].Detached, a.Exact, a.Prefix, a.Suffix, a.Start, a.End, notes[i].ID); err != nil {
			return err
		}
	}
	return nil
}

func storyBody(ctx context.Context, q querier, storyID string) (string, error) {
	var body string
	err := q.QueryRowContext(ctx, `SELECT body FROM stories WHERE id = ?`, storyID).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("story %s: %w", storyID, editor.ErrNotFound)
	}
	return body, err
}

func findNotes(ctx context.Context, q querier, storyID string) ([]editor.Note, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+noteColumns+` FROM notes WHERE story_id = ? ORDER BY created_at, id`, storyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	notes := []editor.Note{}
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			return nil, err
		}
		notes = append(notes, *n)
	}
	return notes, rows.Err()
}

func findNote(ctx context.Context, q querier, storyID, noteID string) (*editor.Note, error) {
	n, err := scanNote(q.QueryRowContext(ctx, `SELECT `+noteColumns+` FROM notes WHERE story_id = ? AND id = ?`, storyID, noteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("note %s on story %s: %w", noteID, storyID, editor.ErrNotFound)
	}
	return n, err
}

func scanNote(row scanner) (*editor.Note, error) {
	var n editor.Note
	var created time.Time
	if err := row.Scan(&n.ID, &n.StoryID, &n.Text, &n.Author, timeCol{&created}, &n.Resolved, &n.ResolvedBy, nullTime{&n.ResolvedAt},
		&n.Detached, &n.Anchor.Exact, &n.Anchor.Prefix, &n.Anchor.Suffix, &n.Anchor.Start, &n.Anchor.End); err != nil {
		return nil, err
	}
	n.CreatedAt = created
	return &n, nil
}
