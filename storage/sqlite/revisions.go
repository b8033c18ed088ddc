package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"copydesk/editor"
)

// Revisions are stored as exact deltas against the revision before, with a
// whole snapshot whenever the chain since the last one would outgrow the text
// (editor.StoreText). Any revision is rebuilt from one snapshot and a chain
// shorter than itself, and checked against its SHA-256.

// insertRevision records an immutable revision of a story or page.
// prev is what the caller holds as the previous revision's content (the
// current row's), or nil.
func (d *DB) insertRevision(ctx context.Context, tx *sql.Tx, docKind, docID string, seq int, meta editor.RevisionMeta, content, prev []byte, words int) error {
	prevChain := 0
	if seq > 1 {
		var err error
		if prev, prevChain, err = previous(ctx, tx, docID, seq-1, prev); err != nil {
			return err
		}
	}
	_, err := insertRevisionRow(ctx, tx, docKind, docID, editor.Revision{Seq: seq, Kind: meta.Kind, Author: meta.Author, Note: meta.Note,
		CreatedAt: d.now(), SHA256: editor.ContentHash(content), Words: words}, content, prev, prevChain)
	return err
}

// previous is the content and chain length of revision seq, which the
// caller holds as guess: when guess matches the stored SHA-256 it is used
// as it is, sparing a rebuild of the chain on every save.
func previous(ctx context.Context, q querier, docID string, seq int, guess []byte) ([]byte, int, error) {
	if guess != nil {
		var sum string
		var chain int
		err := q.QueryRowContext(ctx, `SELECT sha256, chain_bytes FROM revisions WHERE doc_id = ? AND seq = ?`, docID, seq).Scan(&sum, &chain)
		if err == nil && sum == editor.ContentHash(guess) {
			return guess, chain, nil
		}
	}
	return revisionContent(ctx, q, docID, seq)
}

// insertRevisionRow writes revision rev, whose content is content, as a
// delta against prev (the content of the revision before, with its chain
// length) or as a snapshot; it returns the new chain length.
func insertRevisionRow(ctx context.Context, tx *sql.Tx, docKind, docID string, rev editor.Revision, content, prev []byte, prevChain int) (int, error) {
	data, snapshot, chain := string(content), true, 0
	if rev.Seq > 1 {
		var err error
		if data, snapshot, err = editor.StoreText(string(prev), string(content), prevChain); err != nil {
			return 0, err
		}
		if !snapshot {
			chain = prevChain + len(data)
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO revisions (doc_id, doc_kind, seq, kind, author, note, created_at, sha256, words, content, snapshot, chain_bytes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, docKind, rev.Seq, string(rev.Kind), rev.Author, rev.Note, formatTime(rev.CreatedAt), rev.SHA256, rev.Words, []byte(data), snapshot, chain)
	return chain, err
}

// Revisions lists the revisions of a story or page, the first first.
func (d *DB) Revisions(ctx context.Context, docID string) ([]editor.Revision, error) {
	rows, err := d.rdb.QueryContext(ctx, `SELECT seq, kind, author, note, created_at, sha256, words
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

// document is a story or page, which a revision's content fills in.
type document[T any] interface {
	*T
	ApplyContent(content []byte) error
}

// oldVersion rebuilds revision seq of a document whose current state is
// cur; the caller gives it the revision's number and time.
func oldVersion[T any, P document[T]](ctx context.Context, q querier, cur *T, id string, seq int) (*T, *editor.Revision, error) {
	rev, content, err := findRevision(ctx, q, id, seq)
	if err != nil {
		return nil, nil, err
	}
	old := *cur
	if err := P(&old).ApplyContent(content); err != nil {
		return nil, nil, fmt.Errorf("%s revision %d: %w", id, seq, err)
	}
	return &old, rev, nil
}

// baseVersion is the revision an edit started from, for a merge.
func baseVersion[T any, P document[T]](ctx context.Context, q querier, cur *T, id string, base int) (*T, error) {
	old, _, err := oldVersion[T, P](ctx, q, cur, id, base)
	return old, err
}

// findRevision loads one revision and rebuilds its content, checked against
// its SHA-256 so that damage is reported, never served.
func findRevision(ctx context.Context, q querier, docID string, seq int) (*editor.Revision, []byte, error) {
	var r editor.Revision
	err := q.QueryRowContext(ctx, `SELECT seq, kind, author, note, created_at, sha256, words
		FROM revisions WHERE doc_id = ? AND seq = ?`, docID, seq).Scan(
		&r.Seq, &r.Kind, &r.Author, &r.Note, timeCol{&r.CreatedAt}, &r.SHA256, &r.Words)
	if errors.Is(err, sql.ErrNoRows) {
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

// revisionContent rebuilds the content of revision seq from the snapshot at
// or before it and the deltas after that, and returns its chain length too.
func revisionContent(ctx context.Context, q querier, docID string, seq int) ([]byte, int, error) {
	rows, err := q.QueryContext(ctx, `SELECT seq, snapshot, content, sha256, chain_bytes FROM revisions
		WHERE doc_id = ? AND seq <= ? AND seq >= (
			SELECT max(seq) FROM revisions WHERE doc_id = ? AND seq <= ? AND snapshot = 1)
		ORDER BY seq`, docID, seq, docID, seq)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var snapshot string
	var deltas []string
	var want string
	var chain, last int
	first := true
	for rows.Next() {
		var n, isSnap int
		var data []byte
		if err := rows.Scan(&n, &isSnap, &data, &want, &chain); err != nil {
			return nil, 0, err
		}
		switch {
		case first && isSnap == 1:
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

// StoryHistory rebuilds every revision of a story, oldest first, in one pass,
// each checked against its SHA-256: what blame needs.
func (d *DB) StoryHistory(ctx context.Context, id string) (stories []editor.Story, revs []editor.Revision, err error) {
	err = d.read(ctx, func(q querier) error {
		stories, revs, err = storyHistory(ctx, q, id)
		return err
	})
	return stories, revs, err
}

func storyHistory(ctx context.Context, q querier, id string) ([]editor.Story, []editor.Revision, error) {
	cur, err := findStoryByID(ctx, q, id)
	if err != nil {
		return nil, nil, err
	}
	revs, texts, err := allContents(ctx, q, id)
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

// allContents rebuilds every revision of a document, oldest first, in one
// pass, each checked against its SHA-256.
func allContents(ctx context.Context, q querier, docID string) ([]editor.Revision, []string, error) {
	rows, err := q.QueryContext(ctx, `SELECT seq, kind, author, note, created_at, sha256, words, snapshot, content
		FROM revisions WHERE doc_id = ? ORDER BY seq`, docID)
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
		if err := rows.Scan(&r.Seq, &r.Kind, &r.Author, &r.Note, timeCol{&r.CreatedAt}, &r.SHA256, &r.Words, &snap, &data); err != nil {
			return nil, nil, err
		}
		revs = append(revs, r)
		stored = append(stored, editor.StoredText{Snapshot: snap, Data: string(data), SHA256: r.SHA256})
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	texts, err := editor.RebuildAll(stored)
	return revs, texts, err
}
