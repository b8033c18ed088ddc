package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
)

// Working copies belong to one person and one copy of the app: the table's
// policy shows each database user only their own, and the queries ask for
// them and for the client too (the owner, whom policies do not bind, sees
// only theirs as well). The user is always the database user; the one
// given is not asked. One with no client (kept before clients had IDs) is
// any of its user's clients', until one of them saves its own.

// SaveWorkingCopy keeps the unsaved state of a story or page for this user
// and wc.Client, replacing their earlier working copy of it (and their
// client-less one); it makes no revision. The document must exist.
func (d *DB) SaveWorkingCopy(ctx context.Context, wc *editor.WorkingCopy) error {
	table := map[string]string{"story": "stories", "page": "pages"}[wc.DocKind]
	if table == "" {
		return &editor.ValidationError{Field: "doc_kind", Problem: fmt.Sprintf("%q is not story or page", wc.DocKind)}
	}
	return d.write(ctx, &permission{editor.RoleEditor, "keep working copies"}, func(tx pgx.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+table+` WHERE id = $1`, wc.DocID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("%s %s: %w", wc.DocKind, wc.DocID, editor.ErrNotFound)
		}
		wc.SavedAt = d.now()
		wc.User = d.user
		if _, err := tx.Exec(ctx, `DELETE FROM working_copies WHERE doc_id = $1 AND owner = session_user AND client = ''`, wc.DocID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO working_copies (doc_id, client, doc_kind, base, content, saved_at)
			VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (owner, doc_id, client) DO UPDATE SET doc_kind = excluded.doc_kind, base = excluded.base,
				content = excluded.content, saved_at = excluded.saved_at`,
			wc.DocID, wc.Client, wc.DocKind, wc.Base, wc.Content, wc.SavedAt)
		return err
	})
}

// WorkingCopy returns this user's working copy of a story or page on
// who.Client; the error wraps editor.ErrNotFound when there is none.
func (d *DB) WorkingCopy(ctx context.Context, docID string, who editor.Owner) (*editor.WorkingCopy, error) {
	rows, err := d.pool.Query(ctx, `SELECT doc_id, doc_kind, base, content, saved_at, owner, client
		FROM working_copies WHERE doc_id = $1 AND owner = session_user AND client IN ($2, '')
		ORDER BY client = '', saved_at DESC LIMIT 1`, docID, who.Client)
	if err != nil {
		return nil, err
	}
	wc, err := pgx.CollectExactlyOneRow(rows, scanWorkingCopy)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("working copy of %s: %w", docID, editor.ErrNotFound)
	}
	return &wc, err
}

// WorkingCopies lists this user's working copies on who.Client, the most
// recent first.
func (d *DB) WorkingCopies(ctx context.Context, who editor.Owner) ([]editor.WorkingCopy, error) {
	rows, err := d.pool.Query(ctx, `SELECT doc_id, doc_kind, base, content, saved_at, owner, client
		FROM (SELECT DISTINCT ON (doc_id) * FROM working_copies
			WHERE owner = session_user AND client IN ($1, '')
			ORDER BY doc_id, client = '', saved_at DESC) own
		ORDER BY saved_at DESC, doc_id`, who.Client)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, scanWorkingCopy)
	if len(out) == 0 {
		out = nil
	}
	return out, err
}

// DropWorkingCopy forgets this user's working copy of a document on
// who.Client, if any; nobody else's.
func (d *DB) DropWorkingCopy(ctx context.Context, docID string, who editor.Owner) error {
	_, err := d.pool.Exec(ctx, `DELETE FROM working_copies WHERE doc_id = $1 AND owner = session_user AND client IN ($2, '')`,
		docID, who.Client)
	return d.explain(err, &permission{editor.RoleEditor, "keep working copies"})
}

func scanWorkingCopy(row pgx.CollectableRow) (editor.WorkingCopy, error) {
	var wc editor.WorkingCopy
	err := row.Scan(&wc.DocID, &wc.DocKind, &wc.Base, &wc.Content, &wc.SavedAt, &wc.User, &wc.Client)
	wc.SavedAt = wc.SavedAt.UTC()
	return wc, err
}
