package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage/sqlite"
)

var ctx = context.Background()

// openDB opens a database in a new temporary folder with a clock that ticks a
// second on every call.
func openDB(t *testing.T) (*sqlite.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "copydesk.db")
	db := openAt(t, path)
	return db, path
}

func openBenchDB(b *testing.B) (*sqlite.DB, string) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.db")
	db, err := sqlite.Open(path, sqlite.Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db, path
}

func openAt(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(path, sqlite.Options{Create: true})
	if err != nil {
		t.Fatalf("Open(%q) = %v", path, err)
	}
	clock := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	t.Cleanup(func() { db.Close() })
	return db
}

func newStory(t *testing.T, db *sqlite.DB, headline, body string) *editor.Story {
	t.Helper()
	s := &editor.Story{Headline: headline, Body: body}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport, Author: "test"}); err != nil {
		t.Fatalf("CreateStory(%q) = %v", headline, err)
	}
	return s
}

func TestOpenCreatesFolderAndMigratesOnce(t *testing.T) {
	db, path := openDB(t)
	if !db.Created() {
		t.Errorf("Created() = false for a new database")
	}
	v, err := db.SchemaVersion(ctx)
	if err != nil || v < 1 {
		t.Fatalf("SchemaVersion() = %d, %v, want ≥ 1", v, err)
	}
	newStory(t, db, "Kept across a reopen", "Body.")
	db.Close()

	again := openAt(t, path)
	if again.Created() {
		t.Errorf("Created() = true when reopening %s", path)
	}
	if v2, _ := again.SchemaVersion(ctx); v2 != v {
		t.Errorf("SchemaVersion() after reopen = %d, want %d", v2, v)
	}
	if n, err := again.CountStories(ctx, ""); err != nil || n != 1 {
		t.Errorf("CountStories() after reopen = %d, %v, want 1", n, err)
	}
}

func TestOpenExplainsBadFiles(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte(strings.Repeat("this is not a database\n", 200)), 0o644)
	if _, err := sqlite.Open(notDB, sqlite.Options{Create: true}); err == nil || !strings.Contains(err.Error(), "is not a copydesk database") {
		t.Errorf("Open(text file) = %v, want 'is not a copydesk database'", err)
	}
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o644)
	if _, err := sqlite.Open(filepath.Join(blocker, "x.db"), sqlite.Options{Create: true}); err == nil {
		t.Errorf("Open(path under a file) = nil error, want one")
	}
}

// TestDatabaseFileIsInWALMode checks what the DSN's pragmas leave in the file
// itself: WAL is recorded there, so a connection opened without them sees it.
// (The per-connection pragmas are not visible from outside storage.)
func TestDatabaseFileIsInWALMode(t *testing.T) {
	_, path := openDB(t)
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var mode string
	if err := raw.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v, want wal", mode, err)
	}
}

func TestBackup(t *testing.T) {
	db, _ := openDB(t)
	for i := 0; i < 50; i++ {
		newStory(t, db, fmt.Sprintf("Story %d", i), strings.Repeat("word ", 200))
	}
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, db.Path()); err == nil {
		t.Errorf("Backup(onto itself) = nil error")
	}
	raw, err := sql.Open("sqlite3", dest)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var check string
	if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	copyDB := openAt(t, dest)
	if n, _ := copyDB.CountStories(ctx, ""); n != 50 {
		t.Errorf("backup holds %d stories, want 50", n)
	}
	if hits, _ := copyDB.Search(ctx, "Story 7", 5); len(hits) == 0 {
		t.Errorf("backup's search index finds nothing")
	}
}

func TestDamagedRevisionIsReported(t *testing.T) {
	db, path := openDB(t)
	s := newStory(t, db, "H", "B")
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	damage(t, raw, s.ID, 1)
	if _, _, err := db.StoryRevision(ctx, s.ID, 1); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("StoryRevision(damaged) = %v, want 'damaged'", err)
	}
}

func TestOpenExistingRefusesWhatIsNotThere(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo", "x.db")
	if _, err := sqlite.Open(missing, sqlite.Options{}); !errors.Is(err, editor.ErrNotFound) || !strings.Contains(err.Error(), missing) {
		t.Errorf("Open(missing) = %v, want ErrNotFound naming it", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Errorf("Open(missing) made its folder")
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	var fe *editor.FileError
	if _, err := sqlite.Open(empty, sqlite.Options{}); !errors.As(err, &fe) {
		t.Errorf("Open(empty) = %v, want a FileError", err)
	}
	db, err := sqlite.Open(empty, sqlite.Options{Create: true})
	if err != nil || !db.Created() {
		t.Fatalf("Open(empty, Create) = %v; an empty file may become a new database", err)
	}
	db.Close()
	again, err := sqlite.Open(empty, sqlite.Options{})
	if err != nil || again.Created() {
		t.Fatalf("Open(existing) = %v", err)
	}
	again.Close()
}
