// Package sqlite is copydesk's embedded store: stories, pages, people,
// quotes and revisions in one SQLite file (mattn/go-sqlite3, built with
// sqlite_fts5). It keeps the contract of package storage.
//
// Every exported method that writes runs in one transaction: a save writes
// the new revision and the current state together, or nothing. Writes take
// the write lock when they begin (BEGIN IMMEDIATE) on a pool of their own;
// reads use a second, query-only pool whose transactions are deferred, so a
// reader never waits behind a writer.
package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	sqlite3 "github.com/mattn/go-sqlite3"

	"copydesk/editor"
	"copydesk/internal/savetrace"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Pragmas are set in the DSN so that every pooled connection gets them.
const (
	writePragmas = "_foreign_keys=on&_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate&_synchronous=FULL"
	readPragmas  = "_foreign_keys=on&_busy_timeout=5000&_txlock=deferred&_query_only=1"
)

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// DB is an open copydesk database.
type DB struct {
	db   *sql.DB // writes: BEGIN IMMEDIATE
	rdb  *sql.DB // reads: query-only, deferred
	path string
	// created is true when Open made a new, empty database.
	created bool

	// Now returns the current time; tests replace it to fix the clock.
	Now func() time.Time
	// NewID returns a new identifier; tests may replace it.
	NewID func() string
}

// Options say how to open a database.
type Options struct {
	// Create lets Open make a new database (and its folder) when there is
	// none at the path, or the file is empty. Without it, a missing, empty or
	// foreign file is refused: a command that only reads or publishes must
	// never start an empty database in place of a mistyped one.
	Create bool
}

