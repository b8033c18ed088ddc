package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
)

// headColumns are storyColumns with the body left out, but for a story with
// no headline, whose title is made from it, and with no quotes or
// corrections.
var headColumns = func() []string {
	cols := append([]string(nil), storyColumns...)
	for i, c := range cols {
		switch c {
		case "body":
			cols[i] = "CASE WHEN headline = '' THEN body ELSE '' END"
		case "quotes", "corrections":
			cols[i] = "'[]'::jsonb"
		}
	}
	return cols
}()

var selectHeads = "SELECT " + strings.Join(headColumns, ", ") + " FROM stories WHERE status = 'published'"

func collectStories(rows pgx.Rows) ([]editor.Story, error) {
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.Story, error) {
		s, err := scanStory(row)
		if err != nil {
			return editor.Story{}, err
		}
		return *s, nil
	})
}

// PublishedHeads returns every published story without its body (but for
// one with no headline), quotes and corrections, for an export.
func (d *DB) PublishedHeads(ctx context.Context) (out []editor.Story, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, selectHeads)
		if err != nil {
			return err
		}
		out, err = collectStories(rows)
		return err
	})
	return out, err
}

// PublishedVersions returns the version of every published story, in any
// order.
func (d *DB) PublishedVersions(ctx context.Context) (out []editor.StoryVersion, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, revision, embargo, expires FROM stories
			WHERE status = 'published'`)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.StoryVersion, error) {
			var v editor.StoryVersion
			if err := row.Scan(&v.ID, &v.Revision, &v.Embargo, &v.Expires); err != nil {
				return v, err
			}
			for _, t := range []**time.Time{&v.Embargo, &v.Expires} {
				if *t != nil {
					u := (*t).UTC()
					*t = &u
				}
			}
			return v, nil
		})
		return err
	})
	return out, err
}

// StoriesByID returns these stories whole, in any order; an ID that names
// no story is left out.
func (d *DB) StoriesByID(ctx context.Context, ids []string) (out []editor.Story, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, selectStory+` WHERE id = ANY($1)`, ids)
		if err != nil {
			return err
		}
		out, err = collectStories(rows)
		return err
	})
	return out, err
}

// ExportMemos returns every story's export memo, without HTML.
func (d *DB) ExportMemos(ctx context.Context) (out []editor.ExportMemo, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT story_id, revision, sum FROM export_memos`)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.ExportMemo, error) {
			var m editor.ExportMemo
			err := row.Scan(&m.StoryID, &m.Revision, &m.Sum)
			return m, err
		})
		return err
	})
	return out, err
}

// ExportHTML returns these stories' export memos with their HTML.
func (d *DB) ExportHTML(ctx context.Context, ids []string) (out []editor.ExportMemo, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT story_id, revision, sum, coalesce(html_key, ''::bytea), coalesce(html, ''::bytea)
			FROM export_memos WHERE story_id = ANY($1)`, ids)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.ExportMemo, error) {
			var m editor.ExportMemo
			err := row.Scan(&m.StoryID, &m.Revision, &m.Sum, &m.HTMLKey, &m.HTML)
			return m, err
		})
		return err
	})
	return out, err
}

// SaveExportMemos stores the memos, replacing the stories' earlier ones,
// and forgets the HTML of every story not in keepHTML. A memo of a story
// that is no longer in the database is left out.
func (d *DB) SaveExportMemos(ctx context.Context, memos []editor.ExportMemo, keepHTML []string) error {
	return d.write(ctx, &permission{editor.RoleEditor, "keep what the export saw"}, func(tx pgx.Tx) error {
		var batch pgx.Batch
		for _, m := range memos {
			batch.Queue(`INSERT INTO export_memos (story_id, revision, sum, html_key, html)
				SELECT id, $2::integer, $3::bytea, $4::bytea, $5::bytea FROM stories WHERE id = $1
				ON CONFLICT (story_id) DO UPDATE SET revision = excluded.revision, sum = excluded.sum,
					html_key = excluded.html_key, html = excluded.html`,
				m.StoryID, m.Revision, m.Sum, nullBytes(m.HTMLKey), nullBytes(m.HTML))
		}
		if keepHTML == nil {
			keepHTML = []string{}
		}
		batch.Queue(`UPDATE export_memos SET html_key = NULL, html = NULL WHERE html IS NOT NULL AND NOT story_id = ANY($1)`, keepHTML)
		return tx.SendBatch(ctx, &batch).Close()
	})
}

// nullBytes is b, or NULL when it is empty.
func nullBytes(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}
