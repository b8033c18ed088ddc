package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"copydesk/editor"
)

// headColumns are storyColumns with the body left out, but for a story with
// no headline, whose title is made from it: the columns of the index
// stories_heads, and the body of the few such stories from the table.
var headColumns = func() []string {
	cols := append([]string(nil), storyColumns...)
	for i, c := range cols {
		if c == "body" {
			cols[i] = "CASE WHEN headline = '' THEN (SELECT body FROM stories AS whole WHERE whole.id = stories.id) ELSE '' END"
		}
	}
	return cols
}()

// selectHeads reads the published stories from the covering index
// stories_heads, in its order: no sort, and no body read.
var selectHeads = "SELECT " + strings.Join(headColumns, ", ") + " FROM stories INDEXED BY stories_heads WHERE status = 'published'"

// PublishedHeads returns every published story without its body (but for
// one with no headline), quotes and corrections, for an export.
func (d *DB) PublishedHeads(ctx context.Context) (out []editor.Story, err error) {
	err = d.read(ctx, func(q querier) error {
		// A story is large: growing the slice one append at a time copied
		// 10,000 of them over and over, a tenth of a no-change export.
		n, err := countPublished(ctx, q)
		if err != nil {
			return err
		}
		out = make([]editor.Story, 0, n)
		rows, err := q.QueryContext(ctx, selectHeads)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			s, err := scanStory(rows)
			if err != nil {
				return err
			}
			out = append(out, *s)
		}
		return rows.Err()
	})
	return out, err
}

func countPublished(ctx context.Context, q querier) (n int, err error) {
	err = q.QueryRowContext(ctx, `SELECT count(*) FROM stories INDEXED BY stories_versions WHERE status = 'published'`).Scan(&n)
	return n, err
}

// selectVersions reads the published stories' versions from the narrow
// index stories_versions alone, in its order (by ID).
const selectVersions = `SELECT id, revision, embargo, expires
	FROM stories INDEXED BY stories_versions WHERE status = 'published' ORDER BY status, id`

// PublishedVersions returns the version of every published story, by ID.
func (d *DB) PublishedVersions(ctx context.Context) (out []editor.StoryVersion, err error) {
	err = d.read(ctx, func(q querier) error {
		rows, err := q.QueryContext(ctx, selectVersions)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v editor.StoryVersion
			if err := rows.Scan(&v.ID, &v.Revision, nullTime{&v.Embargo}, nullTime{&v.Expires}); err != nil {
				return err
			}
			out = append(out, v)
		}
		return rows.Err()
	})
	return out, err
}

// idBatch is how many IDs one query names; SQLite takes up to 32,766
// parameters, fewer in old builds.
const idBatch = 500

// StoriesByID returns these stories whole, with quotes and corrections, in
// any order; an ID that names no story is left out.
func (d *DB) StoriesByID(ctx context.Context, ids []string) (out []editor.Story, err error) {
	err = d.read(ctx, func(q querier) error {
		for lo := 0; lo < len(ids); lo += idBatch {
			batch, err := storiesByID(ctx, q, ids[lo:min(lo+idBatch, len(ids))])
			if err != nil {
				return err
			}
			out = append(out, batch...)
		}
		return nil
	})
	return out, err
}

// inList is "(?, ?, …)" for n values, and the values as arguments.
func inList(ids []string) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return "(?" + strings.Repeat(", ?", len(ids)-1) + ")", args
}

func storiesByID(ctx context.Context, q querier, ids []string) ([]editor.Story, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := inList(ids)
	return loadStories(ctx, q, selectStory+" WHERE id IN "+in, in, args)
}

// ExportMemos returns every story's export memo, without HTML.
func (d *DB) ExportMemos(ctx context.Context) (out []editor.ExportMemo, err error) {
	err = d.read(ctx, func(q querier) error {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM export_memos`).Scan(&n); err != nil {
			return err
		}
		out = make([]editor.ExportMemo, 0, n)
		rows, err := q.QueryContext(ctx, `SELECT story_id, revision, sum FROM export_memos`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m editor.ExportMemo
			if err := rows.Scan(&m.StoryID, &m.Revision, &m.Sum); err != nil {
				return err
			}
			out = append(out, m)
		}
		return rows.Err()
	})
	return out, err
}

// ExportHTML returns these stories' export memos with their HTML.
func (d *DB) ExportHTML(ctx context.Context, ids []string) (out []editor.ExportMemo, err error) {
	err = d.read(ctx, func(q querier) error {
		for lo := 0; lo < len(ids); lo += idBatch {
			in, args := inList(ids[lo:min(lo+idBatch, len(ids))])
			rows, err := q.QueryContext(ctx, `SELECT story_id, revision, sum, coalesce(html_key, x''), coalesce(html, x'')
				FROM export_memos WHERE story_id IN `+in, args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var m editor.ExportMemo
				if err := rows.Scan(&m.StoryID, &m.Revision, &m.Sum, &m.HTMLKey, &m.HTML); err != nil {
					rows.Close()
					return err
				}
				out = append(out, m)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// SaveExportMemos stores the memos, replacing the stories' earlier ones,
// and forgets the HTML of every story not in keepHTML. A memo of a story
// that is no longer in the database is left out.
func (d *DB) SaveExportMemos(ctx context.Context, memos []editor.ExportMemo, keepHTML []string) error {
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		put, err := tx.PrepareContext(ctx, `INSERT INTO export_memos (story_id, revision, sum, html_key, html)
			SELECT id, ?, ?, ?, ? FROM stories WHERE id = ?
			ON CONFLICT (story_id) DO UPDATE SET revision = excluded.revision, sum = excluded.sum,
				html_key = excluded.html_key, html = excluded.html`)
		if err != nil {
			return false, err
		}
		defer put.Close()
		for _, m := range memos {
			if _, err := put.ExecContext(ctx, m.Revision, m.Sum, nullBytes(m.HTMLKey), nullBytes(m.HTML), m.StoryID); err != nil {
				return false, err
			}
		}
		keep := map[string]bool{}
		for _, id := range keepHTML {
			keep[id] = true
		}
		rows, err := tx.QueryContext(ctx, `SELECT story_id FROM export_memos WHERE html IS NOT NULL`)
		if err != nil {
			return false, err
		}
		var drop []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return false, err
			}
			if !keep[id] {
				drop = append(drop, id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return false, err
		}
		for lo := 0; lo < len(drop); lo += idBatch {
			in, args := inList(drop[lo:min(lo+idBatch, len(drop))])
			if _, err := tx.ExecContext(ctx, `UPDATE export_memos SET html_key = NULL, html = NULL WHERE story_id IN `+in, args...); err != nil {
				return false, err
			}
		}
		return true, nil
	})
}

// nullBytes is b, or NULL when it is empty.
func nullBytes(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}
