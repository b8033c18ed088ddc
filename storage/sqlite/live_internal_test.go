package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"copydesk/editor"
)

// TestOldWorkingCopiesGoToTheirAuthor: a file from before the live desk
// (schema 4, one working copy per document) keeps its working copies; each
// goes to the author of its document's newest revision, with no client, so
// any copy of the app of that person finds it, and its next autosave
// adopts it.
func TestOldWorkingCopiesGoToTheirAuthor(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	d, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s := &editor.Story{Headline: "Council sets budget", Body: "First words."}
	if err := d.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport, Author: "Ann"}); err != nil {
		t.Fatal(err)
	}
	edited := *s
	edited.Body = "First words, and more."
	// Back to schema 4, with a working copy as it kept them.
	if err := UnpackRevisions(ctx, d.db); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DROP TRIGGER revisions_feed`, `DROP TABLE changes`, `DROP TABLE presence`, `DROP TABLE working_copies`,
		`CREATE TABLE working_copies (doc_id TEXT PRIMARY KEY, doc_kind TEXT NOT NULL, base INTEGER NOT NULL, content BLOB NOT NULL, saved_at TEXT NOT NULL)`,
		`DELETE FROM schema_migrations WHERE version = 5`,
	} {
		if _, err := d.db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := d.db.ExecContext(ctx, `INSERT INTO working_copies VALUES (?, 'story', 1, ?, '2026-11-28T09:00:00.000000Z')`, s.ID, edited.Content()); err != nil {
		t.Fatal(err)
	}
	d.Close()

	d, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("Open(schema 4) = %v", err)
	}
	defer d.Close()
	ann := editor.Owner{User: "Ann", Client: editor.NewClientID()}
	wc, err := d.WorkingCopy(ctx, s.ID, ann)
	if err != nil || wc.User != "Ann" || wc.Client != "" {
		t.Fatalf("the old working copy, as Ann on a new client = %+v, %v; want Ann's with no client", wc, err)
	}
	if all, _ := d.WorkingCopies(ctx, editor.Owner{User: "Bob", Client: ann.Client}); len(all) != 0 {
		t.Errorf("Bob sees Ann's old working copy")
	}
	adopted := &editor.WorkingCopy{DocID: s.ID, DocKind: "story", Base: 1, Content: edited.Content(), User: ann.User, Client: ann.Client}
	if err := d.SaveWorkingCopy(ctx, adopted); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := d.rdb.QueryRowContext(ctx, `SELECT count(*) FROM working_copies`).Scan(&n); err != nil || n != 1 {
		t.Errorf("after Ann's autosave, %d working copies (%v), want her one", n, err)
	}
	if all, _ := d.WorkingCopies(ctx, ann); len(all) != 1 || all[0].Client != ann.Client {
		t.Errorf("WorkingCopies(Ann) = %+v, want the adopted one", all)
	}
}
