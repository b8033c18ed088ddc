package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"unicode"

	"copydesk/editor"
)

// Search finds stories, pages, quotes and people whose words match query,
// best match first. Every word of the query must match, as a word or the start
// of one ("clever" finds "Cleverly").
func (d *DB) Search(ctx context.Context, query string, limit int) ([]editor.SearchHit, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := d.rdb.QueryContext(ctx, `SELECT d.kind, d.ref, d.story, search.title,
			snippet(search, 1, char(1), char(2), '…', 16)
		FROM search JOIN search_docs d ON d.id = search.rowid
		WHERE search MATCH ? ORDER BY bm25(search, 4.0, 1.0) LIMIT ?`, match, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []editor.SearchHit
	for rows.Next() {
		var h editor.SearchHit
		var snippet string
		if err := rows.Scan(&h.Kind, &h.ID, &h.StoryID, &h.Title, &snippet); err != nil {
			return nil, err
		}
		if h.Kind != "quote" {
			h.StoryID = ""
		}
		h.Snippet, h.Highlights = editor.Unmark(snippet)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range hits {
		if hits[i].Kind == "story" && hits[i].Title == "" {
			// A story with no headline yet is named by its first words, as in the list.
			var body string
			if err := d.rdb.QueryRowContext(ctx, `SELECT substr(body, 1, 200) FROM stories WHERE id = ?`, hits[i].ID).Scan(&body); err != nil {
				return nil, err
			}
			hits[i].Title = (&editor.Story{Body: body}).Title()
		}
	}
	return hits, nil
}

// ftsQuery turns what a person typed into an FTS5 query: each word a quoted
// prefix term, so that no punctuation can be read as FTS5 syntax.
func ftsQuery(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	terms := make([]string, 0, len(words))
	for _, w := range words {
		terms = append(terms, `"`+w+`"*`)
	}
	return strings.Join(terms, " ")
}

// setSearchDoc replaces the search row for (kind, ref).
func setSearchDoc(ctx context.Context, tx *sql.Tx, kind, ref, story, title, body string) error {
	if err := dropSearchDocs(ctx, tx, `kind = ? AND ref = ?`, kind, ref); err != nil {
		return err
	}
	return insertSearchDoc(ctx, tx, kind, ref, story, title, body)
}

// insertSearchDoc adds a search row for (kind, ref), which must have none.
func insertSearchDoc(ctx context.Context, tx *sql.Tx, kind, ref, story, title, body string) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO search_docs (kind, ref, story) VALUES (?, ?, ?)`, kind, ref, story)
	if err != nil {
		return err
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)`, rowid, title, body)
	return err
}

func dropSearchDocs(ctx context.Context, tx *sql.Tx, where string, args ...any) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM search WHERE rowid IN (SELECT id FROM search_docs WHERE `+where+`)`, args...); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM search_docs WHERE `+where, args...)
	return err
}

// indexStory replaces the search rows of a story and its quotes.
func indexStory(ctx context.Context, tx *sql.Tx, s *editor.Story) error {
	if err := dropSearchDocs(ctx, tx, `story = ?`, s.ID); err != nil {
		return err
	}
	if err := insertSearchDoc(ctx, tx, "story", s.ID, s.ID, s.Headline, joinNonEmpty(s.Standfirst, s.Byline, s.Body, s.Credit, strings.Join(s.Tags, " "))); err != nil {
		return err
	}
	for _, q := range s.Quotes {
		if err := insertSearchDoc(ctx, tx, "quote", q.ID, s.ID, q.Speaker, q.Text); err != nil {
			return err
		}
	}
	return nil
}

func indexPage(ctx context.Context, tx *sql.Tx, p *editor.Page) error {
	return setSearchDoc(ctx, tx, "page", p.ID, "", p.Title, joinNonEmpty(p.Summary, p.Body))
}

func indexPerson(ctx context.Context, tx *sql.Tx, p *editor.Person) error {
	return setSearchDoc(ctx, tx, "person", p.ID, "", p.FullName(), joinNonEmpty(p.ShortName, p.Role, p.Organisation))
}

func joinNonEmpty(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
