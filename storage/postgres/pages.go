package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
)

const pageColumns = `id, slug, kind, title, summary, body, revision, created_at, updated_at`

// pagePermission: only the desk edits site pages.
func pagePermission() *permission { return &permission{editor.RoleDesk, "edit site pages"} }

// CreatePage saves a new site page as revision 1.
func (d *DB) CreatePage(ctx context.Context, p *editor.Page, meta editor.RevisionMeta) error {
	if err := d.checkAuthor(meta); err != nil {
		return err
	}
	orig := *p
	return d.write(ctx, pagePermission(), func(tx pgx.Tx) error {
		*p = orig
		meta, err := editor.PlanNewPage(p, meta, d.now(), d.lookups(ctx, tx, "pages"))
		if err != nil {
			return err
		}
		if err := d.insertRevision(ctx, tx, "page", p.ID, 1, meta, p.Content(), nil, p.Words()); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO pages (`+pageColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			p.ID, p.Slug, string(p.Kind), p.Title, p.Summary, p.Body, p.Revision, p.CreatedAt, p.UpdatedAt)
		return err
	})
}

// SavePage saves an edited page as a new revision when its content changed;
// base is the revision the edit started from, as for SaveStory.
func (d *DB) SavePage(ctx context.Context, p *editor.Page, base int, meta editor.RevisionMeta) (bool, error) {
	res, err := d.savePageTx(ctx, p, base, meta, false)
	return res.Saved, err
}

// MergePage saves an edited page, merging it with the revisions saved since base.
func (d *DB) MergePage(ctx context.Context, p *editor.Page, base int, meta editor.RevisionMeta) (editor.SaveResult, error) {
	return d.savePageTx(ctx, p, base, meta, true)
}

func (d *DB) savePageTx(ctx context.Context, p *editor.Page, base int, meta editor.RevisionMeta, merge bool) (res editor.SaveResult, err error) {
	if err := d.checkAuthor(meta); err != nil {
		return res, err
	}
	orig := *p
	err = d.write(ctx, pagePermission(), func(tx pgx.Tx) error {
		*p = orig
		cur, err := findPageByID(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		res, err = d.savePage(ctx, tx, cur, p, base, meta, merge)
		return err
	})
	return res, err
}

func (d *DB) savePage(ctx context.Context, tx pgx.Tx, cur, p *editor.Page, base int, meta editor.RevisionMeta, merge bool) (editor.SaveResult, error) {
	in := editor.PageSave{Current: cur, Edited: p, Base: base, Meta: meta, Now: d.now(), Lookups: d.lookups(ctx, tx, "pages")}
	if merge && base >= 1 && base < cur.Revision {
		old, _, err := oldPage(ctx, tx, cur, base)
		if err != nil {
			return editor.SaveResult{}, err
		}
		in.BasePage = old
	}
	plan, err := editor.PlanPageSave(in)
	if err != nil || !plan.Write {
		return editor.SaveResult{}, err
	}
	if err := d.insertRevision(ctx, tx, "page", p.ID, p.Revision, plan.Meta, p.Content(), cur.Content(), p.Words()); err != nil {
		return editor.SaveResult{}, err
	}
	tag, err := tx.Exec(ctx, `UPDATE pages SET slug = $1, kind = $2, title = $3, summary = $4, body = $5, revision = $6,
		updated_at = $7 WHERE id = $8 AND revision = $9`, p.Slug, string(p.Kind), p.Title, p.Summary, p.Body, p.Revision, p.UpdatedAt, p.ID, cur.Revision)
	if err != nil {
		return editor.SaveResult{}, err
	}
	if tag.RowsAffected() == 0 {
		return editor.SaveResult{}, errStale
	}
	return editor.SaveResult{Saved: true, MergedWith: plan.MergedWith}, nil
}

// RestorePage makes revision seq of a page current again, as a new revision
// of kind restore.
func (d *DB) RestorePage(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (next *editor.Page, saved bool, err error) {
	if err := d.checkAuthor(meta); err != nil {
		return nil, false, err
	}
	err = d.write(ctx, pagePermission(), func(tx pgx.Tx) error {
		cur, err := findPageByID(ctx, tx, id)
		if err != nil {
			return err
		}
		_, content, err := findRevision(ctx, tx, id, seq)
		if err != nil {
			return err
		}
		var m editor.RevisionMeta
		if next, m, err = editor.RestorePageEdit(cur, seq, content, meta); err != nil {
			return err
		}
		res, err := d.savePage(ctx, tx, cur, next, cur.Revision, m, false)
		saved = res.Saved
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return next, saved, nil
}

// Page returns the page with this ID.
func (d *DB) Page(ctx context.Context, id string) (*editor.Page, error) {
	return findPageByID(ctx, d.pool, id)
}

// FindPage finds a page by ID, ID prefix of 6 or more characters, or slug.
func (d *DB) FindPage(ctx context.Context, ref string) (p *editor.Page, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		id, err := resolveRef(ctx, tx, "pages", "page", ref)
		if err != nil {
			return err
		}
		p, err = findPageByID(ctx, tx, id)
		return err
	})
	return p, err
}

// Pages lists every site page by title.
func (d *DB) Pages(ctx context.Context) ([]editor.Page, error) {
	rows, err := d.pool.Query(ctx, `SELECT `+pageColumns+` FROM pages ORDER BY lower(title), id`)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.Page, error) {
		p, err := scanPage(row)
		if err != nil {
			return editor.Page{}, err
		}
		return *p, nil
	})
	if len(out) == 0 {
		out = nil
	}
	return out, err
}

// PageRevision rebuilds the page as it was at revision seq.
func (d *DB) PageRevision(ctx context.Context, id string, seq int) (old *editor.Page, rev *editor.Revision, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		cur, err := findPageByID(ctx, tx, id)
		if err != nil {
			return err
		}
		old, rev, err = oldPage(ctx, tx, cur, seq)
		return err
	})
	return old, rev, err
}

func oldPage(ctx context.Context, q querier, cur *editor.Page, seq int) (*editor.Page, *editor.Revision, error) {
	rev, content, err := findRevision(ctx, q, cur.ID, seq)
	if err != nil {
		return nil, nil, err
	}
	old := *cur
	if err := old.ApplyContent(content); err != nil {
		return nil, nil, fmt.Errorf("page %s revision %d: %w", cur.ID, seq, err)
	}
	old.Revision, old.UpdatedAt = rev.Seq, rev.CreatedAt
	return &old, rev, nil
}

func findPageByID(ctx context.Context, q querier, id string) (*editor.Page, error) {
	p, err := scanPage(q.QueryRow(ctx, `SELECT `+pageColumns+` FROM pages WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("page %s: %w", id, editor.ErrNotFound)
	}
	return p, err
}

func scanPage(row pgx.Row) (*editor.Page, error) {
	var p editor.Page
	if err := row.Scan(&p.ID, &p.Slug, &p.Kind, &p.Title, &p.Summary, &p.Body, &p.Revision, &p.CreatedAt, &p.UpdatedAt); err != nil {
		return nil, err
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return &p, nil
}
