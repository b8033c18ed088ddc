package sqlite

import (
	"context"
	"database/sql"
	"time"

	"copydesk/editor"
	"copydesk/storage/feed"
)

// The live desk on one file: copies of the app on one machine share the
// file, so presence and the change feed are rows in it, and a copy learns
// of the others' saves by polling the feed.

// pollEvery is how often Watch reads the change feed: a cheap query on the
// feed's key, often enough that a save shows in the other copies within a
// second.
const pollEvery = 500 * time.Millisecond

// changesPerCall bounds one Changes answer.
const changesPerCall = 500

// Heartbeat records that who has docID open ("" for none), and whether
// they are typing, now; it forgets the entries that have expired.
func (d *DB) Heartbeat(ctx context.Context, docID string, who editor.Owner, typing bool) error {
	now := d.now()
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		if _, err := tx.ExecContext(ctx, `DELETE FROM presence WHERE seen_at < ?`, formatTime(now.Add(-editor.PresenceTTL))); err != nil {
			return false, err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO presence (user_name, client, doc_id, typing, seen_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (user_name, client) DO UPDATE SET doc_id = excluded.doc_id, typing = excluded.typing, seen_at = excluded.seen_at`,
			who.User, who.Client, docID, typing, formatTime(now))
		return true, err
	})
}

// Present lists the copies of the app that beat within editor.PresenceTTL,
// on docID or, for "", anywhere.
func (d *DB) Present(ctx context.Context, docID string) ([]editor.Presence, error) {
	rows, err := d.rdb.QueryContext(ctx, `SELECT doc_id, user_name, client, typing, seen_at FROM presence
		WHERE seen_at >= ? AND (? = '' OR doc_id = ?) ORDER BY doc_id, user_name, client`,
		formatTime(d.now().Add(-editor.PresenceTTL)), docID, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.Presence
	for rows.Next() {
		var p editor.Presence
		if err := rows.Scan(&p.DocID, &p.User, &p.Client, &p.Typing, timeCol{&p.SeenAt}); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Leave removes who's presence at once (the app quitting).
func (d *DB) Leave(ctx context.Context, who editor.Owner) error {
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		_, err := tx.ExecContext(ctx, `DELETE FROM presence WHERE user_name = ? AND client = ?`, who.User, who.Client)
		return true, err
	})
}

// Changes returns the new revisions after since, in commit order, and the
// cursor to ask from next; since editor.CursorNow gives none and the newest
// cursor.
func (d *DB) Changes(ctx context.Context, since editor.Cursor) ([]editor.Change, editor.Cursor, error) {
	if since < 0 {
		var head editor.Cursor
		err := d.rdb.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM changes`).Scan(&head)
		return nil, head, err
	}
	rows, err := d.rdb.QueryContext(ctx, `SELECT id, doc_id, doc_kind, seq, kind, author, at FROM changes
		WHERE id > ? ORDER BY id LIMIT ?`, since, changesPerCall)
	if err != nil {
		return nil, since, err
	}
	defer rows.Close()
	var out []editor.Change
	for rows.Next() {
		var c editor.Change
		if err := rows.Scan(&c.Cursor, &c.DocID, &c.DocKind, &c.Revision, &c.Kind, &c.Author, timeCol{&c.At}); err != nil {
			return nil, since, err
		}
		out = append(out, c)
		since = c.Cursor
	}
	return out, since, rows.Err()
}

// Watch sends the changes after since as other handles on the file (other
// processes too) commit them, polling the feed; the channel closes when ctx
// ends.
func (d *DB) Watch(ctx context.Context, since editor.Cursor) <-chan editor.Change {
	return feed.Watch(ctx, since, d.Changes, pollEvery, nil)
}
