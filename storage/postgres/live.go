package postgres

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
	"copydesk/storage/feed"
)

// The live desk on a shared server: presence is a table everyone reads and
// each writes their own row of; the change feed is a table the revisions'
// trigger keeps in commit order, with a NOTIFY on copydeskChannel at each
// commit (migrations/0003_live_desk.sql).

// copydeskChannel is the channel the feed's trigger notifies.
const copydeskChannel = "copydesk_changes"

// pollEvery is how often Watch reads the feed without a notification: a
// safety net for a notification lost while the listening connection was
// down, not the way saves normally arrive. After a notification it reads
// the feed more often for a moment (feed.Watch), for a save that another
// transaction still running held back.
const pollEvery = 5 * time.Second

// Heartbeat records that this user's copy of the app who.Client has docID
// open ("" for none), and whether they are typing, now; it clears the
// entries that are long dead.
func (d *DB) Heartbeat(ctx context.Context, docID string, who editor.Owner, typing bool) error {
	now := d.presenceNow()
	perm := &permission{editor.RoleEditor, "show who is on the desk"}
	return d.write(ctx, perm, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM presence WHERE seen_at < $1`, now.Add(-editor.PresenceTTL)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO presence (client, doc_id, typing, seen_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (user_name, client) DO UPDATE SET doc_id = excluded.doc_id, typing = excluded.typing, seen_at = excluded.seen_at`,
			who.Client, docID, typing, now)
		return err
	})
}

// presenceNow is the store's clock set to the server's: every copy of the
// app on the desk times its heartbeats alike.
func (d *DB) presenceNow() time.Time { return d.now().Add(d.skew) }

// Present lists the copies of the app that beat within editor.PresenceTTL,
// on docID or, for "", anywhere.
func (d *DB) Present(ctx context.Context, docID string) ([]editor.Presence, error) {
	rows, err := d.pool.Query(ctx, `SELECT doc_id, user_name, client, typing, seen_at FROM presence
		WHERE seen_at >= $1 AND ($2 = '' OR doc_id = $2) ORDER BY doc_id, user_name, client`,
		d.presenceNow().Add(-editor.PresenceTTL), docID)
	if err != nil {
		return nil, d.explain(err, &permission{editor.RoleEditor, "show who is on the desk"})
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.Presence, error) {
		var p editor.Presence
		err := row.Scan(&p.DocID, &p.User, &p.Client, &p.Typing, &p.SeenAt)
		p.SeenAt = p.SeenAt.UTC()
		return p, err
	})
	if len(out) == 0 {
		out = nil
	}
	return out, d.explain(err, &permission{editor.RoleEditor, "show who is on the desk"})
}

// Leave removes this user's presence on who.Client at once.
func (d *DB) Leave(ctx context.Context, who editor.Owner) error {
	_, err := d.pool.Exec(ctx, `DELETE FROM presence WHERE user_name = session_user AND client = $1`, who.Client)
	return d.explain(err, &permission{editor.RoleEditor, "show who is on the desk"})
}

// Changes returns the new revisions after since, and the cursor to ask
// from next; since editor.CursorNow gives none and the newest cursor. A
// cursor is a transaction horizon: the changes it covers are those of the
// transactions that had ended when it was taken, so a save whose commit
// comes after a later one's is returned the next time, never skipped (a
// transaction still writing holds the feed back until it ends). A
// change's own Cursor is its transaction's ID.
func (d *DB) Changes(ctx context.Context, since editor.Cursor) ([]editor.Change, editor.Cursor, error) {
	var out []editor.Change
	next := since
	err := d.read(ctx, func(tx pgx.Tx) error {
		var horizon editor.Cursor
		if err := tx.QueryRow(ctx, `SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint`).Scan(&horizon); err != nil {
			return err
		}
		next = max(since, horizon)
		if since < 0 || horizon <= since {
			return nil
		}
		rows, err := tx.Query(ctx, `SELECT xid::text::bigint, doc_id, doc_kind, seq, kind, author, at FROM changes
			WHERE xid >= $1::text::xid8 AND xid < $2::text::xid8 ORDER BY xid, id`,
			strconv.FormatInt(int64(since), 10), strconv.FormatInt(int64(horizon), 10))
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.Change, error) {
			var c editor.Change
			err := row.Scan(&c.Cursor, &c.DocID, &c.DocKind, &c.Revision, &c.Kind, &c.Author, &c.At)
			c.At = c.At.UTC()
			return c, err
		})
		return err
	})
	if err != nil {
		return nil, since, err
	}
	if len(out) == 0 {
		out = nil
	}
	return out, next, nil
}

// announce wakes the copies of the app watching the feed, after a commit
// that wrote a revision: its own statement, with no transaction to write,
// so that no save waits for it. A lost announcement costs a watcher only
// the wait until its next poll.
func (d *DB) announce(ctx context.Context) {
	d.pool.Exec(ctx, `SELECT pg_notify($1, '')`, copydeskChannel)
}

// Watch sends the changes after since as anyone on the desk commits them:
// a connection of its own LISTENs, and each notification reads the feed,
// so that the changes come in order and none is lost; the feed is read
// every few seconds as well, and while the server cannot be reached Watch
// tries again. The channel closes when ctx ends.
func (d *DB) Watch(ctx context.Context, since editor.Cursor) <-chan editor.Change {
	wake := make(chan struct{}, 1)
	go d.listen(ctx, wake)
	return feed.Watch(ctx, since, d.Changes, pollEvery, wake)
}

// listen keeps a connection listening on the feed's channel until ctx ends,
// waking the watcher at each notification (and once after each
// reconnection, for what it missed while down).
func (d *DB) listen(ctx context.Context, wake chan<- struct{}) {
	poke := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	retry := time.Second
	for ctx.Err() == nil {
		conn, err := pgx.ConnectConfig(ctx, d.pool.Config().ConnConfig.Copy())
		if err == nil {
			if _, err = conn.Exec(ctx, "LISTEN "+copydeskChannel); err == nil {
				retry = time.Second
				poke()
				for err == nil {
					_, err = conn.WaitForNotification(ctx)
					if err == nil {
						poke()
					}
				}
			}
			closeCtx, cancel := context.WithTimeout(context.Background(), time.Second)
			conn.Close(closeCtx)
			cancel()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(retry):
		}
		retry = min(retry*2, 5*time.Second)
	}
}
