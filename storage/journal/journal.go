// Package journal is the desktop app's local safety net on a shared desk: a
// small SQLite file beside the app's preferences that keeps, on this
// computer, the working copy written at every autosave (so that a dropped
// network, a stopped server or a kill -9 loses at most the last second of
// typing) and the saves waiting for the server to come back, in order.
//
// Everything in it is keyed by desk (the store's Path()) and owner (user
// and client), so one journal serves every desk the app connects to and
// two copies of the app on one computer never see each other's.
package journal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3" // the driver

	"copydesk/editor"
)

// FileName is the journal's file name; the app keeps it in the folder of
// its preferences (Fyne's app storage root).
const FileName = "journal.db"

// pragmas: WAL, so that two copies of the app share the file; FULL
// synchronous, so that what Keep returned from survives a power cut.
const pragmas = "_journal_mode=WAL&_busy_timeout=5000&_synchronous=FULL&_txlock=immediate"

// schemaVersion is the journal's schema, in PRAGMA user_version.
const schemaVersion = 1

const schema = `
CREATE TABLE IF NOT EXISTS working_copies (
    desk      TEXT NOT NULL,
    doc_id    TEXT NOT NULL,
    user_name TEXT NOT NULL,
    client    TEXT NOT NULL,
    doc_kind  TEXT NOT NULL,
    base      INTEGER NOT NULL,
    content   BLOB NOT NULL,
    saved_at  TEXT NOT NULL,
    PRIMARY KEY (desk, user_name, client, doc_id)
);
CREATE TABLE IF NOT EXISTS pending_saves (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    desk      TEXT NOT NULL,
    user_name TEXT NOT NULL,
    client    TEXT NOT NULL,
    doc_id    TEXT NOT NULL,
    doc_kind  TEXT NOT NULL,
    base      INTEGER NOT NULL,
    content   BLOB NOT NULL,
    kind      TEXT NOT NULL,
    author    TEXT NOT NULL,
    note      TEXT NOT NULL,
    queued_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pending_by_owner ON pending_saves (desk, user_name, client, id);
`

const timeLayout = "2006-01-02T15:04:05.000000Z07:00"

// Journal is an open journal file.
type Journal struct {
	db   *sql.DB
	path string
	// Now returns the current time; tests replace it to fix the clock.
	Now func() time.Time
}

// Open opens the journal at path, creating it (and its folder) when there
// is none.
func Open(path string) (*Journal, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	db, err := sql.Open("sqlite3", (&url.URL{Scheme: "file", Path: abs}).String()+"?"+pragmas)
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	j := &Journal{db: db, path: abs, Now: time.Now}
	if err := j.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	return j, nil
}

func (j *Journal) migrate() error {
	ctx := context.Background()
	var v int
	if err := j.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return err
	}
	switch {
	case v == schemaVersion:
		return nil
	case v > schemaVersion:
		return fmt.Errorf("made by a newer copydesk (schema %d); update copydesk", v)
	}
	tx, err := j.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, schema); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, schemaVersion)); err != nil {
		return err
	}
	return tx.Commit()
}

// Path is the journal file's absolute path.
func (j *Journal) Path() string { return j.path }

// Close closes the file.
func (j *Journal) Close() error { return j.db.Close() }

func (j *Journal) now() time.Time { return j.Now().UTC().Truncate(time.Microsecond) }

// Keep writes wc as its owner's working copy of the document on desk,
// replacing the one kept before, and sets wc.SavedAt. The app calls it at
// every autosave on a shared desk, before (or whether or not) the store's
// SaveWorkingCopy succeeds.
func (j *Journal) Keep(ctx context.Context, desk string, wc *editor.WorkingCopy) error {
	if wc.DocKind != "story" && wc.DocKind != "page" {
		return &editor.ValidationError{Field: "doc_kind", Problem: fmt.Sprintf("%q is not story or page", wc.DocKind)}
	}
	at := j.now()
	_, err := j.db.ExecContext(ctx, `INSERT INTO working_copies (desk, doc_id, user_name, client, doc_kind, base, content, saved_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (desk, user_name, client, doc_id) DO UPDATE SET doc_kind = excluded.doc_kind, base = excluded.base,
			content = excluded.content, saved_at = excluded.saved_at`,
		desk, wc.DocID, wc.User, wc.Client, wc.DocKind, wc.Base, wc.Content, at.Format(timeLayout))
	if err == nil {
		wc.SavedAt = at
	}
	return err
}

// WorkingCopy returns who's working copy of a document on desk; the error
// wraps editor.ErrNotFound when there is none.
func (j *Journal) WorkingCopy(ctx context.Context, desk, docID string, who editor.Owner) (*editor.WorkingCopy, error) {
	wc, err := scanWorkingCopy(j.db.QueryRowContext(ctx, `SELECT doc_id, doc_kind, base, content, saved_at, user_name, client
		FROM working_copies WHERE desk = ? AND user_name = ? AND client = ? AND doc_id = ?`, desk, who.User, who.Client, docID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("journal: working copy of %s: %w", docID, editor.ErrNotFound)
	}
	return wc, err
}

// WorkingCopies lists who's working copies on desk, the most recent first:
// after a restart, what the app offers back (with the store's, the newer
// of the two by SavedAt).
func (j *Journal) WorkingCopies(ctx context.Context, desk string, who editor.Owner) ([]editor.WorkingCopy, error) {
	rows, err := j.db.QueryContext(ctx, `SELECT doc_id, doc_kind, base, content, saved_at, user_name, client
		FROM working_copies WHERE desk = ? AND user_name = ? AND client = ? ORDER BY saved_at DESC, doc_id`, desk, who.User, who.Client)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.WorkingCopy
	for rows.Next() {
		wc, err := scanWorkingCopy(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *wc)
	}
	return out, rows.Err()
}

// Forget drops who's working copy of a document on desk, if any: the app
// calls it when the save of the document has landed in the store (or the
// edit was undone to the saved text).
func (j *Journal) Forget(ctx context.Context, desk, docID string, who editor.Owner) error {
	_, err := j.db.ExecContext(ctx, `DELETE FROM working_copies WHERE desk = ? AND user_name = ? AND client = ? AND doc_id = ?`,
		desk, who.User, who.Client, docID)
	return err
}

type scanner interface{ Scan(dest ...any) error }

func scanWorkingCopy(row scanner) (*editor.WorkingCopy, error) {
	var wc editor.WorkingCopy
	var at string
	if err := row.Scan(&wc.DocID, &wc.DocKind, &wc.Base, &wc.Content, &at, &wc.User, &wc.Client); err != nil {
		return nil, err
	}
	t, err := time.Parse(timeLayout, at)
	if err != nil {
		return nil, fmt.Errorf("journal: working copy of %s: bad time %q", wc.DocID, at)
	}
	wc.SavedAt = t
	return &wc, nil
}
