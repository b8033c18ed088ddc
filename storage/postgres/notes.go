package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
)

const noteColumns = `id, story_id, text, author, created_at, resolved, resolved_by, resolved_at, detached, anchor`

// Notes lists the notes on a story, oldest first.
func (d *DB) Notes(ctx context.Context, storyID string) (notes []editor.Note, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		if _, err := storyBody(ctx, tx, storyID, ""); err != nil {
			return err
		}
		notes, err = findNotes(ctx, tx, storyID, false)
		return err
	})
	return notes, err
}

// AddNote saves a new note on the story n.StoryID, anchored in its stored
// body (editor.PrepareNote). On a shared desk its author is the database
// user; another name is refused.
func (d *DB) AddNote(ctx context.Context, n *editor.Note) error {
	if err := d.checkNoteAuthor("author", n.Author); err != nil {
		return err
	}
	n.Author = d.user
	orig := *n
	return d.write(ctx, &permission{editor.RoleEditor, "add notes"}, func(tx pgx.Tx) error {
		*n = orig
		body, err := storyBody(ctx, tx, n.StoryID, " FOR SHARE")
		if err != nil {
			return err
		}
		if err := editor.PrepareNote(n, body, d.NewID(), d.now()); err != nil {
			return err
		}
		return insertNote(ctx, tx, n)
	})
}

// WriteNotes adds notes as they were (their authors too), for a copy of a
// database.
func (d *DB) WriteNotes(ctx context.Context, notes []editor.Note) error {
	return d.write(ctx, &permission{editor.RoleEditor, "add notes"}, func(tx pgx.Tx) error {
		for i := range notes {
			if err := notes[i].Validate(); err != nil {
				return fmt.Errorf("note %s: %w", notes[i].ID, err)
			}
			if err := insertNote(ctx, tx, &notes[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func insertNote(ctx context.Context, tx pgx.Tx, n *editor.Note) error {
	_, err := tx.Exec(ctx, `INSERT INTO notes (`+noteColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		n.ID, n.StoryID, n.Text, n.Author, n.CreatedAt, n.Resolved, n.ResolvedBy, n.ResolvedAt, n.Detached, anchorJSON(n.Anchor))
	return err
}

// ResolveNote resolves a story's note, or reopens it; on a shared desk in
// the database user's name.
func (d *DB) ResolveNote(ctx context.Context, storyID, noteID string, resolved bool, by string) (n *editor.Note, err error) {
	if err := d.checkNoteAuthor("resolved_by", by); err != nil {
		return nil, err
	}
	err = d.write(ctx, &permission{editor.RoleEditor, "resolve notes"}, func(tx pgx.Tx) error {
		if n, err = findNote(ctx, tx, storyID, noteID); err != nil {
			return err
		}
		n.SetResolved(resolved, d.user, d.now())
		if err := n.Validate(); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE notes SET resolved = $1, resolved_by = $2, resolved_at = $3 WHERE id = $4`,
			n.Resolved, n.ResolvedBy, n.ResolvedAt, n.ID)
		return err
	})
	return n, err
}

// checkNoteAuthor refuses a note in another's name: on a shared desk the
// database user writes it.
func (d *DB) checkNoteAuthor(field, name string) error {
	if name != "" && name != d.user {
		return &editor.ValidationError{Field: field, Problem: fmt.Sprintf(
			"is %q, but on a shared desk a note is in the name of the database user who writes it, %s; leave it out", name, d.user)}
	}
	return nil
}

// reanchorNotes moves the anchors of a story's notes from its old body to
// the new one, inside the save's transaction.
func reanchorNotes(ctx context.Context, tx pgx.Tx, storyID, oldBody, newBody string) error {
	notes, err := findNotes(ctx, tx, storyID, true)
	if err != nil {
		return err
	}
	for _, i := range editor.ReanchorNotes(oldBody, newBody, notes) {
		if _, err := tx.Exec(ctx, `UPDATE notes SET detached = $1, anchor = $2 WHERE id = $3`,
			notes[i].Detached, anchorJSON(notes[i].Anchor), notes[i].ID); err != nil {
			return err
		}
	}
	return nil
}

// storyBody reads a story's body; lock " FOR SHARE" holds it unchanged
// until the transaction ends, so that a note is anchored in the body saved.
func storyBody(ctx context.Context, q querier, storyID, lock string) (string, error) {
	var body string
	err := q.QueryRow(ctx, `SELECT body FROM stories WHERE id = $1`+lock, storyID).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("story %s: %w", storyID, editor.ErrNotFound)
	}
	return body, err
}

// findNotes reads a story's notes; lock holds their rows for the save
// that moves their anchors.
func findNotes(ctx context.Context, q querier, storyID string, lock bool) ([]editor.Note, error) {
	query := `SELECT ` + noteColumns + ` FROM notes WHERE story_id = $1 ORDER BY created_at, id`
	if lock {
		query += ` FOR UPDATE`
	}
	rows, err := q.Query(ctx, query, storyID)
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
	n, err := scanNote(q.QueryRow(ctx, `SELECT `+noteColumns+` FROM notes WHERE story_id = $1 AND id = $2 FOR UPDATE`, storyID, noteID))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("note %s on story %s: %w", noteID, storyID, editor.ErrNotFound)
	}
	return n, err
}

func scanNote(row pgx.Row) (*editor.Note, error) {
	var n editor.Note
	var anchor []byte
	if err := row.Scan(&n.ID, &n.StoryID, &n.Text, &n.Author, &n.CreatedAt, &n.Resolved, &n.ResolvedBy, &n.ResolvedAt,
		&n.Detached, &anchor); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(anchor, &n.Anchor); err != nil {
		return nil, fmt.Errorf("note %s: anchor: %w", n.ID, err)
	}
	n.CreatedAt = n.CreatedAt.UTC()
	if n.ResolvedAt != nil {
		t := n.ResolvedAt.UTC()
		n.ResolvedAt = &t
	}
	return &n, nil
}

func anchorJSON(a editor.Anchor) []byte {
	b, err := json.Marshal(a)
	if err != nil {
		panic("postgres: an anchor does not encode: " + err.Error())
	}
	return b
}
