package sqlite

import (
	"context"
	"database/sql"

	"copydesk/editor"
)

// UnpackRevisions takes a database back to the revisions of schema 11: the
// table as migrations 1 and 2 made it, written with the old encoder
// (editor.StoreText: JSON content whole or as go-diff deltas), and
// migration 12 not applied. The tests of older migrations and of migration
// 12 build their fixtures with it.
func UnpackRevisions(ctx context.Context, raw *sql.DB) error {
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT doc_id, doc_kind FROM revision_docs ORDER BY n`)
	if err != nil {
		return err
	}
	type doc struct{ id, kind string }
	var docs []doc
	for rows.Next() {
		var d doc
		if err := rows.Scan(&d.id, &d.kind); err != nil {
			rows.Close()
			return err
		}
		docs = append(docs, d)
	}
	rows.Close()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE revisions_v1 (
		doc_id TEXT NOT NULL, doc_kind TEXT NOT NULL CHECK (doc_kind IN ('story', 'page')), seq INTEGER NOT NULL CHECK (seq > 0),
		kind TEXT NOT NULL CHECK (kind IN ('import', 'checkpoint', 'status', 'restore', 'correction')),
		author TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, sha256 TEXT NOT NULL,
		words INTEGER NOT NULL, content BLOB NOT NULL, snapshot INTEGER NOT NULL DEFAULT 1, chain_bytes INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (doc_id, seq)) WITHOUT ROWID`); err != nil {
		return err
	}
	for _, d := range docs {
		revs, contents, err := allContents(ctx, tx, d.id)
		if err != nil {
			return err
		}
		chain := 0
		for i, r := range revs {
			data, snapshot := string(contents[i]), true
			if i > 0 {
				if data, snapshot, err = editor.StoreText(string(contents[i-1]), string(contents[i]), chain); err != nil {
					return err
				}
			}
			if snapshot {
				chain = 0
			} else {
				chain += len(data)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO revisions_v1 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				d.id, d.kind, r.Seq, string(r.Kind), r.Author, r.Note, formatTime(r.CreatedAt), r.SHA256, r.Words, []byte(data), snapshot, chain); err != nil {
				return err
			}
		}
	}
	for _, q := range []string{`DROP TABLE revisions`, `DROP TABLE revision_docs`, `ALTER TABLE revisions_v1 RENAME TO revisions`,
		`CREATE TRIGGER revisions_feed AFTER INSERT ON revisions BEGIN
			INSERT INTO changes (doc_id, doc_kind, seq, kind, author, at)
			VALUES (NEW.doc_id, NEW.doc_kind, NEW.seq, NEW.kind, NEW.author, NEW.created_at);
		END`,
		`DELETE FROM schema_migrations WHERE version = 12`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return tx.Commit()
}
