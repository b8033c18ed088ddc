package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
	"copydesk/editor/revpack"
)

// Revisions are packed as on SQLite, by editor/revpack: a deflated
// snapshot, or a small delta on the body's text and the JSON frame around
// it, with a snapshot whenever revpack.ShouldSnapshot says the chain has
// grown long enough; each is checked against its SHA-256 when rebuilt.

// insertRevision records an immutable revision of a story or page. The
// author column is left to the server (the database user), unless the owner
// copies a desk in with its authors (author not nil).
// prev is what the caller holds as the previous revision's content (the
// current row's), or nil.
func (d *DB) insertRevision(ctx context.Context, tx pgx.Tx, docKind, docID string, seq int, meta editor.RevisionMeta, content, prev []byte, words int) error {
	return d.insertRevisionAs(ctx, tx, docKind, docID, editor.Revision{Seq: seq, Kind: meta.Kind, Note: meta.Note, CreatedAt: d.now(),
		SHA256: editor.ContentHash(content), Words: words}, nil, content, prev)
}

// previous is the content and chain of revision seq, which the caller
// holds as guess: when guess matches the stored SHA-256 it is used as it
// is, sparing a rebuild of the chain on every save.
func previous(ctx context.Context, q querier, docID string, seq int, guess []byte) ([]byte, revpack.Chain, error) {
	if guess != nil {
		var sum string
		var c revpack.Chain
		err := q.QueryRow(ctx, `SELECT r.sha256, r.depth, r.chain_bytes,
				(SELECT length(s.content) FROM revisions s WHERE s.doc_id = r.doc_id AND s.seq = r.seq - r.depth)
			FROM revisions r WHERE r.doc_id = $1 AND r.seq = $2`, docID, seq).Scan(&sum, &c.Depth, &c.Bytes, &c.SnapshotBytes)
		if err == nil && sum == editor.ContentHash(guess) {
			return guess, c, nil
		}
	}
	return revisionContent(ctx, q, docID, seq)
}

func (d *DB) insertRevisionAs(ctx context.Context, tx pgx.Tx, docKind, docID string, rev editor.Revision, author *string, content, prevGuess []byte) error {
	var prev []byte
	var chain revpack.Chain
	if rev.Seq > 1 {
		var err error
		if prev, chain, err = previous(ctx, tx, docID, rev.Seq-1, prevGuess); err != nil {
			return err
		}
	}
	data, next := revpack.Next(prev, content, chain)
	_, err := tx.Exec(ctx, `INSERT INTO revisions (doc_id, doc_kind, seq, kind, author, note, created_at, sha256, words, content, snapshot, depth, chain_bytes)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		docID, docKind, rev.Seq, string(rev.Kind), author, rev.Note, rev.CreatedAt, rev.SHA256, rev.Words, data, next.Depth == 0, next.Depth, next.Bytes)
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

// revisionContent rebuilds revision seq from the snapshot its depth leads
// back to and the deltas after it, and returns its chain too.
func revisionContent(ctx context.Context, q querier, docID string, seq int) ([]byte, revpack.Chain, error) {
	rows, err := q.Query(ctx, `SELECT r.seq, r.depth, r.chain_bytes, r.sha256, r.content FROM revisions r
		JOIN revisions t ON t.doc_id = r.doc_id AND t.seq = $2
		WHERE r.doc_id = $1 AND r.seq BETWEEN t.seq - t.depth AND t.seq ORDER BY r.seq`, docID, seq)
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
		if err := rows.Scan(&last, &c.Depth, &c.Bytes, &want, &data); err != nil {
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

// allContents rebuilds every revision of a document, oldest first, in one
// pass, each checked against its SHA-256.
func allContents(ctx context.Context, q querier, docID string) ([]editor.Revision, [][]byte, error) {
	rows, err := q.Query(ctx, `SELECT seq, kind, author, note, created_at, sha256, words, content
		FROM revisions WHERE doc_id = $1 ORDER BY seq`, docID)
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
		if err := rows.Scan(&r.Seq, &r.Kind, &r.Author, &r.Note, &r.CreatedAt, &r.SHA256, &r.Words, &data); err != nil {
			return nil, nil, err
		}
		r.CreatedAt = r.CreatedAt.UTC()
		revs, records, sums = append(revs, r), append(records, data), append(sums, r.SHA256)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	contents, err := revpack.RebuildAll(records, sums)
	return revs, contents, err
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
		if err := out[i].ApplyContent(t); err != nil {
			return nil, nil, err
		}
		out[i].Revision, out[i].UpdatedAt = revs[i].Seq, revs[i].CreatedAt
	}
	return out, revs, nil
}
