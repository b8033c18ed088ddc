package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"copydesk/editor"
	"copydesk/internal/savetrace"
)

// errStale is a write that lost a race: another transaction wrote the next
// revision, or the row moved on, between this one's read and its write.
var errStale = errors.New("another save got in first")

// maxAttempts bounds how often a save starts again after losing a race; each
// attempt reads what the winner wrote, so only a story saved this often in
// the time of one save runs out.
const maxAttempts = 20

// permission is what a write needs, for the message when the database
// refuses it: the role, and the action in words.
type permission struct {
	role   editor.Role
	action string
}

// write runs fn in a transaction and commits it, starting again from the
// beginning when it lost a race (errStale, a unique revision taken, a
// serialization failure). fn must read everything it decides on inside tx.
//
// A transaction that wrote a revision is announced on the change feed's
// channel once it has committed.
func (d *DB) write(ctx context.Context, perm *permission, fn func(tx pgx.Tx) error) error {
	trace := savetrace.From(ctx)
	for attempt := 1; ; attempt++ {
		trace.Attempt()
		var wrote bool
		err := d.explain(d.inTx(ctx, trace, func(tx pgx.Tx) error {
			err := fn(tx)
			_, wrote = d.revised.LoadAndDelete(tx)
			return err
		}), perm)
		if err == nil && wrote {
			start := time.Now()
			d.announce(ctx)
			trace.Since(savetrace.Notify, start)
		}
		if !errors.Is(err, errStale) {
			return err
		}
		if attempt == maxAttempts {
			return &editor.BusyError{Database: d.name, Holder: "others saving the same document"}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// inTx runs fn in a transaction on a connection of the pool and commits
// it, adding the wait for the connection and the commit to trace.
func (d *DB) inTx(ctx context.Context, trace *savetrace.Trace, fn func(tx pgx.Tx) error) error {
	start := time.Now()
	conn, err := d.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	trace.Since(savetrace.Acquire, start)
	if err := fn(tx); err != nil {
		return err
	}
	start = time.Now()
	err = tx.Commit(ctx)
	trace.Since(savetrace.Commit, start)
	return err
}

// read runs fn in a read-only transaction that sees one snapshot.
func (d *DB) read(ctx context.Context, fn func(tx pgx.Tx) error) error {
	err := pgx.BeginTxFunc(ctx, d.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
	return d.explain(err, &permission{editor.RoleEditor, "read the desk"})
}

// explain maps what PostgreSQL refused to copydesk's errors, by SQLSTATE and
// constraint name, never by message text.
func (d *DB) explain(err error, perm *permission) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case "42501": // insufficient_privilege: a GRANT missing, or a desk trigger
		// perm is the strongest role the write needs, as the save rules see
		// it; a desk trigger's hint names the check that fired.
		role := perm.role
		if r := editor.Role(pe.Hint); r.Validate() == nil && !role.Allows(r) {
			role = r
		}
		return &editor.PermissionError{Role: role, Action: perm.action, User: d.user}
	case "23505": // unique_violation: another transaction took the revision number or the slug
		if pe.ConstraintName == "revisions_pkey" || pe.ConstraintName == "stories_slug_key" || pe.ConstraintName == "pages_slug_key" {
			// The next attempt reads what it took, and plans again.
			return errStale
		}
	case "40001", "40P01": // serialization failure, deadlock: try again
		return errStale
	case "53300": // too_many_connections
		return fmt.Errorf("%s has no connection free for copydesk (%s); try again, or ask the administrator to raise max_connections or add a pooler", d.name, pe.Message)
	}
	return &serverError{fmt.Sprintf("%s: %s (SQLSTATE %s)", d.name, pe.Message, pe.Code), pe}
}

// serverError is an error the server sent, said with the desk's name; it
// wraps the *pgconn.PgError, whose SQLState tells a server shutting down
// (57P01) from a refusal.
type serverError struct {
	msg string
	pe  *pgconn.PgError
}

func (e *serverError) Error() string { return e.msg }
func (e *serverError) Unwrap() error { return e.pe }

// violates reports whether err is a unique violation of the constraint.
func violates(err error, constraint string) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505" && pe.ConstraintName == constraint
}
