package sqlite

import (
	"context"
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
