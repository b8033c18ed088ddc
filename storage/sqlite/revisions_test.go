package sqlite_test

import (
	"database/sql"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage/sqlite"
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
	raw.QueryRow(`SELECT sum(length(data)), sum(depth = 0) FROM revisions r JOIN revision_docs d ON d.n = r.doc WHERE d.doc_id = ?`, s.ID).Scan(&stored, &snapshots)
	for _, c := range want {
		full += len(c)
	}
	if stored*50 > full || snapshots < 2 {
		t.Errorf("stored %d bytes in %d snapshots for %d bytes of full copies; want at most a fiftieth and more than one snapshot", stored, snapshots, full)
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
	damage(t, raw, s.ID, 2)
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
	if err := sqlite.UnpackRevisions(ctx, raw); err != nil {
		t.Fatal(err)
	}
	for i, c := range want {
		if _, err := raw.Exec(`UPDATE revisions SET content = ? WHERE doc_id = ? AND seq = ?`, []byte(c), s.ID, i+1); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{`ALTER TABLE revisions DROP COLUMN snapshot`, `ALTER TABLE revisions DROP COLUMN chain_bytes`,
		`DELETE FROM schema_migrations WHERE version IN (2, 12)`} {
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
	raw.QueryRow(`SELECT count(*) FROM revisions WHERE depth > 0`).Scan(&deltas)
	if deltas < 15 {
		t.Errorf("after the migration %d of %d revisions are deltas, want most", deltas, len(want))
	}
}

// damage changes one byte of the stored record of revision seq of docID.
func damage(t *testing.T, raw *sql.DB, docID string, seq int) {
	t.Helper()
	var data []byte
	const where = ` WHERE doc = (SELECT n FROM revision_docs WHERE doc_id = ?) AND seq = ?`
	if err := raw.QueryRow(`SELECT data FROM revisions`+where, docID, seq).Scan(&data); err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0x21
	if _, err := raw.Exec(`UPDATE revisions SET data = ?`+where, data, docID, seq); err != nil {
		t.Fatal(err)
	}
}

// oldFormatDB makes a database whose revisions are kept as before migration
// 12 (sqlite.UnpackRevisions writes them with the old encoder): stories and
// a page with many revisions. It returns each document's revisions and
// contents as they were.
func oldFormatDB(t *testing.T) (path string, revs map[string][]editor.Revision, contents map[string][]string) {
	t.Helper()
	db, path := openDB(t)
	r := rand.New(rand.NewSource(5))
	contents = map[string][]string{}
	for n := 0; n < 3; n++ {
		s := newStory(t, db, fmt.Sprintf("Budget %d", n), storetest.LongBody())
		contents[s.ID] = append(contents[s.ID], string(s.Content()))
		for i := 0; i < 30+40*n; i++ {
			cur, _ := db.Story(ctx, s.ID)
			cur.Body = storetest.EditBody(r, cur.Body, i)
			saved, err := db.SaveStory(ctx, cur, cur.Revision, editor.RevisionMeta{Author: "sub", Note: fmt.Sprint("take ", i)})
			if err != nil {
				t.Fatal(err)
			}
			if saved {
				contents[s.ID] = append(contents[s.ID], string(cur.Content()))
			}
		}
	}
	p := &editor.Page{Slug: "comment-rules", Kind: editor.PageRules, Title: "Comments: Our rules", Body: "Be kind."}
	if err := db.CreatePage(ctx, p, editor.RevisionMeta{Kind: editor.RevisionImport, Author: "desk"}); err != nil {
		t.Fatal(err)
	}
	contents[p.ID] = append(contents[p.ID], string(p.Content()))
	p.Body += " Be brief."
	if _, err := db.SavePage(ctx, p, 1, editor.RevisionMeta{Author: "desk"}); err != nil {
		t.Fatal(err)
	}
	contents[p.ID] = append(contents[p.ID], string(p.Content()))
	revs = map[string][]editor.Revision{}
	for id := range contents {
		if revs[id], _ = db.Revisions(ctx, id); len(revs[id]) != len(contents[id]) {
			t.Fatalf("%s has %d revisions, want %d", id, len(revs[id]), len(contents[id]))
		}
	}
	db.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := sqlite.UnpackRevisions(ctx, raw); err != nil {
		t.Fatal(err)
	}
	return path, revs, contents
}

func TestMigrationPacksRevisions(t *testing.T) {
	path, revs, contents := oldFormatDB(t)
	db := openAt(t, path)
	for id, want := range contents {
		got, err := db.Revisions(ctx, id)
		if err != nil || fmt.Sprint(got) != fmt.Sprint(revs[id]) {
			t.Errorf("after the migration Revisions(%s) = %v, %v, want %v", id, got, err, revs[id])
		}
		for i, c := range want {
			var content []byte
			if _, err := db.Story(ctx, id); err == nil {
				s, _, err := db.StoryRevision(ctx, id, i+1)
				if err != nil {
					t.Fatalf("after the migration StoryRevision(%s, %d) = %v", id, i+1, err)
				}
				content = s.Content()
			} else {
				p, _, err := db.PageRevision(ctx, id, i+1)
				if err != nil {
					t.Fatalf("after the migration PageRevision(%s, %d) = %v", id, i+1, err)
				}
				content = p.Content()
			}
			if string(content) != c {
				t.Fatalf("after the migration revision %d of %s differs from what was saved", i+1, id)
			}
		}
	}
	if v, _ := db.SchemaVersion(ctx); v < 12 {
		t.Errorf("SchemaVersion = %d after the migration, want 12 or more", v)
	}
}

// TestMigrationRefusesDamagedRevision: a revision that does not rebuild to
// its SHA-256 stops the migration with an error naming the document, and
// the file is left as it was.
func TestMigrationRefusesDamagedRevision(t *testing.T) {
	path, revs, _ := oldFormatDB(t)
	var id string
	for k, r := range revs {
		if len(r) > 50 {
			id = k
		}
	}
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE revisions SET sha256 = ? WHERE doc_id = ? AND seq = 40`, revs[id][10].SHA256, id); err != nil {
		t.Fatal(err)
	}
	dump := func() string {
		var n, sum int
		var tables string
		raw.QueryRow(`SELECT count(*), sum(length(content)) FROM revisions`).Scan(&n, &sum)
		raw.QueryRow(`SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)`).Scan(&tables)
		return fmt.Sprint(n, sum, tables)
	}
	before := dump()
	_, err = sqlite.Open(path, sqlite.Options{})
	if !errors.Is(err, editor.ErrCorrupt) || !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), "revision 40") ||
		!strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("Open with revision 40 of %s damaged = %v, want ErrCorrupt naming it and saying nothing was changed", id, err)
	}
	if after := dump(); after != before {
		t.Errorf("the failed migration changed the file: %s, was %s", after, before)
	}
}
