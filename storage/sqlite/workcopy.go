package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"copydesk/editor"
)

// SaveWorkingCopy keeps the unsaved state of a story or page, replacing any
// earlier working copy of it. It makes no revision. The document must exist.
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
		_, err := tx.ExecContext(ctx, `INSERT INTO working_copies (doc_id, doc_kind, base, content, saved_at)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (doc_id) DO UPDATE SET doc_kind = excluded.doc_kind, base = excluded.base,
				content = excluded.content, saved_at = excluded.saved_at`,
			wc.DocID, wc.DocKind, wc.Base, wc.Content, formatTime(wc.SavedAt))
		return true, err
	})
}

// WorkingCopy returns the working copy of a story or page; the error wraps
// editor.ErrNotFound when it has none.
func (d *DB) WorkingCopy(ctx context.Context, docID string) (*editor.WorkingCopy, error) {
	wc, err := scanWorkingCopy(d.rdb.QueryRowContext(ctx, `SELECT doc_id, doc_kind, base, content, saved_at
		FROM working_copies WHERE doc_id = ?`, docID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("working copy of %s: %w", docID, editor.ErrNotFound)
	}
	return wc, err
}

// WorkingCopies lists every working copy, the most recently saved first, so
// the app can say which documents have unsaved changes.
func (d *DB) WorkingCopies(ctx context.Context) ([]editor.WorkingCopy, error) {
	rows, err := d.rdb.QueryContext(ctx, `SELECT doc_id, doc_kind, base, content, saved_at
		FROM working_copies ORDER BY saved_at DESC, doc_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.WorkingCopy
	for rows.Next() {
		wc, err := scanWorkingCopy(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *wc)
	}
	return out, rows.Err()
}

// DropWorkingCopy forgets the working copy of a story or page, if it has one.
func (d *DB) DropWorkingCopy(ctx context.Context, docID string) error {
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		_, err := tx.ExecContext(ctx, `DELETE FROM working_copies WHERE doc_id = ?`, docID)
		return true, err
	})
}

func scanWorkingCopy(row scanner) (*editor.WorkingCopy, error) {
	var wc editor.WorkingCopy
	if err := row.Scan(&wc.DocID, &wc.DocKind, &wc.Base, &wc.Content, timeCol{&wc.SavedAt}); err != nil {
		return nil, err
	}
	return &wc, nil
}
