package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
)

// Revisions are stored as on SQLite (DESIGN.md, "Revisions are stored as
// deltas"): an exact delta against the revision before, or a whole snapshot
// when the chain since the last one would outgrow the text, each checked
// against its SHA-256 when rebuilt.

// insertRevision records an immutable revision of a story or page. The
// author column is left to the server (the database user), unless the owner
// copies a desk in with its authors (author not nil).
// prev is what the caller holds as the previous revision's content (the
// current row's), or nil.
func (d *DB) insertRevision(ctx context.Context, tx pgx.Tx, docKind, docID string, seq int, meta editor.RevisionMeta, content, prev []byte, words int) error {
	return d.insertRevisionAs(ctx, tx, docKind, docID, editor.Revision{Seq: seq, Kind: meta.Kind, Note: meta.Note, CreatedAt: d.now(),
		SHA256: editor.ContentHash(content), Words: words}, nil, content, prev)
}

// previous is the content and chain length of revision seq, which the
// caller holds as guess: when guess matches the stored SHA-256 it is used
// as it is, sparing a rebuild of the chain on every save.
func previous(ctx context.Context, q querier, docID string, seq int, guess []byte) ([]byte, int, error) {
	if guess != nil {
		var sum string
		var chain int
		err := q.QueryRow(ctx, `SELECT sha256, chain_bytes FROM revisions WHERE doc_id = $1 AND seq = $2`, docID, seq).Scan(&sum, &chain)
		if err == nil && sum == editor.ContentHash(guess) {
			return guess, chain, nil
		}
	}
	return revisionContent(ctx, q, docID, seq)
}

