package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"unicode"

	"copydesk/editor"
)

// rankedMatches is how many of a query's matches, the newest, Search ranks
// by bm25. The index keeps which column of a row has a word but not how
// often (migration 0014, detail = column), so bm25 reads and tokenizes each
// match again: about 50 µs for an 800-word story, half a second for a word
// that every one of 10,000 stories has. A query matching more rows than this
// (a prefix as short as "c") ranks only the newest of them.
const rankedMatches = 1000

// Search finds stories, pages, quotes and people whose words match query,
// best match first. Every word of the query must match, as a word or the start
// of one ("clever" finds "Cleverly"). Of a query matching more than
// rankedMatches rows, the best of the newest are found.
func (d *DB) Search(ctx context.Context, query string, limit int) ([]editor.SearchHit, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	// search_docs' IDs grow as things are made: the newest matches are
	// those from the rankedMatches-th highest rowid up.
	var from int64
	err := d.rdb.QueryRowContext(ctx, `SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
		match, rankedMatches-1).Scan(&from)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	// ORDER BY rank lets FTS5 sort the matches by bm25 itself, so that only
	// the rows returned have their snippet made.
	rows, err := d.rdb.QueryContext(ctx, `SELECT d.kind, d.ref, d.story, search.title,
			snippet(search, 1, char(1), char(2), '…', 16)
		FROM search JOIN search_docs d ON d.id = search.rowid
		WHERE search MATCH ? AND search.rowid >= ? AND rank MATCH 'bm25(4.0, 1.0)'
		ORDER BY rank LIMIT ?`, match, from, limit)
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
