package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"copydesk/editor"
	"copydesk/editor/revpack"
)

// Revisions are packed by editor/revpack: a deflated snapshot, or a small
// delta on the body's text and the JSON frame around it, with a snapshot
// whenever revpack.ShouldSnapshot says the chain has grown long enough. The
// metadata is packed too (migration 0012 says how). Any revision is rebuilt
// from one snapshot and at most revpack.MaxChain deltas, and checked against
// its SHA-256.

// revisionKinds are the kinds of revision by their stored number.
var revisionKinds = []editor.RevisionKind{1: editor.RevisionImport, 2: editor.RevisionCheckpoint,
	3: editor.RevisionStatus, 4: editor.RevisionRestore, 5: editor.RevisionCorrection}

func kindCode(k editor.RevisionKind) (int, error) {
	for i, kk := range revisionKinds {
		if i > 0 && kk == k {
			return i, nil
		}
	}
	return 0, fmt.Errorf("revision kind %q: %w", k, &editor.ValidationError{Field: "kind", Problem: "is not a revision kind"})
}

// revisionRow scans a revision's packed metadata.
type revisionRow struct{ r *editor.Revision }

func (row revisionRow) dest() []any {
	return []any{&row.r.Seq, kindCol{&row.r.Kind}, &row.r.Author, &row.r.Note, microsCol{&row.r.CreatedAt}, hashCol{&row.r.SHA256}, &row.r.Words}
}

const revisionColumns = `r.seq, r.kind, r.author, r.note, r.created_at, r.sha256, r.words`

type kindCol struct{ k *editor.RevisionKind }

func (c kindCol) Scan(v any) error {
	n, ok := v.(int64)
	if !ok || n < 1 || int(n) >= len(revisionKinds) {
		return fmt.Errorf("revision kind %v is none of 1 to %d: %w", v, len(revisionKinds)-1, editor.ErrCorrupt)
	}
	*c.k = revisionKinds[n]
	return nil
}

type microsCol struct{ t *time.Time }

func (c microsCol) Scan(v any) error {
	n, ok := v.(int64)
	if !ok {
		return fmt.Errorf("revision time %v is not a number: %w", v, editor.ErrCorrupt)
	}
	*c.t = time.UnixMicro(n).UTC()
	return nil
}

type hashCol struct{ s *string }

func (c hashCol) Scan(v any) error {
	b, ok := v.([]byte)
	if !ok || len(b) != sha256.Size {
		return fmt.Errorf("revision SHA-256 is not %d bytes: %w", sha256.Size, editor.ErrCorrupt)
	}
	*c.s = hex.EncodeToString(b)
	return nil
}

// docNumber is the number revisions know a document by, given it when it
// has none yet.
func docNumber(ctx context.Context, tx *sql.Tx, docKind, docID string) (int64, error) {
	var n int64
	err := tx.QueryRowContext(ctx, `SELECT n FROM revision_docs WHERE doc_id = ?`, docID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.QueryRowContext(ctx, `INSERT INTO revision_docs (doc_id, doc_kind) VALUES (?, ?) RETURNING n`, docID, docKind).Scan(&n)
	}
	return n, err
}

// insertRevision records an immutable revision of a story or page.
// prev is what the caller holds as the previous revision's content (the
// current row's), or nil.
func (d *DB) insertRevision(ctx context.Context, tx *sql.Tx, docKind, docID string, seq int, meta editor.RevisionMeta, content, prev []byte, words int) error {
	var chain revpack.Chain
	if seq > 1 {
		var err error
		if prev, chain, err = previous(ctx, tx, docID, seq-1, prev); err != nil {
			return err
		}
	} else {
		prev = nil
	}
	_, err := insertRevisionRow(ctx, tx, docKind, docID, editor.Revision{Seq: seq, Kind: meta.Kind, Author: meta.Author, Note: meta.Note,
		CreatedAt: d.now(), SHA256: editor.ContentHash(content), Words: words}, content, prev, chain)
	return err
}

// previous is the content and chain of revision seq, which the caller
// holds as guess: when guess matches the stored SHA-256 it is used as it
// is, sparing a rebuild of the chain on every save.
func previous(ctx context.Context, q querier, docID string, seq int, guess []byte) ([]byte, revpack.Chain, error) {
	if guess != nil {
		var sum string
		var c revpack.Chain
		err := q.QueryRowContext(ctx, `SELECT r.sha256, r.depth, r.chain_bytes,
				(SELECT length(s.data) FROM revisions s WHERE s.doc = r.doc AND s.seq = r.seq - r.depth)
			FROM revisions r JOIN revision_docs d ON d.n = r.doc WHERE d.doc_id = ? AND r.seq = ?`, docID, seq).Scan(
			hashCol{&sum}, &c.Depth, &c.Bytes, &c.SnapshotBytes)
		if err == nil && sum == editor.ContentHash(guess) {
			return guess, c, nil
		}
	}
	return revisionContent(ctx, q, docID, seq)
}