func (d *DB) insertRevisionAs(ctx context.Context, tx pgx.Tx, docKind, docID string, rev editor.Revision, author *string, content, prevGuess []byte) error {
	data, snapshot, chain := string(content), true, 0
	if rev.Seq > 1 {
		prev, prevChain, err := previous(ctx, tx, docID, rev.Seq-1, prevGuess)
		if err != nil {
			return err
		}
		if data, snapshot, err = editor.StoreText(string(prev), string(content), prevChain); err != nil {
			return err
		}
		if !snapshot {
			chain = prevChain + len(data)
		}
	}
	_, err := tx.Exec(ctx, `INSERT INTO revisions (doc_id, doc_kind, seq, kind, author, note, created_at, sha256, words, content, snapshot, chain_bytes)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		docID, docKind, rev.Seq, string(rev.Kind), author, rev.Note, rev.CreatedAt, rev.SHA256, rev.Words, []byte(data), snapshot, chain)
	if err == nil {
		d.revised.Store(tx, true)
	}
	return err
}

// Revisions lists the revisions of a story or page, the first first.
func (d *DB) Revisions(ctx context.Context, docID string) ([]editor.Revision, error) {
	rows, err := d.pool.Query(ctx, `SELECT seq, kind, author, note, created_at, sha256, words
		FROM revisions WHERE doc_id = $1 ORDER BY seq`, docID)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, scanRevision)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("revisions of %s: %w", docID, editor.ErrNotFound)
	}
	return out, nil
}

func scanRevision(row pgx.CollectableRow) (editor.Revision, error) {
	var r editor.Revision
	err := row.Scan(&r.Seq, &r.Kind, &r.Author, &r.Note, &r.CreatedAt, &r.SHA256, &r.Words)
	r.CreatedAt = r.CreatedAt.UTC()
	return r, err
}

// findRevision loads one revision and rebuilds its content, checked against
// its SHA-256 so that damage is reported, never served.
func findRevision(ctx context.Context, q querier, docID string, seq int) (*editor.Revision, []byte, error) {
	rows, err := q.Query(ctx, `SELECT seq, kind, author, note, created_at, sha256, words
		FROM revisions WHERE doc_id = $1 AND seq = $2`, docID, seq)
	if err != nil {
		return nil, nil, err
	}
	r, err := pgx.CollectExactlyOneRow(rows, scanRevision)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil, fmt.Errorf("revision %d of %s: %w", seq, docID, editor.ErrNotFound)
	}
	if err != nil {
		return nil, nil, err
	}
	content, _, err := revisionContent(ctx, q, docID, seq)
	if err != nil {
		return nil, nil, err
	}
	return &r, content, nil
}

// revisionContent rebuilds revision seq from the snapshot at or before it
// and the deltas after, and returns its chain length too.
func revisionContent(ctx context.Context, q querier, docID string, seq int) ([]byte, int, error) {
	rows, err := q.Query(ctx, `SELECT seq, snapshot, content, sha256, chain_bytes FROM revisions
		WHERE doc_id = $1 AND seq <= $2 AND seq >= (
			SELECT max(seq) FROM revisions WHERE doc_id = $1 AND seq <= $2 AND snapshot)
		ORDER BY seq`, docID, seq)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var snapshot, want string
	var deltas []string
	var chain, last int
	first := true
	for rows.Next() {
		var n int
		var isSnap bool
		var data []byte
		if err := rows.Scan(&n, &isSnap, &data, &want, &chain); err != nil {
			return nil, 0, err
		}
		switch {
		case first && isSnap:
			snapshot = string(data)
		case first:
			return nil, 0, fmt.Errorf("revision %d of %s: its chain starts with no snapshot: %w", seq, docID, editor.ErrCorrupt)
		default:
			deltas = append(deltas, string(data))
		}
		first, last = false, n
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if first || last != seq {
		return nil, 0, fmt.Errorf("revision %d of %s: %w", seq, docID, editor.ErrNotFound)
	}
	text, err := editor.Rebuild(snapshot, deltas, want)
	if err != nil {
		return nil, 0, fmt.Errorf("revision %d of %s is damaged and cannot be shown: %w", seq, docID, err)
	}
	return []byte(text), chain, nil
}

// allContents rebuilds every revision of a document, oldest first, in one
// pass, each checked against its SHA-256.
func allContents(ctx context.Context, q querier, docID string) ([]editor.Revision, []string, error) {
	rows, err := q.Query(ctx, `SELECT seq, kind, author, note, created_at, sha256, words, snapshot, content
		FROM revisions WHERE doc_id = $1 ORDER BY seq`, docID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var revs []editor.Revision
	var stored []editor.StoredText
	for rows.Next() {
		var r editor.Revision
		var snap bool
		var data []byte
		if err := rows.Scan(&r.Seq, &r.Kind, &r.Author, &r.Note, &r.CreatedAt, &r.SHA256, &r.Words, &snap, &data); err != nil {
			return nil, nil, err
		}
		r.CreatedAt = r.CreatedAt.UTC()
		revs = append(revs, r)
		stored = append(stored, editor.StoredText{Snapshot: snap, Data: string(data), SHA256: r.SHA256})
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	texts, err := editor.RebuildAll(stored)
	return revs, texts, err
}

// StoryHistory rebuilds every revision of a story, oldest first: what blame needs.
func (d *DB) StoryHistory(ctx context.Context, id string) (stories []editor.Story, revs []editor.Revision, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		cur, err := findStoryByID(ctx, tx, id)
		if err != nil {
			return err
		}
		stories, revs, err = d.history(ctx, tx, cur)
		return err
	})
	return stories, revs, err
}

func (d *DB) history(ctx context.Context, q querier, cur *editor.Story) ([]editor.Story, []editor.Revision, error) {
	revs, texts, err := allContents(ctx, q, cur.ID)
	if err != nil {
		return nil, nil, fmt.Errorf("the history of %q is damaged: %w", cur.Title(), err)
	}
	out := make([]editor.Story, len(texts))
	for i, t := range texts {
		out[i] = *cur
		if err := out[i].ApplyContent([]byte(t)); err != nil {
			return nil, nil, err
		}
		out[i].Revision, out[i].UpdatedAt = revs[i].Seq, revs[i].CreatedAt
	}
	return out, revs, nil
}
