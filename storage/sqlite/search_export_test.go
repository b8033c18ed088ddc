package sqlite

import (
	"context"
	"database/sql"
)

// OwnSearchWords takes a database back to the full-text index of schema 13:
// an FTS5 table holding its own copy of every row's words and their positions
// (as the old write path gave them, which search_source reads the same), the
// index of search_docs by story (a story's row naming it as its own story),
// no triggers, and migration 14 not applied. orphan adds an index row for a story that is not
// there, as a crashed or hand-edited file might hold. The test of migration
// 14 builds its fixture with it.
func OwnSearchWords(ctx context.Context, raw *sql.DB, orphan bool) error {
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	steps := []string{
		`CREATE VIRTUAL TABLE search_v13 USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2')`,
		`INSERT INTO search_v13 (rowid, title, body) SELECT id, title, body FROM search_source`,
	}
	if orphan {
		steps = append(steps,
			`INSERT INTO search_docs (kind, ref, story) VALUES ('story', 'gone', 'gone')`,
			`INSERT INTO search_v13 (rowid, title, body) VALUES (last_insert_rowid(), 'Vanished', 'nobody wrote this')`)
	}
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\_search\_%' ESCAPE '\'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		steps = append(steps, `DROP TRIGGER `+name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	steps = append(steps, `DROP TABLE search`, `DROP VIEW search_source`, `ALTER TABLE search_v13 RENAME TO search`,
		`CREATE INDEX search_docs_by_story ON search_docs (story) WHERE story != ''`,
		`UPDATE search_docs SET story = ref WHERE kind = 'story'`,
		`DELETE FROM schema_migrations WHERE version = 14`)
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return tx.Commit()
}
