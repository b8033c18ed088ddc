package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
)

const personColumns = `id, name, honorific, short_name, role, organisation`

// SavePerson adds a person to the directory, or updates the one with p.ID;
// a new person whose name is known (ignoring case) is merged into that
// entry (editor.MergePerson), and p gets its ID.
func (d *DB) SavePerson(ctx context.Context, p *editor.Person) error {
	orig := *p
	return d.write(ctx, &permission{editor.RoleEditor, "edit the people directory"}, func(tx pgx.Tx) error {
		*p = orig
		return d.savePerson(ctx, tx, p)
	})
}

func (d *DB) savePerson(ctx context.Context, tx pgx.Tx, p *editor.Person) error {
	for _, f := range []*string{&p.Name, &p.Honorific, &p.ShortName, &p.Role, &p.Organisation} {
		*f = strings.TrimSpace(*f)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	now := d.now()
	if p.ID != "" {
		return updatePerson(ctx, tx, p, now)
	}
	existing, err := scanPerson(tx.QueryRow(ctx, `SELECT `+personColumns+` FROM people WHERE lower(name) = lower($1)`, p.Name))
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		p.ID = d.NewID()
		_, err := tx.Exec(ctx, `INSERT INTO people (`+personColumns+`, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
			p.ID, p.Name, p.Honorific, p.ShortName, p.Role, p.Organisation, now)
		if violates(err, "people_name") {
			// Someone added them meanwhile: the next attempt merges.
			return errStale
		}
		return err
	case err != nil:
		return err
	}
	*p = editor.MergePerson(*existing, *p)
	return updatePerson(ctx, tx, p, now)
}

func updatePerson(ctx context.Context, tx pgx.Tx, p *editor.Person, now any) error {
	tag, err := tx.Exec(ctx, `UPDATE people SET name = $1, honorific = $2, short_name = $3, role = $4, organisation = $5,
		updated_at = $6 WHERE id = $7`, p.Name, p.Honorific, p.ShortName, p.Role, p.Organisation, now, p.ID)
	if violates(err, "people_name") {
		return &editor.ConflictError{Kind: editor.ConflictName, Noun: "person", Value: p.Name}
	}
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("person %s: %w", p.ID, editor.ErrNotFound)
	}
	return nil
}

// Person returns the person with this ID.
func (d *DB) Person(ctx context.Context, id string) (*editor.Person, error) {
	p, err := scanPerson(d.pool.QueryRow(ctx, `SELECT `+personColumns+` FROM people WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("person %s: %w", id, editor.ErrNotFound)
	}
	return p, err
}

// People lists the directory by name.
func (d *DB) People(ctx context.Context) ([]editor.Person, error) {
	rows, err := d.pool.Query(ctx, `SELECT `+personColumns+` FROM people ORDER BY lower(name), id`)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.Person, error) {
		p, err := scanPerson(row)
		if err != nil {
			return editor.Person{}, err
		}
		return *p, nil
	})
	if len(out) == 0 {
		out = nil
	}
	return out, err
}

func scanPerson(row pgx.Row) (*editor.Person, error) {
	var p editor.Person
	if err := row.Scan(&p.ID, &p.Name, &p.Honorific, &p.ShortName, &p.Role, &p.Organisation); err != nil {
		return nil, err
	}
	return &p, nil
}