// insertRevisionRow writes revision rev, whose content is content, packed
// against prev (the content of the revision before, whose chain is chain;
// nil for the first); it returns the new revision's chain.
func insertRevisionRow(ctx context.Context, tx *sql.Tx, docKind, docID string, rev editor.Revision, content, prev []byte, chain revpack.Chain) (revpack.Chain, error) {
	kind, err := kindCode(rev.Kind)
	if err != nil {
		return chain, err
	}
	sum, err := hex.DecodeString(rev.SHA256)
	if err != nil || len(sum) != sha256.Size {
		return chain, fmt.Errorf("revision %d of %s: SHA-256 %q is not 64 hex digits: %w", rev.Seq, docID, rev.SHA256, editor.ErrCorrupt)
	}
	doc, err := docNumber(ctx, tx, docKind, docID)
	if err != nil {
		return chain, err
	}
	if rev.Seq == 1 {
		prev = nil
	}
	data, next := revpack.Next(prev, content, chain)
	_, err = tx.ExecContext(ctx, `INSERT INTO revisions (doc, seq, kind, author, note, created_at, sha256, words, depth, chain_bytes, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		doc, rev.Seq, kind, rev.Author, rev.Note, rev.CreatedAt.UnixMicro(), sum, rev.Words, next.Depth, next.Bytes, data)
	return next, err
}

// Revisions lists the revisions of a story or page, the first first.
func (d *DB) Revisions(ctx context.Context, docID string) ([]editor.Revision, error) {
	rows, err := d.rdb.QueryContext(ctx, `SELECT `+revisionColumns+`
		FROM revisions r JOIN revision_docs d ON d.n = r.doc WHERE d.doc_id = ? ORDER BY r.seq`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.Revision
	for rows.Next() {
		var r editor.Revision
		if err := rows.Scan(revisionRow{&r}.dest()...); err != nil {
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
	err := q.QueryRowContext(ctx, `SELECT `+revisionColumns+`
		FROM revisions r JOIN revision_docs d ON d.n = r.doc WHERE d.doc_id = ? AND r.seq = ?`, docID, seq).Scan(revisionRow{&r}.dest()...)
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

// revisionContent rebuilds the content of revision seq from the snapshot
// its depth leads back to and the deltas after it, and returns its chain.
func revisionContent(ctx context.Context, q querier, docID string, seq int) ([]byte, revpack.Chain, error) {
	rows, err := q.QueryContext(ctx, `WITH t AS (
			SELECT r.doc, r.seq, r.depth FROM revisions r JOIN revision_docs d ON d.n = r.doc WHERE d.doc_id = ? AND r.seq = ?)
		SELECT r.seq, r.depth, r.chain_bytes, r.sha256, r.data FROM revisions r, t
		WHERE r.doc = t.doc AND r.seq BETWEEN t.seq - t.depth AND t.seq ORDER BY r.seq`, docID, seq)
	if err != nil {
		return nil, revpack.Chain{}, err
	}
	defer rows.Close()
	var chain [][]byte
	var c revpack.Chain
	var want string
	last := 0
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&last, &c.Depth, &c.Bytes, hashCol{&want}, &data); err != nil {
			return nil, c, err
		}
		if len(chain) == 0 {
			c.SnapshotBytes = len(data)
		}
		chain = append(chain, data)
	}
	if err := rows.Err(); err != nil {
		return nil, c, err
	}
	if len(chain) == 0 || last != seq {
		return nil, c, fmt.Errorf("revision %d of %s: %w", seq, docID, editor.ErrNotFound)
	}
	content, err := revpack.RebuildDepth(chain, c.Depth, want)
	if err != nil {
		return nil, c, fmt.Errorf("revision %d of %s is damaged and cannot be shown: %w", seq, docID, err)
	}
	return content, c, nil
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
		if err := out[i].ApplyContent(t); err != nil {
			return nil, nil, err
		}
		out[i].Revision, out[i].UpdatedAt = revs[i].Seq, revs[i].CreatedAt
	}
	return out, revs, nil
}

// allContents rebuilds every revision of a document, oldest first, in one
// pass, each checked against its SHA-256.
func allContents(ctx context.Context, q querier, docID string) ([]editor.Revision, [][]byte, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+revisionColumns+`, r.data
		FROM revisions r JOIN revision_docs d ON d.n = r.doc WHERE d.doc_id = ? ORDER BY r.seq`, docID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var revs []editor.Revision
	var records [][]byte
	var sums []string
	for rows.Next() {
		var r editor.Revision
		var data []byte
		if err := rows.Scan(append(revisionRow{&r}.dest(), &data)...); err != nil {
			return nil, nil, err
		}
		revs, records, sums = append(revs, r), append(records, data), append(sums, r.SHA256)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	contents, err := revpack.RebuildAll(records, sums)
	return revs, contents, err
}
