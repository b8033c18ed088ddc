package storage

import (
	"context"
	"fmt"
	"strings"

	"copydesk/storage/postgres"
	"copydesk/storage/sqlite"
)

// Mode says whether Open may make a new database.
type Mode int

const (
	// OpenExisting refuses a database that is not there (a missing, empty or
	// foreign file): what every command that only reads or publishes uses,
	// so that a mistyped path never stands in for the real database.
	OpenExisting Mode = iota
	// OpenOrCreate makes the database when it is not there: for the
	// commands that add content and for the desktop app.
	OpenOrCreate
)

// IsURL reports whether dsn names a PostgreSQL database rather than a file.
func IsURL(dsn string) bool {
	d := strings.ToLower(dsn)
	return strings.HasPrefix(d, "postgres://") || strings.HasPrefix(d, "postgresql://")
}

// DeskPath is the Path the store of the shared desk at url would have, and
// its user, read from the URL without connecting.
func DeskPath(url string) (path, user string, err error) { return postgres.Name(url) }

// Open opens the database dsn names, choosing the engine by its form: a
// postgres:// or postgresql:// URL is a shared desk on PostgreSQL, anything
// else the path of a SQLite file.
func Open(ctx context.Context, dsn string, mode Mode) (Store, error) {
	if IsURL(dsn) {
		db, err := postgres.Open(ctx, dsn, postgres.Options{Create: mode == OpenOrCreate})
		if err != nil {
			return nil, err
		}
		return db, nil
	}
	if i := strings.Index(dsn, "://"); i > 0 && !strings.ContainsAny(dsn[:i], `/\.`) {
		return nil, fmt.Errorf("%s is neither a file path nor a postgres:// URL: %w", dsn, ErrNotFound)
	}
	db, err := sqlite.Open(dsn, sqlite.Options{Create: mode == OpenOrCreate})
	if err != nil {
		return nil, err
	}
	return db, nil
}
