package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"copydesk/editor"
	"copydesk/editor/revpack"
)

// packRevisions is migration 12's step: it rebuilds every revision kept in
// revisions_v1 (JSON content as snapshots and go-diff deltas), checks each
// against its SHA-256, writes it packed into revisions and drops the old
// table. A revision that does not rebuild to its hash stops the migration,
// whose transaction then changes nothing.
func packRevisions(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT doc_id, doc_kind, seq, kind, author, note, created_at, sha256, words, snapshot, content
		FROM revisions_v1 ORDER BY doc_id, seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var doc oldHistory
	for rows.Next() {
		var id, kind string
		var r editor.Revision
		var st editor.StoredText
		var data []byte
		if err := rows.Scan(&id, &kind, &r.Seq, &r.Kind, &r.Author, &r.Note, timeCol{&r.CreatedAt}, &r.SHA256, &r.Words, &st.Snapshot, &data); err != nil {
			return err
		}
		if id != doc.id {
			if err := doc.pack(ctx, tx); err != nil {
				return err
			}
			doc = oldHistory{id: id, kind: kind}
		}
		st.Data, st.SHA256 = string(data), r.SHA256
		doc.revs, doc.stored = append(doc.revs, r), append(doc.stored, st)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if err := doc.pack(ctx, tx); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DROP TABLE revisions_v1`)
	return err
}

// oldHistory is one document's revisions as revisions_v1 kept them.
type oldHistory struct {
	id, kind string
	revs     []editor.Revision
	stored   []editor.StoredText
}

// pack checks and writes the document's revisions packed.
func (h *oldHistory) pack(ctx context.Context, tx *sql.Tx) error {
	if len(h.revs) == 0 {
		return nil
	}
	for i, r := range h.revs {
		if r.Seq != i+1 {
			return fmt.Errorf("%s %s has no revision %d (the next is %d); restore a backup: %w", h.kind, h.id, i+1, r.Seq, editor.ErrCorrupt)
		}
	}
	texts, err := editor.RebuildAll(h.stored)
	if err != nil {
		return fmt.Errorf("%s %s is damaged, so its revisions were not packed and nothing was changed; restore a backup: %w", h.kind, h.id, err)
	}
	var prev []byte
	var chain revpack.Chain
	for i, r := range h.revs {
		content := []byte(texts[i])
		if chain, err = insertRevisionRow(ctx, tx, h.kind, h.id, r, content, prev, chain); err != nil {
			return fmt.Errorf("%s %s revision %d: %w", h.kind, h.id, r.Seq, err)
		}
		prev = content
	}
	return nil
}

// compactRevisions is migration 2's step: it re-encodes the revisions written
// whole before it as a delta chain, checking each against its SHA-256 first.
func compactRevisions(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT doc_id, seq, content, sha256 FROM revisions ORDER BY doc_id, seq`)
	if err != nil {
		return err
	}
	type rev struct {
		doc     string
		seq     int
		content string
	}
	var revs []rev
	for rows.Next() {
		var r rev
		var data []byte
		var sum string
		if err := rows.Scan(&r.doc, &r.seq, &data, &sum); err != nil {
			rows.Close()
			return err
		}
		if editor.ContentHash(data) != sum {
			rows.Close()
			return fmt.Errorf("revision %d of %s is damaged (its SHA-256 does not match); restore a backup: %w", r.seq, r.doc, editor.ErrCorrupt)
		}
		r.content = string(data)
		revs = append(revs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	chain := 0
	for i, r := range revs {
		if i == 0 || revs[i-1].doc != r.doc {
			chain = 0
			continue
		}
		data, snapshot, err := editor.StoreText(revs[i-1].content, r.content, chain)
		if err != nil {
			return err
		}
		if snapshot {
			chain = 0
		} else {
			chain += len(data)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE revisions SET content = ?, snapshot = ?, chain_bytes = ? WHERE doc_id = ? AND seq = ?`,
			[]byte(data), snapshot, chain, r.doc, r.seq); err != nil {
			return err
		}
	}
	return nil
}
