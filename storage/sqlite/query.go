package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

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

// resolveRef turns an ID, an ID prefix of 6 or more characters, or a slug into an ID.
func resolveRef(ctx context.Context, q querier, table, noun, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", fmt.Errorf("no %s given: %w", noun, editor.ErrNotFound)
	}
	var id string
	err := q.QueryRowContext(ctx, `SELECT id FROM `+table+` WHERE id = ? OR slug = ?`, ref, ref).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	if len(ref) >= 6 && !strings.ContainsAny(ref, "%_") {
		rows, err := q.QueryContext(ctx, `SELECT id FROM `+table+` WHERE id LIKE ? || '%' LIMIT 2`, strings.ToLower(ref))
		if err != nil {
			return "", err
		}
		defer rows.Close()
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return "", err
			}
			ids = append(ids, id)
		}
		if err := rows.Err(); err != nil {
			return "", err
		}
		switch len(ids) {
		case 1:
			return ids[0], nil
		case 2:
			return "", fmt.Errorf("%q starts the IDs of more than one %s; give more of the ID: %w", ref, noun, editor.ErrAmbiguous)
		}
	}
	return "", fmt.Errorf("no %s has the ID or slug %q: %w", noun, ref, editor.ErrNotFound)
}
