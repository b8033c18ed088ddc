package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"

	"copydesk/editor"
)

const personColumns = `id, name, honorific, short_name, role, organisation`

// SavePerson adds a person to the directory, or updates the one with p.ID.
// A new person whose name is already in the directory (ignoring case) is merged
// into that entry (editor.MergePerson: fields it has empty are filled from
// p), and p gets its ID.
func (d *DB) SavePerson(ctx context.Context, p *editor.Person) error {
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		return true, d.savePerson(ctx, tx, p)
	})
}

func (d *DB) savePerson(ctx context.Context, tx *sql.Tx, p *editor.Person) error {
	for _, f := range []*string{&p.Name, &p.Honorific, &p.ShortName, &p.Role, &p.Organisation} {
		*f = strings.TrimSpace(*f)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	now := formatTime(d.now())
	if p.ID == "" {
		existing, err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE name = ?`, p.Name))
		switch {
		case errors.Is(err, editor.ErrNotFound):
			p.ID = d.NewID()
			if _, err := tx.ExecContext(ctx, `INSERT INTO people (`+personColumns+`, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, p.Name, p.Honorific, p.ShortName, p.Role, p.Organisation, now, now); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			*p = editor.MergePerson(*existing, *p)
			return updatePerson(ctx, tx, p, now)
		}
		return nil
	}
	return updatePerson(ctx, tx, p, now)
}

func updatePerson(ctx context.Context, tx *sql.Tx, p *editor.Person, now string) error {
	res, err := tx.ExecContext(ctx, `UPDATE people SET name = ?, honorific = ?, short_name = ?, role = ?, organisation = ?,
		updated_at = ? WHERE id = ?`, p.Name, p.Honorific, p.ShortName, p.Role, p.Organisation, now, p.ID)
	if err != nil {
		var se sqlite3.Error
		if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique {
			// Only the name is unique, besides the ID the UPDATE keeps.
			return &editor.ConflictError{Kind: editor.ConflictName, Noun: "person", Value: p.Name}
		}
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("person %s: %w", p.ID, editor.ErrNotFound)
	}
	return nil
}

// Person returns the person with this ID.
func (d *DB) Person(ctx context.Context, id string) (*editor.Person, error) {
	p, err := scanPerson(d.rdb.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE id = ?`, id))
	if err != nil {
		return nil, fmt.Errorf("person %s: %w", id, err)
	}
	return p, nil
}

// People lists the directory by name.
func (d *DB) People(ctx context.Context) ([]editor.Person, error) {
	rows, err := d.rdb.QueryContext(ctx, `SELECT `+personColumns+` FROM people ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *p)
	}
	return out, rows.Err()
}

func scanPerson(row scanner) (*editor.Person, error) {
	var p editor.Person
	err := row.Scan(&p.ID, &p.Name, &p.Honorific, &p.ShortName, &p.Role, &p.Organisation)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, editor.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}
