package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"copydesk/editor"
)

// Working copies belong to one person and one copy of the app: the key is
// the document, the user and the client. One with no client (kept before
// clients had IDs) is any of its user's clients', until one of them saves
// its own.

// SaveWorkingCopy keeps the unsaved state of a story or page for wc's
// owner, replacing their earlier working copy of it (and their client-less
// one); it makes no revision. The document must exist.
func (d *DB) SaveWorkingCopy(ctx context.Context, wc *editor.WorkingCopy) error {
	table := map[string]string{"story": "stories", "page": "pages"}[wc.DocKind]
	if table == "" {
		return &editor.ValidationError{Field: "doc_kind", Problem: fmt.Sprintf("%q is not story or page", wc.DocKind)}
	}
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE id = ?`, wc.DocID).Scan(&n); err != nil {
			return false, err
		}
		if n == 0 {
			return false, fmt.Errorf("%s %s: %w", wc.DocKind, wc.DocID, editor.ErrNotFound)
		}
		wc.SavedAt = d.now()
		if _, err := tx.ExecContext(ctx, `DELETE FROM working_copies WHERE doc_id = ? AND user_name = ? AND client = ''`,
			wc.DocID, wc.User); err != nil {
			return false, err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO working_copies (doc_id, user_name, client, doc_kind, base, content, saved_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (doc_id, user_name, client) DO UPDATE SET doc_kind = excluded.doc_kind, base = excluded.base,
				content = excluded.content, saved_at = excluded.saved_at`,
			wc.DocID, wc.User, wc.Client, wc.DocKind, wc.Base, wc.Content, formatTime(wc.SavedAt))
		return true, err
	})
}

// WorkingCopy returns who's working copy of a story or page; the error
// wraps editor.ErrNotFound when they have none.
func (d *DB) WorkingCopy(ctx context.Context, docID string, who editor.Owner) (*editor.WorkingCopy, error) {
	wc, err := scanWorkingCopy(d.rdb.QueryRowContext(ctx, `SELECT doc_id, doc_kind, base, content, saved_at, user_name, client
		FROM working_copies WHERE doc_id = ? AND user_name = ? AND client IN (?, '')
		ORDER BY client = '', saved_at DESC LIMIT 1`, docID, who.User, who.Client))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("working copy of %s: %w", docID, editor.ErrNotFound)
	}
	return wc, err
}

// WorkingCopies lists who's working copies, the most recently saved first,
// so the app can say which documents have unsaved changes.
func (d *DB) WorkingCopies(ctx context.Context, who editor.Owner) ([]editor.WorkingCopy, error) {
	rows, err := d.rdb.QueryContext(ctx, `SELECT doc_id, doc_kind, base, content, saved_at, user_name, client
		FROM working_copies WHERE user_name = ? AND client IN (?, '')
		ORDER BY saved_at DESC, doc_id, client = ''`, who.User, who.Client)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.WorkingCopy
	seen := map[string]bool{}
	for rows.Next() {
		wc, err := scanWorkingCopy(rows)
		if err != nil {
			return nil, err
		}
		if !seen[wc.DocID] {
			seen[wc.DocID] = true
			out = append(out, *wc)
		}
	}
	return out, rows.Err()
}

// DropWorkingCopy forgets who's working copy of a story or page, if they
// have one; nobody else's.
func (d *DB) DropWorkingCopy(ctx context.Context, docID string, who editor.Owner) error {
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		_, err := tx.ExecContext(ctx, `DELETE FROM working_copies WHERE doc_id = ? AND user_name = ? AND client IN (?, '')`,
			docID, who.User, who.Client)
		return true, err
	})
}

func scanWorkingCopy(row scanner) (*editor.WorkingCopy, error) {
	var wc editor.WorkingCopy
	if err := row.Scan(&wc.DocID, &wc.DocKind, &wc.Base, &wc.Content, timeCol{&wc.SavedAt}, &wc.User, &wc.Client); err != nil {
		return nil, err
	}
	return &wc, nil
}
