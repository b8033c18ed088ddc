// Package storage keeps copydesk's stories, pages, people, quotes and
// revisions in one SQLite file (mattn/go-sqlite3, built with sqlite_fts5).
//
// Every exported method runs in one transaction: a save writes the new
// revision and the current state together, or nothing.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
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
)

//go:embed migrations/*.sql
var migrations embed.FS

// pragmas are set in the DSN so that every pooled connection gets them.
const pragmas = "_foreign_keys=on&_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate&_synchronous=FULL"

// DB is an open copydesk database.
type DB struct {
	db   *sql.DB
	path string
	// created is true when Open made a new, empty database.
	created bool

	// Now returns the current time; tests replace it to fix the clock.
	Now func() time.Time
	// NewID returns a new identifier; tests may replace it.
	NewID func() string
}

// Open opens the database at path, creating the file and its folder when they
// do not exist, and brings its schema up to date.
func Open(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("no database path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	info, statErr := os.Stat(abs)
	// An empty file counts as new: a file dialog may have made it.
	isNew := errors.Is(statErr, fs.ErrNotExist) || (statErr == nil && info.Size() == 0)
	if errors.Is(statErr, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return nil, fmt.Errorf("database %s: cannot create its folder: %w", path, err)
		}
	} else if statErr != nil {
		return nil, fmt.Errorf("database %s: %w", path, statErr)
	}
	dsn := (&url.URL{Scheme: "file", Path: abs}).String() + "?" + pragmas
	sqldb, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	d := &DB{db: sqldb, path: abs, created: isNew, Now: time.Now, NewID: func() string { return uuid.NewString() }}
	if err := d.migrate(context.Background()); err != nil {
		sqldb.Close()
		return nil, explainOpenError(path, err)
	}
	return d, nil
}

// explainOpenError turns SQLite's words into what a person can act on.
func explainOpenError(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB:
			return fmt.Errorf("%s is not a copydesk database (SQLite says: %v); choose another file", path, se)
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return fmt.Errorf("%s is locked by another program; close it and try again", path)
		case sqlite3.ErrCantOpen:
			return fmt.Errorf("%s cannot be opened; check that its folder exists and you may write to it", path)
		case sqlite3.ErrReadonly, sqlite3.ErrPerm:
			return fmt.Errorf("%s is read-only; copydesk needs to write to it", path)
		}
	}
	return fmt.Errorf("database %s: %w", path, err)
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// Path is the database file's absolute path.
func (d *DB) Path() string { return d.path }

// Created reports whether Open created this database, so the desktop app knows
// to add the sample content.
func (d *DB) Created() bool { return d.created }

// migrate runs, in order and each in its own transaction, every embedded
// migration not yet recorded in schema_migrations.
func (d *DB) migrate(ctx context.Context) error {
	if _, err := d.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := filepath.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its number", base)
		}
		if err := d.runMigration(ctx, version, base, name); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// goMigrations are the steps of a migration that SQL cannot do, run after its
// script in the same transaction.
var goMigrations = map[int]func(ctx context.Context, tx *sql.Tx) error{
	2: compactRevisions,
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
	err := d.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
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