// Open opens the database at path and brings its schema up to date.
func Open(path string, opts Options) (*DB, error) {
	if path == "" {
		return nil, errors.New("no database path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	isNew, err := checkFile(path, abs, opts.Create)
	if err != nil {
		return nil, err
	}
	fileURL := (&url.URL{Scheme: "file", Path: abs}).String()
	// The read pool opens first and looks at the file without changing a
	// byte: a file that is not copydesk's is refused as it was found.
	rdb, err := sql.Open("sqlite3", fileURL+"?"+readPragmas)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	d := &DB{rdb: rdb, path: abs, created: isNew, Now: time.Now, NewID: func() string { return uuid.NewString() }}
	pending, err := d.checkSchema(context.Background(), opts.Create)
	if err != nil {
		rdb.Close()
		return nil, explainOpenError(path, err)
	}
	if d.db, err = sql.Open("sqlite3", fileURL+"?"+writePragmas); err != nil {
		rdb.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	// SQLite has one writer at a time: writers of this process queue for the
	// one connection in order, rather than poll the file's lock (which
	// starves some of them past the busy timeout under load).
	d.db.SetMaxOpenConns(1)
	if pending != nil {
		if err := d.migrate(context.Background(), pending); err != nil {
			d.Close()
			return nil, explainOpenError(path, err)
		}
	}
	return d, nil
}

// checkFile says whether the file at abs is to be made new, and refuses
// one that cannot be a copydesk database.
func checkFile(path, abs string, create bool) (isNew bool, err error) {
	info, statErr := os.Stat(abs)
	switch {
	case errors.Is(statErr, fs.ErrNotExist):
		if !create {
			return false, fmt.Errorf("no database at %s; check --db (or COPYDESK_DB), or start one with 'copydesk import', 'new' or 'sample': %w", path, editor.ErrNotFound)
		}
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return false, fmt.Errorf("database %s: cannot create its folder: %w", path, err)
		}
		return true, nil
	case statErr != nil:
		return false, fmt.Errorf("database %s: %w", path, statErr)
	case info.IsDir():
		return false, &editor.FileError{Name: path, Err: errors.New("is a folder, not a copydesk database; give the database file")}
	case info.Size() == 0:
		// An empty file counts as new when creating: a file dialog may have made it.
		if !create {
			return false, &editor.FileError{Name: path, Err: errors.New("is empty, not a copydesk database; check --db, or start one with 'copydesk import', 'new' or 'sample'")}
		}
		return true, nil
	}
	f, err := os.Open(abs)
	if err != nil {
		return false, explainOpenError(path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteMagic) {
		return false, notCopydesk(path, "it is not a SQLite file")
	}
	return false, nil
}

func notCopydesk(path, why string) error {
	return &editor.FileError{Name: path, Err: fmt.Errorf("is not a copydesk database (%s); choose another file", why)}
}

// explainOpenError turns SQLite's words into what a person can act on.
func explainOpenError(path string, err error) error {
	var se sqlite3.Error
	var fe *editor.FileError
	var be *editor.BusyError
	switch {
	case errors.As(err, &fe), errors.As(err, &be):
		return err
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s cannot be read: you may not open it; ask for read permission, or choose another file", path)
	case errors.As(err, &se):
		switch se.Code {
		case sqlite3.ErrNotADB:
			return notCopydesk(path, "SQLite says: "+se.Error())
		case sqlite3.ErrCantOpen:
			return fmt.Errorf("%s cannot be opened; check that its folder exists and you may write to it", path)
		case sqlite3.ErrReadonly, sqlite3.ErrPerm:
			return readOnlyError(path)
		}
	}
	return fmt.Errorf("database %s: %w", path, err)
}

func readOnlyError(path string) error {
	return fmt.Errorf("%s is read-only, so copydesk cannot save to it; make it writable (chmod u+w %s, and its folder), "+
		"or work on a copy made with 'copydesk --db %s backup COPY.db'", path, path, path)
}

// write runs fn in a transaction of the write pool and commits when fn says
// so, explaining a lock that could not be had or a file that cannot be written.
func (d *DB) write(ctx context.Context, fn func(tx *sql.Tx) (commit bool, err error)) error {
	trace, start := savetrace.From(ctx), time.Now()
	trace.Attempt()
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return d.explainWrite(err)
	}
	defer tx.Rollback()
	trace.Since(savetrace.Acquire, start)
	commit, err := fn(tx)
	if err == nil && commit {
		start = time.Now()
		err = tx.Commit()
		trace.Since(savetrace.Commit, start)
	}
	return d.explainWrite(err)
}

// read runs fn in a deferred transaction of the read pool: one consistent
// view of the file, taking no lock that a writer waits for.
func (d *DB) read(ctx context.Context, fn func(q querier) error) error {
	tx, err := d.rdb.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

func (d *DB) explainWrite(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return &editor.BusyError{Database: d.path, Holder: lockHolder(d.path)}
	case sqlite3.ErrReadonly:
		return readOnlyError(d.path)
	case sqlite3.ErrFull:
		return fmt.Errorf("the disk holding %s is full; nothing was saved, free some space and try again", d.path)
	}
	return err
}

// Close closes the database.
func (d *DB) Close() error {
	err := d.rdb.Close()
	if d.db != nil {
		err = errors.Join(d.db.Close(), err)
	}
	return err
}

// Path is the database file's absolute path.
func (d *DB) Path() string { return d.path }

// Created reports whether Open created this database, so the desktop app knows
// to add the sample content.
func (d *DB) Created() bool { return d.created }

// migrationFiles lists the embedded migrations by number.
func migrationFiles() (map[int]string, int, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, 0, err
	}
	sort.Strings(names)
	files, latest := map[int]string{}, 0
	for _, name := range names {
		base := filepath.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, 0, fmt.Errorf("migration %s: name must start with its number", base)
		}
		files[version], latest = name, max(latest, version)
	}
	return files, latest, nil
}

