package postgres

import (
	"context"
	"net"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"copydesk/editor"
)

// loginError is a connection the server refused for its user or password:
// it reads as its message and matches editor.ErrLogin besides what the
// message wraps (ErrNotFound).
type loginError struct{ error }

func (e loginError) Unwrap() error        { return e.error }
func (e loginError) Is(target error) bool { return target == editor.ErrLogin }

// Desk names the desk as a person reads it in a status bar: host/database,
// the port only when it is not PostgreSQL's own, and for a Unix socket its
// folder.
func (d *DB) Desk() string { return d.desk }

func deskName(c *pgconn.Config) string {
	host := c.Host
	if c.Port != 5432 && host != "" && host[0] != '/' {
		host = net.JoinHostPort(host, strconv.Itoa(int(c.Port)))
	}
	return host + "/" + c.Database
}

// Role is the strongest of the desk's group roles (editor, subeditor,
// desk) the database user is in; "" when in none of them. A superuser is in
// every role, as PostgreSQL lets it do everything.
func (d *DB) Role(ctx context.Context) (editor.Role, error) {
	names := make([]string, len(editor.Roles))
	for i, r := range editor.Roles {
		names[i] = string(r)
	}
	rows, err := d.pool.Query(ctx, `SELECT rolname FROM pg_roles
		WHERE rolname = ANY($1) AND pg_has_role(session_user, oid, 'MEMBER')`, names)
	if err != nil {
		return "", d.explain(err, &permission{editor.RoleEditor, "read the desk"})
	}
	in, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", d.explain(err, &permission{editor.RoleEditor, "read the desk"})
	}
	var best editor.Role
	for _, name := range in {
		if r := editor.Role(name); best == "" || r.Allows(best) {
			best = r
		}
	}
	return best, nil
}
