package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"copydesk/editor"
)

// querier is what both *sql.DB and *sql.Tx offer, so the small helpers below
// serve reads outside a transaction and writes inside one.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// scanner is a row or rows, read by the scan helpers.
type scanner interface{ Scan(dest ...any) error }

// slugTaken reports whether a row of table other than exceptID has this slug.
func slugTaken(ctx context.Context, q querier, table, slug, exceptID string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE slug = ? AND id != ?`, slug, exceptID).Scan(&n)
	return n > 0, err
}

// resolveRef turns an ID, an ID prefix or a slug into an ID, by
// editor.ResolveRef's rules.
func resolveRef(ctx context.Context, q querier, table, noun, ref string) (string, error) {
	exact := func(ref string) (string, bool, error) {
		var id string
		err := q.QueryRowContext(ctx, `SELECT id FROM `+table+` WHERE id = ? OR slug = ?`, ref, ref).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return "", false, nil
		}
		return id, err == nil, err
	}
	prefix := func(start string) ([]string, error) {
		rows, err := q.QueryContext(ctx, `SELECT id FROM `+table+` WHERE id LIKE ? || '%' LIMIT 2`, start)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
		return ids, rows.Err()
	}
	return editor.ResolveRef(noun, ref, exact, prefix)
}
