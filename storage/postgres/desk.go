package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"copydesk/editor"
)

// Init creates or updates the desk: the schema (Open has run its
// migrations), the group roles editor, subeditor and desk, each a member of
// the one before so that it has its rights, and what each may do to the
// tables. What the roles may not do (publish without the desk, rewrite a
// revision, delete a story) the schema's triggers refuse. Running it again
// changes nothing.
func (d *DB) Init(ctx context.Context) error {
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		var dbName string
		if err := tx.QueryRow(ctx, `SELECT current_database()`).Scan(&dbName); err != nil {
			return err
		}
		for _, r := range editor.Roles {
			if _, err := tx.Exec(ctx, `DO $$ BEGIN
				IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '`+string(r)+`') THEN
					CREATE ROLE `+string(r)+` NOLOGIN;
				END IF; END $$`); err != nil {
				return err
			}
		}
		db := pgx.Identifier{dbName}.Sanitize()
		for _, q := range []string{
			`GRANT editor TO subeditor`,
			`GRANT subeditor TO desk`,
			`GRANT CONNECT ON DATABASE ` + db + ` TO editor`,
			`GRANT USAGE ON SCHEMA public TO editor`,
			`GRANT SELECT ON ALL TABLES IN SCHEMA public TO editor`,
			`GRANT INSERT, UPDATE ON stories, people TO editor`,
			`GRANT INSERT ON revisions TO editor`,
			`GRANT SELECT, INSERT, UPDATE, DELETE ON working_copies TO editor`,
			`GRANT SELECT, INSERT, UPDATE, DELETE ON presence TO editor`,
			`GRANT INSERT, UPDATE ON notes TO editor`,
			`GRANT INSERT ON house_words TO editor`,
			`GRANT INSERT, UPDATE ON desk_settings TO desk`,
			`GRANT DELETE ON house_words TO desk`,
			`GRANT INSERT, UPDATE ON export_memos TO editor`,
			`GRANT INSERT, UPDATE ON pages TO desk`,
		} {
			if _, err := tx.Exec(ctx, q); err != nil {
				return fmt.Errorf("%s: %w", q, err)
			}
		}
		return nil
	})
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" {
		return fmt.Errorf("%s: %s cannot set up the desk (%s); run desk init as the database's owner, with the right to create roles (CREATEROLE)", d.name, d.user, pe.Message)
	}
	return err
}

// AddMember creates the login role name in the group role, or moves an
// existing one there (out of the other copydesk groups); password, when
// given, becomes its password.
func (d *DB) AddMember(ctx context.Context, name string, role editor.Role, password string) error {
	if err := role.Validate(); err != nil {
		return err
	}
	if strings.TrimSpace(name) == "" || strings.ContainsAny(name, "\x00\n\r") || len(name) > 63 {
		return &editor.ValidationError{Field: "name", Problem: fmt.Sprintf("%q is not a user name PostgreSQL takes: give one line of at most 63 bytes", name)}
	}
	for _, r := range editor.Roles {
		if name == string(r) {
			return &editor.ValidationError{Field: "name", Problem: fmt.Sprintf("%q is a group role; give the person's own user name", name)}
		}
	}
	if strings.ContainsRune(password, 0) {
		return &editor.ValidationError{Field: "password", Problem: "holds a NUL byte"}
	}
	who := pgx.Identifier{name}.Sanitize()
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, name).Scan(&exists); err != nil {
			return err
		}
		var qs []string
		if !exists {
			qs = append(qs, `CREATE ROLE `+who+` LOGIN`)
		}
		for _, r := range editor.Roles {
			if r != role {
				qs = append(qs, `REVOKE `+string(r)+` FROM `+who)
			}
		}
		qs = append(qs, `GRANT `+string(role)+` TO `+who)
		if password != "" {
			qs = append(qs, `ALTER ROLE `+who+` PASSWORD `+quoteLiteral(password))
		}
		for _, q := range qs {
			if _, err := tx.Exec(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" {
		return fmt.Errorf("%s: %s may not add people to the desk (%s); run desk add as the database's owner, with CREATEROLE", d.name, d.user, pe.Message)
	}
	return err
}

// quoteLiteral quotes s as an SQL string literal (standard_conforming_strings
// on, as since PostgreSQL 9.1): ALTER ROLE takes no parameters.
func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
