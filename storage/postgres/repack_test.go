package postgres_test

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
	"copydesk/internal/pgtest"
	"copydesk/storage/postgres"
	"copydesk/storage/storetest"
)

// oldFormatDesk makes a desk whose revisions are kept as before migration
// 7: JSON content whole or as go-diff deltas (the old encoder,
// editor.StoreText), with no depth column. It returns the desk's URL, the
// story's ID and the contents of its revisions.
func oldFormatDesk(t *testing.T) (url, id string, contents []string) {
	t.Helper()
	ctx := context.Background()
	srv := pgtest.Get(t)
	url = srv.URL(srv.NewDatabase(t), pgtest.Superuser)
	db, err := postgres.Open(ctx, url, postgres.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s := &editor.Story{Headline: "Budget", Body: storetest.LongBody()}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
		t.Fatal(err)
	}
	contents = append(contents, string(s.Content()))
	r := rand.New(rand.NewSource(9))
	for i := 0; i < 40; i++ {
		cur, _ := db.Story(ctx, s.ID)
		cur.Body = storetest.EditBody(r, cur.Body, i)
		saved, err := db.SaveStory(ctx, cur, cur.Revision, editor.RevisionMeta{Note: fmt.Sprint("take ", i)})
		if err != nil {
			t.Fatal(err)
		}
		if saved {
			contents = append(contents, string(cur.Content()))
		}
	}
	db.Close()

	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{`ALTER TABLE revisions DISABLE TRIGGER revisions_immutable`} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	chain := 0
	for i, c := range contents {
		data, snapshot := c, true
		if i > 0 {
			if data, snapshot, err = editor.StoreText(contents[i-1], c, chain); err != nil {
				t.Fatal(err)
			}
		}
		if snapshot {
			chain = 0
		} else {
			chain += len(data)
		}
		if _, err := conn.Exec(ctx, `UPDATE revisions SET content = $1, snapshot = $2, chain_bytes = $3 WHERE doc_id = $4 AND seq = $5`,
			[]byte(data), snapshot, chain, s.ID, i+1); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{`ALTER TABLE revisions DROP COLUMN depth`, `ALTER TABLE revisions ENABLE TRIGGER revisions_immutable`,
		`DELETE FROM schema_migrations WHERE version = 7`} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	return url, s.ID, contents
}

func TestMigrationPacksRevisions(t *testing.T) {
	ctx := context.Background()
	url, id, contents := oldFormatDesk(t)
	db, err := postgres.Open(ctx, url, postgres.Options{})
	if err != nil {
		t.Fatalf("Open(old desk) = %v", err)
	}
	defer db.Close()
	for i, c := range contents {
		s, rev, err := db.StoryRevision(ctx, id, i+1)
		if err != nil || string(s.Content()) != c || rev.SHA256 != editor.ContentHash([]byte(c)) {
			t.Fatalf("after the migration StoryRevision(%d) = %v, or another content", i+1, err)
		}
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `UPDATE revisions SET note = 'x' WHERE doc_id = $1`, id); err == nil {
		t.Errorf("after the migration revisions can be updated: the trigger that refuses it is off")
	}
}

func TestMigrationRefusesDamagedRevision(t *testing.T) {
	ctx := context.Background()
	url, id, contents := oldFormatDesk(t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{`ALTER TABLE revisions DISABLE TRIGGER revisions_immutable`,
		`UPDATE revisions SET sha256 = '` + editor.ContentHash([]byte(contents[0])) + `' WHERE seq = 30`,
		`ALTER TABLE revisions ENABLE TRIGGER revisions_immutable`} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	_, err = postgres.Open(ctx, url, postgres.Options{})
	if err == nil || !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), "revision 30") || !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("Open with revision 30 damaged = %v, want an error naming it and saying nothing was changed", err)
	}
	var applied, hasDepth bool
	conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = 7)`).Scan(&applied)
	conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'revisions' AND column_name = 'depth')`).Scan(&hasDepth)
	if applied || hasDepth {
		t.Errorf("the failed migration left its mark: applied %v, depth column %v", applied, hasDepth)
	}
	var old []byte
	conn.QueryRow(ctx, `SELECT content FROM revisions WHERE doc_id = $1 AND seq = 1`, id).Scan(&old)
	if string(old) != contents[0] {
		t.Errorf("the failed migration changed revision 1's stored content")
	}
}
