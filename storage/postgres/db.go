// Package postgres is copydesk's shared desk: one PostgreSQL database for a
// newsroom (jackc/pgx/v5). It keeps the contract of package storage, and
// the database itself enforces the desk's rules: roles (editor, subeditor,
// desk), authorship by the database user, and a history that no role can
// rewrite (migrations/0001_init.sql).
//
// Saves are optimistic: a save reads the current state without a lock,
// writes its next revision and updates the row only if it is still at the
// revision read. When another save got there first, the save starts again
// from what is now current, so that an edit of other words is merged in and
// only a real clash is refused.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"copydesk/editor"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DefaultPoolSize is how many connections one copy of copydesk keeps open:
// a desktop client saves one thing at a time and reads a few; a desk of
// many such clients must not exhaust the server. pool_max_conns in the URL
// overrides it (a pooler or a load test may want more).
const DefaultPoolSize = 4

// DB is an open shared desk.
type DB struct {
	pool    *pgxpool.Pool
	name    string // the URL without its password
	desk    string // host/database, as the app's status bar names it
	user    string
	created bool
	// skew is how far the server's clock is ahead of this computer's, as
	// measured at Open: presence is timed by the server's clock, so that a
	// desktop whose clock is off neither lingers nor vanishes.
	skew time.Duration
	// revised holds the transactions of write that have written a
	// revision, for the announcement after their commit.
	revised sync.Map

	// Now returns the current time; tests replace it to fix the clock.
	Now func() time.Time
	// NewID returns a new identifier; tests may replace it.
	NewID func() string
}

// Options say how to open a desk.
type Options struct {
	// Create lets Open make the schema in a database that has none; without
	// it such a database is refused, so that a command that only reads
	// never sets up a desk by mistake.
	Create bool
}

// Open connects to the desk at the postgres:// URL and brings its schema up
// to date when the user may.
func Open(ctx context.Context, rawURL string, opts Options) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%s is not a PostgreSQL URL copydesk can use: %v", redact(rawURL), err)
	}
	name := describe(&cfg.ConnConfig.Config)
	if err := refusePlaintextPassword(&cfg.ConnConfig.Config, name); err != nil {
		return nil, err
	}
	if !strings.Contains(rawURL, "pool_max_conns") {
		cfg.MaxConns = DefaultPoolSize
	}
	cfg.ConnConfig.ConnectTimeout = connectTimeout(cfg.ConnConfig.ConnectTimeout)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, explainConnect(name, &cfg.ConnConfig.Config, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, explainConnect(name, &cfg.ConnConfig.Config, err)
	}
	d := &DB{pool: pool, name: name, desk: deskName(&cfg.ConnConfig.Config), Now: time.Now, NewID: func() string { return uuid.NewString() }}
	before := time.Now()
	var serverNow time.Time
	if err := pool.QueryRow(ctx, `SELECT session_user, now()`).Scan(&d.user, &serverNow); err != nil {
		pool.Close()
		return nil, explainConnect(name, &cfg.ConnConfig.Config, err)
	}
	d.skew = serverNow.Sub(before.Add(time.Since(before) / 2))
	if err := d.migrate(ctx, opts.Create); err != nil {
		pool.Close()
		return nil, err
	}
	return d, nil
}

func connectTimeout(given time.Duration) time.Duration {
	if given > 0 {
		return given
	}
	return 10 * time.Second
}

// Name is what Open's DB would be named (its Path) for the URL, and its
// user, without connecting: the app's local journal is keyed by it, and
// read by it while the desk cannot be reached.
func Name(rawURL string) (name, user string, err error) {
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return "", "", fmt.Errorf("%s is not a PostgreSQL URL copydesk can use: %v", redact(rawURL), err)
	}
	return describe(&cfg.ConnConfig.Config), cfg.ConnConfig.User, nil
}

// Close closes every connection.
func (d *DB) Close() error {
	d.pool.Close()
	return nil
}

// Path names the desk: its URL without the password.
func (d *DB) Path() string { return d.name }

// Created reports whether Open set up the schema in an empty database.
func (d *DB) Created() bool { return d.created }

// User is the database user every revision saved here is authored by.
func (d *DB) User() string { return d.user }

func (d *DB) now() time.Time { return d.Now().UTC().Truncate(time.Microsecond) }

// describe names a connection as a person reads it: postgres://user@host:port/db.
func describe(c *pgconn.Config) string {
	host := c.Host
	if strings.HasPrefix(host, "/") {
		return fmt.Sprintf("postgres://%s@/%s (socket %s)", c.User, c.Database, filepath.Join(host, fmt.Sprintf(".s.PGSQL.%d", c.Port)))
	}
	return fmt.Sprintf("postgres://%s@%s/%s", c.User, net.JoinHostPort(host, strconv.Itoa(int(c.Port))), c.Database)
}

// redact drops the password from a URL for a message.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "the --db URL"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	return u.String()
}

