package cli

import (
	"flag"
	"fmt"
	"strings"

	"copydesk/editor"
)

var searchCmd = &Command{Name: "search", Args: "QUERY... [--json]", Summary: "full-text search over stories, pages, quotes and people", MinArgs: 1, MaxArgs: -1,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		limit := fs.Int("limit", 20, "at most this many results")
		return func(e *Env, words []string) error {
			hits, err := e.DB.Search(e.Ctx, strings.Join(words, " "), *limit)
			if err != nil {
				return err
			}
			if *asJSON {
				if hits == nil {
					hits = []editor.SearchHit{}
				}
				return WriteJSON(e.Stdout, hits)
			}
			if len(hits) == 0 {
				fmt.Fprintf(e.Stderr, "nothing matches %q\n", strings.Join(words, " "))
				return nil
			}
			color := isTerminal(e.Stdout)
			for _, h := range hits {
				fmt.Fprintf(e.Stdout, "%-6s %s  %s\n       %s\n", h.Kind, h.ID[:8], h.Title, markSnippet(h, color))
			}
			return nil
		}
	}}

// markSnippet shows a search snippet's matches: bold on a terminal, [brackets] elsewhere.
func markSnippet(h editor.SearchHit, color bool) string {
	open, close := "[", "]"
	if color {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	var b strings.Builder
	last := 0
	for _, span := range h.Highlights {
		b.WriteString(h.Snippet[last:span[0]])
		b.WriteString(open + h.Snippet[span[0]:span[1]] + close)
		last = span[1]
	}
	b.WriteString(h.Snippet[last:])
	return b.String()
}
