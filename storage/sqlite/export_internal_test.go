package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportQueriesSortNothing: what an export reads goes through indexes in
// their order, never through a sort in a temporary B-tree (on 10,000
// stories that sort was most of an incremental export's time).
func TestExportQueriesSortNothing(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "plan.db"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	in, args := inList([]string{"a", "b", "c"})
	for _, q := range []struct {
		name, sql string
		args      []any
	}{
		{"heads", selectHeads, nil},
		{"versions", selectVersions, nil},
		{"stories by ID", selectStory + " WHERE id IN " + in, args},
		{"their quotes", `SELECT story_id, ` + quoteColumns + ` FROM quotes WHERE story_id IN ` + in + ` ORDER BY story_id, position`, args},
		{"their corrections", `SELECT story_id, kind, note, at FROM corrections WHERE story_id IN ` + in + ` ORDER BY story_id, seq`, args},
		{"memos", `SELECT story_id, revision, sum FROM export_memos`, nil},
		{"memos with HTML", `SELECT story_id, html FROM export_memos WHERE story_id IN ` + in, args},
	} {
		plan := queryPlan(ctx, t, db, q.sql, q.args...)
		text := strings.Join(plan, "; ")
		if strings.Contains(text, "TEMP B-TREE") || (strings.Contains(text, "SCAN") && q.args != nil) {
			t.Errorf("the plan of %s is %q: it sorts or scans", q.name, text)
		}
		if q.name == "versions" && !strings.Contains(text, "USING COVERING INDEX stories_versions") {
			t.Errorf("the plan of %s is %q, want it from the covering index stories_versions alone", q.name, text)
		}
		if q.name == "heads" && !strings.Contains(text, "USING COVERING INDEX stories_heads") {
			t.Errorf("the plan of %s is %q, want it from the covering index stories_heads alone (a new column of stories belongs in it)", q.name, text)
		}
	}
}

// queryPlan is what EXPLAIN QUERY PLAN says of query, a step a line.
func queryPlan(ctx context.Context, t *testing.T, db *DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.rdb.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}
