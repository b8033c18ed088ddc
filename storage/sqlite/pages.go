package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"copydesk/editor"
)

const pageColumns = `id, slug, kind, title, summary, body, revision, created_at, updated_at`

// CreatePage saves a new site page as revision 1, giving it an ID and a slug
// unique among pages (from its slug or title).
func (d *DB) CreatePage(ctx context.Context, p *editor.Page, meta editor.RevisionMeta) error {
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		meta, err := editor.PlanNewPage(p, meta, d.now(), d.lookups(ctx, tx, "pages"))
		if err != nil {
			return false, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO pages (`+pageColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.ID, p.Slug, string(p.Kind), p.Title, p.Summary, p.Body, p.Revision, formatTime(p.CreatedAt), formatTime(p.UpdatedAt)); err != nil {
			return false, err
		}
		return true, d.insertRevision(ctx, tx, "page", p.ID, 1, meta, p.Content(), nil, p.Words())
	})
}

// SavePage saves an edited page as a new revision when its content changed;
// base is the revision the edit started from, as for SaveStory.
func (d *DB) SavePage(ctx context.Context, p *editor.Page, base int, meta editor.RevisionMeta) (saved bool, err error) {
	res, err := d.savePageTx(ctx, p, base, meta, false)
	return res.Saved, err
}

// MergePage saves an edited page, merging it with the revisions saved since
// base, as MergeStory does for a story.
func (d *DB) MergePage(ctx context.Context, p *editor.Page, base int, meta editor.RevisionMeta) (editor.SaveResult, error) {
	return d.savePageTx(ctx, p, base, meta, true)
}

func (d *DB) savePageTx(ctx context.Context, p *editor.Page, base int, meta editor.RevisionMeta, merge bool) (res editor.SaveResult, err error) {
	err = d.write(ctx, func(tx *sql.Tx) (bool, error) {
		cur, err := findPageByID(ctx, tx, p.ID)
		if err != nil {
			return false, err
		}
		res, err = d.savePage(ctx, tx, cur, p, base, meta, merge)
		return res.Saved, err
	})
	return res, err
}

// savePage plans and writes one save of a page inside tx.
func (d *DB) savePage(ctx context.Context, tx *sql.Tx, cur, p *editor.Page, base int, meta editor.RevisionMeta, merge bool) (editor.SaveResult, error) {
	in := editor.PageSave{Current: cur, Edited: p, Base: base, Meta: meta, Now: d.now(), Lookups: d.lookups(ctx, tx, "pages")}
	if merge && base >= 1 && base < cur.Revision {
		old, err := baseVersion(ctx, tx, cur, cur.ID, base)
		if err != nil {
			return editor.SaveResult{}, err
		}
		in.BasePage = old
	}
	plan, err := editor.PlanPageSave(in)
	if err != nil || !plan.Write {
		return editor.SaveResult{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE pages SET slug = ?, kind = ?, title = ?, summary = ?, body = ?, revision = ?,
		updated_at = ? WHERE id = ?`, p.Slug, string(p.Kind), p.Title, p.Summary, p.Body, p.Revision, formatTime(p.UpdatedAt), p.ID); err != nil {
		return editor.SaveResult{}, err
	}
	if err := d.insertRevision(ctx, tx, "page", p.ID, p.Revision, plan.Meta, p.Content(), cur.Content(), p.Words()); err != nil {
		return editor.SaveResult{}, err
	}
	return editor.SaveResult{Saved: true, MergedWith: plan.MergedWith}, nil
}

// RestorePage makes revision seq of a page current again, as a new revision
// of kind restore; saved is false when the page already reads as it did then.
func (d *DB) RestorePage(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (next *editor.Page, saved bool, err error) {
	err = d.write(ctx, func(tx *sql.Tx) (bool, error) {
		cur, err := findPageByID(ctx, tx, id)
		if err != nil {
			return false, err
		}
		_, content, err := findRevision(ctx, tx, id, seq)
		if err != nil {
			return false, err
		}
		var m editor.RevisionMeta
		if next, m, err = editor.RestorePageEdit(cur, seq, content, meta); err != nil {
			return false, err
		}
		res, err := d.savePage(ctx, tx, cur, next, cur.Revision, m, false)
		saved = res.Saved
		return saved, err
	})
	if err != nil {
		return nil, false, err
	}
	return next, saved, nil
}

// Page returns the page with this ID.
func (d *DB) Page(ctx context.Context, id string) (*editor.Page, error) {
	return findPageByID(ctx, d.rdb, id)
}

// FindPage finds a page by ID, ID prefix of 6 or more characters, or slug.
func (d *DB) FindPage(ctx context.Context, ref string) (p *editor.Page, err error) {
	err = d.read(ctx, func(q querier) error {
		id, err := resolveRef(ctx, q, "pages", "page", ref)
		if err != nil {
			return err
		}
		p, err = findPageByID(ctx, q, id)
		return err
	})
	return p, err
}

// Pages lists every site page by title.
func (d *DB) Pages(ctx context.Context) ([]editor.Page, error) {
	rows, err := d.rdb.QueryContext(ctx, `SELECT `+pageColumns+` FROM pages ORDER BY title COLLATE NOCASE, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.Page
	for rows.Next() {
		p, err := scanPage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *p)
	}
	return out, rows.Err()
}

// PageRevision rebuilds the page as it was at revision seq.
func (d *DB) PageRevision(ctx context.Context, id string, seq int) (old *editor.Page, rev *editor.Revision, err error) {
	err = d.read(ctx, func(q querier) error {
		cur, err := findPageByID(ctx, q, id)
		if err != nil {
			return err
		}
		if old, rev, err = oldVersion(ctx, q, cur, id, seq); err != nil {
			return err
		}
		old.Revision, old.UpdatedAt = rev.Seq, rev.CreatedAt
		return nil
	})
	return old, rev, err
}

func findPageByID(ctx context.Context, q querier, id string) (*editor.Page, error) {
	p, err := scanPage(q.QueryRowContext(ctx, `SELECT `+pageColumns+` FROM pages WHERE id = ?`, id))
	if errors.Is(err, editor.ErrNotFound) {
		return nil, fmt.Errorf("page %s: %w", id, err)
	}
	return p, err
}

func scanPage(row scanner) (*editor.Page, error) {
	var p editor.Page
	err := row.Scan(&p.ID, &p.Slug, &p.Kind, &p.Title, &p.Summary, &p.Body, &p.Revision, timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, editor.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}