// isLocal reports whether a host is this machine: a Unix socket or loopback.
func isLocal(host string) bool {
	if strings.HasPrefix(host, "/") || host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// refusePlaintextPassword refuses to send a password to another machine
// without TLS: every way the connection may be made (pgx falls back from
// sslmode=prefer to plain text) must be encrypted.
func refusePlaintextPassword(c *pgconn.Config, name string) error {
	if c.Password == "" {
		return nil
	}
	tries := append([]*pgconn.FallbackConfig{{Host: c.Host, Port: c.Port, TLSConfig: c.TLSConfig}}, c.Fallbacks...)
	for _, f := range tries {
		if f.TLSConfig == nil && !isLocal(f.Host) {
			return fmt.Errorf("%s: copydesk will not send a password to %s without encryption; add ?sslmode=require to the URL (or sslmode=verify-full&sslrootcert=CA.pem when the desk gives its CA)", name, f.Host)
		}
	}
	return nil
}

// explainConnect turns a failed connection into one line naming the server
// and what to do.
func explainConnect(name string, c *pgconn.Config, err error) error {
	var pe *pgconn.PgError
	var ne net.Error
	switch {
	case errors.As(err, &pe) && pe.Code == "28P01", errors.As(err, &pe) && pe.Code == "28000":
		return loginError{fmt.Errorf("%s: the server refused user %s (%s); check the user name and password (--db URL or ~/.pgpass), or ask the desk's administrator: %w",
			name, c.User, pe.Message, editor.ErrNotFound)}
	case errors.As(err, &pe) && pe.Code == "3D000":
		return fmt.Errorf("%s: there is no database %q on that server; create it (createdb %s) and run 'copydesk --db URL desk init': %w",
			name, c.Database, c.Database, editor.ErrNotFound)
	case errors.As(err, &pe):
		return fmt.Errorf("%s: the server refused the connection: %s: %w", name, pe.Message, editor.ErrNotFound)
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ENOENT):
		return &connectError{fmt.Sprintf("%s: nothing is listening there; check the host and port, and that the PostgreSQL server is running", name), err}
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return &connectError{fmt.Sprintf("%s: the server did not answer in time; check the address and the network", name), err}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return &connectError{fmt.Sprintf("%s: no such host %s; check the URL", name, dnsErr.Name), err}
	}
	return &connectError{fmt.Sprintf("%s: cannot connect: %s", name, oneLine(err)), err}
}

// connectError is a connection that could not be made: its message says
// what to check, and it wraps editor.ErrNotFound and the cause (a
// *pgconn.ConnectError, a net.Error, ECONNREFUSED…), so that the app can
// tell a desk that does not answer from one that refused.
type connectError struct {
	msg   string
	cause error
}

func (e *connectError) Error() string   { return e.msg + ": " + editor.ErrNotFound.Error() }
func (e *connectError) Unwrap() []error { return []error{editor.ErrNotFound, e.cause} }

func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// migrationFiles lists the embedded migrations by number.
func migrationFiles() ([]int, map[int]string, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, nil, err
	}
	files := map[int]string{}
	var versions []int
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(filepath.Base(name), "_", 2)[0])
		if err != nil {
			return nil, nil, fmt.Errorf("migration %s: name must start with its number", name)
		}
		files[v] = name
		versions = append(versions, v)
	}
	sort.Ints(versions)
	return versions, files, nil
}

// migrate checks the schema without a lock; only when a migration is
// pending does it take the desk's migration lock (an advisory lock, so two
// clients starting at once migrate once) and run them, each in its own
// transaction.
func (d *DB) migrate(ctx context.Context, create bool) error {
	versions, files, err := migrationFiles()
	if err != nil {
		return err
	}
	applied, known, err := d.applied(ctx)
	if err != nil {
		return d.explain(err, &permission{editor.RoleEditor, "read the desk"})
	}
	var pending []int
	for _, v := range versions {
		if !applied[v] {
			pending = append(pending, v)
		}
	}
	switch {
	case len(pending) == 0:
		return nil
	case !known && !create:
		return fmt.Errorf("%s has no copydesk desk in it; its administrator sets one up with 'copydesk --db URL desk init': %w", d.name, editor.ErrNotFound)
	}
	for _, v := range pending {
		if err := d.runMigration(ctx, v, files[v]); err != nil {
			var pe *pgconn.PgError
			if errors.As(err, &pe) && pe.Code == "42501" {
				return fmt.Errorf("%s: the desk's schema needs migration %d, which only its owner may run: ask the administrator to run 'copydesk --db URL desk init'", d.name, v)
			}
			return fmt.Errorf("%s: migration %s: %w", d.name, filepath.Base(files[v]), err)
		}
	}
	d.created = !known
	return nil
}

func (d *DB) applied(ctx context.Context) (map[int]bool, bool, error) {
	var exists bool
	if err := d.pool.QueryRow(ctx, `SELECT to_regclass('public.schema_migrations') IS NOT NULL`).Scan(&exists); err != nil || !exists {
		return nil, false, err
	}
	rows, err := d.pool.Query(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, true, err
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int])
	applied := map[int]bool{}
	for _, v := range versions {
		applied[v] = true
	}
	return applied, true, err
}

// goMigrations are the steps of a migration that SQL cannot do, run after its
// script in the same transaction.
var goMigrations = map[int]func(ctx context.Context, tx pgx.Tx) error{
	7: packRevisions,
}

func (d *DB) runMigration(ctx context.Context, version int, name string) error {
	script, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('copydesk migrations'))`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		var done bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, version).Scan(&done); err != nil || done {
			return err
		}
		if _, err := tx.Exec(ctx, string(script)); err != nil {
			return err
		}
		if step := goMigrations[version]; step != nil {
			if err := step(ctx, tx); err != nil {
				return err
			}
		}
		_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, version, filepath.Base(name))
		return err
	})
}

// SchemaVersion is the newest migration applied.
func (d *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := d.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}
