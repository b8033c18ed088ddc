package postgres

import (
	"context"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
)

// Search finds stories, pages, quotes and people whose words match query,
// best match first, in the same shape as on SQLite. The query is read by
// websearch_to_tsquery ("quoted phrases", or, -not), and each of its words
// matches as a word or the start of one ("clever" finds "Cleverly").
func (d *DB) Search(ctx context.Context, query string, limit int) ([]editor.SearchHit, error) {
	if strings.IndexFunc(query, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := d.pool.Query(ctx, `
		WITH q AS (SELECT regexp_replace(websearch_to_tsquery('copydesk_search', $1)::text,
			'''(?:[^'']|'''')+''', '\&:*', 'g')::tsquery AS q)
		SELECT s.kind, s.ref, s.story, s.title,
			ts_headline('copydesk_search', s.body, q.q,
				'StartSel=`+editor.SnippetOpen+`, StopSel=`+editor.SnippetClose+`, MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…'),
			coalesce(substr(st.body, 1, 200), '')
		FROM search_docs s CROSS JOIN q
		LEFT JOIN stories st ON s.kind = 'story' AND st.id = s.ref AND s.title = ''
		WHERE s.tsv @@ q.q
		ORDER BY ts_rank(s.tsv, q.q) DESC, s.kind, s.ref
		LIMIT $2`, query, limit)
	if err != nil {
		return nil, err
	}
	hits, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.SearchHit, error) {
		var h editor.SearchHit
		var snippet, body string
		if err := row.Scan(&h.Kind, &h.ID, &h.StoryID, &h.Title, &snippet, &body); err != nil {
			return h, err
		}
		if h.Kind != "quote" {
			h.StoryID = ""
		}
		if h.Kind == "story" && h.Title == "" {
			// A story with no headline yet is named by its first words, as in the list.
			h.Title = (&editor.Story{Body: body}).Title()
		}
		h.Snippet, h.Highlights = editor.Unmark(snippet)
		return h, nil
	})
	if len(hits) == 0 {
		hits = nil
	}
	return hits, err
}
