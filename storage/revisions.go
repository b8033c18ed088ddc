package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"copydesk/editor"
)

// insertRevision records an immutable revision of a story or page.
func (d *DB) insertRevision(ctx context.Context, tx *sql.Tx, docKind, docID string, seq int, meta editor.RevisionMeta, content []byte, words int) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO revisions (doc_id, doc_kind, seq, kind, author, note, created_at, sha256, words, content)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, docKind, seq, string(meta.Kind), meta.Author, meta.Note, formatTime(d.now()), editor.ContentHash(content), words, content)
	return err
}

// Revisions lists the revisions of a story or page, the first first.
func (d *DB) Revisions(ctx context.Context, docID string) ([]editor.Revision, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT seq, kind, author, note, created_at, sha256, words
		FROM revisions WHERE doc_id = ? ORDER BY seq`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.Revision
	for rows.Next() {
		var r editor.Revision
		if err := rows.Scan(&r.Seq, &r.Kind, &r.Author, &r.Note, timeCol{&r.CreatedAt}, &r.SHA256, &r.Words); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("revisions of %s: %w", docID, editor.ErrNotFound)
	}
	return out, nil
}

// findRevision loads one revision and its content, checking the content
// against its SHA-256 so that damage is reported, never served.
func findRevision(ctx context.Context, q querier, docID string, seq int) (*editor.Revision, []byte, error) {
	var r editor.Revision
	var content []byte
	err := q.QueryRowContext(ctx, `SELECT seq, kind, author, note, created_at, sha256, words, content
		FROM revisions WHERE doc_id = ? AND seq = ?`, docID, seq).Scan(
		&r.Seq, &r.Kind, &r.Author, &r.Note, timeCol{&r.CreatedAt}, &r.SHA256, &r.Words, &content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("revision %d of %s: %w", seq, docID, editor.ErrNotFound)
	}
	if err != nil {
		return nil, nil, err
	}
	if got := editor.ContentHash(content); got != r.SHA256 {
		return nil, nil, fmt.Errorf("revision %d of %s is damaged: its content hashes to %s, not the recorded %s", seq, docID, got[:12], r.SHA256[:12])
	}
	return &r, content, nil
}