// checkSchema reads, without a lock, which migrations the file lacks: none
// for a current database, so that opening one never waits behind a writer.
// It refuses a file that is not copydesk's and one a newer copydesk wrote.
func (d *DB) checkSchema(ctx context.Context, create bool) (pending []int, err error) {
	files, latest, err := migrationFiles()
	if err != nil {
		return nil, err
	}
	applied, known, tables, err := d.appliedMigrations(ctx)
	if err != nil {
		return nil, err
	}
	if !known && !(create && tables == 0) {
		// A SQLite file that is not copydesk's is never written to.
		return nil, notCopydesk(d.path, "it is a SQLite database without copydesk's tables")
	}
	newest := 0
	for v := range applied {
		newest = max(newest, v)
	}
	if newest > latest {
		return nil, fmt.Errorf("%s was written by a newer copydesk (schema %d; this one knows %d); update copydesk", d.path, newest, latest)
	}
	// Numbers are reserved for branches that land in any order, so a gap
	// is no error: each migration stands alone and runs once.
	for v := 1; v <= latest; v++ {
		if _, ok := files[v]; !ok {
			continue
		}
		if !applied[v] {
			pending = append(pending, v)
		}
	}
	return pending, nil
}

// migrate runs the pending migrations in order, each in its own
// transaction under the write lock.
func (d *DB) migrate(ctx context.Context, pending []int) error {
	files, _, err := migrationFiles()
	if err != nil {
		return err
	}
	if _, err := d.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return d.explainWrite(err)
	}
	vacuum := false
	for _, v := range pending {
		name := files[v]
		if err := d.runMigration(ctx, v, filepath.Base(name), name); err != nil {
			return fmt.Errorf("migration %s: %w", filepath.Base(name), d.explainWrite(err))
		}
		vacuum = vacuum || shrinkingMigrations[v]
	}
	if vacuum && !d.created {
		// The pages a migration freed stay in the file, and in every backup
		// of it, until VACUUM gives them back.
		if _, err := d.db.ExecContext(ctx, `VACUUM`); err != nil {
			return fmt.Errorf("after the migrations, VACUUM: %w", d.explainWrite(err))
		}
	}
	return nil
}

// shrinkingMigrations free a large share of an existing file: migration 14
// drops the full-text index's own copy of every body.
var shrinkingMigrations = map[int]bool{14: true}

// appliedMigrations reads which migrations the file has had; known is false
// when it has no schema_migrations table, and tables counts what it has then.
func (d *DB) appliedMigrations(ctx context.Context) (applied map[int]bool, known bool, tables int, err error) {
	err = d.rdb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&tables)
	if err != nil || tables == 0 {
		if err == nil {
			err = d.rdb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&tables)
		}
		return nil, false, tables, err
	}
	rows, err := d.rdb.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, true, tables, err
	}
	defer rows.Close()
	applied = map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, true, tables, err
		}
		applied[v] = true
	}
	return applied, true, tables, rows.Err()
}

// goMigrations are the steps of a migration that SQL cannot do, run after its
// script in the same transaction.
var goMigrations = map[int]func(ctx context.Context, tx *sql.Tx) error{
	2:  compactRevisions,
	12: packRevisions,
}

func (d *DB) runMigration(ctx context.Context, version int, base, name string) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	script, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return err
	}
	if step := goMigrations[version]; step != nil {
		if err := step(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		version, base, formatTime(d.now())); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion is the newest migration applied.
func (d *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := d.rdb.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func (d *DB) now() time.Time { return d.Now().UTC().Truncate(time.Microsecond) }

const timeLayout = "2006-01-02T15:04:05.000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func formatTimePtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return formatTime(*t)
}

func parseTime(s string) (time.Time, error) {
	return time.Parse(time.RFC3339Nano, s)
}

// nullTime scans a nullable time column.
type nullTime struct{ t **time.Time }

func (n nullTime) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*n.t = nil
		return nil
	case string:
		t, err := parseTime(x)
		if err != nil {
			return err
		}
		*n.t = &t
		return nil
	case []byte:
		return n.Scan(string(x))
	}
	return fmt.Errorf("time column holds %T", v)
}

// timeCol scans a non-null time column.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(v any) error {
	var p *time.Time
	if err := (nullTime{&p}).Scan(v); err != nil {
		return err
	}
	if p == nil {
		return errors.New("time column is NULL")
	}
	*c.t = *p
	return nil
}
