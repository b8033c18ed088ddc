package sqlite_test

import (
	"database/sql"
	"errors"
	"fmt"
	"math/rand"
	"testing"

	"copydesk/editor"
	"copydesk/storage/storetest"
)

func TestRevisionsRebuildExactlyFromDeltas(t *testing.T) {
	db, path := openDB(t)
	s := newStory(t, db, "Budget", storetest.LongBody())
	r := rand.New(rand.NewSource(1))
	want := map[int]string{1: string(s.Content())}
	for i := 0; i < 200; i++ {
		cur, _ := db.Story(ctx, s.ID)
		cur.Body = storetest.EditBody(r, cur.Body, i)
		if i%25 == 0 {
			cur.Headline = fmt.Sprintf("Budget, take %d", i)
		}
		if _, err := db.SaveStory(ctx, cur, cur.Revision, editor.RevisionMeta{Author: "sub"}); err != nil {
			t.Fatal(err)
		}
		want[cur.Revision] = string(cur.Content())
	}
	for seq, content := range want {
		got, rev, err := db.StoryRevision(ctx, s.ID, seq)
		if err != nil {
			t.Fatalf("StoryRevision(%d) = %v", seq, err)
		}
		if string(got.Content()) != content || rev.SHA256 != editor.ContentHash([]byte(content)) {
			t.Fatalf("revision %d rebuilt differently", seq)
		}
	}

	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var stored, full, snapshots int
	raw.QueryRow(`SELECT sum(length(content)), sum(snapshot) FROM revisions WHERE doc_id = ?`, s.ID).Scan(&stored, &snapshots)
	for _, c := range want {
		full += len(c)
	}
	if stored*5 > full || snapshots < 2 {
		t.Errorf("stored %d bytes in %d snapshots for %d bytes of full copies; want at most a fifth and more than one snapshot", stored, snapshots, full)
	}
}

func TestBrokenDeltaChainIsReported(t *testing.T) {
	db, path := openDB(t)
	s := newStory(t, db, "H", storetest.LongBody())
	cur, _ := db.Story(ctx, s.ID)
	cur.Body += "\n\nOne more paragraph."
	db.SaveStory(ctx, cur, 1, editor.RevisionMeta{})
	raw, _ := sql.Open("sqlite3", path)
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE revisions SET content = replace(content, 'One more', 'Two more') WHERE seq = 2`); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.StoryRevision(ctx, s.ID, 2); !errors.Is(err, editor.ErrCorrupt) {
		t.Errorf("StoryRevision(tampered delta) = %v, want ErrCorrupt", err)
	}
	if _, _, err := db.StoryRevision(ctx, s.ID, 1); err != nil {
		t.Errorf("StoryRevision(1) = %v; the snapshot before the damage should still read", err)
	}
}

// TestMigrationCompactsFoundationRevisions writes revisions as the first
// schema kept them (whole), then reopens so that migration 2 re-encodes them.
func TestMigrationCompactsFoundationRevisions(t *testing.T) {
	db, path := openDB(t)
	s := newStory(t, db, "Budget", storetest.LongBody())
	r := rand.New(rand.NewSource(2))
	var want []string
	want = append(want, string(s.Content()))
	for i := 0; i < 20; i++ {
		cur, _ := db.Story(ctx, s.ID)
		cur.Body = storetest.EditBody(r, cur.Body, i)
		db.SaveStory(ctx, cur, cur.Revision, editor.RevisionMeta{})
		want = append(want, string(cur.Content()))
	}
	db.Close()

	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range want {
		if _, err := raw.Exec(`UPDATE revisions SET content = ? WHERE doc_id = ? AND seq = ?`, []byte(c), s.ID, i+1); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{`ALTER TABLE revisions DROP COLUMN snapshot`, `ALTER TABLE revisions DROP COLUMN chain_bytes`,
		`DELETE FROM schema_migrations WHERE version = 2`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	raw.Close()

	again := openAt(t, path)
	for i, c := range want {
		got, _, err := again.StoryRevision(ctx, s.ID, i+1)
		if err != nil || string(got.Content()) != c {
			t.Fatalf("after the migration, revision %d = %v", i+1, err)
		}
	}
	raw, _ = sql.Open("sqlite3", path)
	defer raw.Close()
	var deltas int
	raw.QueryRow(`SELECT count(*) FROM revisions WHERE snapshot = 0`).Scan(&deltas)
	if deltas < 15 {
		t.Errorf("after the migration %d of %d revisions are deltas, want most", deltas, len(want))
	}
}
