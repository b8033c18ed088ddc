package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor"
)

// TestStoryListSortsNothing: the story list, newest change first, of every
// status or of one, is read from an index in its order (backwards since
// migration 0014), never sorted in a temporary B-tree.
func TestStoryListSortsNothing(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "plan.db"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const list = `SELECT id, slug, headline, substr(body, 1, 200), status, section, revision, updated_at, urgency, slugline FROM stories`
	for _, q := range []struct {
		name, sql, index string
	}{
		{"every status", list + ` ORDER BY ` + editor.OrderNewest.OrderBy() + ` LIMIT 50`, "stories_by_updated"},
		{"one status", list + ` WHERE status = 'draft' ORDER BY ` + editor.OrderNewest.OrderBy() + ` LIMIT 50`, "stories_by_status"},
	} {
		text := strings.Join(queryPlan(context.Background(), t, db, q.sql), "; ")
		if strings.Contains(text, "TEMP B-TREE") || !strings.Contains(text, "INDEX "+q.index) {
			t.Errorf("the plan of the list of %s is %q, want it read from %s with no sort", q.name, text, q.index)
		}
	}
}
