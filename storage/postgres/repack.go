package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
	"copydesk/editor/revpack"
)

// packRevisions is migration 7's step: it rebuilds every revision as
// migration 1 kept it (JSON content whole or as go-diff deltas), checks each
// against its SHA-256, and rewrites its content packed (editor/revpack),
// document by document; the script turned off the trigger that refuses the
// update, and this turns it back on. A revision that does not rebuild to its
// hash stops the migration, whose transaction then changes nothing.
func packRevisions(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT DISTINCT doc_id FROM revisions ORDER BY doc_id`)
	if err != nil {
		return err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := packDocument(ctx, tx, id); err != nil {
			return err
		}
	}
	_, err = tx.Exec(ctx, `ALTER TABLE revisions ENABLE TRIGGER revisions_immutable`)
	return err
}

func packDocument(ctx context.Context, tx pgx.Tx, id string) error {
	rows, err := tx.Query(ctx, `SELECT seq, snapshot, content, sha256 FROM revisions WHERE doc_id = $1 ORDER BY seq`, id)
	if err != nil {
		return err
	}
	var stored []editor.StoredText
	var seqs []int
	for rows.Next() {
		var st editor.StoredText
		var seq int
		var data []byte
		if err := rows.Scan(&seq, &st.Snapshot, &data, &st.SHA256); err != nil {
			rows.Close()
			return err
		}
		st.Data = string(data)
		stored, seqs = append(stored, st), append(seqs, seq)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, seq := range seqs {
		if seq != i+1 {
			return fmt.Errorf("document %s has no revision %d (the next is %d); restore a backup: %w", id, i+1, seq, editor.ErrCorrupt)
		}
	}
	texts, err := editor.RebuildAll(stored)
	if err != nil {
		return fmt.Errorf("document %s is damaged, so its revisions were not packed and nothing was changed; restore a backup: %w", id, err)
	}
	var prev []byte
	var chain revpack.Chain
	for i, t := range texts {
		var data []byte
		data, chain = revpack.Next(prev, []byte(t), chain)
		if _, err := tx.Exec(ctx, `UPDATE revisions SET content = $3, snapshot = $4, depth = $5, chain_bytes = $6 WHERE doc_id = $1 AND seq = $2`,
			id, i+1, data, chain.Depth == 0, chain.Depth, chain.Bytes); err != nil {
			return err
		}
		prev = []byte(t)
	}
	return nil
}
