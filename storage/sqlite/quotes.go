package sqlite

import (
	"context"
	"database/sql"

	"copydesk/editor"
)

// replaceQuotes makes the story's quotes table rows match s.Quotes.
func replaceQuotes(ctx context.Context, tx *sql.Tx, s *editor.Story) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM quotes WHERE story_id = ?`, s.ID); err != nil {
		return err
	}
	for i, q := range s.Quotes {
		var person any
		if q.PersonID != "" {
			person = q.PersonID
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes (id, story_id, position, person_id, speaker, role, text, verb,
			context, said_on, source, source_kind, partial, verified_by, verified_at,
			anchor_exact, anchor_prefix, anchor_suffix, anchor_start, anchor_end, confirmed_by, confirmed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			q.ID, s.ID, i, person, q.Speaker, q.Role, q.Text, q.Verb, q.Context, q.SaidOn, q.Source, string(q.SourceKind),
			q.Partial, q.VerifiedBy, formatTimePtr(q.VerifiedAt),
			q.Anchor.Exact, q.Anchor.Prefix, q.Anchor.Suffix, q.Anchor.Start, q.Anchor.End,
			q.ConfirmedBy, formatTimePtr(q.ConfirmedAt)); err != nil {
			return err
		}
	}
	return nil
}

const quoteColumns = `id, coalesce(person_id, ''), speaker, role, text, verb, context, said_on,
	source, source_kind, partial, verified_by, verified_at, anchor_exact, anchor_prefix, anchor_suffix,
	anchor_start, anchor_end, confirmed_by, confirmed_at`

func findQuotes(ctx context.Context, q querier, storyID string) ([]editor.Quote, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+quoteColumns+` FROM quotes WHERE story_id = ? ORDER BY position`, storyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.Quote
	for rows.Next() {
		x, err := scanQuote(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *x)
	}
	return out, rows.Err()
}

// scanQuote reads a row of quoteColumns, after any leading columns given in pre.
func scanQuote(row scanner, pre ...any) (*editor.Quote, error) {
	var x editor.Quote
	dest := append(pre, &x.ID, &x.PersonID, &x.Speaker, &x.Role, &x.Text, &x.Verb, &x.Context, &x.SaidOn,
		&x.Source, &x.SourceKind, &x.Partial, &x.VerifiedBy, nullTime{&x.VerifiedAt},
		&x.Anchor.Exact, &x.Anchor.Prefix, &x.Anchor.Suffix, &x.Anchor.Start, &x.Anchor.End,
		&x.ConfirmedBy, nullTime{&x.ConfirmedAt})
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	return &x, nil
}
